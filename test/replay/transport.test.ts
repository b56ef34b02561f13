import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ServiceModel } from '../../src/model/types.js';
import { compareRequest } from '../../src/replay/compare.js';
import { wireResponse } from '../../src/replay/transport.js';
import { cliTimestamp, documentedInstant } from '../../src/replay/wire.js';
import { cognitoModel } from './fixtures.js';

/** A restJson1 slice written for these tests: header, status code, payload and body bindings. */
const restModel: ServiceModel = {
  cliName: 'widgets',
  metadata: { apiVersion: '2024-01-01', endpointPrefix: 'widgets', protocol: 'rest-json', serviceId: 'Widgets' },
  operations: {
    GetWidget: {
      name: 'GetWidget',
      http: { method: 'GET', requestUri: '/widgets/{WidgetId}/parts/{Key+}?view=full' },
      input: { shape: 'GetWidgetRequest' },
      output: { shape: 'GetWidgetResponse' },
    },
    GetWidgetBlob: { name: 'GetWidgetBlob', http: { method: 'GET', requestUri: '/blob', responseCode: 202 }, output: { shape: 'BlobResponse' } },
  },
  shapes: {
    String: { type: 'string' },
    Integer: { type: 'integer' },
    Time: { type: 'timestamp' },
    IsoTime: { type: 'timestamp', timestampFormat: 'iso8601' },
    Data: { type: 'blob' },
    Tags: { type: 'map', key: { shape: 'String' }, value: { shape: 'String' } },
    Names: { type: 'list', member: { shape: 'String' } },
    GetWidgetRequest: {
      type: 'structure',
      members: {
        WidgetId: { shape: 'String', location: 'uri', locationName: 'WidgetId' },
        Key: { shape: 'String', location: 'uri', locationName: 'Key' },
        Names: { shape: 'Names', location: 'querystring', locationName: 'name' },
        Token: { shape: 'String', location: 'header', locationName: 'X-Token' },
        Note: { shape: 'String' },
      },
    },
    GetWidgetResponse: {
      type: 'structure',
      members: {
        ETag: { shape: 'String', location: 'header', locationName: 'ETag' },
        Modified: { shape: 'Time', location: 'header', locationName: 'Last-Modified' },
        Status: { shape: 'Integer', location: 'statusCode' },
        Meta: { shape: 'Tags', location: 'headers', locationName: 'x-amz-meta-' },
        Created: { shape: 'Time' },
        Updated: { shape: 'IsoTime' },
        Name: { shape: 'String', locationName: 'name' },
      },
    },
    BlobResponse: { type: 'structure', payload: 'Body', members: { Body: { shape: 'Data' } } },
  },
  paginators: {},
  waiters: {},
};

