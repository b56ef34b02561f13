import { escapePointerToken } from '../examples/json/parse.js';
import type { ServiceModel, ShapeRef } from '../model/types.js';
import { isMasked, pairElements, type OutputDifference } from '../replay/live/compare.js';
import type { ReplayProblem } from '../replay/types.js';
import { shapeOf } from '../replay/wire.js';
import { memberRef } from '../model/members.js';

/** Which differences between the documented output and the replayed one the update applies. */
export interface MergePolicy {
  /** Drop the documented member or item at `pointer` that the replay does not give back. */
  drop(pointer: string): boolean;
  /** Add the replayed member at `pointer` (a live index for array items) that the document lacks. */
  add(pointer: string, replayed: unknown): boolean;
  /** Replace the documented value at `pointer` by the replayed one. */
  replace(pointer: string, documented: unknown, replayed: unknown): boolean;
  /** A replayed value as it should be written (live values bound from placeholders go back to them). */
  written(value: unknown): unknown;
}

/**
 * Mock replay: the mock serves the documented output, so the client's result differs from it where the SDK cannot
 * carry what the document shows (the places the replay's comparison reports, `responseProblems`), where the CLI v2
 * prints a value as another JSON type (an epoch-number timestamp as ISO 8601), and where it merely differs in form
 * (a streamed body, a null the SDK drops, a timestamp written with zero microseconds). Only the first two are
 * rewritten; nothing is added.
 */
export function mockPolicy(problems: readonly ReplayProblem[]): MergePolicy {
  const pointers = new Set(problems.map((problem) => problem.pointer));
  const differs = (documented: unknown, replayed: unknown) =>
    jsonShape(documented) !== jsonShape(replayed) || (jsonShape(documented) === 'scalar' && documented !== replayed);
  return {
    drop: (pointer) => pointers.has(pointer),
    add: () => false,
    replace: (pointer, documented, replayed) =>
      pointers.has(pointer)
        ? differs(documented, replayed)
        : jsonShape(documented) === 'scalar' && jsonShape(replayed) === 'scalar' && documented !== null && replayed !== null && typeof documented !== typeof replayed,
    written: (value) => value,
  };
}

/**
 * Live replay: only the differences the live comparison counts as errors (placeholders, bound values,
 * generated values of the same shape and the target's known deviations stay as documented).
 */
export function livePolicy(differences: OutputDifference[], bindings: Array<[string, string]>): MergePolicy {
  const errors = new Map<string, OutputDifference['kind']>();
  for (const difference of differences) if (difference.severity === 'error') errors.set(difference.pointer, difference.kind);
  const placeholders = new Map(bindings.map(([placeholder, live]) => [live, placeholder]));
  const written = (value: unknown): unknown => {
    if (typeof value === 'string') return placeholders.get(value) ?? value;
    if (Array.isArray(value)) return value.map(written);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, written(item)]));
    return value;
  };
  // A live session masks secrets and tokens in what it returns: those stay as documented.
  const masked = (value: unknown): boolean =>
    typeof value === 'string' ? isMasked(value) : value !== null && typeof value === 'object' && Object.values(value).some(masked);
  return {
    drop: (pointer) => errors.get(pointer) === 'missing',
    add: (pointer, replayed) => errors.get(pointer) === 'extra' && !masked(replayed),
    replace: (pointer, _documented, replayed) => (errors.get(pointer) === 'type' || errors.get(pointer) === 'value') && !masked(replayed),
    written,
  };
}

/**
 * The documented output with the replayed one's corrections: documented keys keep their order, new keys
 * follow in the order the service returned them. Pointers follow `compareOutput`'s (documented paths,
 * live indexes for extra array items).
 */
export function mergeOutput(documented: unknown, replayed: unknown, policy: MergePolicy, pointer = ''): unknown {
  if (policy.replace(pointer, documented, replayed)) return policy.written(replayed);
  if (Array.isArray(documented) && Array.isArray(replayed)) {
    const merged: unknown[] = [];
    for (const [documentedIndex, replayedIndex] of pairElements(documented, replayed)) {
      if (documentedIndex === undefined) {
        if (policy.add(`${pointer}/${replayedIndex}`, replayed[replayedIndex!])) merged.push(policy.written(replayed[replayedIndex!]));
      } else if (replayedIndex === undefined) {
        if (!policy.drop(`${pointer}/${documentedIndex}`)) merged.push(documented[documentedIndex]);
      } else {
        merged.push(mergeOutput(documented[documentedIndex], replayed[replayedIndex], policy, `${pointer}/${documentedIndex}`));
      }
    }
    return merged;
  }
  if (isObject(documented) && isObject(replayed)) {
    const merged: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(documented)) {
      const memberPointer = `${pointer}/${escapePointerToken(key)}`;
      if (key in replayed) merged[key] = mergeOutput(value, replayed[key], policy, memberPointer);
      else if (!policy.drop(memberPointer)) merged[key] = value;
    }
    for (const [key, value] of Object.entries(replayed)) {
      if (!(key in documented) && policy.add(`${pointer}/${escapePointerToken(key)}`, value)) merged[key] = policy.written(value);
    }
    return merged;
  }
  return documented;
}

/** Equal as JSON text, key order included (a reordered output is a changed one). */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function jsonShape(value: unknown): 'array' | 'object' | 'scalar' {
  return Array.isArray(value) ? 'array' : isObject(value) ? 'object' : 'scalar';
}

const numericTypes = new Set(['integer', 'long', 'float', 'double', 'bigInteger', 'bigDecimal', 'byte', 'short']);

/**
 * The client's result with scalars in the model's JSON types: the SDK deserializer passes a documented
 * `"3600"` through as a string where the model has an integer, and the CLI would print a number.
 */
export function withModelTypes(model: ServiceModel, ref: ShapeRef | undefined, value: unknown): unknown {
  if (!ref || !model.shapes[ref.shape]) return value;
  const shape = shapeOf(model, ref);
  if (Array.isArray(value)) return shape.type === 'list' ? value.map((item) => withModelTypes(model, shape.member, item)) : value;
  if (isObject(value)) {
    if (shape.type === 'map') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withModelTypes(model, shape.value, item)]));
    if (shape.type !== 'structure' || shape.document) return value;
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withModelTypes(model, memberRef(shape, key), item)]));
  }
  if (numericTypes.has(shape.type) && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  if (shape.type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  if (shape.type === 'string' && (typeof value === 'number' || typeof value === 'boolean')) return String(value);
  return value;
}
