import type { OutputDifference } from '../../rules/replay-results.js';
import { isSecret } from '../../model/secrets.js';
import type { Paginator } from '../../model/types.js';
import { findDeviation, type TargetProfile } from './profiles.js';

export type { OutputDifference } from '../../rules/replay-results.js';

export interface CompareOptions {
  /** Documented placeholder → live value that replaced it in the request. */
  bindings: Map<string, string>;
  profile: TargetProfile;
  /** Lists the API returns in no particular order (DynamoDB's BatchGetItem responses): equal items pair wherever they stand. */
  unordered?: (pointer: string) => boolean;
}


/**
 * A value safe to print: secrets by member name become `****`, anything that looks like a token keeps only
 * its first four characters and its length.
 */
export function mask(value: unknown, key = ''): string {
  if (typeof value !== 'string') return JSON.stringify(value) ?? String(value);
  if (isSecret(key, value)) return '"****"';
  if (/^eyJ[\w-]{10,}\./.test(value) || value.length > 64) return `"${value.slice(0, 4)}…(${value.length} chars)"`;
  return JSON.stringify(value);
}

/** A string `mask` or `maskDeep` produced: never a value to write into a document. */
export function isMasked(value: string): boolean {
  return value === '****' || /^[\s\S]{4}…\(\d+ chars\)$/.test(value);
}

/** The live response as the AWS CLI v2 prints it: Date → ISO 8601, bytes → base64, no `$metadata`, no undefined. */
export function toCliOutput(value: unknown): unknown {
  if (value instanceof Date) return isoTimestamp(value);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(toCliOutput);
  if (value !== null && typeof value === 'object') {
    const result: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) {
      if (key === '$metadata' || member === undefined) continue;
      result[key] = toCliOutput(member);
    }
    return result;
  }
  return value;
}

/** Python's `datetime.isoformat()` in UTC, as the CLI prints: microseconds only when not zero. */
function isoTimestamp(date: Date): string {
  const base = date.toISOString().slice(0, 19);
  const milliseconds = date.getUTCMilliseconds();
  return `${base}${milliseconds ? `.${String(milliseconds * 1000).padStart(6, '0')}` : ''}+00:00`;
}

/**
 * A paginated call as the CLI prints it: botocore's `build_full_result` keeps only the result keys and the
 * non-aggregate keys (dotted paths, `StreamDescription.Shards`) of the pages it merges, so the page's other members
 * (`IsTruncated`, `HasMoreShards`) never show; a non-aggregate key of no page is printed as null. Members the
 * document shows anyway are kept as the server sent them and compared.
 */
export function asMergedPages(output: unknown, paginator: Paginator, documented: unknown): unknown {
  if (!isObject(output)) return output;
  const printed: Record<string, unknown> = {};
  const at = (value: unknown, path: string[]) => path.reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), value);
  const put = (path: string[], value: unknown) => {
    let node = printed;
    for (const key of path.slice(0, -1)) node = (node[key] = isObject(node[key]) ? node[key] : {}) as Record<string, unknown>;
    node[path.at(-1)!] = value;
  };
  for (const path of [paginator.result_key ?? []].flat().map((key) => key.split('.'))) if (at(output, path) !== undefined) put(path, at(output, path));
  for (const path of (paginator.non_aggregate_keys ?? []).map((key) => key.split('.'))) {
    const value = at(output, path);
    if (value !== undefined || at(documented, path) === null) put(path, value ?? null);
  }
  const keepShown = (shown: unknown, live: Record<string, unknown>, target: Record<string, unknown>) => {
    if (!isObject(shown)) return;
    for (const key of Object.keys(shown)) {
      if (!(key in live)) continue;
      if (!(key in target)) target[key] = live[key];
      else if (isObject(target[key]) && isObject(live[key])) keepShown(shown[key], live[key], target[key]);
    }
  };
  keepShown(documented, output, printed);
  return printed;
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

type JsonType = 'null' | 'array' | 'object' | 'string' | 'number' | 'boolean';

function jsonType(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as JsonType;
}

const article = (type: JsonType) => (type === 'array' || type === 'object' ? `an ${type}` : `a ${type}`);

