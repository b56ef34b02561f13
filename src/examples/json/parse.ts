import { tooDeepAt } from '../../document/json-text.js';
import type { Point, Position, SourceLine } from '../../document/types.js';
import type { JsonLocation, JsonParseResult, JsonRepairHint, JsonSyntaxError } from './types.js';

/** A note that says something was left out, in English or in the words of other languages' guides (省略 "omitted", 생략). */
const ELISION_NOTE = /\.{2,}|\u2026|\b(?:redacted|snip|truncated|omitted|omitid[oa]s?|omis|abrégé|gekürzt|ausgelassen|recortad[oa])\b|省略|以下略|中略|後略|생략/i;
/** `(..redacted)`, `(more items)` alone on the rest of a line: the author's note, where JSON has no `(`. */
const PARENTHESISED_NOTE = /^\([^()\n]*\)[ \t]*,?[ \t]*$/;

/**
 * Parses a documented JSON output block strictly (RFC 8259, exactly what `JSON.parse` accepts), except
 * that `...` elisions standing where an element, a member or a member's value could stand are set aside.
 * Hand-written because no JSON library gives document positions for every key and value, the exact
 * place of the first syntax error, elisions and repair hints together. Iterative, so deep nesting cannot
 * overflow the stack; linear in the size of the block.
 */
export function parseJsonBlock(lines: SourceLine[]): JsonParseResult {
  return new BlockParser(lines).parse();
}

/**
 * The positions of a strict JSON block, found on first use: most outputs parse with `JSON.parse`, and only those
 * with findings need a position. A plain object with a map's reading methods, so that every output has one shape.
 */
export class LazyJsonValueMap implements ReadonlyMap<string, JsonLocation> {
  private parsed: ReadonlyMap<string, JsonLocation> | undefined;

  constructor(private readonly lines: SourceLine[]) {}

  private get positions(): ReadonlyMap<string, JsonLocation> {
    return (this.parsed ??= parseJsonBlock(this.lines).map ?? new Map());
  }

  get size(): number {
    return this.positions.size;
  }

  get(pointer: string): JsonLocation | undefined {
    return this.positions.get(pointer);
  }

  has(pointer: string): boolean {
    return this.positions.has(pointer);
  }

  keys(): MapIterator<string> {
    return this.positions.keys();
  }

  values(): MapIterator<JsonLocation> {
    return this.positions.values();
  }

  entries(): MapIterator<[string, JsonLocation]> {
    return this.positions.entries();
  }

  forEach(callback: (location: JsonLocation, pointer: string, map: ReadonlyMap<string, JsonLocation>) => void, thisArg?: unknown): void {
    this.positions.forEach((location, pointer) => callback.call(thisArg, location, pointer, this));
  }

  [Symbol.iterator](): MapIterator<[string, JsonLocation]> {
    return this.positions[Symbol.iterator]();
  }
}

/** RFC 6901 escaping of one reference token. */
export function escapePointerToken(token: string): string {
  return token.includes('~') || token.includes('/') ? token.replace(/~/g, '~0').replace(/\//g, '~1') : token;
}

/** Thrown when the text ends right after an elision, inside open brackets. */
const TRUNCATED = Symbol('truncated after an elision');

/** `<AWS_SECRET_ACCESS_KEY>`, `<your key id>`: a placeholder standing where a value goes (no dots: those are elisions). */
const VALUE_PLACEHOLDER = /<[A-Za-z][\w .:/@-]*>(?=[ \t]*(?:[,}\]\n]|$))/y;

/** The brackets a narrated elision may stand in, by opener. */
const ELISION_BRACKETS: Record<string, string> = { '<': '>', '(': ')' };

/** Thrown from deep in the parse to its top; no Error, whose stack trace would be made for every broken block and never read. */
class JsonSyntaxFailure {
  constructor(readonly syntaxError: JsonSyntaxError) {}
}

interface ObjectFrame {
  kind: 'object';
  value: Record<string, unknown>;
  pointer: string;
  location: JsonLocation;
  start: number;
  key: string;
  keyStart: number;
  keyEnd: number;
  lastItemWasElision: boolean;
  lastComma: number;
}

