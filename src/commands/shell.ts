/**
 * Reads a displayed command the way bash would, without ever running it.
 * Hand-written: no shell-parsing library keeps source positions or reports where display and bash differ.
 */
import type { Point, SourceLine } from '../document/types.js';
import type { ShellCommand, ShellIssue, ShellIssueKind, Word } from './types.js';

const BLANK = /[ \t]/;
/** Characters that end an unquoted word (bash metacharacters). */
const METACHARACTER = /[ \t\n|&;<>()]/;
/** Characters with no meaning to bash's word reading, outside quotes. */
const PLAIN_RUN = /[^ \t\n|&;<>()\\'"$`]+/y;
/** A line the author meant as more parameters of the command above it. */
const PARAMETER_LINE = /^[ \t]*--[A-Za-z0-9]/;
/** A line ending in an option name: the next line holds its value. */
const OPTION_AT_LINE_END = /(?:^|[ \t])--[A-Za-z0-9][^ \t]*[ \t]*$/;
const PROMPT = /^\$[ \t]+/;
const SECONDARY_PROMPT = /^>(?:[ \t]|$)/;
/** `NAME=value` before a command name: bash sets it in the command's environment, it is no argument. */
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
/** A line that starts an `aws` command: after an optional `$ ` prompt and `NAME=value` environment assignments. */
export const AWS_LINE = /^[ \t]*(?:\$[ \t]+)?(?:[A-Za-z_][A-Za-z0-9_]*=[^ \t]*[ \t]+)*aws(?:[ \t]|$)/;
const REDIRECTION = /^(?:<<<|<<-|<<|<>|<&|<|>>|>&|>\||>|&>>|&>)/;

/** How a run reads the text: as bash does, or as the author meant it (missing continuations joined back in). */
type Reading = 'bash' | 'intended';

/** A word being built: its text, and the runs of it that quoting protects from brace expansion. */
interface WordBuffer {
  text: string;
  runs: { text: string; isProtected: boolean }[];
}

/** A word character by character, for brace expansion (the few words with an unquoted `{`). */
interface CharBuffer {
  chars: string[];
  protectedChars: boolean[];
}

interface ReadResult {
  words: Word[];
  issues: ShellIssue[];
  /** The text ends inside quotes, a substitution, or right after a line continuation. */
  open: boolean;
  /** Where an `aws` command chained after the first one (`&&`, `||`, `;`, `|`) starts in the text. */
  nextAwsCommand?: number;
}

class Reader {
  private pos = 0;
  private readonly issues: ShellIssue[] = [];
  private readonly words: Word[] = [];
  private inFirstCommand = true;
  /** The first command and the parameter lines that follow it without continuation. */
  private inParameterChain = true;
  /** The current line ended in a Windows or PowerShell continuation (already reported). */
  private lineHasForeignContinuation = false;
  private readonly pendingHereDocs: { delimiter: string; stripTabs: boolean }[] = [];
  private open = false;
  /** Where the word last read ends (continuations and trailing escaped blanks excluded). */
  private wordEnd = 0;
  /** Set when an `aws` command follows the first one: the rest of the text is that command's to read and report. */
  private nextAwsCommand: number | undefined;
  /** bash refuses the whole text at a syntax error: nothing after it is worth reporting. */
  private syntaxError = false;

  constructor(
    private readonly text: string,
    private readonly pointAt: (index: number) => Point,
    private readonly reading: Reading,
    start: number,
  ) {
    this.pos = start;
  }

  read(): ReadResult {
    const { text } = this;
    while (this.pos < text.length) {
      const c = text[this.pos]!;
      if (BLANK.test(c)) {
        this.pos++;
      } else if (c === '\n') {
        this.readNewline();
      } else if (c === '\\' && text[this.pos + 1] === '\n') {
        this.pos += 2;
      } else if (c === '\\' && this.pos + 1 === text.length) {
        this.open = true;
        this.readWord();
      } else if (c === '#') {
        this.readComment();
      } else if (c === '^' && this.isLineEndMarker(this.pos)) {
        this.readForeignContinuation('windows-continuation', 'A `^` at the end of a line continues a Windows cmd.exe command; bash reads it as a word and runs the next line as a separate command.');
      } else if (c === '`' && this.isLineEndMarker(this.pos)) {
        this.readForeignContinuation('powershell-continuation', 'A backtick at the end of a line continues a PowerShell command; bash reads it as the start of a command substitution.');
      } else if (REDIRECTION.test(text.slice(this.pos, this.pos + 3))) {
        this.readRedirection(this.pos);
      } else if (/[|&;()]/.test(c)) {
        this.readOperator();
      } else {
        this.readWord();
      }
    }
    return { words: this.words, issues: this.issues, open: this.open, ...(this.nextAwsCommand === undefined ? {} : { nextAwsCommand: this.nextAwsCommand }) };
  }

  private report(kind: ShellIssueKind, message: string, start: number, end: number): void {
    if (this.reading === 'bash' && this.nextAwsCommand === undefined && !this.syntaxError) this.issues.push({ kind, message, start: this.pointAt(start), end: this.pointAt(end) });
  }

  private lineEnd(from: number): number {
    const end = this.text.indexOf('\n', from);
    return end === -1 ? this.text.length : end;
  }

  private restOfLineIsBlank(from: number): boolean {
    return /^[ \t]*$/.test(this.text.slice(from, this.lineEnd(from)));
  }

  /** A lone `^` or backtick as the last thing on a line, with another line after it. */
  private isLineEndMarker(index: number): boolean {
    const before = index === 0 ? '\n' : this.text[index - 1]!;
    return /[ \t\n]/.test(before) && this.restOfLineIsBlank(index + 1) && this.lineEnd(index) < this.text.length;
  }

  private readForeignContinuation(kind: ShellIssueKind, message: string): void {
    const start = this.pos;
    this.report(kind, message, start, start + 1);
    this.lineHasForeignContinuation = true;
    if (this.reading === 'intended') {
      this.pos = this.lineEnd(start) + 1;
    } else if (kind === 'windows-continuation') {
      this.readWord();
    } else {
      // bash would start a command substitution here; what the author meant is the end of the line.
      this.pos = this.lineEnd(start);
    }
  }

  private endFirstCommand(): void {
    this.inFirstCommand = false;
  }

  private readNewline(): void {
    const newline = this.pos;
    this.pos++;
    this.skipHereDocBodies();
    const nextLine = this.text.slice(this.pos, this.lineEnd(this.pos));
    const foreign = this.lineHasForeignContinuation;
    this.lineHasForeignContinuation = false;
    const lineStart = this.text.lastIndexOf('\n', newline - 1) + 1;
    const line = this.text.slice(lineStart, newline);
    const continuesParameters = PARAMETER_LINE.test(nextLine) || (OPTION_AT_LINE_END.test(line) && nextLine.trim() !== '');
    if (this.inParameterChain && continuesParameters) {
      if (this.reading === 'intended' || foreign) {
        if (this.reading === 'bash') this.endFirstCommand();
        return;
      }
      const lastVisible = line.trimEnd().length;
      this.report(
        'missing-continuation',
        'This line does not end in `\\`, so bash runs the command without the parameters on the next line; add ` \\` at the end of the line.',
        lineStart + Math.max(0, lastVisible - 1),
        lineStart + lastVisible,
      );
      this.endFirstCommand();
      return;
    }
    if ((this.inFirstCommand || this.inParameterChain) && nextLine.trim() !== '' && !foreign) {
      this.report('command-list', 'The next line is a separate shell command, which the harness does not run.', newline, newline + 1);
    }
    this.inParameterChain = false;
    this.endFirstCommand();
  }

  private skipHereDocBodies(): void {
    while (this.pendingHereDocs.length > 0) {
      const { delimiter, stripTabs } = this.pendingHereDocs.shift()!;
      for (;;) {
        if (this.pos >= this.text.length) {
          this.open = true;
          return;
        }
        const end = this.lineEnd(this.pos);
        const line = this.text.slice(this.pos, end);
        this.pos = Math.min(end + 1, this.text.length);
        if ((stripTabs ? line.replace(/^\t+/, '') : line) === delimiter) break;
      }
    }
  }

  private readComment(): void {
    const end = this.lineEnd(this.pos);
    this.report('comment', 'A `#` starts a shell comment: bash ignores the rest of the line.', this.pos, end);
    this.pos = end;
  }

  /** Where the next word starts after `from`, past blanks and `\`-newline continuations. */
  private afterBlanksAndContinuations(from: number): number {
    let at = from;
    for (;;) {
      while (BLANK.test(this.text[at] ?? '')) at++;
      if (this.text[at] !== '\\' || this.text[at + 1] !== '\n') return at;
      at += 2;
    }
  }

  private readOperator(): void {
    const start = this.pos;
    const op = /^(?:\|\||\|&|&&|;;|[|&;()])/.exec(this.text.slice(start, start + 2))![0];
    this.pos += op.length;
    const next = this.afterBlanksAndContinuations(this.pos);
    if (this.inFirstCommand && /^(?:\|\||\||&&|;)$/.test(op) && AWS_LINE.test(this.text.slice(next, this.lineEnd(next)))) {
      // Another `aws` command: read and checked as a command of its own (readShellCommand's `rest`).
      this.nextAwsCommand = next;
    } else if (op === '|' || op === '|&') {
      this.report('pipe', `A \`${op}\` pipes the output into another command, which the harness does not run.`, start, this.pos);
    } else if (op === '(' || op === ')') {
      this.report('syntax-error', `An unquoted \`${op}\` here is a bash syntax error: bash runs nothing; quote the value.`, start, this.pos);
      this.syntaxError = true;
    } else {
      this.report('command-list', `A \`${op}\` starts another shell command, which the harness does not run.`, start, this.pos);
    }
    this.endFirstCommand();
    this.inParameterChain = false;
  }

  private readRedirection(start: number): void {
    this.pos = start;
    while (/[0-9]/.test(this.text[this.pos] ?? '')) this.pos++;
    const op = REDIRECTION.exec(this.text.slice(this.pos, this.pos + 3))![0];
    this.pos += op.length;
    while (BLANK.test(this.text[this.pos] ?? '')) this.pos++;
    const target = this.pos < this.text.length && !METACHARACTER.test(this.text[this.pos]!) ? this.readWordValue() : undefined;
    const what = op.startsWith('<<') && op !== '<<<' ? 'a here-document' : 'a redirection';
    this.report('redirection', `\`${this.text.slice(start, this.pos).trim()}\` is ${what}: the harness does not read or write files for it.`, start, this.pos);
    if (target !== undefined && (op === '<<' || op === '<<-')) {
      this.pendingHereDocs.push({ delimiter: target.text, stripTabs: op === '<<-' });
    }
  }

  private readWord(): void {
    const start = this.pos;
    const buffer = this.readWordValue();
    // Nothing read: an fd redirection, or (as meant) a `\ ` continuation standing alone.
    if (buffer === undefined || this.wordEnd === start || !this.inFirstCommand) return;
    const raw = this.text.slice(start, this.wordEnd);
    if (this.words.length === 0 && ASSIGNMENT.test(raw)) {
      this.report('assignment', `\`${raw}\` sets an environment variable for this command: the harness checks the command without it.`, start, this.wordEnd);
      return;
    }
    // The author means the word as displayed; bash expands unquoted braces.
    const values = this.reading === 'intended' ? [buffer.text] : expandBraces(buffer);
    if (values.length > 1) {
      this.report(
        'brace-expansion',
        `bash expands the unquoted braces in this word into ${values.length} separate words; quote the value to pass it as written.`,
        start,
        this.wordEnd,
      );
    }
    for (const value of values) {
      this.words.push({ value, raw, start: this.pointAt(start), end: this.pointAt(this.wordEnd) });
    }
  }

  /** Reads one word from `pos`; undefined when it turned out to be an fd number of a redirection (`2>`). */
  private readWordValue(): WordBuffer | undefined {
    const { text } = this;
    const start = this.pos;
    const buffer: WordBuffer = { text: '', runs: [] };
    this.wordEnd = start;
    const add = (chars: string, isProtected: boolean) => {
      buffer.text += chars;
      buffer.runs.push({ text: chars, isProtected });
      this.wordEnd = this.pos;
    };
    while (this.pos < text.length) {
      const c = text[this.pos]!;
      if (METACHARACTER.test(c)) {
        if ((c === '<' || c === '>') && /^[0-9]+$/.test(text.slice(start, this.pos))) {
          this.readRedirection(start);
          return undefined;
        }
        break;
      }
      if (c === '\\') {
        const next = text[this.pos + 1];
        if (next === '\n') {
          this.pos += 2;
          continue;
        }
        if (next === undefined) {
          this.pos++;
          add('\\', true);
          continue;
        }
        if (BLANK.test(next) && this.restOfLineIsBlank(this.pos + 1)) {
          const end = this.lineEnd(this.pos);
          // On the last line this is an escaped space; it continues the command in splitCommands' eyes only.
          this.open ||= end === text.length;
        }
        if (BLANK.test(next) && this.restOfLineIsBlank(this.pos + 1) && this.lineEnd(this.pos) < text.length) {
          const end = this.lineEnd(this.pos);
          this.report(
            'space-after-continuation',
            'Spaces after the `\\` at the end of this line make bash read an escaped space and end the command here; remove them.',
            this.pos,
            end,
          );
          this.lineHasForeignContinuation = true;
          if (this.reading === 'intended') {
            this.pos = Math.min(end + 1, text.length);
            break;
          }
        }
        this.pos += 2;
        add(next, true);
      } else if (c === "'") {
        add(this.readSingleQuoted(), true);
      } else if (c === '"') {
        add(this.readDoubleQuoted(this.pos + 1), true);
      } else if (c === '$') {
        const { value, quoted } = this.readDollar(false);
        add(value, quoted);
      } else if (c === '`') {
        add(this.readBackquoted(), true);
      } else {
        // A run of ordinary characters at once: most of a command is plain text.
        const from = this.pos;
        PLAIN_RUN.lastIndex = from;
        this.pos = PLAIN_RUN.test(text) ? PLAIN_RUN.lastIndex : from + 1;
        add(text.slice(from, this.pos), false);
      }
    }
    return buffer;
  }

  private unterminated(what: string, start: number): void {
    this.report('unbalanced-quote', `This ${what} is never closed: bash would wait for more input instead of running the command.`, start, this.text.length);
    this.open = true;
    this.pos = this.text.length;
  }

  private readSingleQuoted(): string {
    const start = this.pos;
    const close = this.text.indexOf("'", start + 1);
    const end = close === -1 ? this.text.length : close;
    let value = this.text.slice(start + 1, end);
    for (let i = value.indexOf('\\\n'); i !== -1; i = value.indexOf('\\\n', i + 2)) {
      this.report(
        'continuation-in-single-quotes',
        "Inside single quotes a `\\` at the end of a line is not a continuation: bash keeps the backslash and the line break in the value.",
        start + 1 + i,
        start + 2 + i,
      );
    }
    if (this.reading === 'intended') value = value.replaceAll('\\\n', '');
    if (close === -1) {
      this.unterminated('single quote', start);
      return value;
    }
    this.pos = close + 1;
    return value;
  }

  /** Reads a double-quoted string whose content starts at `from` (just after the `"`). */
  private readDoubleQuoted(from: number): string {
    const { text } = this;
    const start = from - 1;
    this.pos = from;
    let value = '';
    while (this.pos < text.length) {
      const c = text[this.pos]!;
      if (c === '"') {
        this.pos++;
        return value;
      }
      if (c === '\\') {
        const next = text[this.pos + 1];
        if (next === '\n') this.pos += 2;
        else if (next !== undefined && '$`"\\'.includes(next)) {
          value += next;
          this.pos += 2;
        } else {
          value += c;
          this.pos++;
        }
      } else if (c === '$') {
        value += this.readDollar(true).value;
      } else if (c === '`') {
        value += this.readBackquoted();
      } else {
        value += c;
        this.pos++;
      }
    }
    this.unterminated('double quote', start);
    return value;
  }

  /** Reads from a `$`: ANSI-C and locale quotes are decoded; expansions are reported and kept as written. */
  private readDollar(inDoubleQuotes: boolean): { value: string; quoted: boolean } {
    const { text } = this;
    const start = this.pos;
    const next = text[start + 1] ?? '';
    if (!inDoubleQuotes && next === "'") return { value: this.readAnsiC(), quoted: true };
    if (!inDoubleQuotes && next === '"') return { value: this.readDoubleQuoted(start + 2), quoted: true };
    if (next === '(') {
      const end = this.matchingParenthesis(start + 1);
      if (end === undefined) {
        this.unterminated('command substitution', start);
        return { value: text.slice(start), quoted: true };
      }
      this.pos = end + 1;
      this.report('command-substitution', `\`${text.slice(start, this.pos)}\` is a command substitution: bash would run it; the harness keeps the text as written.`, start, this.pos);
      return { value: text.slice(start, this.pos), quoted: true };
    }
    let match: RegExpExecArray | null = null;
    if (next === '{') match = /^\$\{[^}]*\}/.exec(text.slice(start));
    else match = /^\$(?:[A-Za-z_][A-Za-z0-9_]*|[0-9?#@*!$-])/.exec(text.slice(start));
    if (match === null) {
      if (next === '{') {
        this.unterminated('`${`', start);
        return { value: text.slice(start), quoted: true };
      }
      this.pos++;
      return { value: '$', quoted: false };
    }
    this.pos = start + match[0].length;
    this.report('variable', `\`${match[0]}\` is a shell variable: bash would replace it with its value; the harness keeps the text as written.`, start, this.pos);
    return { value: match[0], quoted: true };
  }

  private matchingParenthesis(open: number): number | undefined {
    let depth = 0;
    for (let i = open; i < this.text.length; i++) {
      const c = this.text[i];
      if (c === '\\') i++;
      else if (c === "'") {
        const close = this.text.indexOf("'", i + 1);
        if (close === -1) return undefined;
        i = close;
      } else if (c === '(') depth++;
      else if (c === ')' && --depth === 0) return i;
    }
    return undefined;
  }

  private readBackquoted(): string {
    const start = this.pos;
    const close = /(?:^|[^\\])(?:\\\\)*`/.exec(this.text.slice(start + 1));
    if (close === null) {
      this.unterminated('backquote', start);
      return this.text.slice(start);
    }
    this.pos = start + 1 + close.index + close[0].length;
    this.report('command-substitution', `\`${this.text.slice(start, this.pos)}\` is a command substitution: bash would run it; the harness keeps the text as written.`, start, this.pos);
    return this.text.slice(start, this.pos);
  }

  private readAnsiC(): string {
    const { text } = this;
    const start = this.pos;
    let i = start + 2;
    let value = '';
    while (i < text.length && text[i] !== "'") {
      if (text[i] !== '\\') {
        value += text[i++];
        continue;
      }
      const escape = /^\\(?:[0-7]{1,3}|x[0-9A-Fa-f]{1,2}|u[0-9A-Fa-f]{1,4}|U[0-9A-Fa-f]{1,8}|c.|.|\n)?/s.exec(text.slice(i))![0];
      value += decodeAnsiCEscape(escape);
      i += escape.length;
    }
    if (i >= text.length) {
      this.unterminated("`$'` quote", start);
      return value;
    }
    this.pos = i + 1;
    return value;
  }
}

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?',
};

