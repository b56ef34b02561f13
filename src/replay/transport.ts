import { AsyncLocalStorage } from 'node:async_hooks';
import { Readable } from 'node:stream';
import { cbor, dateToTag } from '@smithy/core/cbor';
import type { HttpRequest, HttpResponse } from '@smithy/core/protocols';
import type { ServiceModel, ShapeRef } from '../model/types.js';
import type { DocumentedOutcome, RecordedRequest, ReplayProblem } from './types.js';
import { documentedToWire, documentedToWireForm, formatTimestamp, documentedInstant, isPlainObject, shapeOf, timestampFormat, pointerTo, unreadableTimestamp, type WireLeaves, type WireProtocol } from './wire.js';
import { serviceXmlNamespace, structureElement, XmlNode, type XmlWriting } from './wire-xml.js';
import { memberRef } from '../model/members.js';

/** A canned HTTP answer. */
export interface WireResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string | Uint8Array;
  /** The output's payload is a stream (a streaming blob): the SDK reads it from a stream, not from bytes. */
  streaming?: boolean;
}

/** One replayed call: what to answer, and the request the SDK serialized (filled in by the handler). */
export interface ReplayCall {
  answer: WireResponse;
  recorded?: RecordedRequest;
}

/**
 * Carries each call to the handler, so one client serves every call; through async context rather than a
 * `send` option, so the SDK builds each command's middleware stack once (`cacheMiddleware`) instead of per call.
 */
const replayCalls = new AsyncLocalStorage<ReplayCall>();

/** Runs `send` with `call` as the one the replay handler answers and records. */
export function withReplayCall<T>(call: ReplayCall, send: () => Promise<T>): Promise<T> {
  return replayCalls.run(call, send);
}

/**
 * The SDK `requestHandler` replay installs: it records the serialized request and answers with the
 * call's canned response. It never opens a connection — there is no code path to the network.
 */
