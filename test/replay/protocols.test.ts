import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { cbor } from '@smithy/core/cbor';
import { callOperation } from '../../src/replay/generic/client.js';
import type { ServiceModel } from '../../src/model/types.js';
import { replayMock } from '../../src/replay/mock.js';
import { wireResponse } from '../../src/replay/transport.js';
import type { ReplayResult } from '../../src/replay/types.js';

function replayed(result: ReplayResult) {
  if (!result.replayed) throw new Error(`not replayed: ${result.reason}`);
  return result;
}

/**
 * One small service, written for these tests, spoken in every protocol: a recursive folder tree, a
 * flattened list, an XML attribute, a timestamp, a blob, a map, an error with its own query code.
 */
function widgets(protocol: string, extra: Partial<ServiceModel['metadata']> = {}): ServiceModel {
  const rest = protocol.startsWith('rest');
  // XML names its elements (`locationName`); JSON and CBOR protocols send member names.
  const xml = ['rest-xml', 'query', 'ec2'].includes(protocol);
  const named = (name: string) => (xml ? { locationName: name } : {});
  // Only query services, and JSON ones that came from query, send an error code other than the shape name.
  const queryCodes = protocol === 'query' || protocol === 'ec2' || extra.awsQueryCompatible !== undefined;
  return {
    cliName: `widgets-${protocol}`,
    metadata: {
      apiVersion: '2024-01-01',
      endpointPrefix: 'widgets',
      protocol,
      protocols: [protocol],
      serviceId: `Widgets ${protocol}`,
      signatureVersion: 'v4',
      targetPrefix: 'WidgetService',
      jsonVersion: '1.0',
      xmlNamespace: 'https://widgets.example.com/doc/2024-01-01/',
      ...extra,
    } as ServiceModel['metadata'],
    operations: {
      DescribeFolder: {
        name: 'DescribeFolder',
        http: { method: rest ? 'GET' : 'POST', requestUri: rest ? '/folders/{folder_id}' : '/' },
        input: { shape: 'DescribeFolderRequest' },
        output: { shape: 'DescribeFolderResult', ...(protocol === 'query' ? { resultWrapper: 'DescribeFolderResult' } : {}) },
      },
      WatchFolder: { name: 'WatchFolder', http: { method: 'POST', requestUri: '/watch' }, input: { shape: 'DescribeFolderRequest' }, output: { shape: 'WatchFolderResult' } },
    },
    shapes: {
      String: { type: 'string' },
      Integer: { type: 'integer' },
      Boolean: { type: 'boolean' },
      Time: { type: 'timestamp' },
      Data: { type: 'blob' },
      Tags: { type: 'map', key: { shape: 'String' }, value: { shape: 'String' } },
      Names: { type: 'list', member: { shape: 'String', ...named('item') } },
      Folders: { type: 'list', member: { shape: 'Folder' }, flattened: true },
      DescribeFolderRequest: {
        type: 'structure',
        required: ['FolderId'],
        members: {
          FolderId: rest ? { shape: 'String', location: 'uri', locationName: 'folder_id' } : { shape: 'String', ...(protocol === 'ec2' ? { queryName: 'FolderId', locationName: 'folderId' } : {}) },
          Names: { shape: 'Names', ...named('name') },
          Depth: { shape: 'Integer' },
        },
      },
      Folder: {
        type: 'structure',
        members: {
          Name: { shape: 'String', ...named('name') },
          Kind: { shape: 'String', ...(xml ? { xmlAttribute: true, locationName: 'kind' } : {}) },
          Created: { shape: 'Time' },
          Children: { shape: 'Folders', ...named('child') },
          Tags: { shape: 'Tags' },
        },
      },
      DescribeFolderResult: {
        type: 'structure',
        members: {
          Folder: { shape: 'Folder', ...named('folder') },
          Checksum: { shape: 'Data' },
          Truncated: { shape: 'Boolean' },
          ...(rest ? { RequestCharged: { shape: 'String', location: 'header', locationName: 'x-widgets-charged' } } : {}),
        },
      },
      FolderEvents: { type: 'structure', eventstream: true, members: { Changed: { shape: 'ChangedEvent' } } },
      ChangedEvent: { type: 'structure', event: true, members: { Name: { shape: 'String' } } },
      WatchFolderResult: { type: 'structure', payload: 'Events', members: { Events: { shape: 'FolderEvents' } } },
      NoSuchFolderException: {
        type: 'structure',
        exception: true,
        error: { ...(queryCodes ? { code: 'NoSuchFolder' } : {}), httpStatusCode: 404, senderFault: true },
        members: { message: { shape: 'String' } },
      },
    },
    paginators: {},
    waiters: {},
  };
}