function decodeAnsiCEscape(escape: string): string {
  const body = escape.slice(1);
  if (body === '') return '\\';
  if (/^[0-7]+$/.test(body)) return String.fromCharCode(parseInt(body, 8) & 0xff);
  if (/^[xuU]./.test(body)) return String.fromCodePoint(Math.min(parseInt(body.slice(1), 16), 0x10ffff));
  if (body[0] === 'c' && body.length === 2) return String.fromCharCode(body.charCodeAt(1) & 0x1f);
  return SIMPLE_ESCAPES[body] ?? escape;
}

/** bash brace expansion (`a{b,c}d` → `abd acd`, `{1..3}`), applied to unquoted braces only. */
function expandBraces(buffer: WordBuffer): string[] {
  if (!buffer.text.includes('{')) return [buffer.text];
  const chars: string[] = [];
  const protectedChars: boolean[] = [];
  for (const run of buffer.runs) {
    for (const char of run.text) {
      chars.push(char);
      protectedChars.push(run.isProtected);
    }
  }
  return expandChars({ chars, protectedChars });
}

function expandChars(buffer: CharBuffer): string[] {
  const { chars, protectedChars } = buffer;
  if (!chars.includes('{')) return [chars.join('')];
  const isOpen = (i: number) => chars[i] === '{' && !protectedChars[i] && !(chars[i - 1] === '$' && !protectedChars[i - 1]);
  for (let open = 0; open < chars.length; open++) {
    if (!isOpen(open)) continue;
    let depth = 0;
    const commas: number[] = [];
    for (let i = open; i < chars.length; i++) {
      if (protectedChars[i]) continue;
      if (isOpen(i)) depth++;
      else if (chars[i] === '}') {
        if (--depth > 0) continue;
        const slice = (from: number, to: number): CharBuffer => ({ chars: chars.slice(from, to), protectedChars: protectedChars.slice(from, to) });
        const prefix = slice(0, open);
        const suffix = slice(i + 1, chars.length);
        let alternatives: CharBuffer[];
        if (commas.length > 0) {
          const bounds = [open, ...commas, i];
          alternatives = bounds.slice(1).map((end, k) => slice(bounds[k]! + 1, end));
        } else {
          const sequence = expandSequence(chars.slice(open + 1, i).join(''), protectedChars.slice(open + 1, i));
          if (sequence === undefined) break;
          alternatives = sequence.map((value) => ({ chars: [...value], protectedChars: [...value].map(() => true) }));
        }
        return alternatives.flatMap((alternative) =>
          expandChars({
            chars: [...prefix.chars, ...alternative.chars, ...suffix.chars],
            protectedChars: [...prefix.protectedChars.map(() => true), ...alternative.protectedChars, ...suffix.protectedChars],
          }),
        );
      } else if (chars[i] === ',' && depth === 1) commas.push(i);
    }
  }
  return [chars.join('')];
}

