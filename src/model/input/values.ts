/**
 * Argument values as the AWS CLI v2 unpacks them (awscli/argprocess.py, shorthand.py's
 * BackCompatVisitor) and as botocore's parameter validation then checks them.
 */
import { parseShorthand, type ShorthandValue } from '../../commands/shorthand.js';
import { NESTED_TOO_DEEP, opensWithJson, parsesAsJson, tooDeepAt } from '../../document/json-text.js';
import { compiledPattern } from '../patterns.js';
import type { ServiceModel, Shape, ShapeRef } from '../types.js';
import { memberRef } from '../members.js';
import { holdsNamedPlaceholder, holdsUnknown, isAddressedPlaceholder, isNamedPlaceholder, jsonErrorBeforeUnknown, shorthandErrorBeforeUnknown, spellsItsName } from './unknown.js';

export type ValueSeverity = 'error' | 'warning';

export interface ValueReporter {
  /** A value the CLI rejects (`invalid-parameter-value`) or a constraint the service would reject (`constraint`). */
  (kind: 'invalid-parameter-value' | 'constraint', message: string): void;
}

export interface UnpackContext {
  model: ServiceModel;
  binaryFormat: string;
  report: ValueReporter;
  /** The argument is one of argprocess.py's old list cases: `--tags a b` → `[{Key: 'a'}, {Key: 'b'}]`. */
  oldListCase?: boolean;
  /** Another argument of the command makes the model's pattern for this value not apply (cli-table's PATTERN_WAIVED_BY). */
  patternWaived?: boolean;
}

// argprocess.py's `_uses_old_list_case`: lists of one-member structures that still take bare words, by service id.
const OLD_LIST_CASES: Record<string, Record<string, string[]>> = {
  firehose: { 'put-record-batch': ['records'] },
  workspaces: {
    'reboot-workspaces': ['reboot-workspace-requests'],
    'rebuild-workspaces': ['rebuild-workspace-requests'],
    'terminate-workspaces': ['terminate-workspace-requests'],
  },
  'elastic-load-balancing': {
    'remove-tags': ['tags'],
    'describe-instance-health': ['instances'],
    'deregister-instances-from-load-balancer': ['instances'],
    'register-instances-with-load-balancer': ['instances'],
  },
};

/** Whether `--<argument>` of `<operation>` takes bare words for a list of one-member structures (botocore's hyphenized service id). */
export function usesOldListCase(model: ServiceModel, operation: string, argument: string): boolean {
  const serviceId = model.metadata.serviceId.toLowerCase().replaceAll(' ', '-');
  return OLD_LIST_CASES[serviceId]?.[operation]?.includes(argument) ?? false;
}

const SCALAR_TYPES = new Set(['string', 'integer', 'long', 'float', 'double', 'boolean', 'timestamp', 'blob']);
const PYTHON_INT = /^\s*[+-]?\d+(_\d+)*\s*$/;
const PYTHON_FLOAT = /^\s*[+-]?((\d+(_\d+)*)?\.?\d+(_\d+)*([eE][+-]?\d+)?|\d+\.|inf(inity)?|nan)\s*$/i;
const ISO_TIMESTAMP = /^\d{4}-?\d{2}-?\d{2}([T ]\d{2}(:?\d{2}(:?\d{2}([.,]\d+)?)?)?)?\s*(Z|[+-]\d{2}(:?\d{2})?)?$/i;
const EPOCH = /^[+-]?\d+(\.\d+)?$/;

/** The shape a reference names, with `streaming` when the reference carries it (s3's `Body`), as botocore's resolve_shape_ref merges them. */
export function shapeOf(model: ServiceModel, ref: ShapeRef): Shape {
  const shape = model.shapes[ref.shape] ?? { type: 'string' };
  return ref.streaming === undefined ? shape : { ...shape, streaming: ref.streaming };
}

function pythonRepr(value: unknown): string {
  return clip(typeof value === 'string' ? value : JSON.stringify(value));
}

/** A value as a one-line message shows it: line breaks written as `\n`, long values cut. */
function clip(text: string): string {
  const oneLine = text.replace(/\r?\n/g, '\\n');
  return oneLine.length > 200 ? `${oneLine.slice(0, 197)}...` : oneLine;
}

function typeName(value: unknown): string {
  if (Array.isArray(value)) return 'list';
  if (value === null) return 'null';
  if (value instanceof Uint8Array) return 'bytes';
  return typeof value === 'object' ? 'object' : typeof value;
}

