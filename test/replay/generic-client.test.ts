import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { embeddedModels, loadModels } from '../../src/model/load.js';
import type { ModelIndex } from '../../src/model/types.js';
import { analyzeFile } from '../../src/pipeline.js';
import { constructGenericClient, genericClientName, loadReplayClient, type ReplayClient } from '../../src/replay/clients.js';
import type { ReplayCall } from '../../src/replay/transport.js';
import type { RecordedRequest } from '../../src/replay/types.js';
import { corpusDir, hasCorpus, modelsDir } from '../support/shared.js';

interface Sent {
  where: string;
  operationName: string;
  input: Record<string, unknown>;
}

/** Every command of the cognito-idp documents in a folder, as the API input the translator builds. */
async function apiCalls(folder: string, models: ModelIndex, treeRoot: string): Promise<Sent[]> {
  const calls: Sent[] = [];
  for (const name of readdirSync(folder).filter((file) => file.endsWith('.rst')).sort()) {
    await analyzeFile(path.join(folder, name), {
      rules: [],
      models,
      treeRoot,
      extend(context) {
        for (const example of context.document.examples) {
          for (const command of example.commands) {
            const translation = context.translation(command, example);
            if (translation?.operationName && translation.input && !translation.customization) {
              calls.push({ where: `${name}:${command.words[0]?.start.line ?? example.position.start.line}`, operationName: translation.operationName, input: translation.input });
            }
          }
        }
      },
    });
  }
  return calls;
}

/** What decides what the service does with a request: everything but the per-call and per-client headers (date, signature, user agent, invocation id). */
function onTheWire(request: RecordedRequest | undefined) {
  if (!request) return undefined;
  const varying = new Set(['authorization', 'x-amz-date', 'user-agent', 'x-amz-user-agent', 'amz-sdk-invocation-id']);
  const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !varying.has(name)));
  // The headers each client signs are part of the request the service checks.
  const signed = /SignedHeaders=([^,]+)/.exec(request.headers.authorization ?? '')?.[1];
  return { method: request.method, path: request.path, query: request.query, headers, signed, body: request.body };
}

async function sendThrough(client: ReplayClient, call: Sent): Promise<RecordedRequest | undefined> {
  const replay: ReplayCall = { answer: { statusCode: 200, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: '{}' } };
  await client.send(call.operationName, call.input, replay).catch(() => undefined);
  return replay.recorded;
}

async function expectSameRequests(calls: Sent[], models: ModelIndex): Promise<void> {
  const model = models.get('cognito-idp')!;
  const dedicated = await loadReplayClient(model);
  const generic = constructGenericClient(model, 'us-east-1');
  if (!('client' in dedicated) || !('client' in generic)) throw new Error('both clients must load');
  expect(dedicated.client.packageName).toBe('@aws-sdk/client-cognito-identity-provider');
  expect(generic.client.packageName).toBe(genericClientName);
  expect(calls.length).toBeGreaterThan(0);
  for (const call of calls) {
    const fromPackage = onTheWire(await sendThrough(dedicated.client, call));
    const fromModel = onTheWire(await sendThrough(generic.client, call));
    expect(fromPackage, call.where).toBeDefined();
    expect({ where: call.where, request: fromModel }).toEqual({ where: call.where, request: fromPackage });
  }
}

describe('the generic client built from the model', () => {
  it('puts the same request on the wire as @aws-sdk/client-cognito-identity-provider for every example in examples/', async () => {
    const folder = path.resolve('examples/cognito-idp');
    const models = embeddedModels();
    await expectSameRequests(await apiCalls(folder, models, path.resolve('examples')), models);
  });

  it.skipIf(!hasCorpus)('puts the same request on the wire as the package for every command of the corpus cognito-idp folder', async () => {
    const models = loadModels(modelsDir);
    const calls = await apiCalls(path.join(corpusDir, 'cognito-idp'), models, corpusDir);
    expect(calls.length).toBeGreaterThan(100);
    await expectSameRequests(calls, models);
  }, 60_000);
});