/** `{1..5}`, `{a..e}`, `{10..1..2}`: undefined when the text is no sequence expression. */
function expandSequence(body: string, protectedChars: boolean[]): string[] | undefined {
  if (protectedChars.some(Boolean)) return undefined;
  const numeric = /^(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?$/.exec(body);
  const letters = /^([A-Za-z])\.\.([A-Za-z])(?:\.\.(-?\d+))?$/.exec(body);
  const match = numeric ?? letters;
  if (match === null) return undefined;
  const from = numeric ? Number(match[1]) : match[1]!.charCodeAt(0);
  const to = numeric ? Number(match[2]) : match[2]!.charCodeAt(0);
  const step = Math.abs(Number(match[3] ?? 1)) || 1;
  const width = numeric && /^-?0\d/.test(match[1]! + ' ' + match[2]!) ? Math.max(match[1]!.length, match[2]!.length) : 0;
  const values: string[] = [];
  for (let n = from; from <= to ? n <= to : n >= to; n += from <= to ? step : -step) {
    values.push(numeric ? String(n).padStart(width, '0') : String.fromCharCode(n));
  }
  return values;
}

function pointMapper(lines: SourceLine[]): (index: number) => Point {
  const starts: number[] = [];
  let index = 0;
  for (const line of lines) {
    starts.push(index);
    index += line.text.length + 1;
  }
  return (at) => {
    if (lines.length === 0) return { line: 1, column: 1, offset: 0 };
    let k = starts.length - 1;
    while (k > 0 && starts[k]! > at) k--;
    const line = lines[k]!;
    return { line: line.line, column: line.column + at - starts[k]!, offset: line.offset + at - starts[k]! };
  };
}

function read(lines: SourceLine[], reading: Reading): ReadResult & { promptLength: number } {
  const text = lines.map((line) => line.text).join('\n');
  const promptLength = PROMPT.exec(text)?.[0].length ?? 0;
  const reader = new Reader(text, pointMapper(lines), reading, promptLength);
  return { ...reader.read(), promptLength };
}

/** Reads a command as bash would (first simple command, quote removal, brace expansion) and as its author meant it. */
const READINGS_DIFFER: ReadonlySet<ShellIssueKind> = new Set([
  'missing-continuation',
  'space-after-continuation',
  'continuation-in-single-quotes',
  'windows-continuation',
  'powershell-continuation',
  'brace-expansion',
]);

export function readShellCommand(lines: SourceLine[]): ShellCommand {
  const text = lines.map((line) => line.text).join('\n');
  const pointAt = pointMapper(lines);
  const commandLines = withoutSecondaryPrompts(lines);
  const asBash = read(commandLines, 'bash');
  // The author's reading differs from bash's only where bash's reading found one of these.
  const intended = asBash.issues.some((issue) => READINGS_DIFFER.has(issue.kind)) ? read(commandLines, 'intended') : asBash;
  const issues = asBash.issues;
  if (asBash.promptLength > 0) {
    issues.unshift({ kind: 'prompt', message: 'A leading `$ ` shell prompt is not part of the command; the harness ignores it.', start: pointAt(0), end: pointAt(asBash.promptLength) });
  }
  return {
    text,
    lines,
    position: { start: pointAt(0), end: pointAt(text.length) },
    argv: asBash.words.map((word) => word.value),
    words: asBash.words,
    intendedWords: intended.words,
    issues,
    ...(asBash.nextAwsCommand === undefined ? {} : { rest: linesFrom(commandLines, asBash.nextAwsCommand) }),
  };
}

/** The lines from `offset` in their joined text on, the first one cut where `offset` stands. */
function linesFrom(lines: SourceLine[], offset: number): SourceLine[] {
  let start = 0;
  for (const [index, line] of lines.entries()) {
    if (offset <= start + line.text.length) {
      const within = offset - start;
      return [{ ...line, text: line.text.slice(within), column: line.column + within, offset: line.offset + within }, ...lines.slice(index + 1)];
    }
    start += line.text.length + 1;
  }
  return [];
}

/** In a `$ ` transcript, the lines that continue a command start with bash's secondary prompt `> `: not part of it. */
function withoutSecondaryPrompts(lines: SourceLine[]): SourceLine[] {
  if (!PROMPT.test(lines[0]?.text ?? '')) return lines;
  return lines.map((line, index) => {
    const prompt = index > 0 ? SECONDARY_PROMPT.exec(line.text) : null;
    if (!prompt) return line;
    const length = prompt[0].length;
    return { ...line, text: line.text.slice(length), column: line.column + length, offset: line.offset + length };
  });
}

/** Whether more lines belong to this command: it ends inside quotes or a substitution, or after a line continuation. */
function continuesOnNextLine(lines: SourceLine[]): boolean {
  return read(lines, 'bash').open;
}

/**
 * Splits a block into commands. A command starts at a line beginning with `aws ` (or `$ aws `) that does not
 * continue the one above; other lines stay with the command above them (parameter lines with a missing
 * continuation, or shell commands the reader will report); lines before the first `aws` line form their own group;
 * unprompted lines after a `$ `-prompted command are its output and belong to no command.
 */
export function splitCommands(lines: SourceLine[]): SourceLine[][] {
  const groups: SourceLine[][] = [];
  let current: SourceLine[] | undefined;
  for (const line of lines) {
    if (current !== undefined) {
      const startsCommand = AWS_LINE.test(line.text);
      const prompted = PROMPT.test(current[0]!.text);
      // Reading the command so far is needed only where a line might start something else.
      if ((!startsCommand && !prompted) || continuesOnNextLine(current)) {
        current.push(line);
        continue;
      }
      if (!startsCommand) {
        // After a prompted command, unprompted lines are its output.
        current = undefined;
        continue;
      }
    }
    if (line.text.trim() !== '') {
      current = [line];
      groups.push(current);
    }
  }
  return groups.map((group) => {
    let end = group.length;
    while (end > 1 && group[end - 1]!.text.trim() === '') end--;
    return group.slice(0, end);
  });
}
