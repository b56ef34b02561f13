import type { ServiceModel, Shape, ShapeRef } from '../model/types.js';
import type { RecordedRequest, ReplayProblem } from './types.js';
import { cliTimestamp, documentedInstant, isPlainObject, pointerTo, shapeOf, timestampFormat, wireName, type TimestampLocation, type WireProtocol } from './wire.js';
import { memberRef } from '../model/members.js';
import { requestBodyValue } from './wire-request.js';

const numericTypes = new Set(['integer', 'long', 'float', 'double', 'bigInteger', 'bigDecimal', 'byte', 'short']);

/** A value as a reader sees it in a message: JSON for structures, lists, strings as printed. */
function show(value: unknown): string {
  const text = JSON.stringify(toCliForm(value)) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The client's result as the AWS CLI v2 prints it: Date → ISO 8601, bytes → base64, no `$metadata`. */
export function toCliForm(value: unknown): unknown {
  if (value instanceof Date) return cliTimestamp(value);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(toCliForm);
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).filter(([key]) => key !== '$metadata').map(([key, item]) => [key, toCliForm(item)]));
  }
  return value;
}

// ---- request: the input we gave against the HTTP request the SDK built ----

/** Input members the serializer dropped, or sent otherwise than given. */
export function compareRequest(
  model: ServiceModel,
  inputRef: ShapeRef | undefined,
  protocol: WireProtocol,
  input: Record<string, unknown>,
  request: RecordedRequest,
  requestUri: string | undefined,
): ReplayProblem[] {
  const problems: ReplayProblem[] = [];
  const inputShape: Shape = inputRef ? shapeOf(model, inputRef) : { type: 'structure', members: {} };
  const inputName = inputRef?.shape ?? 'the input';
  const body = requestBodyValue(model, inputRef, protocol, request);
  if (protocol !== 'restJson1' && protocol !== 'restXml') {
    compareInputStructure(model, inputName, inputShape, input, isPlainObject(body) ? body : {}, '', problems);
    return problems;
  }
  const payloadName = inputShape.payload as string | undefined;
  const bodyInput: Record<string, unknown> = {};
  const pathValues = pathParameters(requestUri, request.path);
  for (const [name, value] of Object.entries(input)) {
    const ref = memberRef(inputShape, name);
    const pointer = pointerTo('', name);
    if (!ref || (!ref.location && name !== payloadName)) {
      bodyInput[name] = value;
      continue;
    }
    if (name === payloadName) {
      const shape = shapeOf(model, ref);
      if (shape.type === 'structure') compareInputValue(model, ref, value, body, pointer, problems);
      else compareScalarText(model, ref, value, request.body, 'body', pointer, problems);
      continue;
    }
    const key = ref.locationName ?? name;
    if (ref.location === 'uri') compareScalarText(model, ref, value, pathValues.get(key), 'querystring', pointer, problems);
    else if (ref.location === 'header') compareHeader(model, ref, value, request.headers[key.toLowerCase()], pointer, problems);
    else if (ref.location === 'querystring') compareQuery(model, ref, key, value, request.query, pointer, problems);
    else if (ref.location === 'headers' && isPlainObject(value)) {
      for (const [suffix, item] of Object.entries(value)) {
        const sent = request.headers[`${key}${suffix}`.toLowerCase()];
        if (sent !== String(item)) problems.push(mismatch(pointerTo(pointer, suffix), item, sent));
      }
    }
  }
  compareInputStructure(model, inputName, inputShape, bodyInput, isPlainObject(body) ? body : {}, '', problems);
  return problems;
}

/** Values of `{Label}` and greedy `{Label+}` segments of a REST request URI template, read from the sent path. */
function pathParameters(requestUri: string | undefined, path: string): Map<string, string> {
  const values = new Map<string, string>();
  if (!requestUri) return values;
  const { labels, pattern } = uriPattern(requestUri);
  const match = pattern.exec(path);
  labels.forEach((label, index) => {
    const raw = match?.[index + 1];
    if (raw !== undefined) values.set(label, decodeURIComponent(raw));
  });
  return values;
}