interface ArrayFrame {
  kind: 'array';
  value: unknown[];
  pointer: string;
  location: JsonLocation;
  start: number;
  lastItemWasElision: boolean;
  lastComma: number;
}

type Frame = ObjectFrame | ArrayFrame;

/** What the parser expects next. */
type Expectation = 'value' | 'first-element' | 'first-member' | 'member' | 'after-value';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
/** Characters that glue onto a number or literal to make an unquoted word (`2019-01-01T00:00:00Z`, `None`). */
const BARE_WORD = /[A-Za-z0-9_.:+\-/$]*/y;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

class BlockParser {
  private readonly text: string;
  /** Offset in `text` where each line starts. */
  private readonly lineStarts: number[] = [];
  private pos = 0;
  private readonly stack: Frame[] = [];
  private readonly map = new Map<string, JsonLocation>();
  private readonly elisions: Position[] = [];
  private readonly placeholders: Position[] = [];
  private readonly notes: Position[] = [];
  /** Where the last elision ends in the text (-1 before any). */
  private lastElisionEnd = -1;
  private readonly duplicates: Position[] = [];
  private root: unknown;
  /** End offset of the last complete value, element or elision (where a missing ',' belongs). */
  private lastItemEnd = 0;
  /** The first closing bracket taken as closing what an elision opened, with the error it would otherwise be. */
  private elidedCloser?: { message: string; at: number };

  constructor(private readonly lines: SourceLine[]) {
    let start = 0;
    for (const line of lines) {
      this.lineStarts.push(start);
      start += line.text.length + 1;
    }
    this.text = lines.map((line) => line.text).join('\n');
  }

  parse(): JsonParseResult {
    const deep = tooDeepAt(this.text);
    if (deep >= 0) return { elisions: [], tooDeep: this.position(deep, deep + 1) };
    try {
      this.run();
    } catch (failure) {
      if (failure instanceof JsonSyntaxFailure) return this.withPlaceholders({ error: failure.syntaxError, elisions: this.elisions });
      // Cut short on purpose: no syntax error, and no value to check either.
      if (failure === TRUNCATED) return this.withPlaceholders({ elisions: this.elisions });
      throw failure;
    }
    const result: JsonParseResult = this.withPlaceholders({ value: this.root, map: this.map, elisions: this.elisions });
    if (this.duplicates.length > 0) result.duplicates = this.duplicates;
    return result;
  }

  private withPlaceholders(result: JsonParseResult): JsonParseResult {
    if (this.placeholders.length > 0) result.placeholders = this.placeholders;
    if (this.notes.length > 0) result.notes = this.notes;
    return result;
  }

  private run(): void {
    let expectation: Expectation = 'value';
    for (;;) {
      this.skipWhitespace();
      const frame = this.stack.at(-1);
      if (this.pos >= this.text.length && (frame !== undefined || expectation !== 'after-value')) this.failAtEnd();
      const char = this.text[this.pos];
      switch (expectation) {
        case 'first-element':
        case 'first-member':
          if (char === (expectation === 'first-element' ? ']' : '}')) {
            this.closeFrame();
            expectation = 'after-value';
          } else {
            expectation = expectation === 'first-element' ? 'value' : 'member';
          }
          break;
        case 'value':
        case 'member':
          if (frame !== undefined && frame.lastComma >= 0 && char === closerOf(frame)) {
            this.closeAfterComma(frame);
            expectation = 'after-value';
          } else if (frame !== undefined && (this.readElision() || (expectation === 'value' && this.readValuePlaceholder()))) {
            frame.lastItemWasElision = true;
            expectation = 'after-value';
          } else if (expectation === 'member') {
            this.readMemberName(frame as ObjectFrame);
            expectation = 'value';
          } else {
            expectation = this.readValue();
          }
          break;
        case 'after-value':
          if (frame === undefined) {
            if (this.pos >= this.text.length) return;
            this.fail(`Unexpected ${describe(char)} after the end of the JSON value`, this.pos, this.pos + 1);
          }
          expectation = this.afterValue(frame);
          break;
      }
    }
  }