/**
 * `START_EPOCH`, `your_limit`: a name the reader replaces with the number (often computed a few lines above), not a
 * number the author got wrong. Kept as written, unchecked, as other placeholders are.
 */
function standsForNumber(text: string): boolean {
  const trimmed = text.trim();
  return isNamedPlaceholder(trimmed) || isAddressedPlaceholder(trimmed);
}

/** A number as Python's `int()` / `float()` read it (underscores and surrounding blanks allowed). */
function unpackNumber(syntax: RegExp, what: string, text: string, context: UnpackContext, name: string): unknown {
  if (standsForNumber(text)) return text;
  if (!syntax.test(text)) {
    context.report('invalid-parameter-value', `${name}: '${text}' is not ${what}.`);
    return undefined;
  }
  return Number(text.replaceAll('_', '').trim());
}

/** A top-level scalar word the way `unpack_scalar_cli_arg` turns it into a value. */
function unpackScalar(shape: Shape, text: string, context: UnpackContext, name: string): unknown {
  switch (shape.type) {
    case 'integer':
    case 'long':
      return unpackNumber(PYTHON_INT, 'an integer', text, context, name);
    case 'float':
    case 'double':
      return unpackNumber(PYTHON_FLOAT, 'a number', text, context, name);
    case 'boolean':
      return text.toLowerCase() !== 'false' && text !== '';
    default:
      return text;
  }
}

function parseJson(text: string, context: UnpackContext, name: string): unknown {
  // Never parsed, so nothing downstream walks it.
  if (tooDeepAt(text) >= 0) {
    context.report('invalid-parameter-value', `${name}: the JSON is ${NESTED_TOO_DEEP}: it is not checked.`);
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    // Past an unknown value (`{"Count": $N}`) the syntax depends on its content.
    if (!jsonErrorBeforeUnknown(text, error as Error)) return undefined;
    context.report('invalid-parameter-value', `Error parsing parameter '${name}': Invalid JSON: ${(error as Error).message}`);
    return undefined;
  }
}

/** shorthand.py's BackCompatVisitor: wrap lone values in lists, turn numbers and booleans into values. */
function backCompat(model: ServiceModel, shape: Shape, value: unknown, context: UnpackContext, path: string): unknown {
  if (value === undefined) return value;
  switch (shape.type) {
    case 'structure': {
      if (!isPlainObject(value) || shape.document) return value;
      const result: Record<string, unknown> = { ...value };
      for (const [member, ref] of Object.entries(shape.members ?? {})) {
        if (member in result) result[member] = backCompat(model, shapeOf(model, ref), result[member], context, `${path}.${member}`);
      }
      return result;
    }
    case 'list': {
      const memberShape = shapeOf(model, shape.member!);
      if (!Array.isArray(value)) return [value];
      return value.map((item, index) => backCompat(model, memberShape, item, context, `${path}[${index}]`));
    }
    case 'map': {
      if (!isPlainObject(value)) return value;
      const valueShape = shapeOf(model, shape.value!);
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, backCompat(model, valueShape, item, context, `${path}.${key}`)]));
    }
    case 'integer':
    case 'long':
    case 'float':
    case 'double': {
      const integer = shape.type === 'integer' || shape.type === 'long';
      if (typeof value === 'string' && standsForNumber(value)) return value;
      if (typeof value !== 'string' || !(integer ? PYTHON_INT : PYTHON_FLOAT).test(value)) {
        context.report('invalid-parameter-value', `${path}: ${pythonRepr(value)} is not ${integer ? 'an integer' : 'a number'}.`);
        return undefined;
      }
      return Number(value.replaceAll('_', '').trim());
    }
    case 'boolean':
      if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
      return value;
    default:
      return value;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

/**
 * One argument's words → its value, as the CLI builds it: JSON when the text starts with `{` or `[`,
 * shorthand for structures, maps and lists of them, one value per word for lists.
 */