const protocols = ['json', 'rest-json', 'rest-xml', 'query', 'ec2', 'smithy-rpc-v2-cbor'] as const;

const tree = {
  Folder: {
    Name: 'root',
    Kind: 'shared',
    Created: '2024-01-02T03:04:05+00:00',
    Children: [{ Name: 'a', Children: [{ Name: 'a1', Tags: { team: 'docs' } }] }, { Name: 'b' }],
  },
  Checksum: Buffer.from('hello').toString('base64'),
  Truncated: false,
};

describe.each([...protocols.map((protocol) => [protocol, {}] as const), ['json', { awsQueryCompatible: {} }] as const])('replay through the %s protocol %o', (protocol, extra) => {
  const model = widgets(protocol, extra);
  const queryCodes = protocol === 'query' || protocol === 'ec2' || 'awsQueryCompatible' in extra;
  const input = { FolderId: 'f-1', Names: ['x', 'y'], Depth: 2 };

  it('sends the input as given and reads a recursive documented output back whole', async () => {
    const result = replayed(await replayMock({ model, operationName: 'DescribeFolder', input, documented: { kind: 'json', value: tree } }));
    expect(result.requestProblems).toEqual([]);
    expect(result.responseProblems).toEqual([]);
    expect(result.errorProblems).toEqual([]);
    expect(result.output).toEqual(tree);
  });

  it('answers a documented error in the protocol error form and the client raises that exception', async () => {
    for (const code of queryCodes ? ['NoSuchFolder', 'NoSuchFolderException'] : ['NoSuchFolderException']) {
      const result = replayed(await replayMock({ model, operationName: 'DescribeFolder', input, documented: { kind: 'error', code, message: 'gone' } }));
      expect({ code, problems: result.errorProblems }).toEqual({ code, problems: [] });
    }
    const unknown = replayed(await replayMock({ model, operationName: 'DescribeFolder', input, documented: { kind: 'error', code: 'FolderOnFire' } }));
    expect(unknown.errorProblems).toHaveLength(1);
    expect(unknown.errorProblems[0]!.message).toMatch(/^the client (does not know FolderOnFire|raised \w+ where FolderOnFire is documented)/);
  });

  it('reports documented values the client gives back otherwise, and goes on', async () => {
    const value = { Folder: { Name: 'root', Created: 'yesterday' }, Truncated: true };
    const result = replayed(await replayMock({ model, operationName: 'DescribeFolder', input, documented: { kind: 'json', value } }));
    expect(result.responseProblems.map((problem) => problem.pointer)).toEqual(['/Folder/Created']);
    const next = replayed(await replayMock({ model, operationName: 'DescribeFolder', input, documented: { kind: 'json', value: tree } }));
    expect(next.responseProblems).toEqual([]);
  });

  it('does not replay an operation that streams events, and says so', async () => {
    expect(await replayMock({ model, operationName: 'WatchFolder', input, documented: { kind: 'none' } })).toEqual({
      replayed: false,
      reason: 'WatchFolder streams events (Events): event streams are not replayed',
    });
  });
});