/** Documented placeholders: `us-west-2_EXAMPLE`, `1example23456789`, `AYABeEXAMPLE`, `[Password]`, `<code>`. */
export function isPlaceholder(value: string): boolean {
  return /EXAMPLE/.test(value) || /^[0-9A-Za-z_-]*example[0-9A-Za-z_-]*$/i.test(value) || /^\[.*\]$|^<.*>$/.test(value);
}

/** Kinds of generated values that differ every run and match by shape; `key` is the member holding the value. */
function volatileKind(value: string, key = ''): string | undefined {
  if (/^eyJ[\w-]*\.[\w-]*\.[\w-]*$/.test(value)) return 'jwt';
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) return 'uuid';
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$/.test(value)) return 'timestamp';
  // CLI v1 printed header timestamps (S3's LastModified) as the HTTP date the service sent; `check` says so.
  if (/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(value)) return 'timestamp';
  if (/^arn:[\w-]+:[\w-]+:[\w-]*:[\w-]*:/.test(value)) return 'arn';
  // An entity tag is a digest of content the example only names; a sequence number is the server's counter.
  if (/^"[0-9a-f]{32}(-\d+)?"$/.test(value)) return 'etag';
  if (/^\d{20,}$/.test(value)) return 'sequence-number';
  // An identifier or iterator the service mints (an S3 UploadId, a Kinesis ShardIterator): an opaque token of no fixed form.
  // Not a numbered name (`shardId-000000000009`): which one the server answers depends on what the document does not show.
  if (/(Id|ID|Iterator)$/.test(key) && /^[\w.+/=-]{16,}$/.test(value) && !/^[A-Za-z]+-\d+$/.test(value)) return 'minted-id';
  return undefined;
}

const isTimestamp = (value: unknown) => typeof value === 'string' && volatileKind(value) === 'timestamp';
const escapeSegment = (segment: string | number) => String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
const lastKey = (pointer: string) => pointer.slice(pointer.lastIndexOf('/') + 1);

/**
 * Compares a documented output with the live one (in CLI form): same keys and JSON types; values equal
 * unless the documented value is a placeholder, a bound placeholder, or a generated value of the same shape.
 */
export function compareOutput(documented: unknown, live: unknown, options: CompareOptions): OutputDifference[] {
  const differences: OutputDifference[] = [];
  const add = (kind: OutputDifference['kind'], pointer: string, anchor: string, text: string) => {
    const deviation = kind === 'type' ? undefined : findDeviation(options.profile, pointer, kind);
    differences.push({
      pointer,
      anchor,
      kind,
      severity: deviation ? 'info' : 'error',
      message: deviation ? `${text} (known ${options.profile.name} deviation: ${deviation.note})` : text,
    });
  };

  const walk = (doc: unknown, got: unknown, pointer: string) => {
    const key = lastKey(pointer);
    const docType = jsonType(doc);
    const liveType = jsonType(got);
    if (docType !== liveType) {
      // CLI v1 printed timestamps as epoch numbers: the same value in another form.
      if (docType === 'number' && isTimestamp(got)) return;
      add('type', pointer, pointer, `${pointer || '/'}: documented ${article(docType)} (${mask(doc, key)}), live ${article(liveType)} (${mask(got, key)})`);
      return;
    }
    if (docType === 'object') {
      const docObject = doc as Record<string, unknown>;
      const liveObject = got as Record<string, unknown>;
      for (const [member, value] of Object.entries(docObject)) {
        const memberPointer = `${pointer}/${escapeSegment(member)}`;
        if (member in liveObject) walk(value, liveObject[member], memberPointer);
        else add('missing', memberPointer, memberPointer, `${memberPointer}: documented ${mask(value, member)}, live output has no "${member}"`);
      }
      for (const [member, value] of Object.entries(liveObject)) {
        if (member in docObject) continue;
        const memberPointer = `${pointer}/${escapeSegment(member)}`;
        add('extra', memberPointer, pointer, `${memberPointer}: live output has "${member}" (${article(jsonType(value))}), not documented`);
      }
      return;
    }
    if (docType === 'array') {
      const pairs = options.unordered?.(pointer) ? pairEqualFirst(doc as unknown[], got as unknown[]) : pairElements(doc as unknown[], got as unknown[]);
      for (const [docIndex, liveIndex] of pairs) {
        if (liveIndex === undefined) {
          const itemPointer = `${pointer}/${docIndex}`;
          add('missing', itemPointer, itemPointer, `${itemPointer}: documented ${describeItem((doc as unknown[])[docIndex!])}, live output has no such item`);
        } else if (docIndex === undefined) {
          add('extra', `${pointer}/${liveIndex}`, pointer, `${pointer}/${liveIndex}: live output has ${describeItem((got as unknown[])[liveIndex])}, not documented`);
        } else {
          walk((doc as unknown[])[docIndex], (got as unknown[])[liveIndex], `${pointer}/${docIndex}`);
        }
      }
      return;
    }
    if (doc === got) return;
    if (docType === 'string' && stringsMatch(doc as string, got as string, options.bindings, key)) return;
    add('value', pointer, pointer, `${pointer || '/'}: documented ${mask(doc, key)}, live ${mask(got, key)}`);
  };

  walk(documented, live, '');
  return differences;
}