/** The labels of a request URI template and a pattern matching the paths it stands for, made once per template. */
const uriPatterns = new Map<string, { labels: string[]; pattern: RegExp }>();

function uriPattern(requestUri: string): { labels: string[]; pattern: RegExp } {
  let made = uriPatterns.get(requestUri);
  if (!made) {
    const labels: string[] = [];
    const parts = requestUri
      .split('?')[0]!
      .split(/(\{[^}]+\})/)
      .map((part) => {
        const label = /^\{([^}+]+)(\+?)\}$/.exec(part);
        if (!label) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        labels.push(label[1]!);
        return label[2] ? '(.*)' : '([^/]*)';
      });
    made = { labels, pattern: new RegExp(`^${parts.join('')}$`) };
    uriPatterns.set(requestUri, made);
  }
  return made;
}

/** A header; a list travels as one comma-separated header. */
function compareHeader(model: ServiceModel, ref: ShapeRef, value: unknown, sent: string | undefined, pointer: string, problems: ReplayProblem[]): void {
  const shape = shapeOf(model, ref);
  if (shape.type === 'list' && Array.isArray(value) && sent !== undefined) {
    const items = sent.split(/,\s*/);
    value.forEach((item, index) => compareScalarText(model, shape.member!, item, items[index], 'header', pointerTo(pointer, index), problems));
    return;
  }
  compareScalarText(model, ref, value, sent, 'header', pointer, problems);
}

function compareQuery(
  model: ServiceModel,
  ref: ShapeRef,
  key: string,
  value: unknown,
  query: RecordedRequest['query'],
  pointer: string,
  problems: ReplayProblem[],
): void {
  const shape = shapeOf(model, ref);
  if (shape.type === 'map' && isPlainObject(value)) {
    for (const [name, item] of Object.entries(value)) compareQuery(model, shape.value!, name, item, query, pointerTo(pointer, name), problems);
    return;
  }
  const sent = query[key];
  if (shape.type === 'list' && Array.isArray(value)) {
    const sentList = sent === undefined ? [] : Array.isArray(sent) ? sent : [sent];
    value.forEach((item, index) => compareScalarText(model, shape.member!, item, sentList[index], 'querystring', pointerTo(pointer, index), problems));
    return;
  }
  compareScalarText(model, ref, value, Array.isArray(sent) ? sent[0] : sent, 'querystring', pointer, problems);
}

/** A scalar sent as text (URI, query string, header, raw payload). */
function compareScalarText(
  model: ServiceModel,
  ref: ShapeRef,
  value: unknown,
  sent: string | undefined,
  location: TimestampLocation | 'body',
  pointer: string,
  problems: ReplayProblem[],
): void {
  if (sent === undefined) {
    problems.push({ pointer, message: `the client dropped ${show(value)}: it is not in the request it sent` });
    return;
  }
  const shape = shapeOf(model, ref);
  if (shape.type === 'timestamp' && value instanceof Date) {
    const format = timestampFormat(ref, shape, location === 'body' ? 'body' : location);
    const instant = format === 'unixTimestamp' ? Number(sent) * 1000 : Date.parse(sent);
    if (Math.abs(instant - value.getTime()) >= 1000) problems.push(mismatch(pointer, value, sent));
    return;
  }
  const expected = value instanceof Uint8Array ? Buffer.from(value).toString(location === 'body' ? 'latin1' : 'base64') : String(value);
  if (sent !== expected) problems.push(mismatch(pointer, value, sent));
}

