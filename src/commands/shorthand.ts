/**
 * The AWS CLI's shorthand syntax (`--foo A=b,C=[x,y],D={e=f}`), ported from aws-cli's
 * `awscli/shorthand.py` ShorthandParser: no library parses this grammar, and the CLI's quirks
 * (backtracking csv lists, `\,` escapes, whitespace rules) decide what an example really sends.
 *
 * The result is purely syntactic: every scalar is a string; the shape decides types later.
 */

import { MAX_JSON_DEPTH, NESTED_TOO_DEEP } from '../document/json-text.js';

export type ShorthandValue = string | ShorthandValue[] | { [key: string]: ShorthandValue };

export interface ShorthandError {
  message: string;
  /** 0-based offset in the parsed text where the parser gave up. */
  offset: number;
  /** The value nests brackets deeper than `MAX_JSON_DEPTH` (where the CLI's own parser would overflow): not read. */
  tooDeep?: true;
}

/** `readsFiles`: some value was written `key@=file://...`, so the CLI reads it from a file. */
export type ShorthandResult = { value: Record<string, ShorthandValue>; readsFiles: boolean } | { error: ShorthandError };

/**
 * Thrown inside the parser, as the CLI's does, for its backtracking, and always caught there. Not an
 * `Error`: `Key=a,Value=b` backtracks once, and capturing a stack each time cost more than the parse.
 */
class ShorthandSyntaxError {
  readonly message: string;

  constructor(
    readonly expected: string,
    readonly actual: string,
    readonly offset: number,
  ) {
    this.message = `Expected: '${expected}', received: '${actual}'`;
  }
}

/** Thrown at the bracket that opens a level deeper than `MAX_JSON_DEPTH`. */
class ShorthandTooDeep {
  constructor(readonly offset: number) {}
}

