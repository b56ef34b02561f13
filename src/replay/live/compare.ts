import type { OutputDifference } from '../../rules/replay-results.js';
import { isSecret } from '../../model/secrets.js';
import { findDeviation, type TargetProfile } from './profiles.js';

export type { OutputDifference } from '../../rules/replay-results.js';

export interface CompareOptions {
  /** Documented placeholder → live value that replaced it in the request. */
  bindings: Map<string, string>;
  profile: TargetProfile;
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

/** Kinds of generated values that differ every run and match by shape. */
function volatileKind(value: string): string | undefined {
  if (/^eyJ[\w-]*\.[\w-]*\.[\w-]*$/.test(value)) return 'jwt';
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) return 'uuid';
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$/.test(value)) return 'timestamp';
  if (/^arn:[\w-]+:[\w-]+:[\w-]*:[\w-]*:/.test(value)) return 'arn';
  // An entity tag is a digest of content the example only names; a sequence number is the server's counter.
  if (/^"[0-9a-f]{32}(-\d+)?"$/.test(value)) return 'etag';
  if (/^\d{20,}$/.test(value)) return 'sequence-number';
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
      for (const [docIndex, liveIndex] of pairElements(doc as unknown[], got as unknown[])) {
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
    if (docType === 'string' && stringsMatch(doc as string, got as string, options.bindings)) return;
    add('value', pointer, pointer, `${pointer || '/'}: documented ${mask(doc, key)}, live ${mask(got, key)}`);
  };

  walk(documented, live, '');
  return differences;
}

function stringsMatch(documented: string, live: string, bindings: Map<string, string>): boolean {
  if (bindings.get(documented) === live || isPlaceholder(documented)) return true;
  const kind = volatileKind(documented);
  return kind !== undefined && kind === volatileKind(live);
}

/** Items named by a `Name` member (attributes, schema entries) pair by name, since order is not part of the API; others by index. */
export function pairElements(documented: unknown[], live: unknown[]): Array<[number | undefined, number | undefined]> {
  const nameOf = (item: unknown) => (item !== null && typeof item === 'object' && typeof (item as { Name?: unknown }).Name === 'string' ? (item as { Name: string }).Name : undefined);
  const named = [...documented, ...live].every((item) => nameOf(item) !== undefined);
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
