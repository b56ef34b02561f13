import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asMergedPages, compareOutput, isPlaceholder, mask, toCliOutput } from '../../src/replay/live/compare.js';
import { cognitoLocalProfile, dynaliteProfile, s3rverProfile, serviceProfile } from '../../src/replay/live/profiles.js';

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

  it('reads a CLI v1 HTTP-date as a timestamp, and an identifier the service mints as any other such token', () => {
    const documented = { LastModified: 'Thu, 16 Apr 2015 18:19:14 GMT', UploadId: 'dfRtDYU0WWCCcH43C3WFbkRONycyCpTJJvxu2i5GYkZljF.Yxwh6XG7', ShardIterator: 'AAAAAAAAAAETYyAYzd665+8e0X7JTsASDM/Hr2rSwc0X2qz93iuA3udrjTH+ikQvpQk/1ZcMMLzRdAesqwBGPnsthzU0/CBlM/U8/8oEqGwX3pKw0XyeDNRAAZyXBo3MqkQtCpXhr942BRTjvWKhFz7OmCb2Ncfr8Tl2cBktooi6kJhr+djN5WYkB38Rr3akRgCl9qaU4dY=', ShardId: 'shardId-000000000009', Name: 'Thu, 16 Apr' };
    const live = { LastModified: '2026-12-04T23:21:21+00:00', UploadId: '0d1c636fa080d52c00573128201ac2ec', ShardIterator: 'AAAAAAAAAAFoT3VrX2V4YW1wbGUrdG9rZW4vZm9yL3RoZS9zaGFyZC9pdGVyYXRvcg==', ShardId: 'shardId-000000000007', Name: '2026-12-04T23:21:21+00:00' };
    // A numbered name depends on what the document does not show; a date only where one is documented.
    expect(compareOutput(documented, live, strict).map((difference) => difference.pointer)).toEqual(['/ShardId', '/Name']);
    // A value the request carried is echoed, not minted: the documented one should have been the request's.
    const echoed = compareOutput({ UploadId: 'dfRtDYU0WWCCcH43C3WFbkRONycy' }, { UploadId: 'live-upload-id-0123456789' }, { ...strict, bindings: new Map([['other-documented-id', 'live-upload-id-0123456789']]) });
    expect(echoed.map((difference) => difference.pointer)).toEqual(['/UploadId']);
  });

  it('pairs tags and listed objects by their Key, unless a Key repeats', () => {
    const documented = { Tags: [{ Key: 'Owner', Value: 'blueTeam' }, { Key: 'Environment', Value: 'Production' }] };
    expect(compareOutput(documented, { Tags: [...documented.Tags].reverse() }, strict)).toEqual([]);
    const repeated = { Tags: [{ Key: 'a', Value: '1' }, { Key: 'a', Value: '2' }] };
    expect(compareOutput(repeated, { Tags: [...repeated.Tags].reverse() }, strict).map((difference) => difference.pointer)).toEqual(['/Tags/0/Value', '/Tags/1/Value']);
  });

  it('pairs equal items wherever they stand in a list the API returns unordered, and only there', () => {
    const documented = { Responses: { T: [{ A: { S: '1' } }, { A: { S: '2' } }, { A: { S: '3' } }] } };
    const live = { Responses: { T: [{ A: { S: '3' } }, { A: { S: '1' } }, { A: { S: '4' } }] } };
    const unordered = { ...strict, unordered: (pointer: string) => pointer === '/Responses/T' };
    expect(compareOutput(documented, live, unordered).map((difference) => difference.message)).toEqual(['/Responses/T/1/A/S: documented "2", live "4"']);
    expect(compareOutput(documented, live, strict)).toHaveLength(3);
  });

  it("turns a target's known deviations into info notes", () => {
    const documented = { AuthenticationResult: { AccessToken: 'eyJraEXAMPLE', ExpiresIn: 3600 } };
    const live = { AuthenticationResult: { AccessToken: 'eyJhbGciOi.eyJzdWIi.c2ln' } };
    expect(compareOutput(documented, live, strict).map((difference) => difference.severity)).toEqual(['error']);
    const [note] = compareOutput(documented, live, { ...strict, profile: cognitoLocalProfile });
    expect(note).toMatchObject({ severity: 'info', kind: 'missing', pointer: '/AuthenticationResult/ExpiresIn' });
  });
});

describe('known deviations of the local servers', () => {
  const severities = (documented: unknown, live: unknown, profile = dynaliteProfile) => compareOutput(documented, live, { ...strict, profile }).map((difference) => `${difference.pointer} ${difference.severity}`);

  it("dynalite: time to live never enabled, capacity counted on the fixture's table; other values stay errors", () => {
    expect(severities({ TimeToLiveDescription: { TimeToLiveStatus: 'ENABLED', AttributeName: 'ttl' } }, { TimeToLiveDescription: { TimeToLiveStatus: 'DISABLED' } })).toEqual([
      '/TimeToLiveDescription/TimeToLiveStatus info',
      '/TimeToLiveDescription/AttributeName info',
    ]);
    expect(severities({ ConsumedCapacity: [{ TableName: 'T', CapacityUnits: 6, LocalSecondaryIndexes: {} }], Count: 2 }, { ConsumedCapacity: [{ TableName: 'T', CapacityUnits: 3 }], Count: 1 })).toEqual([
      '/ConsumedCapacity/0/CapacityUnits info',
      '/ConsumedCapacity/0/LocalSecondaryIndexes info',
      '/Count error',
    ]);
  });

  it('s3rver: no delete markers, every bucket in the default region', () => {
    expect(severities({ DeleteMarker: true, LocationConstraint: 'us-west-2' }, {}, s3rverProfile)).toEqual(['/DeleteMarker info', '/LocationConstraint info']);
  });
});

describe('asMergedPages', () => {
  const paginator = {
    input_token: 'ExclusiveStartShardId',
    output_token: 'StreamDescription.Shards[-1].ShardId',
    more_results: 'StreamDescription.HasMoreShards',
    result_key: 'StreamDescription.Shards',
    non_aggregate_keys: ['StreamDescription.StreamName', 'StreamDescription.KeyId', 'RequestCharged'],
  };
  const live = { StreamDescription: { Shards: [{ ShardId: 's-1' }], StreamName: 'x', HasMoreShards: false, StreamModeDetails: { StreamMode: 'PROVISIONED' } }, Page: 1 };

  it('keeps what build_full_result keeps (result and non-aggregate keys, at any depth), null for a non-aggregate key of no page the document shows', () => {
    expect(asMergedPages(live, paginator, { StreamDescription: { Shards: [], KeyId: null } })).toEqual({ StreamDescription: { Shards: [{ ShardId: 's-1' }], StreamName: 'x', KeyId: null } });
  });

  it('keeps the page members a document shows anyway, to compare them', () => {
    expect(asMergedPages(live, paginator, { StreamDescription: { HasMoreShards: false }, Page: 2 })).toEqual({ StreamDescription: { Shards: [{ ShardId: 's-1' }], StreamName: 'x', HasMoreShards: false }, Page: 1 });
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