// The CLI's character classes, verbatim in meaning: a first value may not start with space, quotes,
// `,`, `=`, `[`, `]`, `{`, `}`; later characters may be spaces (trailing ones are dropped) and may include
// `=` (first) or `[]{}` minus `,` and `=` (second).
// Sticky: each matches at the parser's position, without copying the rest of the text.
const SINGLE_QUOTED = /'(?:\\\\|\\'|[^'])*'/uy;
const DOUBLE_QUOTED = /"(?:\\\\|\\"|[^"])*"/uy;
const FIRST_VALUE = /((\\,)|[!#-&(-+\--<>-Z\\-z|-\uffff])((\\,)|[\s!#-&(-+\--\\^-|~-\uffff])*/uy;
const SECOND_VALUE = /((\\,)|[!#-&(-+\--<>-Z\\-z|-\uffff])((\\,)|[\s!#-&(-+\--<>-\uffff])*/uy;
const FILE_PREFIX = /^fileb?:\/\//;
const KEY_CHARS = /[A-Za-z0-9\-_.#/:]/;
// Python's string.whitespace.
const WHITESPACE = ' \t\n\r\x0b\x0c';

class Parser {
  private index = 0;
  private depth = 0;
  readsFiles = false;

  constructor(private readonly text: string) {}

  parse(): Record<string, ShorthandValue> {
    const params: Record<string, ShorthandValue> = {};
    Object.assign(params, this.keyval());
    while (this.index < this.text.length) {
      this.expect(',', true);
      Object.assign(params, this.keyval());
    }
    return params;
  }

  private keyval(): Record<string, ShorthandValue> {
    const key = this.key();
    this.consumeWhitespace();
    if (this.text.startsWith('@=', this.index)) return { [key]: this.fileOptionalValue() };
    this.expect('=', true);
    return { [key]: this.values() };
  }

  // `key@=file://path` (or fileb://) loads the value from a file; any other value stays literal.
  private fileOptionalValue(): string {
    this.index += 2;
    this.consumeWhitespace();
    const value = this.firstValue();
    if (FILE_PREFIX.test(value)) this.readsFiles = true;
    return value;
  }

  private key(): string {
    const start = this.index;
    while (!this.atEof() && KEY_CHARS.test(this.text[this.index]!)) this.index++;
    return this.text.slice(start, this.index);
  }

  private values(): ShorthandValue {
    if (this.atEof()) return '';
    if (this.current() === '[' || this.current() === '{') return this.nested();
    return this.csvValue();
  }

  /** A `[...]` list or `{...}` hash, no deeper than `MAX_JSON_DEPTH` (the parser recurses). */
  private nested(): ShorthandValue {
    if (++this.depth > MAX_JSON_DEPTH) throw new ShorthandTooDeep(this.index);
    try {
      return this.current() === '[' ? this.explicitList() : this.hashLiteral();
    } finally {
      this.depth--;
    }
  }

  private csvValue(): ShorthandValue {
    const first = this.firstValue();
    this.consumeWhitespace();
    if (this.atEof() || this.text[this.index] !== ',') return first;
    this.expect(',', true);
    const list: string[] = [first];
    for (;;) {
      try {
        const current = this.secondValue();
        this.consumeWhitespace();
        if (this.atEof()) {
          list.push(current);
          break;
        }
        this.expect(',', true);
        list.push(current);
      } catch (error) {
        // `a=b,c,d=e`: the `d` was a key, not a list item; go back to the comma before it.
        if (!(error instanceof ShorthandSyntaxError) || this.atEof()) throw error;
        this.backtrackTo(',');
        break;
      }
    }
    return list.length === 1 ? first : list;
  }

  private explicitList(): ShorthandValue[] {
    this.expect('[', true);
    const values: ShorthandValue[] = [];
    while (this.current() !== ']') {
      values.push(this.explicitValues());
      this.consumeWhitespace();
      if (this.current() !== ']') {
        this.expect(',');
        this.consumeWhitespace();
      }
    }
    this.expect(']');
    return values;
  }

  private explicitValues(): ShorthandValue {
    return this.current() === '[' || this.current() === '{' ? this.nested() : this.firstValue();
  }

  private hashLiteral(): Record<string, ShorthandValue> {
    this.expect('{', true);
    const keyvals: Record<string, ShorthandValue> = {};
    while (this.current() !== '}') {
      const key = this.key();
      this.expect('=', true);
      const value = this.explicitValues();
      this.consumeWhitespace();
      if (this.current() !== '}') {
        this.expect(',');
        this.consumeWhitespace();
      }
      keyvals[key] = value;
    }
    this.expect('}');
    return keyvals;
  }

  private firstValue(): string {
    if (this.current() === "'") return this.quoted(SINGLE_QUOTED, "'");
    if (this.current() === '"') return this.quoted(DOUBLE_QUOTED, '"');
    const match = this.match(FIRST_VALUE);
    if (!match) return '';
    this.index += match[0].length;
    return match[0].replaceAll('\\,', ',').trimEnd();
  }

  private secondValue(): string {
    if (this.current() === "'") return this.quoted(SINGLE_QUOTED, "'");
    if (this.current() === '"') return this.quoted(DOUBLE_QUOTED, '"');
    return this.mustConsume(SECOND_VALUE, 'second').replaceAll('\\,', ',').trimEnd();
  }

  private quoted(pattern: RegExp, quote: string): string {
    const name = quote === "'" ? 'singled quoted' : 'double quoted';
    return this.mustConsume(pattern, name).slice(1, -1).replaceAll(`\\${quote}`, quote).replaceAll('\\\\', '\\');
  }

  private mustConsume(pattern: RegExp, name: string): string {
    const match = this.match(pattern);
    if (!match) throw new ShorthandSyntaxError(`<${name}>`, '<none>', this.index);
    this.index += match[0].length;
    return match[0];
  }

  /** A sticky pattern's match at the current position. */
  private match(pattern: RegExp): RegExpExecArray | null {
    pattern.lastIndex = this.index;
    return pattern.exec(this.text);
  }

  private expect(char: string, consumeWhitespace = false): void {
    if (consumeWhitespace) this.consumeWhitespace();
    if (this.index >= this.text.length) throw new ShorthandSyntaxError(char, 'EOF', this.index);
    const actual = this.text[this.index]!;
    if (actual !== char) throw new ShorthandSyntaxError(char, actual, this.index);
    this.index++;
    if (consumeWhitespace) this.consumeWhitespace();
  }

  private current(): string | undefined {
    return this.text[this.index];
  }

  private atEof(): boolean {
    return this.index >= this.text.length;
  }

  private backtrackTo(char: string): void {
    while (this.index >= 0 && this.text[this.index] !== char) this.index--;
  }

  private consumeWhitespace(): void {
    while (!this.atEof() && WHITESPACE.includes(this.text[this.index]!)) this.index++;
  }
}

/** Parses one shorthand value as the AWS CLI does; never throws. */
export function parseShorthand(text: string): ShorthandResult {
  try {
    const parser = new Parser(text);
    const value = parser.parse();
    return { value, readsFiles: parser.readsFiles };
  } catch (error) {
    if (error instanceof ShorthandSyntaxError) return { error: { message: error.message, offset: error.offset } };
    if (error instanceof ShorthandTooDeep) return { error: { message: NESTED_TOO_DEEP, offset: error.offset, tooDeep: true } };
    throw error;
  }
}
