import { firstLine, loadReplayClient } from './clients.js';
import { compareRequest, compareResponse, toCliForm } from './compare.js';
import { wireResponse, type ReplayCall } from './transport.js';
import type { ReplayProblem, ReplayRequest, ReplayResult } from './types.js';

/**
 * Replay one API call through the real SDK v3 client with a mock transport: the client serializes
 * our input and deserializes the documented outcome, and every disagreement becomes a problem.
 */
export async function replayMock(request: ReplayRequest): Promise<ReplayResult> {
  const { model, operationName, input, documented } = request;
  const operation = model.operations[operationName];
  if (!operation) return { replayed: false, reason: `unknown operation ${operationName}` };
  const load = await loadReplayClient(model, request.region);
  if ('reason' in load) return { replayed: false, reason: load.reason };
  const { client } = load;
  if ('unsupported' in client.protocol) return { replayed: false, reason: client.protocol.unsupported };
  if (!client.hasOperation(operationName)) return { replayed: false, reason: `${client.packageName} has no ${operationName}Command` };

  const protocol = client.protocol.wire;
  const { answer, unreadable } = wireResponse(model, operationName, protocol, documented);
  const call: ReplayCall = { answer };
  const requestProblems: ReplayProblem[] = [];
  const responseProblems: ReplayProblem[] = [];
  const errorProblems: ReplayProblem[] = [];
  let result: Record<string, unknown> | undefined;
  let raised: Error | undefined;
  try {
    result = await client.send(operationName, input, call);
  } catch (error) {
    raised = error instanceof Error ? error : new Error(String(error));
  }
  if (!call.recorded) {
    requestProblems.push({ pointer: '', message: `the client could not build the request: ${firstLine(raised)}` });
    return { replayed: true, requestProblems, responseProblems, errorProblems };
  }
  requestProblems.push(...compareRequest(model, operation.input, protocol, input, call.recorded, operation.http?.requestUri));

  if (documented.kind === 'error') {
    if (!raised) errorProblems.push({ pointer: '', message: `the client raised no error where ${documented.code} is documented` });
    else if (raised.name !== documented.code) errorProblems.push({ pointer: '', message: `the client raised ${raised.name} where ${documented.code} is documented` });
    else if (!client.exceptionClass(documented.code) || !(raised instanceof client.exceptionClass(documented.code)!)) {
      errorProblems.push({ pointer: '', message: `the client does not know ${documented.code}: it raised a generic ${raised.constructor.name}` });
    }
  } else if (raised) {
    if (documented.kind === 'json') {
      // A value sent unconverted is what the deserializer choked on; without one, the whole output is.
      const culprits = unreadable.length > 0 ? unreadable : [{ pointer: '', message: 'the documented output' }];
      for (const culprit of culprits) {
        responseProblems.push({ pointer: culprit.pointer, message: `the client cannot read ${culprit.message}: ${firstLine(raised)}` });
      }
    } else {
      errorProblems.push({ pointer: '', message: `the client raised ${raised.name} for a successful answer: ${firstLine(raised)}` });
    }
  } else if (documented.kind === 'json') {
    responseProblems.push(...compareResponse(model, operation.output, documented.value, result));
  }
  return {
    replayed: true,
    request: call.recorded,
    requestProblems,
    responseProblems,
    errorProblems,
    output: result && toCliForm(result),
    ...(documented.kind === 'unchecked' ? { unchecked: documented.reason } : {}),
  };
}
