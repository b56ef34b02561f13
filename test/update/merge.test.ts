import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compareOutput } from '../../src/replay/live/compare.js';
import { cognitoLocalProfile } from '../../src/replay/live/profiles.js';
import { livePolicy, mergeOutput, mockPolicy } from '../../src/update/merge.js';

const sortKeys = (value: unknown): unknown =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, item]) => [key, sortKeys(item)]))
    : value;

const objects = fc.dictionary(fc.constantFrom('A', 'B', 'C', 'D'), fc.oneof(fc.integer(), fc.string(), fc.boolean(), fc.dictionary(fc.constantFrom('x', 'y'), fc.integer())));

describe('mergeOutput with the mock policy', () => {
  test('gives the replayed content, documented keys first in their order, new keys after', () => {
    fc.assert(
      fc.property(objects, objects, (documented, replayed) => {
        const merged = mergeOutput(documented, replayed, mockPolicy) as Record<string, unknown>;
        expect(sortKeys(merged)).toEqual(sortKeys(replayed));
        const keys = Object.keys(merged);
        const kept = Object.keys(documented).filter((key) => key in replayed);
        expect(keys.slice(0, kept.length)).toEqual(kept);
      }),
    );
  });

  test('an output merged with itself is unchanged', () => {
    fc.assert(
      fc.property(objects, (documented) => {
        expect(JSON.stringify(mergeOutput(documented, documented, mockPolicy))).toBe(JSON.stringify(documented));
      }),
    );
  });
});

describe('mergeOutput with the live policy', () => {
  const merge = (documented: unknown, live: unknown, bindings: Array<[string, string]> = []) =>
    mergeOutput(documented, live, livePolicy(compareOutput(documented, live, { bindings: new Map(bindings), profile: cognitoLocalProfile }), bindings));

  test('placeholders, bound values and generated values of the same kind stay as documented', () => {
    const documented = { Id: 'us-west-2_EXAMPLE', Sub: 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111', Created: '2025-01-01T00:00:00+00:00', Name: 'MyPool' };
    const live = { Id: 'local_5lXuQ2', Sub: '0f6c7e1e-3b1a-4bd4-8f5e-2d8f3c6c9a11', Created: '2026-11-26T05:00:00+00:00', Name: 'MyPool' };
    expect(merge(documented, live, [['us-west-2_EXAMPLE', 'local_5lXuQ2']])).toEqual(documented);
  });

  test('a new key holding a bound live value is written with its placeholder', () => {
    expect(merge({ Name: 'MyPool' }, { Name: 'MyPool', Id: 'local_5lXuQ2' }, [['us-west-2_EXAMPLE', 'local_5lXuQ2']])).toEqual({ Name: 'MyPool', Id: 'us-west-2_EXAMPLE' });
  });

  test("the target's known deviations are not written into the document", () => {
    const documented = { AuthenticationResult: { AccessToken: 'eyJraEXAMPLE', ExpiresIn: 3600 } };
    expect(merge(documented, { AuthenticationResult: { AccessToken: 'eyJraEXAMPLE' } })).toEqual(documented);
  });

  test('masked secrets and tokens are never written', () => {
    expect(merge({ Session: 'abc', Name: 'x' }, { Session: '****', Name: 'y' })).toEqual({ Session: 'abc', Name: 'y' });
    expect(merge({}, { Token: 'eyJh…(812 chars)' })).toEqual({});
  });
});