export function unpackArgument(ref: ShapeRef, words: string[], context: UnpackContext, name: string): unknown {
  const { model } = context;
  const shape = shapeOf(model, ref);
  if (ref.jsonvalue || shape.jsonvalue) return parseJson(words[0] ?? '', context, name);
  if (SCALAR_TYPES.has(shape.type)) return unpackScalar(shape, words[0] ?? '', context, name);
  if (shape.type === 'list') {
    const memberShape = shapeOf(model, shape.member!);
    if (words.length === 1 && opensWithJson(words[0]!) && words[0]!.trimStart().startsWith('[')) return parseJson(words[0]!, context, name);
    if (SCALAR_TYPES.has(memberShape.type)) return words.map((word) => unpackScalar(memberShape, word, context, name));
    if (opensWithJson(words[0] ?? '')) return untilFirstFailure(words, (word) => parseJson(word, context, name));
    const memberNames = Object.keys(memberShape.members ?? {});
    if (context.oldListCase && memberShape.type === 'structure' && memberNames.length === 1) return words.map((word) => ({ [memberNames[0]!]: word }));
    const items = untilFirstFailure(words, (word) => shorthand(word, context, name));
    return items?.map((item, index) => backCompat(model, memberShape, item, context, `${name}[${index}]`));
  }
  const text = words[0] ?? '';
  if (opensWithJson(text)) return parseJson(text, context, name);
  const members = shape.members ?? {};
  if (shape.type === 'structure' && Object.keys(members).length === 1 && members.Value && shapeOf(model, members.Value).type === 'string' && !text.includes('=')) {
    return { Value: text };
  }
  const parsed = shorthand(text, context, name);
  return parsed === undefined ? undefined : backCompat(model, shape, parsed, context, name);
}

/** Each word read in turn; the CLI stops at the first it cannot read (argprocess raises ParamError), so do we. */
function untilFirstFailure<T>(words: readonly string[], read: (word: string) => T | undefined): T[] | undefined {
  const items: T[] = [];
  for (const word of words) {
    const item = read(word);
    if (item === undefined) return undefined;
    items.push(item);
  }
  return items;
}

function shorthand(text: string, context: UnpackContext, name: string): Record<string, ShorthandValue> | undefined {
  const result = parseShorthand(text);
  // A value read from a file the document does not show cannot be checked, like a `file://` argument.
  if ('value' in result) return result.readsFiles ? undefined : result.value;
  if (result.error.tooDeep) {
    context.report('invalid-parameter-value', `${name}: the shorthand value is ${NESTED_TOO_DEEP}: it is not checked.`);
    return undefined;
  }
  if (!shorthandErrorBeforeUnknown(text, result.error.offset)) return undefined;
  // Unknown content before the error has a length of its own: the CLI's offset is not known then.
  const at = holdsUnknown(text.slice(0, result.error.offset)) ? '' : ` at offset ${result.error.offset}`;
  context.report('invalid-parameter-value', `Error parsing parameter '${name}': ${result.error.message}${at}.`);
  return undefined;
}

const URL_VALUE = /^https?:\/\//i;
/**
 * A top-level parameter that takes a document's content (`--policy-document`, `--template-body`, `--definition`): given a
 * URL, version 1 sent what it downloaded. Parameters that take a URL itself (`--template-url`) are not among them.
 */
const CONTENT_PARAMETER = /^(?:[A-Za-z]*[a-z])?(?:[Pp]olicy(?:Document)?|[Tt]emplateBody|[Dd]efinition)$/;

