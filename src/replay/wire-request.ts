import { parseXML } from '@aws-sdk/xml-builder';
import { cbor } from '@smithy/core/cbor';
import { memberRef } from '../model/members.js';
import type { ServiceModel, Shape, ShapeRef } from '../model/types.js';
import type { RecordedRequest } from './types.js';
import { isPlainObject, shapeOf, wireName, type WireProtocol } from './wire.js';

/**
 * The body of a recorded request read back the way a server reads it, as a JSON-like value keyed by
 * each member's wire name (`locationName`), so one comparison serves every protocol: JSON parsed,
 * CBOR decoded, query forms and XML documents walked along the model (botocore's serialization rules).
 * Undefined when the body is not in the protocol's form.
 */
export function requestBodyValue(model: ServiceModel, inputRef: ShapeRef | undefined, protocol: WireProtocol, request: RecordedRequest): unknown {
  switch (protocol) {
    case 'rpcv2Cbor':
      return request.bytes && request.bytes.byteLength > 0 ? fromCbor(cbor.deserialize(request.bytes)) : {};
    case 'awsQuery':
    case 'ec2Query':
      return inputRef ? readQuery(model, inputRef, new URLSearchParams(request.body), protocol === 'ec2Query') : {};
    case 'restXml':
      return inputRef ? readXmlBody(model, inputRef, request.body) : {};
    default:
      return parseJson(request.body);
  }
}

function parseJson(body: string): unknown {
  if (!body) return {};
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** CBOR data in the JSON form the comparison reads: tag-1 dates as epoch seconds, byte strings as base64. */
function fromCbor(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(fromCbor);
  if (typeof value === 'object' && value !== null) {
    const tagged = value as { tag?: unknown; value?: unknown };
    if (tagged.tag === 1 && typeof tagged.value === 'number') return tagged.value;
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fromCbor(item)]));
  }
  return value;
}

// ---- query and ec2 forms (botocore's QuerySerializer and EC2Serializer, read backwards) ----

function readQuery(model: ServiceModel, ref: ShapeRef, form: URLSearchParams, ec2: boolean): unknown {
  const params = new Map<string, string>();
  for (const [key, value] of form) if (key !== 'Action' && key !== 'Version') params.set(key, value);
  return readQueryStructure(model, shapeOf(model, ref), '', params, ec2);
}

function queryMemberName(memberName: string, ref: ShapeRef, ec2: boolean): string {
  if (!ec2) return ref.locationName ?? memberName;
  if (typeof ref.queryName === 'string') return ref.queryName;
  return ref.locationName ? ref.locationName[0]!.toUpperCase() + ref.locationName.slice(1) : memberName;
}

function hasKeysUnder(params: Map<string, string>, prefix: string): boolean {
  for (const key of params.keys()) if (key === prefix || key.startsWith(`${prefix}.`)) return true;
  return false;
}

function readQueryStructure(model: ServiceModel, shape: Shape, prefix: string, params: Map<string, string>, ec2: boolean): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const [memberName, ref] of Object.entries(shape.members ?? {})) {
    let name = `${prefix}${queryMemberName(memberName, ref, ec2)}`;
    const target = shapeOf(model, ref);
    // A flattened list whose member has a name of its own is sent under that name.
    if (!ec2 && target.type === 'list' && target.flattened && target.member?.locationName && !hasKeysUnder(params, name)) name = `${prefix}${target.member.locationName}`;
    if (!hasKeysUnder(params, name)) continue;
    value[wireName(memberName, ref)] = readQueryValue(model, ref, name, params, ec2);
  }
  return value;
}

