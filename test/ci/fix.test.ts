import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFixes, fixUntilStable, type TextEdit } from '../../src/rules/fix.js';

/** A small fix producer for the properties: removes spaces after a line-final `\` (idempotent by nature). */
function spaceAfterContinuationFixes(text: string): TextEdit[] {
  return [...text.matchAll(/\\([ \t]+)(?=\r\n|\r|\n|$)/g)].map((match) => {
    const start = match.index + 1;
    return { start, end: start + match[1]!.length, text: '' };
  });
}

const textWithLineEndings = fc
  .array(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('\r\n', '\r', '\n', '\\ ', '\\\t\r\n', ' \\  \n')), { maxLength: 25 })
  .map((parts) => parts.join(''));

/** Sorted, disjoint edits within a text of the given length. */
function disjointEdits(length: number) {
  return fc
    .uniqueArray(fc.integer({ min: 0, max: length }), { maxLength: 8 })
    .chain((cuts) => {
      const sorted = [...cuts].sort((a, b) => a - b);
      const ranges: [number, number][] = [];
      for (let i = 0; i + 1 < sorted.length; i += 2) ranges.push([sorted[i]!, sorted[i + 1]!]);
      return fc.tuple(...ranges.map(([start, end]) => fc.string({ maxLength: 4 }).map((text) => ({ start, end, text }))));
    });
}

describe('applyFixes', () => {
  it('applies non-overlapping edits and keeps CRLF and CR line endings', () => {
    const text = 'aws x \\  \r\n  --a 1\r  --b 2\n';
    const result = applyFixes(text, [
      { start: 7, end: 9, text: '' },
      { start: 18, end: 18, text: ' \\' },
    ]);
    expect(result).toEqual({ text: 'aws x \\\r\n  --a 1 \\\r  --b 2\n', applied: 2, skipped: 0 });
  });

  it('skips overlapping edits, the earlier one wins, and a second pass applies the rest', async () => {
    const text = 'abcdef';
    const fixes = [
      { start: 2, end: 5, text: 'X' },
      { start: 1, end: 3, text: 'Y' },
    ];
    expect(applyFixes(text, fixes)).toEqual({ text: 'aYdef', applied: 1, skipped: 1 });
    let pass = 0;
    const passes = await fixUntilStable(text, (current) => (pass++ === 0 ? fixes : current === 'aYdef' ? [{ start: 2, end: 4, text: 'X' }] : []));
    expect(passes).toEqual({ text: 'aYXf', applied: 2, passes: 3 });
  });

  it('treats two insertions at one offset as a conflict but counts identical edits once', () => {
    expect(applyFixes('ab', [{ start: 1, end: 1, text: 'X' }, { start: 1, end: 1, text: 'Y' }])).toEqual({ text: 'aXb', applied: 1, skipped: 1 });
    expect(applyFixes('ab', [{ start: 1, end: 1, text: 'X' }, { start: 1, end: 1, text: 'X' }])).toEqual({ text: 'aXb', applied: 1, skipped: 0 });
    expect(applyFixes('ab', [{ start: 1, end: 1, text: 'X' }, { start: 1, end: 2, text: 'Y' }])).toEqual({ text: 'aXY', applied: 2, skipped: 0 });
  });

  it('skips edits outside the text or reversed', () => {
    expect(applyFixes('abc', [{ start: 2, end: 9, text: '' }, { start: 2, end: 1, text: '' }, { start: -1, end: 0, text: '' }])).toEqual({ text: 'abc', applied: 0, skipped: 3 });
  });

  it('property: characters outside the edited ranges are unchanged', () => {
    fc.assert(
      fc.property(
        textWithLineEndings.chain((text) => fc.tuple(fc.constant(text), disjointEdits(text.length))),
        ([text, edits]) => {
          const result = applyFixes(text, [...edits].reverse());
          let expected = '';
          let at = 0;
          for (const edit of edits) {
            expected += text.slice(at, edit.start) + edit.text;
            at = edit.end;
          }
          expected += text.slice(at);
          expect(result.applied).toBe(new Set(edits.map((e) => `${e.start}:${e.end}:${e.text}`)).size);
          expect(result.text).toBe(expected);
        },
      ),
    );
  });

  it('property: with any edits, the text before the first and after the last edit is unchanged', () => {
    const edit = fc.record({ start: fc.nat(40), end: fc.nat(40), text: fc.string({ maxLength: 3 }) });
    fc.assert(
      fc.property(textWithLineEndings, fc.array(edit, { maxLength: 6 }), (text, edits) => {
        const valid = edits.filter((e) => e.start <= e.end && e.end <= text.length);
        const result = applyFixes(text, edits);
        expect(result.applied + result.skipped).toBe(new Set(edits.map((e) => `${e.start}:${e.end}:${e.text}`)).size);
        if (valid.length > 0) expect(result.applied).toBeGreaterThan(0);
        const first = Math.min(text.length, ...valid.map((e) => e.start));
        const last = Math.max(0, ...valid.map((e) => e.end));
        expect(result.text.startsWith(text.slice(0, first))).toBe(true);
        expect(result.text.endsWith(text.slice(last))).toBe(true);
      }),
    );
  });

  it('property: an idempotent fix applied again changes nothing, line endings kept', () => {
    fc.assert(
      fc.property(textWithLineEndings, (text) => {
        const once = applyFixes(text, spaceAfterContinuationFixes(text)).text;
        const twice = applyFixes(once, spaceAfterContinuationFixes(once));
        expect(twice).toEqual({ text: once, applied: 0, skipped: 0 });
        expect(once.match(/\r\n|\r|\n/g) ?? []).toEqual(text.match(/\r\n|\r|\n/g) ?? []);
      }),
    );
  });

  it('property: edits that rewrite a range with its own text change nothing', () => {
    fc.assert(
      fc.property(
        textWithLineEndings.chain((text) => fc.tuple(fc.constant(text), disjointEdits(text.length))),
        ([text, edits]) => {
          const identity = edits.map((edit) => ({ ...edit, text: text.slice(edit.start, edit.end) }));
          expect(applyFixes(text, identity).text).toBe(text);
        },
      ),
    );
  });
});
