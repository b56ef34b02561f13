/**
 * Values whose content is not known here (`Word.unknown`: a placeholder, a shell variable or substitution, text
 * whose reading depends on a shell error): the translator checks the structure around them and never a check
 * that needs their content. Unknown stretches are replaced by marker characters from Unicode's private use area,
 * which no example writes, so every later check can tell a value that holds unknown content.
 */
import type { UnknownSpan, Word } from '../../commands/types.js';

/** Stands for unknown text inside a string (a JSON string, a shorthand value, a plain word). */
export const UNKNOWN_TEXT = '\uE000';
/** Stands for an unknown JSON value where a JSON value would stand (`{"Count": $N}`); written as the string `"\uE001"`. */
export const UNKNOWN_JSON_VALUE = '\uE001';
const MARKER = /[\uE000\uE001]/;

/** Whether a text, a message or a value read from one holds unknown content. */
export function holdsUnknown(text: string): boolean {
  return MARKER.test(text);
}

/**
 * `ROLE_ARN`, `YOUR_BUCKET_NAME`, `[YOUR-POOL-ID]`: a name in capitals with underscores (or in brackets) that a document puts where a value goes. No
 * value of a free-form parameter is written so; an enum's values are, and those are still checked.
 */
const NAMED_PLACEHOLDER = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$|^\[[A-Z][A-Z0-9]*(?:[_ -][A-Z0-9]+)*\]$/;

/** `your_region`, `your-bucket-name`, `yourAccountId`, `xxxxxxxx`: a value addressed to the reader, or filler, is theirs to fill in. */
const ADDRESSED_PLACEHOLDER = /^your(?:[_-][A-Za-z0-9]+)+$|^your[A-Z][A-Za-z0-9]*$|^x{4,}$/i;

export function isNamedPlaceholder(value: string): boolean {
  return NAMED_PLACEHOLDER.test(value);
}

/**
 * `--automation-execution-id EXECUTIONID`, `--bucket BUCKET`, `--role-arn ARN`: a value that spells whole words of its own parameter's
 * name (the member its value path ends in) in capitals stands for the value to fill in (`OPTIONS` in `AllowMethods`, `AKIAXXXXXXXX` in `AccessKeyId` do not).
 */
export function spellsItsName(value: string, path: string): boolean {
  if (!/^[A-Z][A-Z0-9]+$/.test(value)) return false;
  // The member the value's path ends in: `Cors.AllowMethods[1]` → `AllowMethods`.
  const memberName = path.slice(path.lastIndexOf('.') + 1).replace(/\[\d+\]$| \(key\)$/g, '');
  const words = memberName.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+/g) ?? [];
  const wanted = value.toLowerCase();
  for (let first = 0; first < words.length; first++) {
    let joined = '';
    for (let last = first; last < words.length && joined.length < wanted.length; last++) {
      joined += words[last]!.toLowerCase();
      if (joined === wanted) return true;
    }
  }
  return false;
}

/** A value written to the reader (`your_region`): no value of any parameter, an enum's included, is written so. */
export function isAddressedPlaceholder(value: string): boolean {
  return ADDRESSED_PLACEHOLDER.test(value);
}

/**
 * `arn:aws:iam::ACCOUNT_ID:role/x`, `arn:aws:lambda:REGION:...`: a part of an ARN or path written as a name in
 * capitals; `sg-xxxxxxxx`, `arn:aws:iam::xxxxxxxxxxxx:role/x`: a run of x's standing for the digits to fill in.
 */
const NAMED_PART = /(?:^|[:/])(?:[A-Z]{4,}|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)(?=[:/]|$)|(?:^|[-_:/.])(?:x{4,}|X{4,})(?=[-_:/.]|$)/;

export function holdsNamedPlaceholder(value: string): boolean {
  return NAMED_PART.test(value);
}

/** Whether a word's reading depends on a shell error reported elsewhere: it gets no model findings. */
export function isUnreliable(word: Word): boolean {
  return word.unknown?.some((span) => span.kind === 'unreliable') ?? false;
}

/** Whether nothing of a word's value is known (`$ATTRS`, `<user-pool-id>`, `"$(cat policy.json)"`). */
export function isWhollyUnknown(word: Word): boolean {
  // A word without text marked unknown: what xargs appends, which the document does not show.
  if (word.value === '') return word.unknown !== undefined && word.unknown.length > 0;
  const spans = sortedSpans(word.unknown);
  if (spans.length === 0) return false;
  let covered = 0;
  for (const span of spans) {
    if (span.start > covered) return false;
    covered = Math.max(covered, span.end);
  }
  return covered >= word.value.length;
}

/** Whether a word holds any unknown content. */
export function hasUnknown(word: Word): boolean {
  return (word.unknown?.length ?? 0) > 0;
}

/**
 * A word's value with its unknown stretches replaced by markers: inside a JSON string or in plain text by
 * UNKNOWN_TEXT, where a JSON value would stand (outside any string of a value that starts with `{` or `[`) by
 * the JSON string `"\uE001"`.
 */
export function markedText(word: Word): string {
  const spans = sortedSpans(word.unknown);
  if (spans.length === 0) return word.value;
  const value = word.value;
  const json = /^\s*[[{]/.test(value) && !(spans[0]!.start === 0);
  let result = '';
  let position = 0;
  let inString = false;
  const advance = (to: number) => {
    for (let index = position; index < to; index++) {
      const char = value[index];
      if (char === '\\' && inString) {
        index++;
        continue;
      }
      if (char === '"') inString = !inString;
    }
    result += value.slice(position, to);
    position = to;
  };
  for (const span of spans) {
    if (span.end <= position) continue;
    advance(Math.max(position, span.start));
    result += json && !inString ? `"${UNKNOWN_JSON_VALUE}"` : UNKNOWN_TEXT;
    position = Math.min(value.length, span.end);
  }
  advance(value.length);
  return result;
}

/** Whether a JSON syntax error stands before any unknown JSON value of the text, so its content cannot be the cause. */
export function jsonErrorBeforeUnknown(text: string, error: Error): boolean {
  const unknownAt = text.indexOf(`"${UNKNOWN_JSON_VALUE}"`);
  if (unknownAt < 0) return true;
  const position = /position (\d+)/.exec(error.message);
  return position !== null && Number(position[1]) < unknownAt;
}

/**
 * Whether a shorthand syntax error at `offset` stands where no unknown content can be its cause: before any, or in a
 * member after the one the last unknown value stands in (`ImportPath=s3://$BUCKET,Policy=NEW}`: a `,` ended it).
 */
export function shorthandErrorBeforeUnknown(text: string, offset: number): boolean {
  const before = text.slice(0, offset);
  const lastUnknown = Math.max(before.lastIndexOf(UNKNOWN_TEXT), before.lastIndexOf(UNKNOWN_JSON_VALUE));
  return lastUnknown < 0 || /,[^,=]*=/.test(before.slice(lastUnknown + 1));
}

/** A word's spans moved to a slice of its value (`--name=value` → the spans of `value`). */
export function sliceSpans(spans: readonly UnknownSpan[] | undefined, from: number): UnknownSpan[] | undefined {
  if (!spans) return undefined;
  const moved = spans.filter((span) => span.end > from).map((span) => ({ ...span, start: Math.max(0, span.start - from), end: span.end - from }));
  return moved.length > 0 ? moved : undefined;
}

function sortedSpans(spans: readonly UnknownSpan[] | undefined): UnknownSpan[] {
  return [...(spans ?? [])].filter((span) => span.end > span.start).sort((a, b) => a.start - b.start);
}
