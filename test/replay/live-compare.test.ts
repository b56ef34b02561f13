import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareOutput, isPlaceholder, mask, toCliOutput } from '../../src/replay/live/compare.js';
import { cognitoLocalProfile, serviceProfile } from '../../src/replay/live/profiles.js';

const strict = { bindings: new Map<string, string>(), profile: serviceProfile };

describe('toCliOutput', () => {
  it('prints dates as the CLI v2 does, bytes as base64, and drops $metadata and undefined', () => {
    expect(
      toCliOutput({ $metadata: { httpStatusCode: 200 }, When: new Date(Date.UTC(2025, 0, 2, 3, 4, 5, 120)), Whole: new Date(Date.UTC(2025, 0, 2)), Blob: new Uint8Array([1, 2, 255]), Gone: undefined, List: [new Date(0)] }),
    ).toEqual({ When: '2025-01-02T03:04:05.120000+00:00', Whole: '2025-01-02T00:00:00+00:00', Blob: 'AQL/', List: ['1970-01-01T00:00:00+00:00'] });
  });
});

describe('compareOutput', () => {
  it('finds nothing between any JSON value and itself', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => compareOutput(value, value, strict).length === 0));
  });

  it('finds a changed type at its pointer', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1 }).filter((key) => !/[~/]/.test(key)), fc.integer()), fc.string(), (object, text) => {
        fc.pre(Object.keys(object).length > 0);
        const [key] = Object.keys(object);
        const differences = compareOutput(object, { ...object, [key!]: text }, strict);
        return differences.length === 1 && differences[0]!.kind === 'type' && differences[0]!.pointer === `/${key}`;
      }),
    );
  });

  it('accepts placeholders, bound values and generated values of the same shape; rejects other values', () => {
    const documented = { Id: 'us-west-2_EXAMPLE', Client: 'abc', Sub: '11111111-2222-3333-4444-555555555555', When: '2025-03-14T09:26:53+00:00', Name: 'MyPool' };
    const live = { Id: 'local_x', Client: 'live-client', Sub: '9b2c1d3e-0000-4000-8000-123456789abc', When: '2026-01-01T00:00:00.5+00:00', Name: 'OtherPool' };
    const differences = compareOutput(documented, live, { bindings: new Map([['abc', 'live-client']]), profile: serviceProfile });
    expect(differences.map((difference) => [difference.pointer, difference.kind, difference.message])).toEqual([['/Name', 'value', '/Name: documented "MyPool", live "OtherPool"']]);
  });

  it('pairs named items by name, and reports missing and extra keys', () => {
    const documented = { Attributes: [{ Name: 'email', Value: 'a@example.com' }, { Name: 'phone', Value: '+1' }], Kept: 1 };
    const live = { Attributes: [{ Name: 'sub', Value: 'x' }, { Name: 'email', Value: 'a@example.com' }], Kept: 1, Added: true };
    expect(compareOutput(documented, live, strict).map((difference) => [difference.pointer, difference.anchor, difference.kind])).toEqual([
      ['/Attributes/1', '/Attributes/1', 'missing'],
      ['/Attributes/0', '/Attributes', 'extra'],
      ['/Added', '', 'extra'],
    ]);
  });

  it("turns a target's known deviations into info notes", () => {
    const documented = { AuthenticationResult: { AccessToken: 'eyJraEXAMPLE', ExpiresIn: 3600 } };
    const live = { AuthenticationResult: { AccessToken: 'eyJhbGciOi.eyJzdWIi.c2ln' } };
    expect(compareOutput(documented, live, strict).map((difference) => difference.severity)).toEqual(['error']);
    const [note] = compareOutput(documented, live, { ...strict, profile: cognitoLocalProfile });
    expect(note).toMatchObject({ severity: 'info', kind: 'missing', pointer: '/AuthenticationResult/ExpiresIn' });
  });
});

describe('mask and placeholders', () => {
  it('never shows secrets, and shortens tokens', () => {
    expect(mask('Sup3r-secret!', 'PASSWORD')).toBe('"****"');
    expect(mask('123456', 'SOFTWARE_TOKEN_MFA_CODE')).toBe('"****"');
    expect(mask(`eyJhbGciOiJSUzI1NiJ9.${'a'.repeat(40)}.sig`, 'Anything')).toBe('"eyJh…(65 chars)"');
    expect(mask('hours', 'IdToken')).toBe('"hours"');
  });

  it('recognizes the documented placeholder styles and not ordinary values', () => {
    for (const value of ['us-west-2_EXAMPLE', '1example23456789', 'AYABeEXAMPLE', 'eyJra...EXAMPLE', '[Password]']) expect(isPlaceholder(value)).toBe(true);
    for (const value of ['testuser@example.com', 'MyUserPool', 'CONFIRMED']) expect(isPlaceholder(value)).toBe(false);
  });
});
