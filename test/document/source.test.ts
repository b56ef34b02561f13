import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SourceText } from '../../src/document/source.js';

/** Line starts and ends as the definition says, one character at a time: CRLF, LF and a lone CR each end a line. */
function linesByDefinition(text: string): { starts: number[]; ends: number[] } {
  const starts = [0];
  const ends: number[] = [];
  for (let index = 0; index < text.length; index++) {
    if (text[index] === '\n' || text[index] === '\r') {
      ends.push(index);
      if (text[index] === '\r' && text[index + 1] === '\n') index++;
      starts.push(index + 1);
    }
  }
  ends.push(text.length);
  return { starts, ends };
}

describe('SourceText', () => {
  it('splits lines at CRLF, LF and a lone CR, as the definition does', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', ' ', '\n', '\r', '\r\n', 'é'), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        const source = new SourceText(text);
        expect({ starts: source.starts, ends: source.ends }).toEqual(linesByDefinition(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives each offset its line and column', () => {
    const source = new SourceText('ab\r\ncd\ref\n');
    expect([0, 2, 4, 7, 9, 10].map((offset) => source.point(offset))).toEqual([
      { line: 1, column: 1, offset: 0 },
      { line: 1, column: 3, offset: 2 },
      { line: 2, column: 1, offset: 4 },
      { line: 3, column: 1, offset: 7 },
      { line: 3, column: 3, offset: 9 },
      { line: 4, column: 1, offset: 10 },
    ]);
  });
});