function readQueryValue(model: ServiceModel, ref: ShapeRef, name: string, params: Map<string, string>, ec2: boolean): unknown {
  const shape = shapeOf(model, ref);
  switch (shape.type) {
    case 'structure':
      return shape.document ? params.get(name) : readQueryStructure(model, shape, `${name}.`, params, ec2);
    case 'list': {
      if (params.get(name) === '') return [];
      const itemPrefix = ec2 || shape.flattened ? name : `${name}.${shape.member!.locationName ?? 'member'}`;
      return indices(params, itemPrefix).map((index) => readQueryValue(model, shape.member!, `${itemPrefix}.${index}`, params, ec2));
    }
    case 'map': {
      const entryPrefix = shape.flattened ? name : `${name}.entry`;
      const keyName = shape.key!.locationName ?? 'key';
      const valueName = shape.value!.locationName ?? 'value';
      return Object.fromEntries(
        indices(params, entryPrefix).map((index) => [params.get(`${entryPrefix}.${index}.${keyName}`), readQueryValue(model, shape.value!, `${entryPrefix}.${index}.${valueName}`, params, ec2)]),
      );
    }
    default:
      return typedScalar(shape, params.get(name));
  }
}

/** The 1-based item numbers sent under a prefix, in order. */
function indices(params: Map<string, string>, prefix: string): number[] {
  const found = new Set<number>();
  const start = `${prefix}.`;
  for (const key of params.keys()) {
    if (!key.startsWith(start)) continue;
    const index = Number(key.slice(start.length).split('.')[0]);
    if (Number.isInteger(index)) found.add(index);
  }
  return [...found].sort((a, b) => a - b);
}

const numericTypes = new Set(['integer', 'long', 'float', 'double', 'short', 'byte', 'bigInteger', 'bigDecimal']);

/** Text sent for a scalar, as the JSON value the comparison reads: numbers and booleans typed, the rest as sent. */
function typedScalar(shape: Shape, text: string | undefined): unknown {
  if (text === undefined) return undefined;
  if (numericTypes.has(shape.type)) return Number(text);
  if (shape.type === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
  return text;
}

// ---- restXml bodies ----

type XmlValue = string | Record<string, unknown> | XmlValue[] | undefined;

function readXmlBody(model: ServiceModel, inputRef: ShapeRef, body: string): unknown {
  const shape = shapeOf(model, inputRef);
  const payloadName = shape.payload as string | undefined;
  if (!body.trim()) return {};
  let document: Record<string, unknown>;
  try {
    document = parseXML(body) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const root = Object.values(document)[0] as XmlValue;
  if (payloadName) {
    const ref = memberRef(shape, payloadName)!;
    const target = shapeOf(model, ref);
    if (target.type !== 'structure') return {};
    return readXmlValue(model, ref, root);
  }
  return readXmlValue(model, inputRef, root);
}

function readXmlValue(model: ServiceModel, ref: ShapeRef, node: XmlValue): unknown {
  const shape = shapeOf(model, ref);
  switch (shape.type) {
    case 'structure': {
      if (node === '') return {};
      if (!isPlainObject(node)) return node;
      const value: Record<string, unknown> = {};
      for (const [memberName, member] of Object.entries(shape.members ?? {})) {
        if (member.location) continue;
        const target = shapeOf(model, member);
        const flattenedName = target.type === 'list' && (target.flattened || member.flattened) ? target.member?.locationName : undefined;
        const name = member.xmlAttribute ? (member.locationName ?? memberName) : (flattenedName ?? member.locationName ?? memberName);
        const child = node[name] as XmlValue;
        if (child === undefined) continue;
        value[wireName(memberName, member)] = target.type === 'list' && (target.flattened || member.flattened) ? readXmlList(model, target, asArray(child)) : readXmlValue(model, member, child);
      }
      return value;
    }
    case 'list':
      return isPlainObject(node) ? readXmlList(model, shape, asArray(node[shape.member!.locationName ?? 'member'] as XmlValue)) : [];
    case 'map': {
      const entries = isPlainObject(node) ? asArray(node.entry as XmlValue) : [];
      const keyName = shape.key!.locationName ?? 'key';
      const valueName = shape.value!.locationName ?? 'value';
      return Object.fromEntries(entries.filter(isPlainObject).map((entry) => [entry[keyName], readXmlValue(model, shape.value!, entry[valueName] as XmlValue)]));
    }
    default:
      return typedScalar(shape, typeof node === 'string' ? node : node === undefined ? undefined : '');
  }
}

function readXmlList(model: ServiceModel, shape: Shape, items: XmlValue[]): unknown[] {
  return items.map((item) => readXmlValue(model, shape.member!, item));
}

function asArray(value: XmlValue): XmlValue[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
