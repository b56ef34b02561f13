import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { readShellCommand, splitCommands } from '../../src/commands/shell.js';
import { indentedBlock } from './support.js';

/** Characters that matter to bash, plus ordinary ones. */
const shellChar = fc.constantFrom(...'ab-=,.:/{}[]*?~# \t\n\'"\\$`|&;<>()^!%@'.split(''));
const shellText = fc.string({ unit: fc.oneof(shellChar, fc.string({ unit: 'grapheme-ascii', maxLength: 1 })), maxLength: 120 });

/** One word written with random quoting; every style gives the word back after bash's quote removal. */
type Quoting = 'single' | 'double' | 'backslash' | 'ansi';
function quote(segment: string, style: Quoting): string {
  switch (style) {
    case 'single':
      return segment.includes("'") ? quote(segment, 'double') : `'${segment}'`;
    case 'double':
      return `"${segment.replace(/[$`"\\]/g, '\\$&')}"`;
    case 'backslash':
      // A backslash before a newline would be a continuation: a newline needs quotes.
      return segment === '' ? "''" : [...segment].map((ch) => (ch === '\n' ? "'\n'" : `\\${ch}`)).join('');
    case 'ansi':
      return `$'${[...segment].map((ch) => (ch === '\n' ? '\\n' : /[\\']/.test(ch) ? `\\${ch}` : ch)).join('')}'`;
  }
}
const quotedWord = fc
  .array(fc.tuple(fc.string({ unit: fc.oneof(shellChar, fc.constantFrom('x', 'Y', '1')), maxLength: 8 }), fc.constantFrom<Quoting>('single', 'double', 'backslash', 'ansi')), { minLength: 1, maxLength: 3 })
  .map((segments) => ({ value: segments.map(([text]) => text).join(''), written: segments.map(([text, style]) => quote(text, style)).join('') }));
const separator = fc.constantFrom(' ', '  ', '\t', ' \\\n    ', ' \\\n');

describe('shell reader properties', () => {
  test('never throws on arbitrary text, and its words stand where their raw text is', () => {
    fc.assert(
      fc.property(shellText, (text) => {
        const { document, lines } = indentedBlock(text);
        const command = readShellCommand(lines);
        for (const word of [...command.words, ...command.intendedWords]) {
          expect(document.slice(word.start.offset, word.end.offset).replaceAll('\n    ', '\n')).toBe(word.raw);
        }
        splitCommands(lines);
      }),
      { numRuns: 2000 },
    );
  });

  test('for commands built from randomly quoted words, argv equals the words', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(separator, quotedWord), { maxLength: 8 }), (parts) => {
        const text = 'aws' + parts.map(([gap, word]) => gap + word.written).join('');
        const command = readShellCommand(indentedBlock(text).lines);
        expect(command.argv).toEqual(['aws', ...parts.map(([, word]) => word.value)]);
        expect(command.issues.filter((issue) => issue.kind !== 'continuation-in-single-quotes')).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  test('re-joining the displayed lines reproduces the source, for a command and for a split block', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(shellText, fc.constantFrom('aws s3 ls', '$ aws x y \\', '    --a 1')), { maxLength: 6 }), (pieces) => {
        const source = pieces.join('\n');
        const { lines } = indentedBlock(source);
        expect(readShellCommand(lines).text).toBe(source);
        const groups = splitCommands(lines);
        for (const group of groups) {
          const first = lines.indexOf(group[0]!);
          expect(group).toEqual(lines.slice(first, first + group.length));
          expect(readShellCommand(group).text).toBe(group.map((line) => line.text).join('\n'));
        }
      }),
      { numRuns: 1000 },
    );
  });
});