/** botocore's parameter validation plus the constraints the service checks (enum, length, range, pattern). */
export function validateValue(model: ServiceModel, shape: Shape, value: unknown, path: string, context: UnpackContext): void {
  // JSON given to a blob is read as base64 whatever its placeholders stand for (`{"bucket": "<bucket>"}`).
  if (shape.type === 'blob' && typeof value === 'string' && holdsUnknown(value) && isJsonForBase64Blob(value, context)) return reportJsonBlob(path, context);
  // Type, enum, length, pattern and timestamp checks need the content a placeholder or variable stands for.
  if (value === undefined || shape.document || (typeof value === 'string' && (holdsUnknown(value) || isAddressedPlaceholder(value) || (!shape.enum && (isNamedPlaceholder(value) || spellsItsName(value, path)))))) return;
  const invalidType = (expected: string) =>
    context.report('invalid-parameter-value', `Invalid type for parameter ${path}, value: ${pythonRepr(value)}, type: ${typeName(value)}, valid types: ${expected}.`);
  switch (shape.type) {
    case 'structure': {
      if (!isPlainObject(value)) return invalidType('object');
      // botocore reports each missing member; they are one defect of one object: one message names them all.
      const missing = (shape.required ?? []).filter((required) => !Object.hasOwn(value, required));
      if (missing.length > 0) {
        context.report('invalid-parameter-value', `Missing required parameter${missing.length > 1 ? 's' : ''} in ${path}: ${missing.map((name) => `"${name}"`).join(', ')}.`);
      }
      for (const [key, item] of Object.entries(value)) {
        const ref = memberRef(shape, key);
        if (!ref) {
          context.report('invalid-parameter-value', `Unknown parameter in ${path}: "${key}", must be one of: ${Object.keys(shape.members ?? {}).join(', ')}.`);
        } else {
          validateValue(model, shapeOf(model, ref), item, `${path}.${key}`, context);
        }
      }
      if (shape.union && Object.keys(value).length !== 1) {
        context.report('invalid-parameter-value', `Invalid number of parameters set for tagged union structure ${path}: exactly one must be set.`);
      }
      return;
    }
    case 'list':
      if (!Array.isArray(value)) return invalidType('list');
      checkLength(shape, value.length, path, context);
      value.forEach((item, index) => validateValue(model, shapeOf(model, shape.member!), item, `${path}[${index}]`, context));
      return;
    case 'map':
      if (!isPlainObject(value)) return invalidType('object');
      checkLength(shape, Object.keys(value).length, path, context, false);
      for (const [key, item] of Object.entries(value)) {
        validateValue(model, shapeOf(model, shape.key!), key, `${path} (key)`, context);
        validateValue(model, shapeOf(model, shape.value!), item, `${path}.${key}`, context);
      }
      return;
    case 'string':
      if (typeof value !== 'string') return invalidType('string');
      // A value the CLI refuses for its length never reaches the service's enum or pattern: one defect, one finding.
      // A part the reader fills in (`subnet-xxxxx`, `arn:aws:iam::ACCOUNT_ID:role/x`) says nothing of the length; a
      // whole word in capitals (`OPTIONS`, `AKIAXXXXXXXX`) is a value as written.
      const filledIn = holdsNamedPlaceholder(value);
      const length = filledIn && !/^[A-Z]+$/.test(value) ? undefined : checkLength(shape, [...value].length, path, context);
      if (length === true) return;
      if (URL_VALUE.test(value) && CONTENT_PARAMETER.test(path)) {
        context.report('constraint', `Value for parameter ${path} is a URL, which the AWS CLI v2 sends as the value itself: it no longer downloads http(s):// values, as version 1 did; save the file and pass file://<its name>.`);
        return;
      }
      if (shape.enum && !shape.enum.includes(value)) {
        // Services often take an enum's value in any letter case (Lightsail's `TCP`, EC2's `TCP`): the model's spelling is advice, not a refusal.
        const otherCase = shape.enum.find((choice) => choice.toLowerCase() === value.toLowerCase());
        if (otherCase !== undefined) {
          context.report('constraint', `Value for parameter ${path} ('${clip(value)}') differs from the listed value '${otherCase}' only in letter case: services often accept either, but write '${otherCase}' as the API lists it.`);
        } else context.report('invalid-parameter-value', `Invalid value for parameter ${path}: '${clip(value)}', valid values: ${shape.enum.join(', ')}.`);
      }
      // A value already too long is one finding: its pattern is not said again.
      if (shape.pattern && length !== 'over' && !context.patternWaived && !filledIn && !matchesPattern(shape.pattern, value)) {
        context.report('constraint', `Value for parameter ${path} ('${clip(value)}') does not match the pattern ${shape.pattern}.`);
      }
      return;
    case 'integer':
    case 'long':
      if (typeof value !== 'number' || !Number.isInteger(value)) return invalidType('integer');
      return checkRange(shape, value, path, context);
    case 'float':
    case 'double':
      if (typeof value !== 'number') return invalidType('number');
      return checkRange(shape, value, path, context);
    case 'boolean':
      if (typeof value !== 'boolean') return invalidType('boolean');
      return;
    case 'timestamp':
      if (typeof value === 'number') return;
      if (typeof value !== 'string') return invalidType('timestamp');
      if (!EPOCH.test(value.trim()) && !ISO_TIMESTAMP.test(value.trim()) && Number.isNaN(Date.parse(value))) {
        context.report('invalid-parameter-value', `Invalid timestamp for parameter ${path}: '${value}' (use ISO 8601 or epoch seconds).`);
      }
      return;
    case 'blob':
      if (value instanceof Uint8Array) return;
      if (typeof value !== 'string') return invalidType('blob');
      if (context.binaryFormat === 'base64' && !isPythonBase64(value)) {
        context.report(
          'invalid-parameter-value',
          `Invalid base64 for parameter ${path}: '${clip(value)}' (AWS CLI v2 reads blobs as base64; add --cli-binary-format raw-in-base64-out for raw text).`,
        );
      } else if (isJsonForBase64Blob(value, context)) {
        reportJsonBlob(path, context);
      }
      return;
    default:
      return;
  }
}