export function createReplayHandler() {
  return {
    async handle(request: HttpRequest): Promise<{ response: HttpResponse }> {
      const call = replayCalls.getStore();
      if (!call) throw new Error('replay: a request came without a replay call; nothing is sent to the network');
      call.recorded = recordRequest(request);
      const { statusCode, headers, body, streaming } = call.answer;
      // Loaded with the first replayed call: runs that do not replay never pay for it.
      const { HttpResponse } = await import('@smithy/core/protocols');
      const bytes = typeof body === 'string' ? Buffer.from(body) : body;
      return { response: new HttpResponse({ statusCode, headers, body: streaming ? Readable.from([bytes]) : bytes }) };
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
    ...(request.body instanceof Uint8Array ? { bytes: request.body } : {}),
  };
}

function decodeBody(body: unknown): string {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return new TextDecoder().decode(body);
  return String(body);
}

const contentTypes: Record<WireProtocol, string> = {
  awsJson1_0: 'application/x-amz-json-1.0',
  awsJson1_1: 'application/x-amz-json-1.1',
  restJson1: 'application/json',
  rpcv2Cbor: 'application/cbor',
  restXml: 'application/xml',
  awsQuery: 'text/xml',
  ec2Query: 'text/xml',
};

const requestId = 'c0ffee00-0000-4000-8000-docsharness0';

/** The documented outcome in the protocol's wire form, and what of it could not be put there as documented. */
export interface WireAnswer {
  answer: WireResponse;
  /** Documented values sent unchanged because they cannot be converted: the client's reaction to them is reported. */
  unreadable: ReplayProblem[];
  /** Documented values the wire form cannot carry (a string where XML needs a structure): left out, and reported. */
  unwritable: ReplayProblem[];
}

export function wireResponse(model: ServiceModel, operationName: string, protocol: WireProtocol, documented: DocumentedOutcome): WireAnswer {
  const writing: XmlWriting = { model, unreadable: [], unwritable: [] };
  if (documented.kind === 'error') return { answer: errorResponse(model, protocol, documented.code, documented.message), unreadable: [], unwritable: [] };
  const operation = model.operations[operationName];
  const successStatus = operation?.http?.responseCode ?? 200;
  const contentType = contentTypes[protocol];
  const outputRef = operation?.output;
  const streaming = outputRef !== undefined && streamsOutput(model, outputRef);
  const done = (answer: WireResponse): WireAnswer => ({ answer: streaming ? { ...answer, streaming } : answer, unreadable: writing.unreadable, unwritable: writing.unwritable });
  if (documented.kind !== 'json' || !outputRef) return done(emptyResponse(protocol, operationName, successStatus, model));
  if (!isPlainObject(documented.value)) {
    if (protocol.startsWith('awsJson') || protocol === 'restJson1') return done({ statusCode: successStatus, headers: { 'content-type': contentType }, body: JSON.stringify(documented.value) });
    writing.unwritable.push({ pointer: '', message: `${Array.isArray(documented.value) ? 'a list' : `a ${typeof documented.value}`} where the model has the structure ${outputRef.shape}` });
    return done(emptyResponse(protocol, operationName, successStatus, model));
  }
  const value = documented.value;
  switch (protocol) {
    case 'awsJson1_0':
    case 'awsJson1_1':
      return done({ statusCode: successStatus, headers: { 'content-type': contentType }, body: JSON.stringify(documentedToWire(model, outputRef, value, '', writing.unreadable)) });
    case 'rpcv2Cbor':
      return done({ statusCode: successStatus, headers: cborHeaders, body: cbor.serialize(documentedToCbor(model, outputRef, value, '', writing.unreadable)) });
    case 'awsQuery': {
      const result = structureElement(writing, outputRef, value, (outputRef.resultWrapper as string | undefined) ?? `${operationName}Result`, '');
      const root = new XmlNode(`${operationName}Response`).addChildNode(result).addChildNode(new XmlNode('ResponseMetadata').addChildNode(XmlNode.of('RequestId', requestId)));
      return done(xmlAnswer(model, root, successStatus));
    }
    case 'ec2Query': {
      const root = structureElement(writing, outputRef, value, `${operationName}Response`, '');
      root.addChildNode(XmlNode.of('requestId', requestId));
      return done(xmlAnswer(model, root, successStatus));
    }
    case 'restJson1':
    case 'restXml':
      return done(restResponse(writing, protocol, outputRef, value, successStatus));
  }
}

function streamsOutput(model: ServiceModel, outputRef: ShapeRef): boolean {
  const output = model.shapes[outputRef.shape];
  const payload = typeof output?.payload === 'string' ? output.members?.[output.payload] : undefined;
  return payload !== undefined && (payload.streaming === true || model.shapes[payload.shape]?.streaming === true);
}

const cborHeaders = { 'content-type': 'application/cbor', 'smithy-protocol': 'rpc-v2-cbor' };

function emptyResponse(protocol: WireProtocol, operationName: string, statusCode: number, model: ServiceModel): WireResponse {
  if (protocol === 'rpcv2Cbor') return { statusCode, headers: cborHeaders, body: cbor.serialize({}) };
  if (protocol === 'awsQuery' || protocol === 'ec2Query') {
    const root = new XmlNode(`${operationName}Response`).addChildNode(new XmlNode('ResponseMetadata').addChildNode(XmlNode.of('RequestId', requestId)));
    return xmlAnswer(model, root, statusCode);
  }
  return { statusCode, headers: {}, body: '' };
}

function xmlAnswer(model: ServiceModel, root: XmlNode, statusCode: number): WireResponse {
  const namespace = serviceXmlNamespace(model);
  if (namespace) root.addAttribute('xmlns', namespace);
  return { statusCode, headers: { 'content-type': 'text/xml' }, body: root.toString() };
}

/** REST protocols: members bound to headers, the status code and the payload go there; the rest is the JSON or XML body. */
function restResponse(writing: XmlWriting, protocol: 'restJson1' | 'restXml', outputRef: ShapeRef, value: Record<string, unknown>, successStatus: number): WireResponse {
  const { model, unreadable } = writing;
  const outputShape = shapeOf(model, outputRef);
  const payloadName = outputShape.payload as string | undefined;
  const headers: Record<string, string> = { 'content-type': contentTypes[protocol] };
  let statusCode = successStatus;
  const bodyMembers: Record<string, unknown> = {};
  let body: string | Uint8Array | undefined;
  for (const [name, memberValue] of Object.entries(value)) {
    const ref = memberRef(outputShape, name);
    const pointer = pointerTo('', name);
    if (!ref || !ref.location) {
      if (name !== payloadName) bodyMembers[name] = memberValue;
      else body = payloadBody(writing, protocol, ref!, name, memberValue, pointer);
      continue;
    }
    if (ref.location === 'statusCode') statusCode = Number(memberValue);
    else if (ref.location === 'header') headers[(ref.locationName ?? name).toLowerCase()] = headerValue(model, ref, memberValue, pointer, unreadable);
    else if (ref.location === 'headers' && isPlainObject(memberValue)) {
      for (const [key, item] of Object.entries(memberValue)) headers[`${ref.locationName ?? ''}${key}`.toLowerCase()] = String(item);
    }
  }
  if (body === undefined) {
    if (protocol === 'restJson1') body = JSON.stringify(documentedToWire(model, outputRef, bodyMembers, '', unreadable));
    else body = Object.keys(bodyMembers).length > 0 ? withNamespace(model, structureElement(writing, outputRef, bodyMembers, (outputShape.locationName as string | undefined) ?? outputRef.shape, '')).toString() : '';
  }
  return { statusCode, headers, body };
}

function withNamespace(model: ServiceModel, node: XmlNode): XmlNode {
  const namespace = serviceXmlNamespace(model);
  return namespace ? node.addAttribute('xmlns', namespace) : node;
}

function payloadBody(writing: XmlWriting, protocol: 'restJson1' | 'restXml', ref: ShapeRef, name: string, value: unknown, pointer: string): string | Uint8Array {
  const { model, unreadable } = writing;
  const shape = shapeOf(model, ref);
  if (shape.type === 'blob') return typeof value === 'string' ? Buffer.from(value, 'base64') : String(value);
  if (shape.type === 'string') return String(value);
  if (protocol === 'restJson1') return JSON.stringify(documentedToWire(model, ref, value, pointer, unreadable));
  return withNamespace(model, structureElement(writing, ref, value, ref.locationName ?? (shape.locationName as string | undefined) ?? ref.shape ?? name, pointer)).toString();
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

/** CBOR (rpcv2Cbor): member names as modeled, timestamps as tagged dates, bytes as bytes. */
const CBOR_LEAVES: WireLeaves = {
  name: (key) => key,
  timestamp: (instant) => dateToTag(new Date(instant)),
  blob: (value) => (typeof value === 'string' ? new Uint8Array(Buffer.from(value, 'base64')) : value),
};

function documentedToCbor(model: ServiceModel, ref: ShapeRef, value: unknown, pointer: string, unreadable: ReplayProblem[]): unknown {
  return documentedToWireForm(model, ref, value, pointer, unreadable, CBOR_LEAVES);
}

/** The error shape a documented code names: by shape name, or by the code a query service puts on the wire. */
export function errorShapeName(model: ServiceModel, code: string): string | undefined {
  if (model.shapes[code]?.exception || model.shapes[code]?.error) return code;
  return Object.entries(model.shapes).find(([, shape]) => (shape.error as { code?: string } | undefined)?.code === code)?.[0];
}

/** A documented error in the protocol's error form: the code as the CLI printed it, with the modeled status. */
function errorResponse(model: ServiceModel, protocol: WireProtocol, code: string, message: string | undefined): WireResponse {
  const shapeName = errorShapeName(model, code);
  const errorTrait = (shapeName ? model.shapes[shapeName]?.error : undefined) as { httpStatusCode?: number; senderFault?: boolean } | undefined;
  const statusCode = errorTrait?.httpStatusCode ?? 400;
  const fault = statusCode >= 500 ? 'Receiver' : 'Sender';
  const contentType = contentTypes[protocol];
  switch (protocol) {
    case 'awsJson1_0':
    case 'awsJson1_1': {
      const headers: Record<string, string> = { 'content-type': contentType };
      // Services moved off the query protocol name the shape in __type and the query code in a header.
      if (model.metadata.awsQueryCompatible) headers['x-amzn-query-error'] = `${code};${fault}`;
      return { statusCode, headers, body: JSON.stringify({ __type: model.metadata.awsQueryCompatible ? (shapeName ?? code) : code, message }) };
    }
    case 'restJson1':
      return { statusCode, headers: { 'content-type': contentType, 'x-amzn-errortype': code }, body: JSON.stringify({ message }) };
    case 'rpcv2Cbor': {
      const headers: Record<string, string> = { ...cborHeaders };
      if (model.metadata.awsQueryCompatible) headers['x-amzn-query-error'] = `${code};${fault}`;
      return { statusCode, headers, body: cbor.serialize({ __type: model.metadata.awsQueryCompatible ? (shapeName ?? code) : code, ...(message ? { message } : {}) }) };
    }
    case 'ec2Query': {
      const error = new XmlNode('Error').addChildNode(XmlNode.of('Code', code)).addChildNode(XmlNode.of('Message', message ?? ''));
      const root = new XmlNode('Response').addChildNode(new XmlNode('Errors').addChildNode(error)).addChildNode(XmlNode.of('RequestID', requestId));
      return { statusCode, headers: { 'content-type': contentType }, body: root.toString() };
    }
    case 'awsQuery':
    case 'restXml': {
      const error = new XmlNode('Error').addChildNode(XmlNode.of('Type', fault)).addChildNode(XmlNode.of('Code', code)).addChildNode(XmlNode.of('Message', message ?? ''));
      const root = new XmlNode('ErrorResponse').addChildNode(error).addChildNode(XmlNode.of('RequestId', requestId));
      return { statusCode, headers: { 'content-type': contentType }, body: root.toString() };
    }
  }
}
