// What the zero-config fixtures of `--target local` put on a server before a command, read from what the document
// shows; the server is a recorder here (the real servers run in local-target.test.ts).
import { describe, expect, it } from 'vitest';
import { conditionEqualities, DynamoDbFixture } from '../../src/replay/live/fixture-dynamodb.js';
import { objectHeaders, objectSize } from '../../src/replay/live/fixture-s3.js';
import type { DocumentedOutcome } from '../../src/replay/types.js';

type Call = [string, Record<string, unknown>];

/** A DynamoDB that has every table it was asked to create, ACTIVE at once, and records every call. */
function recordingDynamoDb() {
  const calls: Call[] = [];
  const tables = new Set<string>();
  const call = async (operationName: string, input: Record<string, unknown>) => {
    calls.push([operationName, input]);
    const name = input.TableName as string;
    if (operationName === 'CreateTable') tables.add(name);
    if (operationName === 'DeleteTable') tables.delete(name);
    if (operationName === 'DescribeTable') {
      if (!tables.has(name)) throw Object.assign(new Error('gone'), { name: 'ResourceNotFoundException' });
      return { Table: { TableStatus: 'ACTIVE' } };
    }
    return {};
  };
  return { fixture: new DynamoDbFixture(call), calls, writes: () => calls.filter(([operation]) => operation === 'CreateTable' || operation === 'PutItem') };
}

const json = (value: unknown): DocumentedOutcome => ({ kind: 'json', value });
const S = (value: string) => ({ S: value });

/** Learns the document's commands, then prepares one of them. */
async function prepared(commands: Array<[string, Record<string, unknown>, DocumentedOutcome]>, index: number) {
  const server = recordingDynamoDb();
  for (const [operation, input, documented] of commands) server.fixture.learn(operation, input, documented);
  const [operation, input, documented] = commands[index]!;
  await server.fixture.prepare(operation, input, documented);
  return server;
}

