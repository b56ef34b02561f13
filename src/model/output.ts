import { compiledPattern } from './patterns.js';
import type { Paginator, ServiceModel, Shape, ShapeRef } from './types.js';
import { closest } from './suggest.js';
import { memberRef } from './members.js';
import { printedForm } from './printed-forms.js';

export type OutputProblemKind = 'unknown-key' | 'wrong-type' | 'enum' | 'missing-required' | 'v1-timestamp' | 'v1-http-date' | 'null-member' | 'constraint';

export interface OutputProblem {
  kind: OutputProblemKind;
  /** JSON pointer of the offending key or value (`''` is the whole output). */
  pointer: string;
  message: string;
  severity: 'error' | 'warning';
  /** The required member a `missing-required` problem is about; the key an `unknown-key` problem names. */
  member?: string;
}

export interface ValidateOutputOptions {
  /** The CLI merges the operation's pages into one (its paginator applies and was not turned off). */
  paginated?: boolean;
  /** `--max-items` was given: the CLI prints a `NextToken` to resume from. */
  maxItems?: boolean;
}

// The forms the CLI v2 prints (`2024-01-31T12:00:00+00:00`, with fractions) and the usual ISO 8601 variants.
/** The forms the AWS CLI v1 printed timestamps in, as a finding says them of one value and of several. */
export const V1_TIMESTAMP_FORMS = {
  'v1-timestamp': { one: 'is an epoch number, as the AWS CLI v1 printed timestamps', several: 'are epoch numbers, as the AWS CLI v1 printed them' },
  'v1-http-date': { one: 'is an HTTP date, as the AWS CLI v1 printed timestamps from response headers', several: 'are HTTP dates, as the AWS CLI v1 printed those of response headers' },
} as const;
export const V2_TIMESTAMPS = 'v2 prints ISO 8601 (2024-01-31T12:00:00+00:00)';

