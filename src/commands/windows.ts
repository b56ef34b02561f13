/**
 * Reads a displayed command the way PowerShell or cmd.exe would, without ever running it, and as its author meant it.
 * Only what decides the words the CLI receives: quoting, escapes, line continuations, variables, redirections.
 */
import type { Point, SourceLine } from '../document/types.js';
import {
  commandStart,
  DOCKER_EXEC_SOURCE,
  ELIDED_VALUE,
  endsJsonOutput,
  JSON_START,
  linesFrom,
  lostContinuation,
  OPTION_AT_LINE_END,
  OUTPUT_LABEL_COMMENT,
  placeholderAt,
  placeholderName,
  pointMapper,
  sameOnLines,
  shellCommandOf,
  PROMPT_SOURCE,
  startsAwsCommand,
  trimmedGroups,
  withPlaceholders,
  type LineGroup,
} from './shell.js';
import type { ShellCommand, ShellIssue, ShellIssueKind, UnknownSpan, Word } from './types.js';

export type WindowsDialect = 'powershell' | 'cmd';

/** A `"` with no backslash before it. */
const BARE_DOUBLE_QUOTE = /(?<!\\)"/;
const SHELL_NAME: Record<WindowsDialect, string> = { powershell: 'PowerShell', cmd: 'cmd' };
/** The character that continues a command on the next line when it ends the line. */
const CONTINUATION: Record<WindowsDialect, string> = { powershell: '`', cmd: '^' };
const CONTINUATION_NAME: Record<WindowsDialect, string> = { powershell: 'a backtick', cmd: 'a `^`' };
/** What closes a command that stands inside something. */
type WindowsCloser = ')' | '}' | '"';
/** cmd's `%NAME%`, which PowerShell's stop-parsing token leaves for the program's environment to expand. */
const CMD_VARIABLE = /^%[A-Za-z_]\w*%/;
/** PowerShell's stop-parsing token, a word of its own. */
const STOP_PARSING = /^--%(?:[ \t\n]|$)/;
/** A double-quoted word that escapes its quotes bash's way (`"{\"Version\": ...}"`): a `\"` with more of the value after it. */
const BASH_ESCAPED_STRING = /^"(?:[^"\\\n]|\\[^"\n])*\\"[^ \t\n]/;
/** Characters that end an unquoted word. */
const WORD_END: Record<WindowsDialect, RegExp> = { powershell: /[ \t\n|;&<>]/, cmd: /[ \t\n|&<>]/ };
const BLANK = /[ \t]/;

type Reading = 'shell' | 'intended';

interface Piece {
  value: string;
  unknown: UnknownSpan[];
}

class WindowsReader {
  private pos: number;
  private readonly words: Word[] = [];
  private readonly issues: ShellIssue[] = [];
  private ended = false;
  /** The shell's reading: words are collected until the shell would end the command; the rest is read as meant, for its findings. */
  private collecting = true;
  private unclosed = false;
  /** The line just read is a value of an option that ended the line before it (the author's list of values goes on). */
  private inValueList = false;
  /** The unquoted `<placeholder>`s: PowerShell refuses the command at the first; cmd reads each as redirections, to `targetName`. */
  private readonly placeholders: { placeholder: string; start: number; end: number; targetName?: string }[] = [];

  constructor(
    private readonly text: string,
    private readonly pointAt: (index: number) => Point,
    private readonly dialect: WindowsDialect,
    private readonly reading: Reading,
    start: number,
    private readonly variables: ReadonlyMap<string, string> | undefined,
    /** The command stands inside `(...)`, `$(...)`, a script block `{...}` or `cmd /c "..."`: its closing `)`, `}` or `"` ends it. */
    private readonly closer?: WindowsCloser,
  ) {
    this.pos = start;
  }

  /** Where an `aws` command chained after this one (`;`, `&&`, `||`, `&` in cmd) starts in the text. */
  private nextAwsCommand: number | undefined;

  read(): { words: Word[]; issues: ShellIssue[]; nextAwsCommand?: number } {
    const { text } = this;
    while (this.pos < text.length && !this.ended) {
      const c = text[this.pos]!;
      if (BLANK.test(c)) this.pos++;
      else if (c === this.closer) this.ended = true;
      else if (c === '\n') this.readNewline();
      else if (this.readContinuation()) continue;
      else if (c === '#' && this.dialect === 'powershell') this.pos = this.lineEnd(this.pos);
      else if (this.dialect === 'powershell' && STOP_PARSING.test(text.slice(this.pos, this.pos + 4))) this.readVerbatim();
      else if (c === '#' && this.readCmdHash()) continue;
      else if (c === '<' && this.placeholderAt(this.pos) !== undefined) this.readPlaceholder(this.placeholderAt(this.pos)!);
      else if (/[|;&]/.test(c) && (this.dialect === 'powershell' || c !== ';')) this.readOperator();
      else if (/[<>]/.test(c) || (/[0-9]/.test(c) && /^[0-9]*>/.test(text.slice(this.pos, this.pos + 3)))) this.readRedirection();
      else this.readWord();
    }
    this.reportPlaceholders();
    return { words: this.words, issues: this.issues, ...(this.nextAwsCommand !== undefined && { nextAwsCommand: this.nextAwsCommand }) };
  }

  /**
   * `--% --parameters "{\"portNumber\":[\"80\"]}"`: after PowerShell's stop-parsing token the rest of the line goes to
   * the program as written (up to a `|`), split into arguments by the C runtime's rules: blanks outside `"` separate,
   * `\"` is a quote in the value. cmd's `%VAR%` is still expanded: its content is unknown.
   */
  private readVerbatim(): void {
    const { text } = this;
    this.pos += 3;
    const end = this.lineEnd(this.pos);
    while (this.pos < end) {
      while (BLANK.test(text[this.pos] ?? '')) this.pos++;
      if (this.pos >= end || text[this.pos] === '|') break;
      const start = this.pos;
      const piece: Piece = { value: '', unknown: [] };
      let quoted = false;
      while (this.pos < end && (quoted || !BLANK.test(text[this.pos]!))) {
        const c = text[this.pos]!;
        const name = c === '%' ? CMD_VARIABLE.exec(text.slice(this.pos, end))?.[0] : undefined;
        if (c === '\\' && text[this.pos + 1] === '"') {
          piece.value += '"';
          this.pos += 2;
        } else if (c === '"') {
          quoted = !quoted;
          this.pos++;
        } else if (name !== undefined) {
          piece.unknown.push({ start: piece.value.length, end: piece.value.length + name.length, kind: 'variable' });
          piece.value += name;
          this.pos += name.length;
        } else {
          piece.value += c;
          this.pos++;
        }
      }
      this.pushWord(start, this.pos, piece);
    }
    this.pos = end;
  }

  /**
   * `aws configure  # set up`: cmd has no `#` comments, so it passes `#` and the words after it to the command, which
   * refuses them. Said once; the author's reading drops the comment, as meant.
   */
  private readCmdHash(): boolean {
    const start = this.pos;
    if (!BLANK.test(this.text[start - 1] ?? '')) return false;
    const end = this.lineEnd(start);
    this.report('hash-in-cmd', 'cmd has no `#` comments: it passes `#` and the words after it to the command, which refuses them; put the comment on a line of its own after `REM`.', start, end);
    if (this.reading === 'shell') return false;
    this.pos = end;
    return true;
  }

  /** The placeholder at `index`: `<name>` as in bash, and in PowerShell also an empty `<>` left for the reader to fill. */
  private placeholderAt(index: number): string | undefined {
    return placeholderAt(this.text, index) ?? (this.dialect === 'powershell' && this.text.startsWith('<>', index) ? '<>' : undefined);
  }

  /**
   * A command's unquoted placeholders, said once: PowerShell stops parsing at the first reserved `<`; cmd refuses the
   * command at the one whose `>` has no file name, and otherwise writes the output to a file named after what follows.
   */
  private reportPlaceholders(): void {
    const { placeholders } = this;
    const shown = this.dialect === 'powershell' ? placeholders[0] : (placeholders.find((found) => found.targetName === undefined) ?? placeholders[0]);
    if (shown === undefined) return;
    const { placeholder, start, end, targetName } = shown;
    const advice =
      placeholders.length === 1 ? 'quote the placeholder or replace it with a value.' : `quote the placeholders (${placeholders.length} in this command) or replace them with values.`;
    if (this.dialect === 'powershell') {
      this.report('placeholder-syntax-error', `PowerShell refuses this command: \`<\` is reserved for future use, so the unquoted \`${placeholder}\` is a syntax error; ${advice}`, start, end);
    } else if (targetName === undefined) {
      this.report('placeholder-syntax-error', `cmd refuses this command: it reads the unquoted \`${placeholder}\` as redirections, and the \`>\` has no file name; ${advice}`, start, end);
    } else {
      this.report(
        'placeholder-redirection',
        `cmd reads the unquoted \`${placeholder}\` as redirections: input from a file named \`${placeholderName(placeholder)}\`, output to a file named \`${targetName}\`; ${advice}`,
        start,
        end,
      );
    }
  }

  private report(kind: ShellIssueKind, message: string, start: number, end: number, continuation?: string): void {
    if (this.reading === 'shell') this.issues.push({ kind, message, start: this.pointAt(start), end: this.pointAt(end), ...(continuation && { continuation }) });
  }

  private lineEnd(from: number): number {
    const end = this.text.indexOf('\n', from);
    return end === -1 ? this.text.length : end;
  }

  /** A newline ends the command, unless (as meant) the next line holds more parameters: then a continuation is missing. */
  private readNewline(): void {
    const newline = this.pos;
    this.pos++;
    const lineStart = this.text.lastIndexOf('\n', newline - 1) + 1;
    const line = this.text.slice(lineStart, newline);
    const nextLine = this.text.slice(this.pos, this.lineEnd(this.pos));
    const lost = lostContinuation(line, nextLine, startsWindowsAwsCommand, this.inValueList);
    this.inValueList = lost.inValueList;
    if (lost.continues) {
      const lastVisible = line.trimEnd().length;
      const { dialect } = this;
      this.report(
        'missing-continuation',
        `This line does not end in ${CONTINUATION_NAME[dialect]}, so ${SHELL_NAME[dialect]} runs the command without the parameters on the next line; add \` ${CONTINUATION[dialect]}\` at the end of the line.`,
        lineStart + Math.max(0, lastVisible - 1),
        lineStart + lastVisible,
        CONTINUATION[dialect],
      );
      this.collecting = false;
      if (this.reading === 'intended') this.collecting = true;
      return;
    }
    this.ended = true;
  }

  /**
   * A line-end continuation at `pos`: this shell's own (no finding), its own followed by blanks (which it escapes:
   * the command ends), bash's `\` or the other Windows shell's. The author meant each to continue the command.
   */
  private readContinuation(): boolean {
    const { text, dialect } = this;
    const match = /^([`^\\])([ \t]*)(?=\n)/.exec(text.slice(this.pos, this.lineEnd(this.pos) + 1));
    if (match === null) return false;
    const [, marker, blanks] = match as unknown as [string, string, string];
    const start = this.pos;
    const standsAlone = start === 0 || /[ \t\n]/.test(text[start - 1]!);
    const own = marker === CONTINUATION[dialect];
    if (!own && !standsAlone) return false;
    const shell = SHELL_NAME[dialect];
    if (own && blanks === '') {
      this.pos += 2;
      return true;
    }
    if (own) {
      this.report(
        'space-after-continuation',
        `Spaces after the ${marker === '`' ? 'backtick' : '`^`'} at the end of this line make ${shell} read an escaped space and end the command here; remove them.`,
        start,
        start + match[0].length,
      );
    } else if (marker === '\\') {
      this.report(
        'bash-continuation',
        `A \`\\\` at the end of a line continues a bash command, not a ${shell} one: ${shell} passes the \`\\\` as an argument and runs the next line as a separate command; end the line with ${CONTINUATION_NAME[dialect]} instead.`,
        start,
        start + 1,
        CONTINUATION[dialect],
      );
    } else {
      this.report(
        marker === '^' ? 'windows-continuation' : 'powershell-continuation',
        `${marker === '^' ? 'A `^` at the end of a line continues a cmd command' : 'A backtick at the end of a line continues a PowerShell command'}; ${shell} reads it as an argument and runs the next line as a separate command; end the line with ${CONTINUATION_NAME[dialect]} instead.`,
        start,
        start + 1,
        CONTINUATION[dialect],
      );
    }
    if (this.reading === 'shell' && !own) this.pushWord(start, start + 1, { value: marker, unknown: [] });
    if (this.reading === 'shell') this.collecting = false;
    this.pos = start + match[0].length + 1;
    return true;
  }

  /**
   * An unquoted `<placeholder>`: PowerShell reserves `<` and refuses the command; cmd reads redirections, like bash.
   */
  private readPlaceholder(placeholder: string): void {
    const { text } = this;
    const start = this.pos;
    const end = start + placeholder.length;
    if (this.dialect === 'powershell') {
      this.placeholders.push({ placeholder, start, end });
    } else {
      // The file name comes after blanks, and after a `^` that continues the line.
      const target = /^(?:[ \t]|\^\n)*/.exec(text.slice(end))![0].length + end;
      const targetName = /^[^ \t\n|&<>^]+/.exec(text.slice(target))?.[0];
      this.placeholders.push({ placeholder, start, end, ...(targetName !== undefined && { targetName }) });
    }
    if (this.reading === 'shell') this.collecting = false;
    this.readWord();
  }

  private readOperator(): void {
    const start = this.pos;
    const op = /^(?:\|\||&&|[|;&])/.exec(this.text.slice(start, start + 2))![0];
    if (op === '|') this.report('pipe', `A \`|\` pipes the output into another command, which the harness does not run.`, start, start + 1);
    else {
      // `aws sts get-caller-identity ; aws s3 ls`: the next `aws` command is read and checked on its own (from the
      // next statement, when other statements come first: `[IO.File]::WriteAllText(...); aws ...`).
      const next = this.text.slice(start + op.length, this.lineEnd(start));
      if (this.nextAwsCommand === undefined && (WINDOWS_COMMAND_START.test(next) || WINDOWS_CHAINED_AWS.test(next))) this.nextAwsCommand = start + op.length;
    }
    this.ended = true;
  }

  private readRedirection(): void {
    const start = this.pos;
    const op = /^[0-9]*(?:>>|>&[0-9]|>|<)/.exec(this.text.slice(start, start + 4))?.[0] ?? this.text[start]!;
    this.pos += op.length;
    while (BLANK.test(this.text[this.pos] ?? '')) this.pos++;
    const target = /^[^ \t\n|;&<>]*/.exec(this.text.slice(this.pos))![0];
    this.pos += target.length;
    this.report('redirection', `\`${this.text.slice(start, this.pos).trim()}\` is a redirection: the harness does not read or write files for it.`, start, this.pos);
  }

  private pushWord(start: number, end: number, piece: Piece): void {
    if (!this.collecting) return;
    const unknown =
      this.reading !== 'intended'
        ? []
        : this.unclosed
          ? [{ start: 0, end: piece.value.length, kind: 'unreliable' as const }]
          : ELIDED_VALUE.test(piece.value)
            ? [{ start: 0, end: piece.value.length, kind: 'placeholder' as const }]
            : withPlaceholders(piece.value, piece.unknown);
    this.words.push({ value: piece.value, raw: this.text.slice(start, end), start: this.pointAt(start), end: this.pointAt(end), ...(unknown.length > 0 && { unknown }) });
  }

  private readWord(): void {
    const { text, dialect } = this;
    const start = this.pos;
    const piece: Piece = { value: '', unknown: [] };
    const add = (value: string, unknown: UnknownSpan[] = []) => {
      for (const span of unknown) piece.unknown.push({ ...span, start: span.start + piece.value.length, end: span.end + piece.value.length });
      piece.value += value;
    };
    this.unclosed = false;
    let quoted = false; // cmd: inside "..."
    while (this.pos < text.length) {
      const c = text[this.pos]!;
      if (!quoted && /^[`^\\][ \t]*\n/.test(text.slice(this.pos, this.lineEnd(this.pos) + 1)) && (c === CONTINUATION[dialect] || BLANK.test(text[this.pos - 1] ?? ' '))) break;
      if (!quoted && c === this.closer) break;
      if (!quoted && WORD_END[dialect].test(c)) {
        const placeholder = c === '<' && (this.reading === 'intended' || this.pos === start) ? this.placeholderAt(this.pos) : undefined;
        if (placeholder === undefined) break;
        this.pos += placeholder.length;
        add(placeholder, [{ start: 0, end: placeholder.length, kind: 'placeholder' }]);
        continue;
      }
      if (dialect === 'powershell' && c === '(' && this.pos === start) {
        // `(Get-Date).AddHours(-1).ToString("o")`: an expression PowerShell evaluates into the argument.
        const expression = this.readExpression();
        add(expression, [{ start: 0, end: expression.length, kind: 'substitution' }]);
      } else if (dialect === 'powershell') {
        if (c === '"' && this.pos === start && BASH_ESCAPED_STRING.test(text.slice(this.pos, this.lineEnd(this.pos)))) {
          const { value, ends } = this.readBashEscaped(start);
          add(value);
          if (ends) break;
        } else if (c === "'" || c === '"') {
          const quoteStart = this.pos;
          const inner = c === "'" ? { value: this.readQuoted("'").value, unknown: [] } : this.readQuoted('"');
          add(this.withLegacyQuotes(inner.value, quoteStart), inner.unknown);
          if (quoteStart === start && this.splitsAfterQuote(start)) break;
        } else if (c === '`') {
          add(text[this.pos + 1] ?? '');
          this.pos += 2;
        } else if (c === '$') {
          const variable = this.readVariable();
          add(variable.value, variable.unknown);
        } else {
          add(c);
          this.pos++;
        }
      } else if (c === '"' && quoted && text[this.pos + 1] === '"') {
        // `""` inside quotes is a literal quote to the C runtime's argument parser.
        add('"');
        this.pos += 2;
      } else if (c === '"') {
        quoted = !quoted;
        this.pos++;
      } else if (c === '\\' && text[this.pos + 1] === '"') {
        add('"');
        this.pos += 2;
      } else if (c === '^' && !quoted) {
        add(text[this.pos + 1] ?? '');
        this.pos += 2;
      } else if (c === '%') {
        const variable = this.readVariable();
        add(variable.value, variable.unknown);
      } else if (c === '\n') {
        break;
      } else {
        add(c);
        this.pos++;
      }
    }
    if (quoted) {
      this.unterminated(text.slice(start, this.pos).lastIndexOf('"') + start);
      piece.value = text.slice(start, this.pos).replaceAll('"', '');
    }
    this.pos = Math.min(this.pos, text.length);
    if (this.pos > start) this.pushWord(start, this.pos, piece);
    else this.pos++;
  }

  /**
   * `"{\"Version\": \"2012-10-17\"}"`: bash's `\"` inside a double-quoted PowerShell argument, which PowerShell does not
   * know: its string ends at the first `\"`, and the rest goes to the CLI as other arguments. Said once as an error;
   * the author's reading takes the value bash would, `{"Version": "2012-10-17"}`. The shell's reading ends the word
   * where PowerShell does.
   */
  private readBashEscaped(start: number): { value: string; ends: boolean } {
    if (this.reading === 'shell') {
      const end = this.pos + 1 + /^(?:[^"`]|`.)*/.exec(this.text.slice(this.pos + 1))![0].length;
      const rest = /^[^ \t\n]*/.exec(this.text.slice(end + 1))![0];
      this.report(
        'powershell-split-argument',
        `PowerShell does not read \`\\"\` as a quote inside a double-quoted string: the string ends at \`${this.text.slice(start, end + 1)}\`, and the CLI gets \`${rest.length > 40 ? `${rest.slice(0, 40)}...` : rest}\` as other arguments; write the value in single quotes: \`'{"Key": ...}'\` for PowerShell 7.3 and later, \`'{\\"Key\\": ...}'\` for Windows PowerShell 5.1.`,
        start,
        end + 1 + rest.length,
      );
      const value = this.text.slice(this.pos + 1, end);
      this.pos = end + 1;
      return { value, ends: true };
    }
    let value = '';
    this.pos++;
    while (this.pos < this.text.length && this.text[this.pos] !== '"') {
      const c = this.text[this.pos]!;
      if (c === '\\' && (this.text[this.pos + 1] === '"' || this.text[this.pos + 1] === '\\')) {
        value += this.text[this.pos + 1];
        this.pos += 2;
      } else {
        value += c;
        this.pos++;
      }
    }
    this.pos++;
    return { value, ends: false };
  }

  /**
   * `'{"Id": "'$OrderId'"}'`: PowerShell ends an argument that starts with a quoted string where that string closes, and
   * passes what follows as another argument (bash would join them). The shell's reading ends the word there, said once
   * as an error (the CLI gets a broken value and stray words); the author's joins them, as meant. A `,` after it makes
   * an array literal, which PowerShell hands a native command with its commas, as meant.
   */
  private splitsAfterQuote(start: number): boolean {
    const next = this.text[this.pos];
    if (next === undefined || next === ',' || next === this.closer || WORD_END.powershell.test(next) || /^`[ \t]*\n/.test(this.text.slice(this.pos, this.pos + 3))) return false;
    if (this.reading !== 'shell') return false;
    const rest = /^[^ \t\n]*/.exec(this.text.slice(this.pos))![0];
    this.report(
      'powershell-split-argument',
      `PowerShell ends an argument that starts with a quoted string where that string closes, so the CLI gets \`${rest}\` as another argument and the value cut short; write the value as one string (a double-quoted one expands variables inside it).`,
      start,
      this.pos + rest.length,
    );
    return true;
  }

  /**
   * `'[{\"Key\":\"team\"}]'`: Windows PowerShell 5.1 (and PowerShell up to 7.2) puts a value's quotes on the CLI's
   * command line unescaped, so authors write `\"` for the `"` the CLI should get; PowerShell 7.3 and later pass the
   * backslashes too. As meant, the CLI gets `"`; what the newer PowerShell does is said once, as a warning. A value
   * that also holds bare `"` is written for PowerShell 7.3 and later, where `\"` is JSON's own escape in a string.
   */
  private withLegacyQuotes(value: string, quoteStart: number): string {
    if (!value.includes('\\"') || BARE_DOUBLE_QUOTE.test(value)) return value;
    if (this.reading !== 'intended') {
      this.report(
        'powershell-escaped-quote',
        'Windows PowerShell 5.1 passes `\\"` to the CLI as `"`, but PowerShell 7.3 and later pass the backslashes too and the CLI gets a broken value: say which PowerShell the example is for, or pass the value in a file (`file://`).',
        quoteStart,
        this.pos,
      );
      return value;
    }
    return value.replaceAll('\\"', '"');
  }

  /** A quote at `pos` that is never closed: reported; as meant, the value ends before the next option or at the line end. */
  private unterminated(quote: number): void {
    this.report('unbalanced-quote', `This ${this.text[quote] === "'" ? 'single' : 'double'} quote is never closed: ${SHELL_NAME[this.dialect]} would wait for more input instead of running the command.`, quote, this.text.length);
    const lineEnd = this.lineEnd(quote);
    const nextOption = /[ \t]--[A-Za-z]/.exec(this.text.slice(quote, lineEnd));
    this.pos = this.reading === 'intended' ? (nextOption === null ? lineEnd : quote + nextOption.index) : this.text.length;
    if (this.reading === 'shell') this.ended = true;
    this.unclosed = true;
  }

  /** PowerShell `'...'` (a doubled quote is one) or `"..."` (also backtick escapes and `$` expansions). */
  private readQuoted(quote: "'" | '"'): Piece {
    const { text } = this;
    const open = this.pos;
    this.pos++;
    const piece: Piece = { value: '', unknown: [] };
    while (this.pos < text.length) {
      const c = text[this.pos]!;
      if (c === quote) {
        if (text[this.pos + 1] === quote) {
          piece.value += quote;
          this.pos += 2;
          continue;
        }
        this.pos++;
        return piece;
      }
      if (quote === '"' && c === '`' && this.pos + 1 < text.length) {
        const next = text[this.pos + 1]!;
        piece.value += next === '\n' ? '' : (BACKTICK_ESCAPES[next] ?? next);
        this.pos += 2;
      } else if (quote === '"' && c === '$') {
        const variable = this.readVariable();
        for (const span of variable.unknown) piece.unknown.push({ ...span, start: span.start + piece.value.length, end: span.end + piece.value.length });
        piece.value += variable.value;
      } else {
        piece.value += c;
        this.pos++;
      }
    }
    this.unterminated(open);
    return { value: text.slice(open + 1, this.pos), unknown: [] };
  }

  /** A parenthesised expression and the member accesses after it (`(Get-Date).AddHours(-1)`), as written. */
  private readExpression(): string {
    const { text } = this;
    const start = this.pos;
    let depth = 0;
    let quote: string | undefined;
    for (; this.pos < text.length; this.pos++) {
      const c = text[this.pos]!;
      if (quote) {
        if (c === quote) quote = undefined;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '(' || c === '[') depth++;
      else if (c === ')' || c === ']') depth--;
      else if (depth === 0 && c !== '.' && !/[\w-]/.test(c)) break;
      if (c === '\n') break;
    }
    return text.slice(start, this.pos);
  }

  /** `$name`, `${name}`, `$env:NAME`, `$(...)` (PowerShell) or `%NAME%` (cmd): a known value, or unknown content. */
  private readVariable(): Piece {
    const { text } = this;
    const start = this.pos;
    const match =
      this.dialect === 'cmd'
        ? /^%([A-Za-z_][A-Za-z0-9_]*)%/.exec(text.slice(start))
        : /^\$(?:\{([^}\n]*)\}|((?:env:)?[A-Za-z_][A-Za-z0-9_]*))/.exec(text.slice(start));
    if (match === null) {
      if (this.dialect === 'powershell' && text[start + 1] === '(') {
        let depth = 0;
        for (let i = start + 1; i < text.length; i++) {
          if (text[i] === '(') depth++;
          else if (text[i] === ')' && --depth === 0) {
            this.pos = i + 1;
            return { value: text.slice(start, this.pos), unknown: [{ start: 0, end: this.pos - start, kind: 'substitution' }] };
          }
        }
      }
      this.pos++;
      return { value: text[start]!, unknown: [] };
    }
    this.pos = start + match[0].length;
    const name = match[1] ?? match[2]!;
    const qualified = this.dialect === 'powershell' && match[2] !== undefined ? /^:[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(this.pos)) : null;
    if (qualified !== null && !POWERSHELL_SCOPES.has(name.toLowerCase())) {
      // `"arn:aws:iam::$acct:policy/x"`: PowerShell takes `acct:` for a drive and reads the variable `policy` there.
      this.report(
        'powershell-drive-variable',
        `PowerShell reads \`${match[0]}${qualified[0]}\` as the variable \`${qualified[0].slice(1)}\` on a drive named \`${name}\`, not \`${match[0]}\` followed by \`${qualified[0]}\`: write \`\${${name}}${qualified[0]}\`.`,
        start,
        this.pos + qualified[0].length,
      );
    }
    const known = this.reading === 'intended' ? this.variables?.get(name) : undefined;
    if (known !== undefined) return { value: known, unknown: [] };
    return { value: match[0], unknown: [{ start: 0, end: match[0].length, kind: 'variable' }] };
  }
}

/** What PowerShell reads before a `:` in `$scope:name`: scopes and the drives of its own providers. */
const POWERSHELL_SCOPES: ReadonlySet<string> = new Set(['env', 'global', 'local', 'script', 'private', 'using', 'variable', 'function', 'alias', 'workflow']);

/** PowerShell's escape sequences inside double quotes. */
const BACKTICK_ESCAPES: Record<string, string> = { '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/**
 * A line that starts an `aws` command: after a prompt, PowerShell's call operator `&` or an assignment (`$TOKEN = aws ...`),
 * and inside PowerShell's grouping or subexpression (`(aws ... | ConvertFrom-Json).Events`, `$ids = $(aws ...)`) or the
 * command line it hands to cmd (`cmd /c "aws ecr get-login-password ... | docker login ..."`, after PowerShell has
 * expanded its variables); also after assignments of plain values on the same line (`$ROLE = "<role-name>" ; aws iam ...`).
 */
const WINDOWS_COMMAND_START = new RegExp(
  String.raw`^[ \t]*(?:${PROMPT_SOURCE})?(?:\$[A-Za-z_][A-Za-z0-9_:]*[ \t]*=[ \t]*(?:"[^"\n]*"|'[^'\n]*'|[^ \t;\n"'$(]+)[ \t]*;[ \t]*)*(?:\$[A-Za-z_][A-Za-z0-9_:]*[ \t]*=[ \t]*|&[ \t]+|set[ \t]+"?[A-Za-z_][A-Za-z0-9_]*=)?(?:${DOCKER_EXEC_SOURCE})?(?<group>(?:\$?\(|\{|cmd(?:\.exe)?[ \t]+\/[cCkK][ \t]+")[ \t]*)?(?:aws|awslocal)(?=[ \t]|$)`,
);

/**
 * An `aws` command inside a PowerShell subexpression, grouping or script block anywhere in a line
 * (`--target-group-arn $(aws ...)`, `ForEach-Object { aws ... $_ }`): it runs too. A service name must follow, so a
 * hashtable's `@{ aws = 1 }` is none.
 */
export const POWERSHELL_INNER_AWS = /(?:\$?\(|\{)[ \t]*(?:aws|awslocal)(?=[ \t]+[a-z][a-z0-9-]*(?:[ \t]|$))/g;

/** An `aws` command after other statements on a PowerShell or cmd line (`[IO.File]::WriteAllText(...); $URL = aws ...`). */
export const WINDOWS_CHAINED_AWS = /(?:;|&&|\|\|)[ \t]*(?:\$[A-Za-z_][A-Za-z0-9_:]*[ \t]*=[ \t]*)?(?:aws|awslocal)[ \t]+[a-z]/;

export function startsWindowsAwsCommand(text: string): boolean {
  return WINDOWS_COMMAND_START.test(text) || startsAwsCommand(text);
}

/** Where the command's words start: its `aws` word, or after the prompt. */
function windowsCommandStart(text: string): { start: number; promptLength: number; closer?: WindowsCloser } {
  const { promptLength } = commandStart(text, false);
  const match = WINDOWS_COMMAND_START.exec(text);
  return {
    start: match === null ? promptLength : match[0].length - (match[0].endsWith('awslocal') ? 8 : 3),
    promptLength,
    ...(match?.groups?.['group'] !== undefined && { closer: match.groups['group'].includes('{') ? '}' : match.groups['group'].includes('"') ? '"' : ')' }),
  };
}

/** Reads a command as PowerShell or cmd would, and as its author meant it (continuations of another shell joined in). */
export function readWindowsCommand(lines: SourceLine[], dialect: WindowsDialect, variables?: ReadonlyMap<string, string>): ShellCommand {
  const commandLines = withoutContinuationPrompts(lines);
  const text = commandLines.map((line) => line.text).join('\n');
  const pointAt = pointMapper(commandLines);
  const { start, promptLength, closer } = windowsCommandStart(text);
  const asShell = new WindowsReader(text, pointAt, dialect, 'shell', start, variables, closer).read();
  const intended = new WindowsReader(text, pointAt, dialect, 'intended', start, variables, closer).read();
  const command = shellCommandOf(commandLines, text, pointAt, promptLength, asShell, intended.words);
  if (asShell.nextAwsCommand !== undefined) command.rest = linesFrom(commandLines, asShell.nextAwsCommand);
  return command;
}

/** PowerShell's prompt (`PS C:\>`), cmd's (`C:\>`), and the `>> ` PowerShell shows on the lines that continue a command. */
const POWERSHELL_PROMPT = /^[ \t]*PS(?:[ \t]+[A-Za-z]:\\[^>\n]*)?>/;
const CMD_PROMPT = /^[ \t]*[A-Za-z]:\\[^>\n]*>/;
const CONTINUATION_PROMPT = /^>>(?:[ \t]|$)[ \t]*/;
const isWindowsPrompt = (text: string) => POWERSHELL_PROMPT.test(text) || CMD_PROMPT.test(text);

/** A transcript's lines without the `>> ` prompts PowerShell shows before each continued line: they are not typed. */
function withoutContinuationPrompts(lines: SourceLine[]): SourceLine[] {
  if (!POWERSHELL_PROMPT.test(lines[0]?.text ?? '')) return lines;
  return lines.map((line, index) => {
    const prompt = index > 0 ? CONTINUATION_PROMPT.exec(line.text) : null;
    if (!prompt) return line;
    const length = prompt[0].length;
    return { ...line, text: line.text.slice(length), column: line.column + length, offset: line.offset + length };
  });
}

/**
 * The shell an untagged block's line continuations are written for: lines ending in ` ^` are cmd's, in a backtick
 * PowerShell's, when no line ends in bash's `\`.
 */
export function dialectOfContinuations(lines: readonly SourceLine[]): WindowsDialect | undefined {
  let cmd = false;
  let powershell = false;
  for (const { text } of lines) {
    if (/[ \t]\\[ \t]*$/.test(text)) return undefined;
    if (/[ \t]\^[ \t]*$/.test(text)) cmd = true;
    else if (/[ \t]`[ \t]*$/.test(text)) powershell = true;
  }
  return cmd === powershell ? undefined : cmd ? 'cmd' : 'powershell';
}

/** The shell a block's first prompt shows: `PS C:\>` is PowerShell's, `C:\>` cmd's (comment lines above it aside). */
export function dialectOfPrompt(lines: readonly SourceLine[]): WindowsDialect | undefined {
  const first = lines.find((line) => line.text.trim() !== '' && !COMMENT_ABOVE_PROMPT.test(line.text))?.text ?? '';
  if (POWERSHELL_PROMPT.test(first)) return 'powershell';
  return CMD_PROMPT.test(first) ? 'cmd' : undefined;
}

/** `// Read from a file in C:\temp`, `# list them`, `REM ...`, `:: ...`: a note above a transcript's first prompt. */
const COMMENT_ABOVE_PROMPT = /^[ \t]*(?:\/\/|#|REM\b|::)/i;

/** The line ends in a continuation the author meant (this shell's, bash's or the other Windows shell's). */
const LINE_CONTINUES = /(?:^|[ \t])[`^\\][ \t]*$|[`^]$/;

/** Whether PowerShell text ends inside a quoted string, which goes on over the next lines (`'{` ... `}'`). */
function endsInsideQuotes(text: string): boolean {
  let quote: string | undefined;
  for (let index = 0; index < text.length; index++) {
    const c = text[index]!;
    if (quote === "'") {
      if (c === "'" && text[index + 1] === "'") index++;
      else if (c === "'") quote = undefined;
    } else if (quote === '"') {
      if (c === '`') index++;
      else if (c === '"') quote = undefined;
    } else if (c === '`') index++;
    else if (c === "'" || c === '"') quote = c;
    else if (c === '#' && (index === 0 || /\s/.test(text[index - 1]!))) {
      const end = text.indexOf('\n', index);
      index = end === -1 ? text.length : end;
    }
  }
  return quote !== undefined;
}

/** A line of more parameters: `--name value`, or PowerShell's `-Name value`. */
const PARAMETERS = /^[ \t]*-{1,2}[A-Za-z]/;

/**
 * Splits a PowerShell or cmd block into commands, as splitBlock does for bash: a command goes on while its lines end in
 * a continuation (of any shell: the author meant one), inside a PowerShell string, or the next holds more parameters;
 * JSON right after it is its output, and after a prompted command (`PS C:\> aws --version`) whatever it printed.
 */
export function splitWindowsBlock(lines: SourceLine[], dialect: WindowsDialect): LineGroup[] {
  const groups: LineGroup[] = [];
  let current: LineGroup | undefined;
  /** Inside a PowerShell here-string (`@'` ... `'@`): text a command writes, never a command's output. */
  let hereStringEnd: string | undefined;
  /** Groups whose lines go on with what a comment introduces (`# rules.json:` then JSON): no output follows in them. */
  const shownFile = new Set<LineGroup>();
  for (const line of lines) {
    if (hereStringEnd !== undefined) {
      current?.lines.push(line);
      if (line.text.startsWith(hereStringEnd)) hereStringEnd = undefined;
      continue;
    }
    const starts = startsWindowsAwsCommand(line.text);
    if (current?.output) {
      if (!starts && !endsJsonOutput(current.output, line)) {
        current.output.push(line);
        continue;
      }
    } else if (current !== undefined && !starts) {
      const opener = /@(['"])[ \t]*$/.exec(line.text);
      if (opener) {
        hereStringEnd = `${opener[1]}@`;
        current.lines.push(line);
        continue;
      }
      const last = current.lines.at(-1)!.text;
      const first = current.lines[0]!.text;
      const ended = !LINE_CONTINUES.test(last) && !OPTION_AT_LINE_END.test(last) && !(dialect === 'powershell' && endsInsideQuotes(current.lines.map((each) => each.text).join('\n')));
      // JSON after a comment (`# rules.json:`) is what the comment introduces, a file the command reads; after an
      // output label (`# Output:`) it is what the command printed.
      const lastShown = current.lines.findLast((each) => each.text.trim() !== '')!.text;
      if (ended && JSON_START.test(line.text) && /^[ \t]*(?:#|::|REM\b)/i.test(lastShown) && !OUTPUT_LABEL_COMMENT.test(lastShown)) shownFile.add(current);
      const printed = ended && !shownFile.has(current) && startsWindowsAwsCommand(first) && (JSON_START.test(line.text) || (isWindowsPrompt(first) && !PARAMETERS.test(line.text) && !line.text.startsWith('>>')));
      if (printed) current.output = [line];
      else current.lines.push(line);
      continue;
    }
    if (line.text.trim() !== '') {
      current = { lines: [line] };
      groups.push(current);
    }
  }
  return trimmedGroups(groups);
}

const POWERSHELL_ASSIGNMENT = new RegExp(String.raw`^[ \t]*(?:${PROMPT_SOURCE})?\$((?:env:)?[A-Za-z_][A-Za-z0-9_]*)[ \t]*=[ \t]*(.*)$`);
const CMD_ASSIGNMENT = new RegExp(String.raw`^[ \t]*(?:${PROMPT_SOURCE})?set[ \t]+"?([A-Za-z_][A-Za-z0-9_]*)=(.*?)"?[ \t]*$`, 'i');

/** Records `$NAME = "value"` / `$env:NAME = ...` (PowerShell) and `set NAME=value` (cmd); unknown content forgets the name. */
/** bash's assignment at a line's start (`export X=...`, `X="$(aws ...)"`), which PowerShell cannot run. */
const BASH_ASSIGNMENT_LINE = /^[ \t]*(export[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)=/;

/**
 * bash's assignments in a PowerShell block, said once at the first: PowerShell takes `export` and `X=...` for commands
 * it cannot find, so the variables the block's commands use stay unset. (A `Key="v"` line inside a hash table's
 * braces is PowerShell's own; one a continuation carries on is a command's word.)
 */
export function bashAssignmentsIn(lines: readonly SourceLine[]): ShellIssue | undefined {
  const found: { line: SourceLine; match: RegExpExecArray }[] = [];
  let braces = 0;
  let continued = false;
  for (const line of lines) {
    // A line a continuation carries on holds more of a command's words (`VpcId=vpc-1 \``), no statement.
    const match = braces > 0 || continued ? null : BASH_ASSIGNMENT_LINE.exec(line.text);
    if (match !== null) found.push({ line, match });
    for (const char of line.text) braces += char === '{' ? 1 : char === '}' ? -1 : 0;
    continued = LINE_CONTINUES.test(line.text);
  }
  const [first, ...others] = found;
  if (first === undefined) return undefined;
  const { line, match } = first;
  const name = match[2]!;
  const start = line.text.length - line.text.trimStart().length;
  const shown = line.text.trim().length > 40 ? `${match[0].trimStart()}...` : line.text.trim();
  const what = match[1] === undefined ? `bash's assignment: PowerShell looks for a command named \`${name}=...\` and fails` : 'bash: PowerShell has no `export` command';
  const fix = match[1] === undefined ? `$${name} = ...` : `$env:${name} = ...`;
  const more = sameOnLines(others.map((other) => other.line.line));
  return {
    kind: 'bash-assignment',
    message: `\`${shown}\` is ${what}, so \`${name}\` stays unset for the commands after it; write \`${fix}\` (or mark the block \`bash\`).${more}`,
    start: { line: line.line, column: line.column + start, offset: line.offset + start },
    end: { line: line.line, column: line.column + match[0].length, offset: line.offset + match[0].length },
  };
}

/** A value that is one quoted string (`"arn:aws:iam::$acct:role/x"`), whatever it holds: no expression. */
const STRING_LITERAL = /^[ \t]*(?:"[^"\n]*"|'[^'\n]*')[ \t]*$/;
/** A value PowerShell computes: a type's member (`[IO.Path]::...`), a grouping, a subexpression, a hash table or array, a cmdlet (`Verb-Noun`). */
const POWERSHELL_EXPRESSION = /^[ \t]*(?:\[|\(|[@$]\(|@\{|[A-Z][a-z]+-[A-Z])|::|\.[A-Za-z]+\(/;

export function recordWindowsAssignments(lines: SourceLine[], dialect: WindowsDialect, variables: Map<string, string>, refused?: Map<string, ShellIssue>): void {
  for (const line of lines) {
    const match = (dialect === 'powershell' ? POWERSHELL_ASSIGNMENT : CMD_ASSIGNMENT).exec(line.text);
    if (match === null) continue;
    const [, name, rest] = match as unknown as [string, string, string];
    refused?.delete(name);
    if (dialect === 'cmd') {
      if (/%[^%]*%|<[A-Za-z]/.test(rest)) variables.delete(name);
      else variables.set(name, rest);
      continue;
    }
    // `[DateTimeOffset]::UtcNow.AddDays(30)`, `(Get-Date).Year`, `Get-Random`: an expression or a command PowerShell
    // evaluates, whose value the document does not show.
    if (!STRING_LITERAL.test(rest) && POWERSHELL_EXPRESSION.test(rest)) {
      variables.delete(name);
      continue;
    }
    const restStart = line.text.length - rest.length;
    const valueLine: SourceLine = { text: rest, line: line.line, column: line.column + restStart, offset: line.offset + restStart };
    // `$arn = "arn:aws:iam::$acct:policy/x"`: what PowerShell makes of the value is said at the command that uses it.
    const pointAt = pointMapper([valueLine]);
    const drive = rest.includes(':') ? new WindowsReader(rest, pointAt, 'powershell', 'shell', 0, variables).read().issues.find((issue) => issue.kind === 'powershell-drive-variable') : undefined;
    if (drive && refused) refused.set(name, drive);
    const [word, ...more] = new WindowsReader(rest, pointAt, 'powershell', 'intended', 0, variables).read().words;
    if (word === undefined || more.length > 0 || word.unknown !== undefined) variables.delete(name);
    else variables.set(name, word.value);
  }
}
