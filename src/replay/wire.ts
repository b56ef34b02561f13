import type { ServiceModel, Shape, ShapeRef } from '../model/types.js';
import type { GenericProtocol } from './generic/client.js';
import type { ReplayProblem } from './types.js';
import { memberRef } from '../model/members.js';

/** The wire protocols replay speaks: every protocol of the SDK's schema-based clients. */
export type WireProtocol = GenericProtocol;

/** Where a member travels in a REST message; JSON protocols only use `body`. */
export type TimestampLocation = 'body' | 'header' | 'querystring';

export function shapeOf(model: ServiceModel, ref: ShapeRef): Shape {
  const shape = model.shapes[ref.shape];
  if (!shape) throw new Error(`the model has no shape ${ref.shape}`);
  return shape;
}

/** The member's JSON key on the wire: botocore's serialized name (`locationName`) or the member name. */
export function wireName(memberName: string, ref: ShapeRef): string {
  return ref.locationName ?? memberName;
}

/** Smithy's defaults: epoch seconds in JSON bodies, HTTP dates in headers, ISO 8601 in query strings; a `timestampFormat` trait wins. */
export function timestampFormat(ref: ShapeRef, shape: Shape, location: TimestampLocation): string {
  const trait = (ref.timestampFormat as string | undefined) ?? shape.timestampFormat;
  if (trait) return trait;
  return location === 'header' ? 'rfc822' : location === 'querystring' ? 'iso8601' : 'unixTimestamp';
}

const isoTimestamp = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?$/;

/** The instant (ms since epoch) a documented timestamp stands for: CLI v1 printed epoch seconds, v2 prints ISO 8601. */
export function documentedInstant(value: unknown): number | undefined {
  // Beyond year 9999 no timestamp format can carry it (milliseconds printed where seconds are meant).
  if (typeof value === 'number' && Number.isFinite(value)) return Math.abs(value) < 253402300800 ? Math.round(value * 1000) : undefined;
  if (typeof value !== 'string') return undefined;
  const match = isoTimestamp.exec(value);
  if (!match) return undefined;
  // Python prints microseconds; JavaScript's Date reads milliseconds.
  const fraction = (match[2] ?? '').padEnd(3, '0').slice(0, 3);
  const instant = Date.parse(`${match[1]}.${fraction}${match[3] ?? 'Z'}`);
  return Number.isNaN(instant) ? undefined : instant;
}

/** A documented timestamp that is neither ISO 8601 nor epoch seconds: it goes on the wire unchanged. */
export function unreadableTimestamp(value: unknown, pointer: string): ReplayProblem {
  return { pointer, message: `${JSON.stringify(value)} (not a timestamp the CLI prints)` };
}

export function formatTimestamp(instant: number, format: string): string | number {
  switch (format) {
    case 'iso8601':
      return new Date(instant).toISOString();
    case 'rfc822':
      return new Date(instant).toUTCString();
    default:
      return instant / 1000;
  }
}

/** How the AWS CLI v2 prints a timestamp (Python's `isoformat()` in UTC): `2024-01-01T00:00:00.500000+00:00`. */
export function cliTimestamp(date: Date): string {
  const iso = date.toISOString();
  const milliseconds = date.getUTCMilliseconds();
  const seconds = iso.slice(0, 19);
  return milliseconds === 0 ? `${seconds}+00:00` : `${seconds}.${String(milliseconds * 1000).padStart(6, '0')}+00:00`;
}

export function pointerTo(parent: string, key: string | number): string {
  return `${parent}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** How one wire form writes member names, timestamps and bytes; the walk over a documented value is the same for all. */
export interface WireLeaves {
  name(key: string, ref: ShapeRef): string;
  timestamp(instant: number, ref: ShapeRef, shape: Shape): unknown;
  blob(value: unknown, pointer: string, unreadable: ReplayProblem[]): unknown;
}

/** The JSON protocols: `locationName`s, timestamps in the member's format, bytes as the base64 the CLI printed. */
const JSON_LEAVES: WireLeaves = {
  name: (key, ref) => wireName(key, ref),
  timestamp: (instant, ref, shape) => formatTimestamp(instant, timestampFormat(ref, shape, 'body')),
  blob: (value, pointer, unreadable) => {
    if (typeof value === 'string' && !isBase64(value)) unreadable.push({ pointer, message: `${JSON.stringify(value)} (not the base64 the CLI prints for bytes)` });
    return value;
  },
};

/**
 * Turn a documented (CLI output form) value into its JSON wire form. Values the wire cannot carry
 * as documented (an unreadable timestamp) are sent unchanged and listed in `unreadable`: the client's
 * reaction to them is the fact replay reports.
 */
export function documentedToWire(model: ServiceModel, ref: ShapeRef, value: unknown, pointer: string, unreadable: ReplayProblem[]): unknown {
  return documentedToWireForm(model, ref, value, pointer, unreadable, JSON_LEAVES);
}

/** A documented value in the wire form `leaves` describe. */
export function documentedToWireForm(
  model: ServiceModel,
  ref: ShapeRef,
  value: unknown,
  pointer: string,
  unreadable: ReplayProblem[],
  leaves: WireLeaves,
): unknown {
  const shape = shapeOf(model, ref);
  if (value === null || value === undefined) return value;
  const walk = (itemRef: ShapeRef, item: unknown, key: string | number) => documentedToWireForm(model, itemRef, item, pointerTo(pointer, key), unreadable, leaves);
  switch (shape.type) {
    case 'structure': {
      if (!isPlainObject(value) || shape.document) return value;
      return Object.fromEntries(
        Object.entries(value).map(([key, memberValue]) => {
          const member = memberRef(shape, key);
          // Keys the model does not know go out unchanged: whether the client drops them is the fact to find.
          return member ? [leaves.name(key, member), walk(member, memberValue, key)] : [key, memberValue];
        }),
      );
    }
    case 'list':
      return Array.isArray(value) && shape.member ? value.map((item, index) => walk(shape.member!, item, index)) : value;
    case 'map':
      return isPlainObject(value) && shape.value ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(shape.value!, item, key)])) : value;
    case 'timestamp': {
      const instant = documentedInstant(value);
      if (instant === undefined) {
        unreadable.push(unreadableTimestamp(value, pointer));
        return value;
      }
      return leaves.timestamp(instant, ref, shape);
    }
    case 'blob':
      return leaves.blob(value, pointer, unreadable);
    default:
      return value;
  }
}

const base64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Bytes as the CLI prints them: padded base64. */
export function isBase64(text: string): boolean {
  return base64.test(text);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array) && !(value instanceof Date);
}