/**
 * `--payload '{"key":"value"}'` read as base64: Python's lenient decoding drops the braces and quotes and decodes the
 * letters, so the CLI sends a few stray bytes, and the service gets no JSON. (`'{}'` decodes to nothing: no payload, as meant.)
 */
function isJsonForBase64Blob(value: string, context: UnpackContext): boolean {
  return context.binaryFormat === 'base64' && opensWithJson(value) && /[A-Za-z0-9+/]/.test(value) && parsesAsJson(value);
}

function reportJsonBlob(path: string, context: UnpackContext): void {
  context.report(
    'constraint',
    `Value for parameter ${path} is JSON, but AWS CLI v2 reads blobs as base64: it would send the bytes decoded from the JSON's letters, not the JSON; add --cli-binary-format raw-in-base64-out.`,
  );
}

/** Python's lenient `base64.b64decode`: characters outside the alphabet are dropped, the padding must fit. */
function isPythonBase64(text: string): boolean {
  const cleaned = text.replace(/[^A-Za-z0-9+/=]/g, '');
  return cleaned.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(cleaned);
}

/**
 * Reports a length outside the shape's bounds; true when the CLI itself refuses it (below a client-checked minimum),
 * `over` when only the service would (above the maximum).
 * botocore's ParamValidator checks minimums before sending (`range_check`: string and list lengths, numbers; not
 * map sizes), so the CLI itself refuses those: errors. Maximums only the service checks: `constraint` warnings.
 */
function checkLength(shape: Shape, length: number, path: string, context: UnpackContext, minimumCheckedByClient = true): boolean | 'over' {
  if (shape.min !== undefined && length < shape.min) {
    context.report(minimumCheckedByClient ? 'invalid-parameter-value' : 'constraint', `Invalid length for parameter ${path}, value: ${length}, valid min length: ${shape.min}.`);
    return minimumCheckedByClient;
  }
  if (shape.max !== undefined && length > shape.max) {
    context.report('constraint', `Invalid length for parameter ${path}, value: ${length}, valid max length: ${shape.max}.`);
    return 'over';
  }
  return false;
}

function checkRange(shape: Shape, value: number, path: string, context: UnpackContext): void {
  if (shape.min !== undefined && value < shape.min) {
    context.report('invalid-parameter-value', `Invalid value for parameter ${path}, value: ${value}, valid min value: ${shape.min}.`);
  }
  if (shape.max !== undefined && value > shape.max) {
    context.report('constraint', `Invalid value for parameter ${path}, value: ${value}, valid max value: ${shape.max}.`);
  }
}

/** Service patterns are Java regexes; one with no JavaScript equivalent is skipped rather than guessed. */
function matchesPattern(pattern: string, value: string): boolean {
  const regex = compiledPattern(pattern);
  return regex === null || regex.test(value);
}

/** The value the SDK takes: timestamps as Date, base64 blobs as bytes; the rest as is. */
export function toApiValue(model: ServiceModel, shape: Shape, value: unknown, binaryFormat: string): unknown {
  if (value === undefined || value === null || shape.document) return value;
  switch (shape.type) {
    case 'structure':
      if (!isPlainObject(value)) return value;
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => {
          const ref = memberRef(shape, key);
          return [key, ref ? toApiValue(model, shapeOf(model, ref), item, binaryFormat) : item];
        }),
      );
    case 'list':
      return Array.isArray(value) ? value.map((item) => toApiValue(model, shapeOf(model, shape.member!), item, binaryFormat)) : value;
    case 'map':
      if (!isPlainObject(value)) return value;
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toApiValue(model, shapeOf(model, shape.value!), item, binaryFormat)]));
    case 'timestamp': {
      const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : undefined;
      if (text === undefined) return value;
      const date = EPOCH.test(text) ? new Date(Number(text) * 1000) : new Date(text);
      return Number.isNaN(date.getTime()) ? value : date;
    }
    case 'blob':
      if (typeof value !== 'string') return value;
      return binaryFormat === 'base64' ? new Uint8Array(Buffer.from(value, 'base64')) : new Uint8Array(Buffer.from(value, 'utf8'));
    default:
      return value;
  }
}
