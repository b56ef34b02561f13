import net from 'node:net';
import tls from 'node:tls';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadReplayClient } from '../../src/replay/clients.js';
import { replayMock } from '../../src/replay/mock.js';
import type { ReplayResult } from '../../src/replay/types.js';
import { cognitoModel } from './fixtures.js';

const model = cognitoModel();

function replayed(result: ReplayResult) {
  if (!result.replayed) throw new Error(`not replayed: ${result.reason}`);
  return result;
}

const signIn = { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: '1example23456789', AuthParameters: { USERNAME: 'testuser', PASSWORD: 'pw' } };

describe('replayMock through the real Cognito client', () => {
  afterEach(() => vi.restoreAllMocks());

  it('round-trips a documented output the client reads as is', async () => {
    const value = { AuthenticationResult: { AccessToken: 'eyJraEXAMPLE', ExpiresIn: 3600, TokenType: 'Bearer' } };
    const result = replayed(await replayMock({ model, operationName: 'InitiateAuth', input: signIn, documented: { kind: 'json', value } }));
    expect(result.requestProblems).toEqual([]);
    expect(result.responseProblems).toEqual([]);
    expect(result.errorProblems).toEqual([]);
    expect(result.output).toEqual(value);
    expect(result.request?.headers['x-amz-target']).toBe('AWSCognitoIdentityProviderService.InitiateAuth');
    expect(JSON.parse(result.request!.body)).toEqual(signIn);
  });

  it('reports documented keys the deserializer drops, at their pointer', async () => {
    const value = { AuthenticationResult: { AccessToken: 'a', Scope: 'openid' }, Extra: 1 };
    const result = replayed(await replayMock({ model, operationName: 'InitiateAuth', input: signIn, documented: { kind: 'json', value } }));
    expect(result.responseProblems).toEqual([
      { about: 'key', pointer: '/AuthenticationResult/Scope', message: 'the client drops Scope: AuthenticationResultType has no such member' },
      { about: 'key', pointer: '/Extra', message: 'the client drops Extra: InitiateAuthResponse has no such member' },
    ]);
  });

  it('reports documented keys named like what every object inherits, without failing', async () => {
    const value = JSON.parse('{"AuthenticationResult": {"AccessToken": "a", "constructor": 1}, "__proto__": {"a": 1}}');
    const result = replayed(await replayMock({ model, operationName: 'InitiateAuth', input: signIn, documented: { kind: 'json', value } }));
    expect(result.responseProblems.map((problem) => problem.pointer)).toEqual(['/AuthenticationResult/constructor', '/__proto__']);
  });

  it('reports a string the client passes through where the model has a number', async () => {
    const value = { AuthenticationResult: { ExpiresIn: '3600' } };
    const result = replayed(await replayMock({ model, operationName: 'InitiateAuth', input: signIn, documented: { kind: 'json', value } }));
    expect(result.responseProblems).toEqual([
      { pointer: '/AuthenticationResult/ExpiresIn', message: 'the client gives back "3600", a string, where the model has integer' },
    ]);
  });

  it('reads CLI v1 epoch seconds and CLI v2 ISO 8601 timestamps as the same instant', async () => {
    for (const CreationDate of [1548097827.125, '2019-01-21T19:10:27.125000+00:00', '2019-01-21T11:10:27.125000-08:00']) {
      const value = { UserPool: { Id: 'us-west-2_EXAMPLE', CreationDate } };
      const result = replayed(
        await replayMock({ model, operationName: 'DescribeUserPool', input: { UserPoolId: 'us-west-2_EXAMPLE' }, documented: { kind: 'json', value } }),
      );
      expect(result.responseProblems).toEqual([]);
      expect(result.output).toEqual({ UserPool: { Id: 'us-west-2_EXAMPLE', CreationDate: '2019-01-21T19:10:27.125000+00:00' } });
    }
  });

  it('reports a timestamp the client cannot read, with the client error', async () => {
    const value = { UserPool: { Id: 'p', CreationDate: 'January 21, 2019' } };
    const result = replayed(await replayMock({ model, operationName: 'DescribeUserPool', input: { UserPoolId: 'p' }, documented: { kind: 'json', value } }));
    expect(result.responseProblems).toHaveLength(1);
    expect(result.responseProblems[0]!.pointer).toBe('/UserPool/CreationDate');
    expect(result.responseProblems[0]!.message).toMatch(/^the client cannot read "January 21, 2019" \(not a timestamp the CLI prints\): .+/);
  });

  it('answers a documented error and checks the client raises exactly that exception', async () => {
    const documented = { kind: 'error' as const, code: 'NotAuthorizedException', message: 'Incorrect username or password.' };
    const result = replayed(await replayMock({ model, operationName: 'InitiateAuth', input: signIn, documented }));
    expect(result.errorProblems).toEqual([]);
  });

  it('reports an error code the client does not know', async () => {
    const documented = { kind: 'error' as const, code: 'IncorrectPasswordException' };
    const result = replayed(await replayMock({ model, operationName: 'InitiateAuth', input: signIn, documented }));
    expect(result.errorProblems).toEqual([
      { pointer: '', message: 'the client does not know IncorrectPasswordException: it raised a generic CognitoIdentityProviderServiceException' },
    ]);
  });

  it('answers "no output" with an empty success body', async () => {
    const result = replayed(
      await replayMock({ model, operationName: 'GlobalSignOut', input: { AccessToken: 'eyJraEXAMPLE' }, documented: { kind: 'none' } }),
    );
    expect(result).toMatchObject({ requestProblems: [], responseProblems: [], errorProblems: [], output: {} });
  });

  it('reports input members the serializer drops and values it sends otherwise', async () => {
    const input = { UserCode: 123456, FriendlyDeviceName: 'phone', Color: 'blue' };
    const result = replayed(await replayMock({ model, operationName: 'VerifySoftwareToken', input, documented: { kind: 'unchecked', reason: 'text output' } }));
    expect(result.requestProblems).toEqual([{ pointer: '/Color', message: 'the client dropped Color: VerifySoftwareTokenRequest has no such member' }]);
    expect(JSON.parse(result.request!.body)).toEqual({ UserCode: 123456, FriendlyDeviceName: 'phone' });
  });

  it('says why a call is not replayed', async () => {
    expect(await replayMock({ model, operationName: 'SignIn', input: {}, documented: { kind: 'none' } })).toEqual({
      replayed: false,
      reason: 'unknown operation SignIn',
    });
    const unspoken = { ...model, metadata: { ...model.metadata, serviceId: 'Pigeon Post', protocol: 'json-over-carrier-pigeon', protocols: ['json-over-carrier-pigeon'] } };
    expect(await replayMock({ model: unspoken, operationName: 'InitiateAuth', input: {}, documented: { kind: 'none' } })).toEqual({
      replayed: false,
      reason: 'protocol json-over-carrier-pigeon is not replayed',
    });
  });

  it('builds a client from the model for a service without a client package of its own', async () => {
    const elsewhere = { ...model, metadata: { ...model.metadata, serviceId: 'Example Widgets' } };
    const result = replayed(await replayMock({ model: elsewhere, operationName: 'InitiateAuth', input: signIn, documented: { kind: 'error', code: 'NotAuthorizedException' } }));
    expect(result.request?.headers['x-amz-target']).toBe('AWSCognitoIdentityProviderService.InitiateAuth');
    expect(result.request?.headers['user-agent']).toContain('api/example-widgets');
    expect(result).toMatchObject({ requestProblems: [], errorProblems: [] });
  });

  it('gives a one-line reason for a client package that fails to construct or speaks another protocol', async () => {
    class BrokenClient {
      constructor() {
        throw new Error('region is missing\nstack...');
      }
    }
    expect(await loadReplayClient(model, 'us-west-2', async () => ({ CognitoIdentityProviderClient: BrokenClient }))).toEqual({
      reason: '@aws-sdk/client-cognito-identity-provider failed to construct: region is missing',
    });
    class PigeonClient {
      config = { protocol: { getShapeId: () => 'aws.protocols#carrierPigeon' } };
      send() {}
    }
    const load = await loadReplayClient(model, 'us-west-2', async () => ({ CognitoIdentityProviderClient: PigeonClient }));
    expect('client' in load && load.client.protocol).toEqual({ unsupported: 'protocol carrierPigeon is not replayed' });
  });

  it('never opens a connection', async () => {
    const attempts = [
      vi.spyOn(net.Socket.prototype, 'connect'),
      vi.spyOn(net, 'connect'),
      vi.spyOn(net, 'createConnection'),
      vi.spyOn(tls, 'connect'),
    ];
    const value = { AuthenticationResult: { AccessToken: 'a' } };
    await replayMock({ model, operationName: 'InitiateAuth', input: signIn, documented: { kind: 'json', value } });
    await replayMock({ model, operationName: 'InitiateAuth', input: signIn, documented: { kind: 'error', code: 'NotAuthorizedException' } });
    await replayMock({ model, operationName: 'GlobalSignOut', input: { AccessToken: 'a' }, documented: { kind: 'none' } });
    for (const attempt of attempts) expect(attempt).not.toHaveBeenCalled();
  });
});
