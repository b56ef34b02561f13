import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, nestedTooDeep, tooDeepAt } from '../../src/document/json-text.js';

/** `[[[]]]` or `{"a":{"a":1}}`, `levels` deep. */
function nestedText(levels: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? `${'['.repeat(levels)}${']'.repeat(levels)}` : `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
}

describe('JSON nesting limits', () => {
  it('a parsed value nests too deep exactly when its text does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_JSON_DEPTH + 5 }), fc.constantFrom('array' as const, 'object' as const), (levels, kind) => {
        const text = nestedText(levels, kind);
        expect(nestedTooDeep(JSON.parse(text))).toBe(tooDeepAt(text) >= 0);
      }),
    );
  });

  it('walks a hostile value without the call stack', () => {
    expect(nestedTooDeep(JSON.parse(nestedText(50_000, 'array')))).toBe(true);
  });
});
