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

const isPlainObject = (value: unknown) => value !== null && typeof value === 'object' && !Array.isArray(value);

describe('mergeOutput with the mock policy', () => {
  const keys = ['A', 'B', 'C', 'D'] as const;

  test("rewrites the places the replay's comparison reports, and keeps everything else as documented", () => {
    fc.assert(
      fc.property(objects, objects, fc.subarray([...keys]), (documented, replayed, reported) => {
        const merged = mergeOutput(documented, replayed, mockPolicy(reported.map((key) => ({ pointer: `/${key}`, message: 'differs' })))) as Record<string, unknown>;
        for (const key of keys) {
          if (!(key in documented)) expect(merged).not.toHaveProperty(key);
          else if (reported.includes(key) && !(key in replayed)) expect(merged).not.toHaveProperty(key);
          else if (reported.includes(key) && isPlainObject(documented[key]) && isPlainObject(replayed[key])) {
            // An object is merged member by member: its members' own places are reported on their own.
            expect(merged[key]).toEqual(documented[key]);
          } else if (reported.includes(key)) expect(merged[key]).toEqual(replayed[key]);
          else if (typeof documented[key] !== 'object' && typeof replayed[key] !== 'object' && key in replayed && typeof documented[key] !== typeof replayed[key]) {
            // A scalar the CLI prints as another JSON type (an epoch timestamp as ISO 8601) is rewritten wherever it stands.
            expect(merged[key]).toEqual(replayed[key]);
          } else expect(merged[key]).toEqual(documented[key]);
        }
        expect(Object.keys(merged)).toEqual(Object.keys(documented).filter((key) => key in merged));
      }),
    );
  });

  test('an output merged with itself is unchanged', () => {
    fc.assert(
      fc.property(objects, (documented) => {
        expect(JSON.stringify(mergeOutput(documented, documented, mockPolicy([{ pointer: '/A', message: 'differs' }])))).toBe(JSON.stringify(documented));
      }),
    );
  });

  test('what the SDK adds or drops only in form is not written: a streamed body, a dropped null, zero microseconds', () => {
    const documented = { Metadata: {}, KeyId: null, LastModified: '2025-03-02T10:15:30.000000+00:00', Created: 1548099495.428 };
    const replayed = { Metadata: {}, LastModified: '2025-03-02T10:15:30+00:00', Created: '2019-01-21T19:38:15.428000+00:00', Body: { _readableState: {} } };
    expect(mergeOutput(documented, replayed, mockPolicy([]))).toEqual({ ...documented, Created: '2019-01-21T19:38:15.428000+00:00' });
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
