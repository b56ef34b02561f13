// Config files and baselines are small user files: one strict parse, and a precise place when it fails.
/**
 * JSON.parse, with the line and column of the first syntax error (Node 20's messages often lack a
 * position and quote the whole text): `error` reads `line 3, column 5: unexpected '}'`.
 */
export function parseJsonText(text: string): { value: unknown } | { error: string } {
  const withoutBom = text.replace(/^\uFEFF/, '');
  const deep = tooDeepAt(withoutBom);
  if (deep >= 0) return { error: `${lineAndColumn(withoutBom, deep)}: ${NESTED_TOO_DEEP}` };
  try {
    return { value: JSON.parse(withoutBom) };
  } catch {
    const offset = jsonErrorOffset(withoutBom);
    const found = offset < withoutBom.length ? `unexpected ${JSON.stringify(withoutBom[offset])}` : 'unexpected end of file';
    return { error: `${lineAndColumn(withoutBom, offset)}: ${found}` };
  }
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return `line ${before.length}, column ${before.at(-1)!.length + 1}`;
}

/** Whether text parses as JSON (`[true, null]`, `"a string"` too). */
export function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Whether text opens with `{` or `[` after blanks: an object or array, or text meant as one. */
export function opensWithJson(text: string): boolean {
  const first = /\S/.exec(text);
  return first !== null && (first[0] === '{' || first[0] === '[');
}

/** A line that starts with an object member (`"State": "pending",`): JSON, even when shown without its braces. */
export const JSON_MEMBER_LINE = /^[ \t]*"[^"\n]*"[ \t]*:/;

/**
 * How deep JSON may nest. aws-cli's examples nest 11 levels at most; JSON far deeper in a document is broken or
 * hostile, and a walk over it (validation, serialization, comparison, rendering) could overflow the stack.
 */
export const MAX_JSON_DEPTH = 100;

/** What a finding says about JSON deeper than `MAX_JSON_DEPTH`. */
export const NESTED_TOO_DEEP = `nested deeper than ${MAX_JSON_DEPTH} levels`;

/**
 * Whether a parsed value nests deeper than `MAX_JSON_DEPTH`: a walk over its values (far fewer than the characters
 * `tooDeepAt` reads). It stops at that depth, so a hostile value cannot overflow the call stack.
 */
export function nestedTooDeep(value: unknown, depth = 0): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (depth >= MAX_JSON_DEPTH) return true;
  // Only objects and arrays are walked into: most values are strings and numbers, not worth a call each.
  if (Array.isArray(value)) {
    for (const item of value) if (typeof item === 'object' && item !== null && nestedTooDeep(item, depth + 1)) return true;
    return false;
  }
  for (const key in value) {
    const item = (value as Record<string, unknown>)[key];
    if (typeof item === 'object' && item !== null && nestedTooDeep(item, depth + 1)) return true;
  }
  return false;
}

/**
 * The offset of the first `[` or `{` (outside strings) that opens a level deeper than `MAX_JSON_DEPTH`, or -1.
 * Reads brackets only, so it answers for broken JSON too, before anything parses or walks it.
 */
export function tooDeepAt(text: string): number {
  if (text.length <= MAX_JSON_DEPTH) return -1;
  let depth = 0;
  let inString = false;
  for (let at = 0; at < text.length; at++) {
    const char = text.charCodeAt(at);
    if (inString) {
      if (char === 0x5c) at++;
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) return at;
    } else if (char === 0x5d || char === 0x7d) depth = Math.max(0, depth - 1);
  }
  return -1;
}

/** The offset of the first character where strict JSON (RFC 8259) breaks; -1 when there is none. */
function jsonErrorOffset(text: string): number {
  let at = 0;
  const fail = (): never => {
    throw new JsonBreak(at);
  };
  const skipSpace = () => {
    while (text[at] === ' ' || text[at] === '\t' || text[at] === '\n' || text[at] === '\r') at++;
  };
  const expect = (char: string) => {
    skipSpace();
    if (text[at] !== char) fail();
    at++;
  };
  const string = () => {
    expect('"');
    for (;;) {
      const char = text[at];
      if (char === undefined || char < ' ') fail();
      if (char === '"') return void at++;
      if (char === '\\') {
        at++;
        if (text[at] === 'u') {
          const hex = /[0-9a-fA-F]{4}/y;
          hex.lastIndex = at + 1;
          if (!hex.test(text)) {
            at++;
            fail();
          }
          at += 4;
        } else if (!'"\\/bfnrt'.includes(text[at] ?? 'x')) fail();
      }
      at++;
    }
  };
  const sequence = (close: string, item: () => void) => {
    at++;
    skipSpace();
    if (text[at] === close) return void at++;
    for (;;) {
      item();
      skipSpace();
      if (text[at] === close) return void at++;
      expect(',');
    }
  };
  const value = (): void => {
    skipSpace();
    const char = text[at];
    if (char === '{') {
      return sequence('}', () => {
        string();
        expect(':');
        value();
      });
    }
    if (char === '[') return sequence(']', value);
    if (char === '"') return string();
    const literal = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
    literal.lastIndex = at;
    if (!literal.test(text)) fail();
    at = literal.lastIndex;
  };
  try {
    value();
    skipSpace();
    if (at < text.length) fail();
    return -1;
  } catch (error) {
    if (error instanceof JsonBreak) return error.offset;
    throw error;
  }
}

class JsonBreak {
  constructor(readonly offset: number) {}
}