function stringsMatch(documented: string, live: string, bindings: Map<string, string>, key: string): boolean {
  if (bindings.get(documented) === live || isPlaceholder(documented)) return true;
  const kind = volatileKind(documented, key);
  // A value the request carried is echoed, not minted: the documented one should be the request's too.
  if (kind === 'minted-id' && [...bindings.values()].includes(live)) return false;
  return kind !== undefined && kind === volatileKind(live, key);
}

/**
 * Items named by a `Name` member (attributes, schema entries) or a `Key` (tags, listed objects) pair by it, since
 * order is not part of the API; others by index.
 */
export function pairElements(documented: unknown[], live: unknown[]): Array<[number | undefined, number | undefined]> {
  const all = [...documented, ...live];
  const unique = (items: unknown[], member: string) => new Set(items.map((item) => (item as Record<string, unknown>)[member])).size === items.length;
  const namingMember = (['Name', 'Key'] as const).find(
    (member) => all.every((item) => item !== null && typeof item === 'object' && typeof (item as Record<string, unknown>)[member] === 'string') && unique(documented, member) && unique(live, member),
  );
  const nameOf = (item: unknown) => (namingMember ? ((item as Record<string, string>)[namingMember]) : undefined);
  const named = namingMember !== undefined;
  if (!named) {
    return Array.from({ length: Math.max(documented.length, live.length) }, (_, index) => [
      index < documented.length ? index : undefined,
      index < live.length ? index : undefined,
    ]);
  }
  const liveByName = new Map(live.map((item, index) => [nameOf(item)!, index]));
  const pairs: Array<[number | undefined, number | undefined]> = documented.map((item, index) => {
    const liveIndex = liveByName.get(nameOf(item)!);
    liveByName.delete(nameOf(item)!);
    return [index, liveIndex];
  });
  for (const liveIndex of liveByName.values()) pairs.push([undefined, liveIndex]);
  return pairs;
}

/** Equal items pair first, wherever they stand; the rest pair in order. */
function pairEqualFirst(documented: unknown[], live: unknown[]): Array<[number | undefined, number | undefined]> {
  const liveLeft = live.map((item, index) => ({ key: JSON.stringify(item), index }));
  const pairs: Array<[number | undefined, number | undefined]> = [];
  const docLeft: number[] = [];
  for (const [index, item] of documented.entries()) {
    const at = liveLeft.findIndex((candidate) => candidate.key === JSON.stringify(item));
    if (at < 0) docLeft.push(index);
    else pairs.push([index, liveLeft.splice(at, 1)[0]!.index]);
  }
  for (const [position, index] of docLeft.entries()) pairs.push([index, liveLeft[position]?.index]);
  for (const { index } of liveLeft.slice(docLeft.length)) pairs.push([undefined, index]);
  return pairs;
}

function describeItem(item: unknown): string {
  const name = item !== null && typeof item === 'object' ? (item as { Name?: unknown }).Name : undefined;
  return typeof name === 'string' ? `an item named ${JSON.stringify(name)}` : mask(item);
}

/** A copy of a request or response that is safe to report: secrets masked by member name and shape. */
export function maskDeep(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return isSecret(key, value) || /^eyJ[\w-]{10,}\./.test(value) ? JSON.parse(mask(value, key)) : value;
  if (Array.isArray(value)) return value.map((item) => maskDeep(item, key));
  if (value !== null && typeof value === 'object' && !(value instanceof Date) && !(value instanceof Uint8Array)) {
    return Object.fromEntries(Object.entries(value).map(([member, item]) => [member, maskDeep(item, member)]));
  }
  return value;
}