describe('wire forms', () => {
  it('wraps a query answer in <OperationResult> inside <OperationResponse>, with locationName, flattened lists and attributes', () => {
    const { answer } = wireResponse(widgets('query'), 'DescribeFolder', 'awsQuery', { kind: 'json', value: tree });
    const body = String(answer.body);
    expect(body).toMatch(/^<DescribeFolderResponse xmlns="https:\/\/widgets\.example\.com\/doc\/2024-01-01\/"><DescribeFolderResult><folder kind="shared"><name>root<\/name>/);
    expect(body).toContain('<child><name>a</name><child><name>a1</name><Tags><entry><key>team</key><value>docs</value></entry></Tags></child></child><child><name>b</name></child>');
    expect(body).toContain('<Created>2024-01-02T03:04:05.000Z</Created>');
    expect(body).toContain('</DescribeFolderResult><ResponseMetadata>');
  });

  it('answers ec2 without a result wrapper, and errors in <Response><Errors>', () => {
    const model = widgets('ec2');
    expect(String(wireResponse(model, 'DescribeFolder', 'ec2Query', { kind: 'json', value: tree }).answer.body)).toMatch(/^<DescribeFolderResponse xmlns="[^"]+"><folder kind="shared">/);
    const error = wireResponse(model, 'DescribeFolder', 'ec2Query', { kind: 'error', code: 'NoSuchFolder', message: 'gone' }).answer;
    expect(error.statusCode).toBe(404);
    expect(String(error.body)).toMatch(/^<Response><Errors><Error><Code>NoSuchFolder<\/Code><Message>gone<\/Message><\/Error><\/Errors>/);
  });

  it('answers rpcv2Cbor in CBOR, timestamps tagged and blobs as bytes', () => {
    const { answer } = wireResponse(widgets('smithy-rpc-v2-cbor'), 'DescribeFolder', 'rpcv2Cbor', { kind: 'json', value: tree });
    expect(answer.headers['smithy-protocol']).toBe('rpc-v2-cbor');
    const decoded = cbor.deserialize(answer.body as Uint8Array) as { Folder: { Created: { tag: number; value: number } }; Checksum: Uint8Array };
    expect(decoded.Folder.Created).toMatchObject({ tag: 1, value: 1704164645 });
    expect(Buffer.from(decoded.Checksum).toString()).toBe('hello');
  });

  it('puts REST header members in headers and the rest in an XML body', () => {
    const { answer } = wireResponse(widgets('rest-xml'), 'DescribeFolder', 'restXml', { kind: 'json', value: { ...tree, RequestCharged: 'requester' } });
    expect(answer.headers['x-widgets-charged']).toBe('requester');
    expect(String(answer.body)).toMatch(/^<DescribeFolderResult xmlns="[^"]+"><folder kind="shared">/);
  });

  it('sends once an element two members read (S3 names a list and a string <Event>), and the client reads both from it', async () => {
    const model = widgets('rest-xml');
    model.shapes.Folder!.members!.Label = { shape: 'String', locationName: 'name' };
    const value = { Folder: { Name: 'root', Label: 'root' } };
    const { answer } = wireResponse(model, 'DescribeFolder', 'restXml', { kind: 'json', value });
    expect(String(answer.body).match(/<name>/g)).toHaveLength(1);
    const result = replayed(await replayMock({ model, operationName: 'DescribeFolder', input: { FolderId: 'f' }, documented: { kind: 'json', value } }));
    expect(result.responseProblems).toEqual([]);
  });

  it('reports a documented value XML cannot carry (a string where the model has a structure) once, at its place, and sends the rest', async () => {
    const model = widgets('query');
    const value = { Folder: 'root', Truncated: true };
    const result = replayed(await replayMock({ model, operationName: 'DescribeFolder', input: { FolderId: 'f' }, documented: { kind: 'json', value } }));
    expect(result.responseProblems).toEqual([
      { pointer: '/Folder', message: 'the documented output cannot be sent in the awsQuery wire form: a string where the model has the structure Folder' },
    ]);
    expect(result.output).toMatchObject({ Truncated: true });
  });
});

describe('request problems', () => {
  it('says why a member the model has was not sent: a value of another kind (JSON carries it as given, restXml refuses to build the request)', async () => {
    for (const protocol of ['query', 'ec2'] as const) {
      const model = widgets(protocol);
      const result = replayed(await replayMock({ model, operationName: 'DescribeFolder', input: { FolderId: 'f', Names: { x: 1 } }, documented: { kind: 'none' } }));
      expect({ protocol, problems: result.requestProblems }).toEqual({
        protocol,
        problems: [{ pointer: '/Names', message: 'the client dropped Names: an object where the model has the list Names' }],
      });
    }
  });
});

describe('callOperation', () => {
  it('sends one call to a real server on 127.0.0.1 and gives back its answer, or its error as the modeled exception', async () => {
    const seen: Array<{ target?: string; signed: boolean; body: string }> = [];
    const server = createServer((request: IncomingMessage, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        seen.push({ target: request.headers['x-amz-target'] as string | undefined, signed: String(request.headers.authorization).startsWith('AWS4-HMAC-SHA256 '), body });
        const missing = (JSON.parse(body) as { FolderId?: string }).FolderId === 'missing';
        response.writeHead(missing ? 404 : 200, { 'content-type': 'application/x-amz-json-1.0' });
        response.end(JSON.stringify(missing ? { __type: 'NoSuchFolderException', message: 'gone' } : { Folder: { Name: 'root', Created: 1704164645 } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const model = widgets('json');
      const output = await callOperation(model, 'DescribeFolder', { FolderId: 'f-1' }, { endpoint });
      expect(output).toMatchObject({ Folder: { Name: 'root', Created: new Date('2024-01-02T03:04:05Z') } });
      await expect(callOperation(model, 'DescribeFolder', { FolderId: 'missing' }, { endpoint })).rejects.toMatchObject({ name: 'NoSuchFolderException', message: 'gone' });
      expect(seen).toEqual([
        { target: 'WidgetService.DescribeFolder', signed: true, body: '{"FolderId":"f-1"}' },
        { target: 'WidgetService.DescribeFolder', signed: true, body: '{"FolderId":"missing"}' },
      ]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