describe('DynamoDB fixture', () => {
  it("keys a batch write's table as its put items show (items sharing a partition get a sort key)", async () => {
    const put = (artist: string, song: string) => ({ PutRequest: { Item: { Artist: S(artist), SongTitle: S(song), AlbumTitle: S('x') } } });
    const { writes } = await prepared([['BatchWriteItem', { RequestItems: { Music: [put('A', 'One'), put('A', 'Two'), put('B', 'Three')] } }, json({ UnprocessedItems: {} })]], 0);
    expect(writes()).toEqual([
      ['CreateTable', { TableName: 'Music', KeySchema: [{ AttributeName: 'Artist', KeyType: 'HASH' }, { AttributeName: 'SongTitle', KeyType: 'RANGE' }], AttributeDefinitions: [{ AttributeName: 'Artist', AttributeType: 'S' }, { AttributeName: 'SongTitle', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST' }],
    ]);
  });

  it('gives the items a projected batch get shows the keys asked for, one each in order; none when the counts differ', async () => {
    const keys = [{ Artist: S('A'), SongTitle: S('One') }, { Artist: S('B'), SongTitle: S('Two') }];
    const command = (shown: number): [string, Record<string, unknown>, DocumentedOutcome] => [
      'BatchGetItem',
      { RequestItems: { Music: { Keys: keys, ProjectionExpression: 'AlbumTitle' } } },
      json({ Responses: { Music: [{ AlbumTitle: S('First') }, { AlbumTitle: S('Second') }].slice(0, shown) } }),
    ];
    const { calls } = await prepared([command(2)], 0);
    expect(calls.filter(([operation]) => operation === 'PutItem').map(([, input]) => input.Item)).toEqual([
      { Artist: S('A'), SongTitle: S('One'), AlbumTitle: S('First') },
      { Artist: S('B'), SongTitle: S('Two'), AlbumTitle: S('Second') },
    ]);
    // One item shown for two keys: which key it belongs to is not shown, so it is not guessed.
    const partial = await prepared([command(1)], 0);
    expect(partial.calls.filter(([operation]) => operation === 'PutItem').map(([, input]) => input.Item)).toEqual([{ AlbumTitle: S('First') }]);
  });

  it("puts a filtered scan's items with what the filter requires equal, and as many unshown items as ScannedCount says were read", async () => {
    const scan: [string, Record<string, unknown>, DocumentedOutcome] = [
      'Scan',
      { TableName: 'Music', FilterExpression: 'Artist = :a', ProjectionExpression: '#ST', ExpressionAttributeNames: { '#ST': 'SongTitle' }, ExpressionAttributeValues: { ':a': S('No One') } },
      json({ Count: 2, ScannedCount: 3, Items: [{ SongTitle: S('One') }, { SongTitle: S('Two') }] }),
    ];
    const { calls } = await prepared([scan], 0);
    expect(calls.filter(([operation]) => operation === 'PutItem').map(([, input]) => input.Item)).toEqual([
      { Artist: S('No One'), SongTitle: S('One') },
      { Artist: S('No One'), SongTitle: S('Two') },
      { Artist: S('docs-harness-unshown-1'), SongTitle: S('docs-harness-unshown-1') },
    ]);
  });

  it('puts the item another example of the document shows for the key an update acts on (a condition can then fail as documented)', async () => {
    const key = { Artist: S('Acme Band'), SongTitle: S('Happy Day') };
    const set = { TableName: 'Music', Key: key, UpdateExpression: 'SET #Y = :y', ExpressionAttributeNames: { '#Y': 'Year' }, ExpressionAttributeValues: { ':y': { N: '2015' } } };
    const commands: Array<[string, Record<string, unknown>, DocumentedOutcome]> = [
      ['UpdateItem', { ...set, ReturnValues: 'ALL_NEW' }, json({ Attributes: { ...key, Year: { N: '2015' }, Awards: { N: '10' } } })],
      ['UpdateItem', { ...set, ConditionExpression: 'attribute_not_exists(#Y)' }, { kind: 'error', code: 'ConditionalCheckFailedException' }],
    ];
    for (const index of [0, 1]) {
      const { calls } = await prepared(commands, index);
      expect(calls.filter(([operation]) => operation === 'PutItem').map(([, input]) => input.Item)).toEqual([{ ...key, Year: { N: '2015' }, Awards: { N: '10' } }]);
    }
    // An update that does more than set values: the attributes it names are not known before it.
    const added = await prepared([['UpdateItem', { ...set, UpdateExpression: 'ADD Plays :one', ExpressionAttributeValues: { ':one': { N: '1' } }, ReturnValues: 'ALL_NEW' }, json({ Attributes: { ...key, Plays: { N: '5' } } })]], 0);
    expect(added.calls.filter(([operation]) => operation === 'PutItem').map(([, input]) => input.Item)).toEqual([key]);
  });

  it('reads the equalities of a plain conjunction only', () => {
    const input = { ExpressionAttributeNames: { '#a': 'Artist' }, ExpressionAttributeValues: { ':a': S('x'), ':t': S('y') } };
    expect(conditionEqualities('#a = :a AND begins_with(Title, :t)', input)).toEqual([['Artist', S('x')]]);
    expect(conditionEqualities('(Title = :t) and #a = :a', input)).toEqual([['Title', S('y')], ['Artist', S('x')]]);
    expect(conditionEqualities('#a = :a OR Title = :t', input)).toEqual([]);
    expect(conditionEqualities('NOT (#a = :a)', input)).toEqual([]);
    expect(conditionEqualities('Info.Rating = :t', input)).toEqual([]);
  });
});

describe('S3 fixture', () => {
  it('sizes an object read for the range asked and the whole a Content-Range shows', () => {
    expect(objectSize({ Range: 'bytes=8888-9999' }, {})).toBe(10000);
    expect(objectSize({}, { ContentLength: 77 })).toBe(77);
    expect(objectSize({ Range: 'bytes=0-9' }, { ContentLength: 10, ContentRange: 'bytes 0-9/4000' })).toBe(4000);
    expect(objectSize({ Range: 'bytes=100-' }, {})).toBe(101);
    expect(objectSize({ Range: 'bytes=-500' }, { ContentLength: 20 })).toBe(20);
  });

  it('stores an object with the type, metadata and encodings its read shows', () => {
    expect(objectHeaders({ ContentType: 'text/html', Metadata: {}, ContentLength: 77, ETag: '"x"', CacheControl: null })).toEqual({ ContentType: 'text/html', Metadata: {} });
  });
});
