import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { unifiedDiff } from '../../src/update/diff.js';

/** Applies a unified diff of texts that end with a newline (a minimal `patch`). */
function applyDiff(before: string, diff: string): string {
  const oldLines = before === '' ? [] : before.slice(0, -1).split('\n');
  const result: string[] = [];
  let cursor = 0;
  for (const line of diff.split('\n').slice(2, -1)) {
    const header = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@$/.exec(line);
    if (header) {
      const start = Number(header[1]) - (header[2] === '0' ? 0 : 1);
      while (cursor < start) result.push(oldLines[cursor++]!);
    } else if (line.startsWith('+')) result.push(line.slice(1));
    else if (line.startsWith('-')) {
      expect(oldLines[cursor++]).toBe(line.slice(1));
    } else {
      expect(oldLines[cursor]).toBe(line.slice(1));
      result.push(oldLines[cursor++]!);
    }
  }
  while (cursor < oldLines.length) result.push(oldLines[cursor++]!);
  return result.length === 0 ? '' : `${result.join('\n')}\n`;
}

const text = fc.array(fc.constantFrom('a', 'b', 'c', '{', '}', ''), { maxLength: 30 }).map((lines) => lines.map((line) => `${line}\n`).join(''));

describe('unifiedDiff', () => {
  test('equal texts give no diff', () => {
    expect(unifiedDiff('f', 'same\n', 'same\n')).toBe('');
  });

  test('one changed line with its context, and the missing final newline marked', () => {
    expect(unifiedDiff('x.rst', '1\n2\n3\n4\n5\n6\n7\n8', '1\n2\n3\n4\n5\n6\n7\nnine')).toBe(
      ['--- a/x.rst', '+++ b/x.rst', '@@ -5,4 +5,4 @@', ' 5', ' 6', ' 7', '-8', '\\ No newline at end of file', '+nine', '\\ No newline at end of file', ''].join('\n'),
    );
  });

  test('changes far apart get their own hunks; an insertion into an empty range counts from the line before', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n';
    expect(unifiedDiff('f', before, before.replace('a\n', 'a\nnew\n').replace('j\n', ''))).toBe(
      ['--- a/f', '+++ b/f', '@@ -1,4 +1,5 @@', ' a', '+new', ' b', ' c', ' d', '@@ -7,4 +8,3 @@', ' g', ' h', ' i', '-j', ''].join('\n'),
    );
  });

  test('applying the diff to the old text gives the new text', () => {
    fc.assert(
      fc.property(text, text, (before, after) => {
        const diff = unifiedDiff('f', before, after);
        expect(diff === '').toBe(before === after);
        if (diff !== '') expect(applyDiff(before, diff)).toBe(after);
      }),
    );
  });
});