function compareInputStructure(
  model: ServiceModel,
  shapeName: string,
  shape: Shape,
  input: Record<string, unknown>,
  wire: Record<string, unknown>,
  pointer: string,
  problems: ReplayProblem[],
): void {
  for (const [name, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const ref = memberRef(shape, name);
    const key = ref ? wireName(name, ref) : name;
    const memberPointer = pointerTo(pointer, name);
    if (!Object.hasOwn(wire, key)) {
      problems.push({
        pointer: memberPointer,
        message: ref
          ? `the client dropped ${name}: ${wrongKind(model, ref, value) ?? `its serializer does not know this member of ${shapeName}`}`
          : `the client dropped ${name}: ${shapeName} has no such member`,
      });
      continue;
    }
    if (ref) compareInputValue(model, ref, value, wire[key], memberPointer, problems);
    else if (JSON.stringify(wire[key]) !== JSON.stringify(value)) problems.push(mismatch(memberPointer, value, wire[key]));
  }
}

/** Why a value cannot be serialized as its member: a JSON object where the model has a list, and the like. */
function wrongKind(model: ServiceModel, ref: ShapeRef, value: unknown): string | undefined {
  const shape = shapeOf(model, ref);
  const given = Array.isArray(value) ? 'a list' : isPlainObject(value) ? 'an object' : undefined;
  if (shape.type === 'list' && !Array.isArray(value)) return `${given ?? `a ${typeof value}`} where the model has the list ${ref.shape}`;
  const item = shape.type === 'list' ? model.shapes[shape.member!.shape] : undefined;
  if (item?.type === 'structure' && Array.isArray(value) && value.every((entry) => isPlainObject(entry) && Object.keys(entry).every((key) => !memberRef(item, key)))) {
    return `no key of its items is a member of ${shape.member!.shape}, so nothing of it is sent`;
  }
  if ((shape.type === 'structure' || shape.type === 'map') && !shape.document && !isPlainObject(value)) return `${given ?? `a ${typeof value}`} where the model has the ${shape.type} ${ref.shape}`;
  return undefined;
}

function compareInputValue(model: ServiceModel, ref: ShapeRef, value: unknown, sent: unknown, pointer: string, problems: ReplayProblem[]): void {
  const shape = shapeOf(model, ref);
  if (shape.type === 'structure' && !shape.document && isPlainObject(value)) {
    if (isPlainObject(sent)) compareInputStructure(model, ref.shape, shape, value, sent, pointer, problems);
    else problems.push(mismatch(pointer, value, sent));
    return;
  }
  if (shape.type === 'list' && Array.isArray(value)) {
    if (!Array.isArray(sent) || sent.length !== value.length) problems.push(mismatch(pointer, value, sent));
    else value.forEach((item, index) => compareInputValue(model, shape.member!, item, sent[index], pointerTo(pointer, index), problems));
    return;
  }
  if (shape.type === 'map' && isPlainObject(value)) {
    if (!isPlainObject(sent)) problems.push(mismatch(pointer, value, sent));
    else for (const [key, item] of Object.entries(value)) {
      if (!(key in sent)) problems.push({ pointer: pointerTo(pointer, key), message: `the client dropped the map entry ${JSON.stringify(key)}` });
      else compareInputValue(model, shape.value!, item, sent[key], pointerTo(pointer, key), problems);
    }
    return;
  }
  if (shape.type === 'timestamp' && value instanceof Date) {
    const instant = typeof sent === 'number' ? sent * 1000 : typeof sent === 'string' ? Date.parse(sent) : NaN;
    if (!(Math.abs(instant - value.getTime()) < 1000)) problems.push(mismatch(pointer, value, sent));
    return;
  }
  if (value instanceof Uint8Array) {
    if (sent !== Buffer.from(value).toString('base64')) problems.push(mismatch(pointer, value, sent));
    return;
  }
  if (JSON.stringify(sent) !== JSON.stringify(value)) problems.push(mismatch(pointer, value, sent));
}

function mismatch(pointer: string, given: unknown, sent: unknown): ReplayProblem {
  return { pointer, message: `the client sent ${sent === undefined ? 'nothing' : show(sent)} for ${show(given)}` };
}

// ---- response: the documented output against what the client gives back ----

/** Documented members the client drops, values it gives back otherwise or with a type the model does not promise. */
export function compareResponse(model: ServiceModel, outputRef: ShapeRef | undefined, documented: unknown, result: unknown): ReplayProblem[] {
  const problems: ReplayProblem[] = [];
  compareOutputValue(model, outputRef, outputRef?.shape ?? 'the output', documented, result, '', problems);
  return problems;
}

function compareOutputValue(
  model: ServiceModel,
  ref: ShapeRef | undefined,
  shapeName: string,
  documented: unknown,
  result: unknown,
  pointer: string,
  problems: ReplayProblem[],
): void {
  const shape = ref ? shapeOf(model, ref) : undefined;
  if (isPlainObject(documented) && (!shape || shape.type === 'structure' || shape.type === 'map') && !shape?.document) {
    if (!isPlainObject(result)) {
      problems.push({ pointer, message: `the client gives back ${show(result)} for an object` });
      return;
    }
    for (const [key, value] of Object.entries(documented)) {
      if (value === null) continue;
      const ref = shape?.type === 'map' ? shape.value : memberRef(shape, key);
      const memberPointer = pointerTo(pointer, key);
      if (!Object.hasOwn(result, key)) {
        problems.push({
          about: 'key',
          pointer: memberPointer,
          message:
            shape?.type === 'map'
              ? `the client drops the map entry ${JSON.stringify(key)}`
              : ref
                ? `the client drops ${key}: its deserializer does not know this member of ${shapeName}`
                : `the client drops ${key}: ${shapeName} has no such member`,
        });
        continue;
      }
      compareOutputValue(model, ref, ref?.shape ?? key, value, result[key], memberPointer, problems);
    }
    return;
  }
  if (Array.isArray(documented) && (!shape || shape.type === 'list')) {
    if (!Array.isArray(result) || result.length !== documented.length) {
      problems.push({ pointer, message: `the client gives back ${show(result)} for a list of ${documented.length}` });
      return;
    }
    documented.forEach((item, index) => compareOutputValue(model, shape?.member, shape?.member?.shape ?? shapeName, item, result[index], pointerTo(pointer, index), problems));
    return;
  }
  if (shape?.type === 'string' && typeof documented === 'object' && documented !== null) {
    // A string the CLI prints decoded, as the JSON it holds (IAM policies, a JSON template body: see printed.ts).
    if (JSON.stringify(toCliForm(result)) !== JSON.stringify(documented)) problems.push({ pointer, message: `the client gives back ${show(result)} for ${show(documented)}` });
    return;
  }
  if (shape?.type === 'timestamp') {
    const instant = documentedInstant(documented);
    if (!(result instanceof Date) || instant === undefined || result.getTime() !== instant) {
      problems.push({ pointer, message: `the client reads ${show(documented)} as ${show(result)}` });
    }
    return;
  }
  if (shape?.type === 'blob') {
    const given = result instanceof Uint8Array ? Buffer.from(result).toString('base64') : result;
    if (given !== documented) problems.push({ pointer, message: `the client reads ${show(documented)} as the bytes ${show(given)}: not valid base64` });
    return;
  }
  const expectedType = shape ? scalarType(shape) : undefined;
  if (expectedType && typeof result !== expectedType) {
    problems.push({ pointer, message: `the client gives back ${show(result)}, a ${typeof result}, where the model has ${shape!.type}` });
    return;
  }
  if (JSON.stringify(toCliForm(result)) !== JSON.stringify(documented)) {
    problems.push({ pointer, message: `the client gives back ${show(result)} for ${show(documented)}` });
  }
}

function scalarType(shape: Shape): 'number' | 'string' | 'boolean' | undefined {
  if (numericTypes.has(shape.type)) return 'number';
  if (shape.type === 'string') return 'string';
  if (shape.type === 'boolean') return 'boolean';
  return undefined;
}
