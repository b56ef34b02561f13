import { firstLine, loadReplayClient } from './clients.js';
import { eventStreamReason } from './generic/client.js';
import { compareRequest, compareResponse, toCliForm } from './compare.js';
import { documentedToServiceForm, resultToPrintedForm } from './printed.js';
import { errorShapeName, wireResponse, type ReplayCall } from './transport.js';
import type { ReplayProblem, ReplayRequest, ReplayResult } from './types.js';

/**
 * Replay one API call through the real SDK v3 client with a mock transport: the client serializes
 * our input and deserializes the documented outcome, and every disagreement becomes a problem.
 */
export async function replayMock(request: ReplayRequest): Promise<ReplayResult> {
  const { model, operationName, input, documented } = request;
  const operation = model.operations[operationName];
  if (!operation) return { replayed: false, reason: `unknown operation ${operationName}` };
  const eventStream = eventStreamReason(model, operationName);
  if (eventStream) return { replayed: false, reason: eventStream };
  const load = await loadReplayClient(model, request.region);
  if ('reason' in load) return { replayed: false, reason: load.reason };
  const { client } = load;
  if ('unsupported' in client.protocol) return { replayed: false, reason: client.protocol.unsupported };
  if (!client.hasOperation(operationName)) return { replayed: false, reason: `${client.packageName} has no ${operationName}Command` };

  const protocol = client.protocol.wire;
  const sent = documented.kind === 'json' ? { kind: 'json' as const, value: documentedToServiceForm(model, operationName, operation.output, documented.value) } : documented;
  const { answer, unreadable, unwritable } = wireResponse(model, operationName, protocol, sent);
  const call: ReplayCall = { answer };
  const requestProblems: ReplayProblem[] = [];
  const responseProblems: ReplayProblem[] = [];
  const errorProblems: ReplayProblem[] = [];
  let result: Record<string, unknown> | undefined;
  let raised: Error | undefined;
  try {
    result = resultToPrintedForm(model, operationName, operation.output, await client.send(operationName, input, call)) as Record<string, unknown>;
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
    else if (raised.name !== documented.code && raised.name !== errorShapeName(model, documented.code)) errorProblems.push({ pointer: '', message: `the client raised ${raised.name} where ${documented.code} is documented` });
    else if (!(raised instanceof (client.exceptionClass(documented.code) ?? client.exceptionClass(raised.name) ?? Never))) {
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
    // What could not be put on the wire is said once, where it is; what the client then gives back there is no second finding.
    for (const problem of unwritable) responseProblems.push({ pointer: problem.pointer, message: `the documented output cannot be sent in the ${protocol} wire form: ${problem.message}` });
    const underUnwritable = (pointer: string) => unwritable.some((problem) => pointer === problem.pointer || pointer.startsWith(`${problem.pointer}/`));
    // XML has no way to say "an empty flattened list": the key is simply absent on the wire, as it is from the service.
    const vanishedEmptyList = (problem: ReplayProblem) => xmlProtocols.has(protocol) && problem.about === 'key' && isEmptyList(valueAt(documented.value, problem.pointer));
    responseProblems.push(
      ...compareResponse(model, operation.output, documented.value, result).filter((problem) => !underUnwritable(problem.pointer) && !vanishedEmptyList(problem)),
    );
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

/** A class nothing is an instance of: an error the client has no class for is never "the documented one". */
class Never {}

/** The member of an input or output that carries an event stream, if any. */
const xmlProtocols = new Set(['restXml', 'awsQuery', 'ec2Query']);

function isEmptyList(value: unknown): boolean {
  return Array.isArray(value) && value.length === 0;
}

/** The value a JSON pointer (RFC 6901) points at. */
function valueAt(value: unknown, pointer: string): unknown {
  let current = value;
  for (const token of pointer.split('/').slice(1)) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[token.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return current;
}