  /** After a value inside a container: a `,`, the closing bracket, or an elision on a line of its own. */
  private afterValue(frame: Frame): Expectation {
    const char = this.text[this.pos];
    const close = closerOf(frame);
    if (char === ',') {
      frame.lastComma = this.pos++;
      return frame.kind === 'object' ? 'member' : 'value';
    }
    if (char === close) {
      this.closeFrame();
      return 'after-value';
    }
    // An elision line after a value without its comma still reads as "more of the same".
    if (this.text.lastIndexOf('\n', this.pos) >= this.lastItemEnd && this.readElision()) {
      frame.lastItemWasElision = true;
      return 'after-value';
    }
    const after = frame.kind === 'object' ? 'a member' : 'an array element';
    const expected = `Expected ',' or '${close}' after ${after}`;
    const startsNext = frame.kind === 'object' ? char === '"' : startsValue(char);
    // An elision line stands for items together with their commas: the next line's item may follow it without one.
    const onNextLine = this.text.lastIndexOf('\n', this.pos) >= this.lastItemEnd;
    if (startsNext && frame.lastItemWasElision && onNextLine) return frame.kind === 'object' ? 'member' : 'value';
    if (startsNext) {
      const where = this.formatPoint(this.lastItemEnd);
      const previous = frame.kind === 'object' ? 'member' : 'element';
      this.fail(`${expected}: insert ',' at ${where}, after the previous ${previous}`, this.pos, this.pos + 1, { hint: 'missing-comma', at: this.lastItemEnd });
    }
    // An elision may cut an item short (`...some output truncated...` and then the item's `}`): a closing
    // bracket of the other kind right after it closes what the elided text opened.
    const mismatch = `${expected}, found '${char}': brackets do not match the '${frame.kind === 'object' ? '{' : '['}' at ${this.formatPoint(frame.start)}`;
    if (frame.lastItemWasElision && (char === ']' || char === '}')) {
      this.elidedCloser ??= { message: mismatch, at: this.pos };
      this.lastItemEnd = ++this.pos;
      return 'after-value';
    }
    // An elision earlier may have stood for an opening bracket too (`# ... more output ...` cutting into an object):
    // the brackets after it cannot be counted, and the output is set aside as cut, unchecked.
    if ((char === ']' || char === '}') && this.lastElisionEnd >= 0) throw TRUNCATED;
    if (char === ']' || char === '}') this.fail(mismatch, this.pos, this.pos + 1);
    this.fail(`${expected}, found ${describe(char)}`, this.pos, this.pos + 1);
  }

  /** A closing bracket right after a `,`: allowed only when the `,` follows an elision (`...,`). */
  private closeAfterComma(frame: Frame): void {
    if (!frame.lastItemWasElision) {
      const char = this.text[this.pos];
      this.fail(`Trailing comma before '${char}': delete the ',' at ${this.formatPoint(frame.lastComma)}`, this.pos, this.pos + 1, { hint: 'trailing-comma', at: frame.lastComma });
    }
    this.closeFrame();
  }