describe('wireResponse', () => {
  it('answers awsJson with epoch seconds and a documented error with __type', () => {
    const model = cognitoModel();
    const value = { UserPool: { Id: 'p', CreationDate: '2019-01-21T11:10:27.125000-08:00' } };
    const { answer, unreadable } = wireResponse(model, 'DescribeUserPool', 'awsJson1_1', { kind: 'json', value });
    expect(unreadable).toEqual([]);
    expect(answer.statusCode).toBe(200);
    expect(JSON.parse(String(answer.body))).toEqual({ UserPool: { Id: 'p', CreationDate: 1548097827.125 } });
    const error = wireResponse(model, 'InitiateAuth', 'awsJson1_1', { kind: 'error', code: 'NotAuthorizedException', message: 'Incorrect.' });
    expect(error.answer.statusCode).toBe(400);
    expect(JSON.parse(String(error.answer.body))).toEqual({ __type: 'NotAuthorizedException', message: 'Incorrect.' });
  });

  it('places restJson1 members in headers, the status code and the body, each timestamp in its format', () => {
    const value = {
      ETag: '"abc"',
      Modified: '2024-01-02T03:04:05+00:00',
      Status: 201,
      Meta: { owner: 'me' },
      Created: '2024-01-02T03:04:05+00:00',
      Updated: 1704164645,
      Name: 'w',
    };
    const { answer } = wireResponse(restModel, 'GetWidget', 'restJson1', { kind: 'json', value });
    expect(answer.statusCode).toBe(201);
    expect(answer.headers).toMatchObject({ etag: '"abc"', 'last-modified': 'Tue, 02 Jan 2024 03:04:05 GMT', 'x-amz-meta-owner': 'me' });
    expect(JSON.parse(String(answer.body))).toEqual({ Created: 1704164645, Updated: '2024-01-02T03:04:05.000Z', name: 'w' });
  });

  it('sends a blob payload as raw bytes with the modeled status code', () => {
    const { answer } = wireResponse(restModel, 'GetWidgetBlob', 'restJson1', { kind: 'json', value: { Body: Buffer.from('hello').toString('base64') } });
    expect(answer.statusCode).toBe(202);
    expect(Buffer.from(answer.body as Uint8Array).toString()).toBe('hello');
  });

  it('answers restJson1 errors with x-amzn-errortype', () => {
    const { answer } = wireResponse(restModel, 'GetWidget', 'restJson1', { kind: 'error', code: 'NotFoundException', message: 'gone' });
    expect(answer).toMatchObject({ statusCode: 400, headers: { 'x-amzn-errortype': 'NotFoundException' } });
  });
});

describe('compareRequest for restJson1', () => {
  const input = { WidgetId: 'w 1', Key: 'a/b', Names: ['x', 'y'], Token: 't', Note: 'n' };
  const sent = { method: 'GET', path: '/widgets/w%201/parts/a/b', query: { view: 'full', name: ['x', 'y'] }, headers: { 'x-token': 't' }, body: '{"Note":"n"}' };

  it('finds every bound member where the request put it', () => {
    expect(compareRequest(restModel, { shape: 'GetWidgetRequest' }, 'restJson1', input, sent, '/widgets/{WidgetId}/parts/{Key+}?view=full')).toEqual([]);
  });

  it('reports a bound member the request lacks or carries otherwise', () => {
    const other = { ...sent, headers: {}, query: { view: 'full', name: ['x', 'z'] } };
    expect(compareRequest(restModel, { shape: 'GetWidgetRequest' }, 'restJson1', input, other, '/widgets/{WidgetId}/parts/{Key+}?view=full')).toEqual([
      { pointer: '/Names/1', message: 'the client sent "z" for "y"' },
      { pointer: '/Token', message: 'the client dropped "t": it is not in the request it sent' },
    ]);
  });
});

describe('timestamps', () => {
  const instants = fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });

  it('reads back every timestamp the CLI prints, in any UTC offset', () => {
    fc.assert(
      fc.property(instants, fc.integer({ min: -12 * 60, max: 14 * 60 }), (date, offsetMinutes) => {
        expect(documentedInstant(cliTimestamp(date))).toBe(date.getTime());
        // The CLI prints local time with its offset: the same instant, shifted.
        const local = new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 23);
        const sign = offsetMinutes < 0 ? '-' : '+';
        const offset = `${sign}${String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, '0')}:${String(Math.abs(offsetMinutes) % 60).padStart(2, '0')}`;
        expect(documentedInstant(`${local}000${offset}`)).toBe(date.getTime());
        expect(documentedInstant(date.getTime() / 1000)).toBe(date.getTime());
      }),
    );
  });

  it('prints timestamps the way the AWS CLI v2 does', () => {
    expect(cliTimestamp(new Date('2024-01-01T00:00:00Z'))).toBe('2024-01-01T00:00:00+00:00');
    expect(cliTimestamp(new Date('2024-01-01T00:00:00.5Z'))).toBe('2024-01-01T00:00:00.500000+00:00');
  });

  it('refuses what is not a timestamp', () => {
    fc.assert(fc.property(fc.string().filter((text) => !/^\d{4}-/.test(text)), (text) => documentedInstant(text) === undefined));
    expect(documentedInstant('2024-13-45T00:00:00Z')).toBeUndefined();
  });
});
