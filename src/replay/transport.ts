import type { HttpRequest, HttpResponse } from '@smithy/core/protocols';
import type { ServiceModel, ShapeRef } from '../model/types.js';
import type { DocumentedOutcome, RecordedRequest, ReplayProblem } from './types.js';
import { documentedToWire, formatTimestamp, documentedInstant, isPlainObject, shapeOf, timestampFormat, pointerTo, unreadableTimestamp, type WireProtocol } from './wire.js';
import { memberRef } from '../model/members.js';

/** A canned HTTP answer. */
export interface WireResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string | Uint8Array;
}

/** One replayed call: what to answer, and the request the SDK serialized (filled in by the handler). */
export interface ReplayCall {
  answer: WireResponse;
  recorded?: RecordedRequest;
}

/** The `client.send` option that carries a call to the handler, so one client serves every call. */
export const replayCallOption = 'docsHarnessReplayCall';

/**
 * The SDK `requestHandler` replay installs: it records the serialized request and answers with the
 * call's canned response. It never opens a connection — there is no code path to the network.
 */
export function createReplayHandler() {
  return {
    async handle(request: HttpRequest, options?: Record<string, unknown>): Promise<{ response: HttpResponse }> {
      const call = options?.[replayCallOption] as ReplayCall | undefined;
      if (!call) throw new Error('replay: a request came without a replay call; nothing is sent to the network');
      call.recorded = recordRequest(request);
      const { statusCode, headers, body } = call.answer;
      // Loaded with the first replayed call: runs that do not replay never pay for it.
      const { HttpResponse } = await import('@smithy/core/protocols');
      return { response: new HttpResponse({ statusCode, headers, body: typeof body === 'string' ? Buffer.from(body) : body }) };
    },
    updateHttpClientConfig(): void {},
    httpHandlerConfigs(): Record<string, never> {
      return {};
    },
  };
}

function recordRequest(request: HttpRequest): RecordedRequest {
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(request.query ?? {})) if (value !== null) query[key] = value;
  return {
    method: request.method,
    path: request.path,
    query,
    headers: { ...request.headers },
    body: decodeBody(request.body),
  };
}

function decodeBody(body: unknown): string {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return new TextDecoder().decode(body);
  return String(body);
}

const jsonContentType: Record<WireProtocol, string> = {
  awsJson1_0: 'application/x-amz-json-1.0',
  awsJson1_1: 'application/x-amz-json-1.1',
  restJson1: 'application/json',
};

/**
 * The documented outcome in the protocol's wire form. `unreadable` lists documented values sent
 * unchanged because they cannot be converted (the client's reaction to them is then reported).
 */
export function wireResponse(
  model: ServiceModel,
  operationName: string,
  protocol: WireProtocol,
  documented: DocumentedOutcome,
): { answer: WireResponse; unreadable: ReplayProblem[] } {
  const unreadable: ReplayProblem[] = [];
  const contentType = jsonContentType[protocol];
  if (documented.kind === 'error') return { answer: errorResponse(model, protocol, documented.code, documented.message), unreadable };
  const operation = model.operations[operationName];
  const successStatus = operation?.http?.responseCode ?? 200;
  if (documented.kind !== 'json') return { answer: { statusCode: successStatus, headers: {}, body: '' }, unreadable };
  const outputRef = operation?.output;
  if (!outputRef || !isPlainObject(documented.value)) {
    return { answer: { statusCode: successStatus, headers: { 'content-type': contentType }, body: JSON.stringify(documented.value) }, unreadable };
  }
  if (protocol !== 'restJson1') {
    const body = documentedToWire(model, outputRef, documented.value, '', unreadable);
    return { answer: { statusCode: successStatus, headers: { 'content-type': contentType }, body: JSON.stringify(body) }, unreadable };
  }
  return { answer: restJsonResponse(model, outputRef, documented.value, successStatus, unreadable), unreadable };
}

/** restJson1: members bound to headers, the status code and the payload go there; the rest is the JSON body. */
function restJsonResponse(
  model: ServiceModel,
  outputRef: ShapeRef,
  value: Record<string, unknown>,
  successStatus: number,
  unreadable: ReplayProblem[],
): WireResponse {
  const outputShape = shapeOf(model, outputRef);
  const payloadName = outputShape.payload as string | undefined;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  let statusCode = successStatus;
  const bodyMembers: Record<string, unknown> = {};
  let body: string | Uint8Array | undefined;
  for (const [name, memberValue] of Object.entries(value)) {
    const ref = memberRef(outputShape, name);
    const pointer = pointerTo('', name);
    if (!ref || !ref.location) {
      if (name !== payloadName) bodyMembers[name] = memberValue;
      else body = payloadBody(model, ref!, memberValue, pointer, unreadable);
      continue;
    }
    if (ref.location === 'statusCode') statusCode = Number(memberValue);
    else if (ref.location === 'header') headers[(ref.locationName ?? name).toLowerCase()] = headerValue(model, ref, memberValue, pointer, unreadable);
    else if (ref.location === 'headers' && isPlainObject(memberValue)) {
      for (const [key, item] of Object.entries(memberValue)) headers[`${ref.locationName ?? ''}${key}`.toLowerCase()] = String(item);
    }
  }
  if (body === undefined) body = JSON.stringify(documentedToWire(model, outputRef, bodyMembers, '', unreadable));
  return { statusCode, headers, body };
}

function payloadBody(model: ServiceModel, ref: ShapeRef, value: unknown, pointer: string, unreadable: ReplayProblem[]): string | Uint8Array {
  const shape = shapeOf(model, ref);
  if (shape.type === 'blob') return typeof value === 'string' ? Buffer.from(value, 'base64') : String(value);
  if (shape.type === 'string') return String(value);
  return JSON.stringify(documentedToWire(model, ref, value, pointer, unreadable));
}

function headerValue(model: ServiceModel, ref: ShapeRef, value: unknown, pointer: string, unreadable: ReplayProblem[]): string {
  const shape = shapeOf(model, ref);
  if (shape.type === 'timestamp') {
    const instant = documentedInstant(value);
    if (instant !== undefined) return String(formatTimestamp(instant, timestampFormat(ref, shape, 'header')));
    unreadable.push(unreadableTimestamp(value, pointer));
    return String(value);
  }
  // A header carrying JSON (`jsonvalue`) is base64-encoded on the wire; the CLI prints the decoded value.
  if (ref.jsonvalue || shape.jsonvalue) return Buffer.from(JSON.stringify(value)).toString('base64');
  if (Array.isArray(value)) return value.map(String).join(', ');
  return String(value);
}

function errorResponse(model: ServiceModel, protocol: WireProtocol, code: string, message: string | undefined): WireResponse {
  const errorTrait = model.shapes[code]?.error as { httpStatusCode?: number } | undefined;
  const statusCode = errorTrait?.httpStatusCode ?? 400;
  const body = protocol === 'restJson1' ? { message } : { __type: code, message };
  const headers: Record<string, string> = { 'content-type': jsonContentType[protocol] };
  if (protocol === 'restJson1') headers['x-amzn-errortype'] = code;
  return { statusCode, headers, body: JSON.stringify(body) };
}