  private failAtEnd(): never {
    // Brackets left open after one was read as closing elided text: that bracket was the mistake.
    if (this.elidedCloser) this.fail(this.elidedCloser.message, this.elidedCloser.at, this.elidedCloser.at + 1);
    const open = this.stack.length;
    const end = this.text.length;
    if (open === 0) this.fail('Unexpected end of input: expected a JSON value', end, end);
    const innermost = this.stack[open - 1]!;
    // `...` as the last thing shown (at most some closing brackets after it): the author cut the output there, brackets and all.
    if (innermost.lastItemWasElision || (this.lastElisionEnd >= 0 && /^[\s\]}]*$/.test(this.text.slice(this.lastElisionEnd)))) throw TRUNCATED;
    const bracket = innermost.kind === 'object' ? '{' : '[';
    this.fail(
      `Unexpected end of input: ${open} bracket${open === 1 ? '' : 's'} still open (the last is the '${bracket}' at ${this.formatPoint(innermost.start)})`,
      end,
      end,
    );
  }

  /** A `...` elision: bare dots, or narrated (`...output omitted...`, `<...remaining output omitted...>`, `(...)`) on one line. */
  private readElision(): boolean {
    const start = this.pos;
    const bracket = ELISION_BRACKETS[this.text[start]!];
    let cursor = start + (bracket ? 1 : 0);
    const dotsStart = cursor;
    // `…` (U+2026) is the same three dots as one character.
    if (this.text[cursor] === '\u2026') cursor++;
    else while (this.text[cursor] === '.') cursor++;
    if (cursor - dotsStart < 3 && this.text[dotsStart] !== '\u2026') return false;
    let end = cursor;
    const lineEnd = this.lineEndFrom(cursor);
    const closing = Math.max(this.text.lastIndexOf('...', lineEnd - 3), this.text.lastIndexOf('\u2026', lineEnd - 1) - 2);
    if (closing > cursor && !/["{}[\],]/.test(this.text.slice(cursor, closing))) {
      end = closing + 3;
      if (dotsStart > start) {
        if (this.text[end] !== bracket) return false;
        end++;
      }
    } else if (dotsStart > start) {
      return false;
    }
    this.elisions.push(this.position(start, end));
    this.pos = end;
    this.lastItemEnd = end;
    this.lastElisionEnd = end;
    return true;
  }

  /**
   * `"SecretAccessKey": <AWS_SECRET_ACCESS_KEY>`: a placeholder where a value stands, which the reader fills in. Set
   * aside like an elision: the value is unknown, not wrong.
   */
  private readValuePlaceholder(): boolean {
    VALUE_PLACEHOLDER.lastIndex = this.pos;
    const match = VALUE_PLACEHOLDER.exec(this.text);
    if (!match) return false;
    const end = this.pos + match[0].length;
    this.placeholders.push(this.position(this.pos, end));
    this.pos = end;
    this.lastItemEnd = end;
    this.lastElisionEnd = end;
    return true;
  }

  private readMemberName(frame: ObjectFrame): void {
    const start = this.pos;
    if (this.text[start] !== '"') {
      if (this.text[start] === "'") this.fail("Expected a member name in double quotes, found a single quote: JSON strings use '\"'", start, start + 1);
      this.fail(`Expected a member name in double quotes, found ${describe(this.text[start])}`, start, start + 1);
    }
    const key = this.readString();
    frame.key = key;
    frame.lastComma = -1;
    frame.keyStart = start;
    frame.keyEnd = this.pos;
    if (Object.hasOwn(frame.value, key)) this.forgetDuplicate(frame, key);
    this.skipWhitespace();
    if (this.text[this.pos] !== ':') {
      if (this.pos >= this.text.length) this.failAtEnd();
      this.fail(`Expected ':' after the member name "${key}", found ${describe(this.text[this.pos])}`, this.pos, this.pos + 1);
    }
    this.pos++;
  }

  /** JSON.parse keeps the last of duplicate members: forget where the earlier one stood. */
  private forgetDuplicate(frame: ObjectFrame, key: string): void {
    this.duplicates.push(this.position(frame.keyStart, frame.keyEnd));
    const pointer = `${frame.pointer}/${escapePointerToken(key)}`;
    this.map.delete(pointer);
    for (const known of this.map.keys()) if (known.startsWith(`${pointer}/`)) this.map.delete(known);
  }

  private readValue(): Expectation {
    const start = this.pos;
    const char = this.text[start]!;
    if (char === '{' || char === '[') {
      const location: JsonLocation = this.locationOf(start, start + 1);
      const pointer = this.register(location);
      this.pos++;
      const common = { pointer, location, start, lastItemWasElision: false, lastComma: -1 };
      if (char === '{') {
        this.stack.push({ kind: 'object', value: {}, key: '', keyStart: 0, keyEnd: 0, ...common });
        return 'first-member';
      }
      this.stack.push({ kind: 'array', value: [], ...common });
      return 'first-element';
    }
    let value: unknown;
    if (char === '"') value = this.readString();
    else if (char === '-' || (char >= '0' && char <= '9')) value = this.readNumber();
    else value = this.readLiteral();
    this.register(this.locationOf(start, this.pos));
    this.attach(value, this.pos);
    return 'after-value';
  }

  /** A location for a value starting now, with the key it belongs to when inside an object. */
  private locationOf(start: number, end: number): JsonLocation {
    const frame = this.stack.at(-1);
    const value = this.position(start, end);
    return frame?.kind === 'object' ? { key: this.position(frame.keyStart, frame.keyEnd), value } : { value };
  }

  /** Adds a value's location to the map (in document order) and returns its pointer. */
  private register(location: JsonLocation): string {
    const frame = this.stack.at(-1);
    let pointer = '';
    if (frame?.kind === 'object') pointer = `${frame.pointer}/${escapePointerToken(frame.key)}`;
    else if (frame?.kind === 'array') pointer = `${frame.pointer}/${frame.value.length}`;
    this.map.set(pointer, location);
    return pointer;
  }

  /** Puts a complete value into its container, or makes it the root. */
  private attach(value: unknown, end: number): void {
    this.lastItemEnd = end;
    const frame = this.stack.at(-1);
    if (frame === undefined) {
      this.root = value;
      return;
    }
    frame.lastItemWasElision = false;
    frame.lastComma = -1;
    if (frame.kind === 'array') {
      frame.value.push(value);
    } else if (frame.key === '__proto__') {
      // Assignment would set the prototype; JSON.parse makes an own property.
      Object.defineProperty(frame.value, '__proto__', { value, writable: true, enumerable: true, configurable: true });
    } else {
      frame.value[frame.key] = value;
    }
  }

  private closeFrame(): void {
    const frame = this.stack.pop()!;
    this.pos++;
    frame.location.value = this.position(frame.start, this.pos);
    this.attach(frame.value, this.pos);
  }

  private readString(): string {
    const start = this.pos;
    const text = this.text;
    let cursor = start + 1;
    let chunkStart = cursor;
    let result = '';
    for (;;) {
      if (cursor >= text.length) this.fail('Unterminated string: expected \'"\' before the end of the line', start, cursor);
      const code = text.charCodeAt(cursor);
      if (code === 0x22) {
        this.pos = cursor + 1;
        return result + text.slice(chunkStart, cursor);
      }
      if (code === 0x5c) {
        result += text.slice(chunkStart, cursor);
        if (text.charCodeAt(cursor + 1) === 0x0a) this.cutShortAfter(cursor + 1);
        cursor = this.readEscape(cursor, (decoded) => (result += decoded));
        chunkStart = cursor;
      } else if (code < 0x20) {
        if (code === 0x0a) {
          this.cutShortAfter(cursor);
          this.fail('Unterminated string: expected \'"\' before the end of the line', start, cursor);
        }
        this.fail(`Control character U+${code.toString(16).toUpperCase().padStart(4, '0')} must be escaped in a string`, cursor, cursor + 1);
      } else {
        cursor++;
      }
    }
  }

  /**
   * A string cut at its line's end, with an elision on the next line (`"Output": "boot log\r\` and then `...`): the
   * author shortened the output there. The parse ends as cut short, with the elision noted.
   */
  private cutShortAfter(newline: number): void {
    const next = /^\n[ \t]*(\.{3,}|\u2026)/.exec(this.text.slice(newline, newline + 200));
    if (!next) return;
    const start = newline + next[0].length - next[1]!.length;
    this.elisions.push(this.position(start, start + next[1]!.length));
    throw TRUNCATED;
  }

  /** Decodes the escape at `backslash`, hands the character over, and returns the offset after it. */
  private readEscape(backslash: number, emit: (decoded: string) => void): number {
    const letter = this.text[backslash + 1];
    if (letter === 'u') {
      const hex = this.text.slice(backslash + 2, backslash + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('Invalid \\u escape: expected 4 hexadecimal digits', backslash, backslash + 2);
      emit(String.fromCharCode(parseInt(hex, 16)));
      return backslash + 6;
    }
    const decoded = letter === undefined ? undefined : ESCAPES[letter];
    if (decoded === undefined) {
      if (letter === undefined || letter === '\n') this.fail('Unterminated string: expected \'"\' before the end of the line', backslash, backslash + 1);
      this.fail(`Invalid escape '\\${letter}' in a string`, backslash, backslash + 2);
    }
    emit(decoded);
    return backslash + 2;
  }

  private readNumber(): number {
    const start = this.pos;
    NUMBER.lastIndex = start;
    const match = NUMBER.exec(this.text);
    const end = start + (match?.[0].length ?? 0);
    BARE_WORD.lastIndex = start;
    const wordEnd = start + BARE_WORD.exec(this.text)![0].length;
    if (match === null || wordEnd > end) {
      const word = this.text.slice(start, Math.max(wordEnd, start + 1));
      if (/^-?0\d+$/.test(word)) this.fail(`Invalid number '${word}': leading zeros are not allowed`, start, wordEnd);
      if (/^-?[\d.eE+-]*$/.test(word)) this.fail(`Invalid number '${word}'`, start, start + word.length);
      this.fail(`Unquoted value '${word}': strings must be in double quotes`, start, start + word.length);
    }
    this.pos = end;
    return Number(match[0]);
  }

  private readLiteral(): boolean | null {
    const start = this.pos;
    BARE_WORD.lastIndex = start;
    const word = BARE_WORD.exec(this.text)![0];
    this.pos = start + word.length;
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    if (word === '') {
      const char = this.text[start];
      if (char === "'") this.fail("Unexpected single quote: JSON strings use '\"'", start, start + 1);
      this.fail(`Expected a JSON value, found ${describe(char)}`, start, start + 1);
    }
    this.fail(`Unquoted value '${word}': strings must be in double quotes (the JSON literals are true, false and null)`, start, this.pos);
  }

  private skipWhitespace(): void {
    const text = this.text;
    let cursor = this.pos;
    for (;;) {
      const code = text.charCodeAt(cursor);
      if (code === 0x23 || (code === 0x2f && text.charCodeAt(cursor + 1) === 0x2f) || (code === 0x28 && PARENTHESISED_NOTE.test(text.slice(cursor, this.lineEndFrom(cursor))))) {
        cursor = this.skipNote(cursor);
        continue;
      }
      if (code !== 0x20 && code !== 0x0a && code !== 0x09 && code !== 0x0d) break;
      cursor++;
    }
    this.pos = cursor;
  }

  /**
   * `# ✅ as expected`, `// your Elastic IP`, `(more items)`, `# ... more output ...`: JSON has no `#`, `//` or `(`
   * outside strings, so one between tokens is the author's note to the end of the line; one that says something was
   * left out (`...`, `..`, `redacted`, `snip`, `省略`) stands for it, as an elision does.
   */
  private skipNote(start: number): number {
    let end = this.lineEndFrom(start);
    const elided = ELISION_NOTE.exec(this.text.slice(start, end));
    if (elided === null) {
      this.notes.push(this.position(start, end));
    } else {
      // `[ #... ]`: the elision ends where a bracket after its mark closes what it stands in.
      const closer = /[\]}]/.exec(this.text.slice(start + elided.index, end));
      if (closer !== null) end = start + elided.index + closer.index;
      this.elisions.push(this.position(start, end));
      this.lastItemEnd = end;
      this.lastElisionEnd = end;
      const frame = this.stack.at(-1);
      if (frame !== undefined) frame.lastItemWasElision = true;
    }
    return end;
  }

  private lineEndFrom(offset: number): number {
    const end = this.text.indexOf('\n', offset);
    return end === -1 ? this.text.length : end;
  }

  private fail(message: string, start: number, end: number, repair?: { hint: JsonRepairHint; at: number }): never {
    const error: JsonSyntaxError = { message, start: this.point(start), end: this.point(end) };
    if (repair !== undefined) {
      error.hint = repair.hint;
      error.repairAt = this.point(repair.at);
    }
    throw new JsonSyntaxFailure(error);
  }

  private position(start: number, end: number): Position {
    return { start: this.point(start), end: this.point(end) };
  }

  private formatPoint(offset: number): string {
    const point = this.point(offset);
    return `${point.line}:${point.column}`;
  }

  /** The document point of an offset in the joined block text. */
  private point(offset: number): Point {
    const starts = this.lineStarts;
    if (starts.length === 0) return { line: 1, column: 1, offset: 0 };
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    const line = this.lines[low]!;
    const within = offset - starts[low]!;
    return { line: line.line, column: line.column + within, offset: line.offset + within };
  }
}

function closerOf(frame: Frame): '}' | ']' {
  return frame.kind === 'object' ? '}' : ']';
}

function startsValue(char: string | undefined): boolean {
  return char !== undefined && /["{[\-0-9tfn]/.test(char);
}

function describe(char: string | undefined): string {
  if (char === undefined) return 'the end of the input';
  const code = char.charCodeAt(0);
  if (code < 0x20 || code === 0x7f || (code >= 0x80 && /\s/.test(char))) return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return `'${char}'`;
}