/** A value written as a placeholder (`"<timestamp>"`, `"<your-account-id>"`). */
const PLACEHOLDER_VALUE = /^<[^<>\n]+>$/;
/** RFC 7231's HTTP date (`Wed, 07 Oct 2026 15:47:43 GMT`): a header's timestamp as the AWS CLI v1 printed it. */
const HTTP_DATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const isoTimestamp = /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * Check a documented JSON output against the operation's output shape as the AWS CLI v2 prints it: ISO 8601
 * timestamps, base64 blobs, IAM policies decoded into objects, paginated results merged without the page token.
 * Hand-written walk over the digested model, not ajv: ajv compiles at 5-10 ms per operation (about a minute for
 * the corpus's 1,700 operations), this needs no compile, and it knows the CLI's output rules directly.
 * The generated JSON Schemas express the same rules; a test holds the two in agreement.
 */
export function validateOutput(
  model: ServiceModel,
  operation: string,
  value: unknown,
  options: ValidateOutputOptions = {},
): OutputProblem[] {
  const operationModel = model.operations[operation];
  if (!operationModel) throw new Error(`${model.cliName} has no operation ${operation}`);
  const problems: OutputProblem[] = [];
  const checked = options.paginated ? withoutPageTokens(model, operation, value, options, problems) : value;
  const walker = new OutputWalker(model, operation, problems, options.paginated ? model.paginators[operation] : undefined);
  if (operationModel.output) walker.ref(operationModel.output, checked, '');
  else walker.shape('', { type: 'structure', members: {} }, checked, '');
  return problems;
}

/** The CLI prints merged pages without the service's page token; with `--max-items` it adds its own `NextToken`. */
function withoutPageTokens(
  model: ServiceModel,
  operation: string,
  value: unknown,
  options: ValidateOutputOptions,
  problems: OutputProblem[],
): unknown {
  const paginator = model.paginators[operation];
  if (!paginator || typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const tokens = [paginator.output_token]
    .flat()
    .flatMap((expression) => expression.split('||').map((part) => part.trim()))
    .filter((name) => /^\w+$/.test(name));
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  if (options.maxItems) delete copy.NextToken;
  for (const token of tokens) {
    if (!(token in copy)) continue;
    delete copy[token];
    problems.push({
      kind: 'unknown-key',
      pointer: pointerOf('', token),
      severity: 'warning',
      message:
        `'${token}' is not printed by the AWS CLI: it merges all pages of ${operation}` +
        (options.maxItems ? '' : ` (with --max-items it prints 'NextToken' instead)`),
    });
  }
  return copy;
}

/** The output member a pointer names when it names one of the output's own members: `/TemplateBody` → `TemplateBody`. */
function topLevelMember(pointer: string): string | undefined {
  const match = /^\/([^/]*)$/.exec(pointer);
  return match ? match[1]!.replaceAll('~1', '/').replaceAll('~0', '~') : undefined;
}

function pointerOf(parent: string, key: string): string {
  return `${parent}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
}

/** The member a pointer names, for messages: `/AuthenticationResult/Foo` → `AuthenticationResult`. */
function placeName(pointer: string, operation: string): string {
  const segments = pointer.split('/').slice(1).filter((segment) => !/^\d+$/.test(segment));
  const last = segments.at(-1);
  return last === undefined ? `the ${operation} output` : last.replaceAll('~1', '/').replaceAll('~0', '~');
}

function describeValue(data: unknown): string {
  if (data === null) return 'null';
  if (Array.isArray(data)) return 'an array';
  if (typeof data === 'object') return 'an object';
  if (typeof data === 'string') return `the string ${JSON.stringify(data.length > 40 ? `${data.slice(0, 40)}…` : data)}`;
  return `the ${typeof data} ${String(data)}`;
}

const typeNames: Record<string, string> = {
  structure: 'an object',
  map: 'an object',
  list: 'an array',
  string: 'a string',
  blob: 'a base64 string',
  integer: 'an integer',
  long: 'an integer',
  float: 'a number',
  double: 'a number',
  boolean: 'true or false',
  timestamp: 'an ISO 8601 timestamp (2024-01-31T12:00:00+00:00)',
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class OutputWalker {
  /**
   * Where merged pages hold only what botocore's `build_full_result` keeps (the result keys and the non-aggregate
   * keys): the output and the objects on the way to its result keys (`''`, `/DistributionList`), whose other required
   * members (`Marker`, `IsTruncated`) the CLI never prints.
   */
  private readonly mergedObjects: ReadonlySet<string>;

  constructor(
    private readonly model: ServiceModel,
    private readonly operation: string,
    private readonly problems: OutputProblem[],
    /** The paginator whose pages the CLI merged: it prints keys of no page as null, and drops the "more results" flag. */
    private readonly paginator?: Paginator,
  ) {
    const resultKeys = paginator ? [paginator.result_key ?? []].flat() : [];
    this.mergedObjects = new Set(
      resultKeys.flatMap((key) => {
        const segments = key.split('.');
        return segments.map((_, index) => segments.slice(0, index).map((segment) => `/${segment}`).join(''));
      }),
    );
  }

  ref(ref: ShapeRef, value: unknown, pointer: string): void {
    // A `jsonvalue` member holds JSON text on the wire that botocore decodes into any value.
    if (ref.jsonvalue) return;
    const shape = this.model.shapes[ref.shape];
    if (shape) this.shape(ref.shape, shape, value, pointer);
  }

  shape(name: string, shape: Shape, value: unknown, pointer: string): void {
    // `document` shapes (botocore: a structure marked `document`) hold any JSON value; `"<timestamp>"` stands for the
    // value the author left out, whatever its type.
    if (shape.document || (typeof value === 'string' && PLACEHOLDER_VALUE.test(value))) return;
    switch (shape.type) {
      case 'structure':
        if (!isPlainObject(value)) return this.wrongType(shape, value, pointer);
        return this.structure(shape, value, pointer);
      case 'map':
        if (!isPlainObject(value)) return this.wrongType(shape, value, pointer);
        this.count(shape, Object.keys(value).length, pointer, 'entries');
        for (const [key, item] of Object.entries(value)) {
          const keyShape = shape.key && this.model.shapes[shape.key.shape];
          if (keyShape) this.string(keyShape, key, pointerOf(pointer, key));
          if (shape.value && !this.passedThroughNull(item)) this.ref(shape.value, item, pointerOf(pointer, key));
        }
        return;
      case 'list':
        if (!Array.isArray(value)) return this.wrongType(shape, value, pointer);
        this.count(shape, value.length, pointer, 'items');
        value.forEach((item, index) => shape.member && !this.passedThroughNull(item) && this.ref(shape.member, item, `${pointer}/${index}`));
        return;
      case 'string':
        // A JSON string the CLI decodes before printing (CloudFormation templates, IAM policies) is printed as the value it holds.
        if (typeof value !== 'string' && printedForm(this.model, this.operation, name, topLevelMember(pointer)) === 'json') return;
        if (typeof value !== 'string') return this.wrongType(shape, value, pointer);
        return this.string(shape, value, pointer);
      case 'blob':
        if (typeof value !== 'string') return this.wrongType(shape, value, pointer);
        return;
      case 'integer':
      case 'long':
      case 'float':
      case 'double': {
        const integral = shape.type === 'integer' || shape.type === 'long';
        if (typeof value !== 'number' || (integral && !Number.isInteger(value))) return this.wrongType(shape, value, pointer);
        if (shape.min !== undefined && value < shape.min) this.constraint(pointer, `is ${value}, below the minimum ${shape.min}`);
        if (shape.max !== undefined && value > shape.max) this.constraint(pointer, `is ${value}, above the maximum ${shape.max}`);
        return;
      }
      case 'boolean':
        if (typeof value !== 'boolean') this.wrongType(shape, value, pointer);
        return;
      case 'timestamp':
        if (typeof value === 'number') this.v1Timestamp('v1-timestamp', pointer);
        else if (typeof value === 'string' && HTTP_DATE.test(value)) this.v1Timestamp('v1-http-date', pointer);
        else if (typeof value !== 'string' || !isoTimestamp.test(value)) {
          this.wrongType(shape, value, pointer);
        }
        return;
      default:
        // Types this version does not know are not checked.
        return;
    }
  }

  /**
   * botocore's JSON parsers drop null structure members but keep null map values and list items (API Gateway
   * returns `"application/json": null` templates), so the CLI prints those; XML protocols have no null.
   */
  private passedThroughNull(item: unknown): boolean {
    return item === null && (this.model.metadata.protocol === 'json' || this.model.metadata.protocol === 'rest-json');
  }

  private structure(shape: Shape, value: Record<string, unknown>, pointer: string): void {
    const place = (): string => placeName(pointer, this.operation);
    const members = shape.members ?? {};
    for (const key in value) {
      const member = memberRef(shape, key);
      if (member) {
        if (value[key] === null && !member.jsonvalue && !this.model.shapes[member.shape]?.document) {
          // botocore's parsers drop a member the response holds as null: the CLI prints `"ConsumedCapacity": null` only
          // where it merged pages (a key of no page). A reader takes it for "absent" all the same: no error.
          if (this.paginator) continue;
          this.problems.push({
            kind: 'null-member',
            pointer: pointerOf(pointer, key),
            severity: 'warning',
            message: `'${key}' is null; the AWS CLI leaves out a member the response does not hold, it never prints null for it`,
          });
        } else {
          this.ref(member, value[key], pointerOf(pointer, key));
        }
        continue;
      }
      const known = Object.keys(members);
      const suggestion = closest(key, known, Math.min(2, Math.floor(key.length / 3)));
      this.problems.push({
        kind: 'unknown-key',
        pointer: pointerOf(pointer, key),
        member: key,
        severity: 'error',
        message: `unknown key '${key}' in ${place()}: the model has ${listOf(known)}` + (suggestion ? ` (did you mean '${suggestion}'?)` : ''),
      });
    }
    for (const required of shape.required ?? []) {
      if (!Object.hasOwn(value, required) && !this.mergedObjects.has(pointer)) {
        this.problems.push({ kind: 'missing-required', pointer, member: required, severity: 'warning', message: `'${required}' is required in ${place()} but missing` });
      }
    }
    const present = Object.keys(value).length;
    if (shape.union && present !== 1) this.constraint(pointer, `is a union: it holds exactly one member, not ${present}`);
  }

  private string(shape: Shape, value: string, pointer: string): void {
    if (shape.enum && !shape.enum.includes(value)) {
      const suggestion = closest(value, shape.enum, Math.min(2, Math.floor(value.length / 3)));
      // Enums are open on output: services return values the model does not list yet (and '' for unset), and
      // SDKs must accept them, so an unknown value is a warning. So is another spelling of a listed one (`lowestPrice`
      // for `lowest-price`: some services print their own); a near miss of one is a typo. One that differs in its
      // hyphens and underscores alone is what the service prints (ACM's `RSA-2048` for the model's `RSA_2048`): no finding, since
      // writing the model's spelling would make a true output wrong.
      const separators = /[-_]/g;
      if (suggestion !== undefined && suggestion.replace(separators, '') === value.replace(separators, '')) return;
      const spelling = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
      const typo = suggestion !== undefined && spelling(suggestion) !== spelling(value);
      this.problems.push({
        kind: 'enum',
        pointer,
        severity: typo ? 'error' : 'warning',
        message: `${describeValue(value)} is not a value of '${placeName(pointer, this.operation)}': the model allows ${listOf(shape.enum)}` + (suggestion ? ` (did you mean '${suggestion}'?)` : ''),
      });
      return;
    }
    // Lengths count code points, as botocore does; UTF-16 units are never fewer, so they decide most cases alone.
    if (shape.min !== undefined && value.length < shape.min) this.constraint(pointer, `is ${value.length} characters long, shorter than the minimum ${shape.min}`);
    if (shape.max !== undefined && value.length > shape.max) {
      const length = [...value].length;
      if (length > shape.max) this.constraint(pointer, `is ${length} characters long, longer than the maximum ${shape.max}`);
    }
    const pattern = shape.pattern === undefined ? null : compiledPattern(shape.pattern);
    if (pattern && !pattern.test(value)) this.constraint(pointer, `(${describeValue(value)}) does not match the model's pattern ${shape.pattern}`);
  }

  private count(shape: Shape, count: number, pointer: string, what: string): void {
    if (shape.min !== undefined && count < shape.min) this.constraint(pointer, `has ${count} ${what}, fewer than the minimum ${shape.min}`);
    if (shape.max !== undefined && count > shape.max) this.constraint(pointer, `has ${count} ${what}, more than the maximum ${shape.max}`);
  }

  private v1Timestamp(kind: keyof typeof V1_TIMESTAMP_FORMS, pointer: string): void {
    this.problems.push({ kind, pointer, severity: 'warning', message: `'${placeName(pointer, this.operation)}' ${V1_TIMESTAMP_FORMS[kind].one}; ${V2_TIMESTAMPS}` });
  }

  private wrongType(shape: Shape, value: unknown, pointer: string): void {
    const place = placeName(pointer, this.operation);
    const expected = typeNames[shape.type] ?? shape.type;
    this.problems.push({ kind: 'wrong-type', pointer, severity: 'error', message: `'${place}' should be ${expected}, not ${describeValue(value)}` });
  }

  /** `detail` follows the member's name: `is 300 characters long, ...`. */
  private constraint(pointer: string, detail: string): void {
    this.problems.push({ kind: 'constraint', pointer, severity: 'warning', message: `'${placeName(pointer, this.operation)}' ${detail}` });
  }
}

function listOf(names: string[]): string {
  const shown = names.slice(0, 12).join(', ');
  return names.length > 12 ? `${shown}, ... (${names.length} in all)` : shown || 'no members';
}

