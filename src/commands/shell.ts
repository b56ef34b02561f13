/**
 * Reads a displayed command the way bash would, without ever running it.
 * Hand-written: no shell-parsing library keeps source positions or reports where display and bash differ.
 */
import { JSON_MEMBER_LINE, parsesAsJson } from '../document/json-text.js';
import type { Point, SourceLine } from '../document/types.js';
import type { Closer, ShellCommand, ShellIssue, ShellIssueKind, UnknownSpan, Word } from './types.js';

const BLANK = /[ \t]/;
/** Characters that end an unquoted word (bash metacharacters). */
const METACHARACTER = /[ \t\n|&;<>()]/;
/** Characters with no meaning to bash's word reading, outside quotes. */
const PLAIN_RUN = /[^ \t\n|&;<>()\\'"$`]+/y;
/** A line the author meant as more parameters of the command above it. */
export const PARAMETER_LINE = /^[ \t]*--[A-Za-z0-9]/;
/**
 * A line ending in an option name: the next line holds its value. Switches take none: `--no-...`, the CLI's global
 * `--debug` and `--version`, `--dry-run`, and the s3 commands' `--recursive`, `--force`, `--quiet`, `--human-readable`, `--summarize`.
 * Nor does `--name=value`, which holds its own.
 */
/** A line that ends opening a bracket of a value (`Key=[`, `--tags {`) or after a `,`: the value goes on, on the next line. */
const VALUE_OPENED_AT_LINE_END = /(?:[=,[{ \t][[{]|,)[ \t]*$/;
export const OPTION_AT_LINE_END = /(?:^|[ \t])--(?!no-|(?:debug|version|dry-run|recursive|force|quiet|human-readable|summarize)[ \t]*$)[A-Za-z0-9][^ \t=]*[ \t]*$/;

/**
 * Whether the next line holds more of the command's parameters (a lost continuation): it starts with an option, or
 * the line ends in an option whose value it holds. Not a comment nor another command: the option was a flag
 * (`aws s3 sync . s3://b --delete`, then `# Invalidate the cache`). Nor after a command that asks for its help page
 * (`aws sso get-role-credentials help`): the option lines after it are the author's notes of what the page lists.
 */
export function continuesWithParameters(line: string, nextLine: string, startsCommand: (text: string) => boolean): boolean {
  if (HELP_AT_LINE_END.test(line)) return false;
  if (PARAMETER_LINE.test(nextLine)) return true;
  if (breaksValueAtComma(line, nextLine)) return true;
  return OPTION_AT_LINE_END.test(line) && nextLine.trim() !== '' && !COMMENT_LINE.test(nextLine) && !SHELL_KEYWORD_LINE.test(nextLine) && !startsCommand(nextLine) && !OTHER_PROGRAM_LINE.test(nextLine);
}

/**
 * A line that runs another program with its options, flush with the command (`terraform -chdir=infra state list`,
 * `kubectl --context x get pods`): the option that ended the line before was a switch (`logs tail --follow`).
 */
const OTHER_PROGRAM_LINE = /^[A-Za-z][\w.-]*[ \t]+-{1,2}[A-Za-z]/;

/** A line a compound command's keyword starts (`done`, `fi`, `else`, `}`): the option before it was a flag. */
const SHELL_KEYWORD_LINE = /^[ \t]*(?:done|fi|esac|else|elif|then|do|\}|\))(?:[ \t;&|)]|$)/;

/** `help` as the last word of a command, after a word that is no option (whose value it would be). */
const HELP_AT_LINE_END = /(?:^|[ \t])[^ \t-][^ \t]*[ \t]+help[ \t]*$/;

/** `--default-actions TargetGroupArn=arn...,` then `Type=forward ...`: a shorthand value broken after its comma. */
function breaksValueAtComma(line: string, nextLine: string): boolean {
  return /,[ \t]*$/.test(line) && /^[ \t]*[A-Za-z][\w.:-]*=/.test(nextLine);
}

/** A line of values (`ParameterKey=a,ParameterValue=b`, `'{"a": 1}'`, `"text"`), indented under its command. */
const VALUE_LINE = /^[ \t]+(?:[A-Za-z][\w.:-]*=|["'{[])/;

/**
 * Whether the command goes on in `nextLine` though `line` lost its continuation (continuesWithParameters), or,
 * after an option that ended a line (`--parameters`), with more of its value lines at the same indentation
 * (`ParameterKey=...`). `inValueList` says the line just read is such a value line; the result says it of `nextLine`.
 */
export function lostContinuation(line: string, nextLine: string, startsCommand: (text: string) => boolean, inValueList: boolean): { continues: boolean; inValueList: boolean } {
  const continues = continuesWithParameters(line, nextLine, startsCommand) || (inValueList && continuesValues(line, nextLine));
  return { continues, inValueList: continues && (inValueList || (OPTION_AT_LINE_END.test(line) && !PARAMETER_LINE.test(nextLine))) };
}

/** `line` and `nextLine` are value lines at the same indentation. */
function continuesValues(line: string, nextLine: string): boolean {
  const indent = /^[ \t]*/.exec(line)![0];
  return VALUE_LINE.test(line) && VALUE_LINE.test(nextLine) && nextLine.startsWith(indent) && !/^[ \t]/.test(nextLine.slice(indent.length));
}

/** A comment line in bash and PowerShell (`#`) or cmd (`REM`, `::`). */
const COMMENT_LINE = /^[ \t]*(?:#|::|REM\b)/i;
/** A bash comment line (not a `#!` line of a script the output shows). */
export const SHELL_COMMENT = /^[ \t]*#(?!!)/;

/** oh-my-zsh's prompt: `➜ `, `➜  project git:(main) ✗ `, sometimes with a `$ ` after it. */
const OH_MY_ZSH_PROMPT = String.raw`➜[ \t]+(?:(?!(?:aws|awslocal)[ \t])[^ \t$%#]+[ \t]+(?:git:\([^)\n]*\)[ \t]+)?(?:✗[ \t]+)?)?(?:[$%](?:[ \t]+|$))?`;
/**
 * Shell prompts a document shows before a command: bash `$ `, zsh `% `, with the user and host before them
 * (`ubuntu@host:~$ `, `me@laptop ~/repo (main *) $ `, `[ec2-user@ip-10-0-0-1 ~]$ `) or the folder alone (`~ $ `, `~/repo $ `),
 * a virtualenv's name before any of them (`(venv) [me@box work]$ `), a user's name alone before `$ aws` (`gabriel $ aws`),
 * Parrot OS's `└──╼ $` and Kali's `└─$`, PowerShell `PS> ` / `PS C:\> `, cmd `C:\> `
 * (also after a `$ `, as some write it), and `>`, `$>` or fish's `~>` right before `aws`, with a blank or without (no one
 * redirects into a file named `aws`).
 */
export const PROMPT_SOURCE = String.raw`(?:└─+╼?[ \t]*)?(?:(?:\([\w.-]+\)[ \t]+)?(?:[\w.-]+@[\w.-]+(?:[: ][^$#%\n]*)?[ \t]?|\[[\w.-]+@[\w.-]+[^\]\n]*\][ \t]?|~[\w./-]*[ \t]?|[\w.-]+[ \t]+(?=[$%][ \t]+(?:aws|awslocal)[ \t]))?[$%](?:[ \t]+(?:[A-Za-z]:\\[^>\n]*>[ \t]*)?|$)|PS(?:[ \t]+[A-Za-z]:\\[^>\n]*)?>[ \t]*|[A-Za-z]:\\[^>\n]*>[ \t]*|[$~]?>[ \t]*(?=(?:aws|awslocal)[ \t])|[!$](?=(?:aws|awslocal)[ \t])|${OH_MY_ZSH_PROMPT})`;
/** In a terminal transcript, `# ` is root's prompt (elsewhere it starts a comment). */
const TRANSCRIPT_PROMPT_SOURCE = String.raw`(?:${PROMPT_SOURCE}|#[ \t]+)`;
// A prompt may stand indented, as in a block whose lines are indented past the fence (`    ➜ $ aws ...`).
const PROMPT = new RegExp(`^[ \t]*${PROMPT_SOURCE}`);
const TRANSCRIPT_PROMPT = new RegExp(`^(?:[ \t]*${PROMPT_SOURCE}|${TRANSCRIPT_PROMPT_SOURCE})`);
const SECONDARY_PROMPT = /^>(?:[ \t]|$)/;
/** `NAME=value` before a command name: bash sets it in the command's environment, it is no argument. */
export const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
/** `docker exec [options] <container> ` (also `docker compose exec`), which runs the command that follows in the container. */
export const DOCKER_EXEC_SOURCE = String.raw`(?:docker(?:[ \t]+compose)?|docker-compose)[ \t]+exec(?:[ \t]+(?:-[^ \t]+|[A-Za-z_][A-Za-z0-9_]*=[^ \t]*))*[ \t]+[^ \t-][^ \t]*[ \t]+`;
/** Blanks between a wrapper and the command it runs, or a `\` continuation there. */
const GAP = String.raw`(?:[ \t]+|[ \t]*\\\n[ \t]*)`;
/**
 * What may stand before an `aws` command on its line: keywords and wrappers that run the command that follows
 * (`if`, `do`, `sudo`, `time`, `env X=y`, ...), `NAME=value` environment assignments, and the opening of a command
 * substitution (`TOKEN=$(`, `export X="$(`, a backtick) or of a subshell (`time (aws ...; aws ...)`, not `X=(` of an array).
 */
const COMMAND_PREFIX_SOURCE = String.raw`(?:(?:if|then|else|elif|do|while|until|!|\{|time|command|exec|nohup)[ \t]+|xargs(?:[ \t]+(?:-[IiLlnPdsEa][ \t]*[^ \t-][^ \t]*|-[A-Za-z0-9]+|--[a-z-]+(?:=[^ \t]*)?))*[ \t]+|sudo(?:[ \t]+-[A-Za-z]+)*[ \t]+|env(?:[ \t]+-[A-Za-z-]+(?:[ \t]+[A-Za-z_][A-Za-z0-9_]*(?=[ \t]))?)*${GAP}|${DOCKER_EXEC_SOURCE}|aws-vault[ \t]+exec(?:[ \t]+-[^ \t]+)*[ \t]+[^ \t-][^ \t]*(?:[ \t]+-[^ \t-][^ \t]*)*[ \t]+--${GAP}|watch(?:[ \t]+(?:-[A-Za-z]+(?:[ \t]+[0-9.]+)?|--[a-z-]+(?:=[^ \t]*)?))*[ \t]+|timeout(?:[ \t]+-[A-Za-z]+)*[ \t]+[0-9.]+[smhd]?[ \t]+|(?:for|while|until)[ \t][^;\n]*;[ \t]*do[ \t]+|[A-Za-z_][A-Za-z0-9_]*=(?:[^ \t$\`<>|;&]|\$(?!\()|\$\([^() \t]*\)|<[A-Za-z][\w.:-]*>)*${GAP})*`;
const SUBSTITUTION_OPENING_SOURCE = String.raw`(?:(?:(?:export|local|readonly|declare[ \t]+-[A-Za-z]+)[ \t]+)?[A-Za-z_][A-Za-z0-9_]*="?)?(?<opening>\$\(|\`|[<>]\(|(?<![^ \t;&|(!])\()[ \t]*(?:\\?\n[ \t]*)?`;
/** The AWS CLI, and LocalStack's `awslocal` wrapper around it. */
const LAUNCHER_SOURCE = String.raw`(?<launcher>aws|awslocal)(?=[ \t]|$)`;
// Inside a substitution, wrappers and assignments may come again: `creds=$(AWS_PROFILE= aws sts ...)`.
/** `$SUBNETS = aws ...`: PowerShell's assignment of a command's output, written in a bash block. */
const POWERSHELL_ASSIGNMENT_SOURCE = String.raw`(?<powershellAssignment>\$[A-Za-z_][A-Za-z0-9_]*[ \t]*=[ \t]*)?`;
const commandStartPattern = (prompt: string) =>
  new RegExp(String.raw`^[ \t]*(?:${prompt})?${POWERSHELL_ASSIGNMENT_SOURCE}(?<prefix>${COMMAND_PREFIX_SOURCE})(?:${SUBSTITUTION_OPENING_SOURCE}${COMMAND_PREFIX_SOURCE})?${LAUNCHER_SOURCE}`, 'd');
const AWS_COMMAND_START = commandStartPattern(PROMPT_SOURCE);
/**
 * What every command start has: a launcher word followed by a blank or the end. Most lines lack it (an ARN's `aws:` does
 * not count), and skip the long patterns.
 */
const NAMES_LAUNCHER = /aws(?:local)?(?:[ \t]|$)/;
const PLAIN_COMMAND_START = /^[ \t]*(aws|awslocal)(?=[ \t]|$)/;
const TRANSCRIPT_AWS_COMMAND_START = commandStartPattern(TRANSCRIPT_PROMPT_SOURCE);
/** A line that starts an `aws` command (after a prompt, wrappers, environment assignments, or a substitution's opening). */
export const AWS_LINE = AWS_COMMAND_START;
/** An `aws` command after `&&`, `||`, `|`, `;`, `then`, `do` or `else` on a line that another command starts (`[ -n "$X" ] && aws ...`, `terraform output | xargs -I {} aws ...`). */
export const AWS_CHAINED = new RegExp(String.raw`(?:&&|\|\|?|;|(?<![\w-])(?:then|do|else)(?![\w-]))[ \t]+${COMMAND_PREFIX_SOURCE}(?<launcher>aws|awslocal)(?=[ \t\n])`, 'g');
/** An `aws` command inside a command or process substitution anywhere in a line. */
export const AWS_SUBSTITUTION = new RegExp(String.raw`(?:\$\(|[<>]\(|\`)[ \t]*(?:\\?\n[ \t]*)?${COMMAND_PREFIX_SOURCE}(?:aws|awslocal)(?=[ \t\n)\`])`, 'g');
/**
 * A placeholder the reader replaces: `<user-pool-id>`, `<my name>` (no blank before the closing `>`, so `<in.json >out`
 * stays two redirections), `{{pool_id}}`, `%TOKEN%`.
 */
const ANGLE_PLACEHOLDER = /<<[\p{L}_](?:[\p{L}\p{N}_.:/@ -]*[\p{L}\p{N}_.])?>>|<["']?[\p{L}_](?:[\p{L}\p{N}_.:/@+ "'-]*[\p{L}\p{N}_."'])?>|<(?:\.{3}|…)>/uy;
/** Braces holding shorthand or JSON members (`{Key=a,Value=b}`, `{"k": 1}`): meant as written, never as bash's brace expansion. */
export const STRUCTURE_IN_BRACES = /\{[^{}]*[=:][^{}]*\}/;
/** Also `{token_secret}`: one name in single braces (Python's and many templates' format), never bash's brace expansion. */
const PLACEHOLDER_IN_VALUE = /<["']?[\p{L}_](?:[\p{L}\p{N}_.:/@+ "'-]*[\p{L}\p{N}_."'])?>|\{\{[^{}\n]*\}\}|(?<!\$)\{[A-Za-z_][A-Za-z0-9_-]*\}|%[A-Za-z_][A-Za-z0-9_]*%|%[A-Z][A-Z0-9_]*(?![\w%])|\[[A-Z][A-Z0-9_-]*\]|^\[[A-Za-z][A-Za-z_-]*\]$|\[(?=[^\]\n]*[-_ ]|[^\]\n]*[^\x00-\x7F])\p{L}[\p{L}\p{M}_ -]*\p{L}\]|\.{3,}|…/gu;
/**
 * Also `...` (`arn:...`, `{"subnets": [...], ...}`): what the author left out of a value; `%ACL` without its closing
 * `%`, `[VOLUME-TYPE]` in brackets (a name in capitals, which no list or glob the author means holds), a whole word
 * of letters in brackets (`aws [command]`, `--name [bucket-name]`), and words in brackets joined by `-`, `_` or blanks
 * or in another script (`us-east-1:[identity-id-here]`, `[ユーザープールID]`), which no shorthand list holds.
 */
const PLACEHOLDER_MARK = /[<{%…]|\.\.\.|\[\p{L}/u;
/**
 * Names AWS writes with a `$`: Lambda's `$LATEST` version, API Gateway's `$default` stage and `$connect`/`$disconnect`/`$default`
 * routes, Systems Manager's `$DEFAULT` and `$LATEST` document versions.
 */
const AWS_DOLLAR_NAMES: ReadonlySet<string> = new Set(['$LATEST', '$DEFAULT', '$default', '$connect', '$disconnect']);
const REDIRECTION = /^(?:<<<|<<-|<<|<>|<&|<|>>|>&|>\||>|&>>|&>)/;

/** The first character of a word that can start nothing else: no operator, quote, comment, redirection or closer. */
const PLAIN_WORD_START = /[A-Za-z0-9_-]/;

/** Arrows that open an author's note of a result after a command (`→ InvalidJobIdException`). */
const RESULT_ARROW: ReadonlySet<string> = new Set(['→', '⇒', '⟶']);

/** How a run reads the text: as bash does, or as the author meant it (missing continuations joined back in). */
type Reading = 'bash' | 'intended';

/** A word being built: its text, the runs of it that quoting protects from brace expansion, and what of it is unknown. */
interface WordBuffer {
  text: string;
  runs: { text: string; isProtected: boolean }[];
  unknown: UnknownSpan[];
  /** Its reading depends on a shell error reported elsewhere (an unclosed quote, an unquoted parenthesis). */
  unreliable: boolean;
  /** The author's reading: an unquoted `$NAME` whose known value holds blanks, which bash splits into several words. */
  split?: string;
}

/** A word character by character, for brace expansion (the few words with an unquoted `{`). */
interface CharBuffer {
  chars: string[];
  protectedChars: boolean[];
}

/** A piece of a word's value, with the stretches of it whose content the shell supplies. */
interface Piece {
  value: string;
  unknown: UnknownSpan[];
}

/** A single-quoted string whose lines end in `\`: bash keeps the backslashes (reported once per command). */
export interface SingleQuotedContinuation {
  /** The string's content as bash keeps it. */
  value: string;
  /** Where each line-end `\` stands. */
  backslashes: Point[];
}

interface ReadResult {
  words: Word[];
  issues: ShellIssue[];
  /** The text ends inside quotes, a substitution, or right after a line continuation. */
  open: boolean;
  /** Where an `aws` command chained after the first one (`&&`, `||`, `;`, `|`) starts in the text. */
  nextAwsCommand?: number;
  /** That command stands inside a subshell opened before it (`(cd infra && aws ...)`): its `)` ends the command. */
  nextInSubshell?: true;
  /** That command stands after the substitution this one stood in (`X=$(aws ...) && aws ...`), not inside it. */
  nextOutside?: true;
  /** Where bash met an unquoted `(` or `)` among the words (a syntax error): the author meant them as text. */
  parentheses: number[];
}

interface ReaderOptions {
  /** The command stands inside a command substitution (its `)` or backtick ends it) or a quoted script (its `'`). */
  closer?: Closer;
  /** Where that substitution opens. */
  openedAt?: number;
  /** The document's shell variables: in the author's reading `$NAME` stands for a known value. */
  variables?: ReadonlyMap<string, string>;
  /** From the bash reading: unquoted parentheses the author meant as text. */
  parentheses?: ReadonlySet<number>;
  /** Typed at a prompt (a transcript's `$ `): an interactive bash, which expands `!` history references. */
  interactive?: true;
}

class Reader {
  private pos = 0;
  private readonly issues: ShellIssue[] = [];
  private readonly words: Word[] = [];
  private inFirstCommand = true;
  /** The first command and the parameter lines that follow it without continuation. */
  private inParameterChain = true;
  /** The line just read is a value of an option that ended the line before it (the author's list of values goes on). */
  private inValueList = false;
  /** The current line ended in a Windows or PowerShell continuation (already reported). */
  private lineHasForeignContinuation = false;
  private readonly pendingHereDocs: { delimiter: string; stripTabs: boolean }[] = [];
  private open = false;
  /** Where the word last read ends (continuations and trailing escaped blanks excluded). */
  private wordEnd = 0;
  /** Set when an `aws` command follows the first one: the rest of the text is that command's to read and report. */
  private nextAwsCommand: number | undefined;
  /** Subshells opened (`(` where a command starts) and not yet closed. */
  private subshells = 0;
  private nextInSubshell = false;
  /** That command stands after the substitution this one stood in, outside it. */
  private nextOutside = false;
  /** bash refuses the whole text at a syntax error: nothing after it is worth reporting. */
  private syntaxError = false;
  /** The closer of the enclosing command substitution was reached. */
  private finished = false;
  /** Text before this offset was already reported as part of a placeholder. */
  private quietUntil = 0;
  /** The command's logical line (with its continuations and pipeline) has ended: later lines are other commands. */
  private commandLineEnded = false;
  /** The word being read depends on an unclosed quote (the author's reading). */
  private unclosed = false;
  /** The unquoted `$NAME` with blanks in its known value that the word being read holds (the author's reading). */
  private splitVariable: string | undefined;
  private readonly parentheses: number[] = [];
  private readonly singleQuotedContinuations: SingleQuotedContinuation[] = [];
  /** `${...}` that name no parameter (bash reading), as `[start, end)`. */
  private readonly badSubstitutions: [number, number][] = [];
  /** Unquoted placeholders met (bash reading): what bash does with each. */
  private readonly placeholders: { placeholder: string; start: number; end: number; targetName?: string; refusedAtLineEnd?: boolean }[] = [];
  /** Where the first `!word` history reference of an interactive command stands. */
  private historyReference: number | undefined;
  /** Line ends another shell continues with (`^`, a backtick): one habit, said once per command. */
  private readonly foreignContinuations: { kind: 'windows-continuation' | 'powershell-continuation'; start: number }[] = [];

  constructor(
    private readonly text: string,
    private readonly pointAt: (index: number) => Point,
    private readonly reading: Reading,
    start: number,
    private readonly options: ReaderOptions = {},
  ) {
    this.pos = start;
  }

  read(): ReadResult {
    const { text } = this;
    while (this.pos < text.length && !this.finished) {
      const c = text[this.pos]!;
      // Most of a command is plain words between single blanks: those first (no case below takes a letter, digit or `-`).
      if (c === ' ' || c === '\t') {
        this.pos++;
        continue;
      }
      if (PLAIN_WORD_START.test(c)) {
        this.readWord();
        continue;
      }
      if (c === this.options.closer) {
        this.finished = true;
        this.endFirstCommand();
        this.noteCommandAfterSubstitution();
      } else if (c === '\n') {
        this.readNewline();
      } else if (c === '\\' && text[this.pos + 1] === '\n') {
        this.pos += 2;
      } else if (c === '\\' && this.options.closer === '`' && text.startsWith('\\\n', this.pos + 1)) {
        // Inside backticks bash first turns `\\` into `\`: `\\` then a line break continues the command.
        this.pos += 3;
      } else if (c === '\\' && this.pos + 1 === text.length) {
        this.open = true;
        this.readWord();
      } else if (c === '#') {
        this.readComment();
      } else if (RESULT_ARROW.has(c) && BLANK.test(text[this.pos - 1] ?? '')) {
        // `aws sqs list-queues  → AccessDenied`: the author's note of what the call gave, no words of it.
        this.pos = this.lineEnd(this.pos);
      } else if (c === '^' && this.isLineEndMarker(this.pos)) {
        this.readForeignContinuation('windows-continuation');
      } else if (c === '`' && this.isLineEndMarker(this.pos)) {
        this.readForeignContinuation('powershell-continuation');
      } else if (c === '<' && this.pos >= this.quietUntil && placeholderAt(text, this.pos) !== undefined) {
        if (this.reading === 'bash') this.readPlaceholder(placeholderAt(text, this.pos)!);
        else this.readWord();
      } else if (this.reading === 'intended' && this.options.parentheses?.has(this.pos)) {
        this.readWord();
      } else if (isProcessSubstitution(text, this.pos)) {
        this.readWord();
      } else if (REDIRECTION.test(text.slice(this.pos, this.pos + 3))) {
        this.readRedirection(this.pos);
      } else if (/[|&;()]/.test(c)) {
        this.readOperator();
      } else {
        this.readWord();
      }
    }
    if (this.options.closer !== undefined && !this.finished && this.options.openedAt !== undefined) {
      // `X=$(aws ...` never closed: bash reads on to the end of the block and refuses it there.
      const opening = this.text[this.options.openedAt] === '(' || this.text[this.options.openedAt] === '`' ? 1 : 2;
      const what = this.options.closer === '`' ? 'backquote' : opening === 1 ? 'subshell' : this.text[this.options.openedAt] === '$' ? 'command substitution' : 'process substitution';
      this.report('unbalanced-quote', `This ${what} is never closed: bash would wait for more input instead of running the command.`, this.options.openedAt, this.options.openedAt + opening);
      this.open = true;
    }
    this.reportBadSubstitutions();
    this.reportPlaceholders();
    this.reportSingleQuotedContinuations();
    this.reportForeignContinuations();
    if (this.historyReference !== undefined) {
      const start = this.historyReference;
      const reference = /^![^\s"'`$|&;<>()]*/.exec(this.text.slice(start))![0];
      this.issues.push({
        kind: 'history-expansion',
        message: `Typed at an interactive bash prompt, \`${reference}\` is a history expansion: bash stops with "event not found" and runs nothing; put the value in single quotes.`,
        start: this.pointAt(start),
        end: this.pointAt(start + reference.length),
      });
    }
    this.issues.sort((a, b) => a.start.offset! - b.start.offset!);
    return {
      words: this.words,
      issues: this.issues,
      open: this.open,
      parentheses: this.parentheses,
      ...(this.nextAwsCommand === undefined ? {} : { nextAwsCommand: this.nextAwsCommand }),
      ...(this.nextInSubshell && { nextInSubshell: true as const }),
      ...(this.nextOutside && { nextOutside: true as const }),
    };
  }

  private isReportable(start: number): boolean {
    return this.reading === 'bash' && this.nextAwsCommand === undefined && !this.syntaxError && start >= this.quietUntil;
  }

  private report(kind: ShellIssueKind, message: string, start: number, end: number, details: Partial<ShellIssue> = {}): void {
    if (this.isReportable(start)) this.issues.push({ kind, message, start: this.pointAt(start), end: this.pointAt(end), ...details });
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

  private readForeignContinuation(kind: 'windows-continuation' | 'powershell-continuation'): void {
    const start = this.pos;
    if (this.isReportable(start)) this.foreignContinuations.push({ kind, start });
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

  /**
   * An unquoted `<placeholder>` (bash reading): bash sees an input redirection from a file and an output
   * redirection to whatever follows the `>`. Its redirections are not reported again; the placeholders of a command
   * are reported together, once (reportPlaceholders).
   */
  private readPlaceholder(placeholder: string): void {
    const { text } = this;
    const start = this.pos;
    const end = start + placeholder.length;
    // `<identifiant de l'AMI>`: bash opens a quoted string at the apostrophe, which runs past the placeholder and pairs
    // with the command's later quotes. What bash then reads is no longer the command as written: said once, here.
    const quote = ["'", '"'].find((mark) => placeholder.split(mark).length % 2 === 0);
    if (quote !== undefined) {
      if (this.isReportable(start) && !this.commandLineEnded) {
        const name = quote === "'" ? 'apostrophe' : 'double quote';
        this.report('unbalanced-quote', `bash reads the ${name} in the unquoted \`${placeholder}\` as the start of a quoted string that runs past the placeholder, so the rest of the command is not read as written; quote the placeholder or replace it with a value.`, start, end);
      }
      this.finished = true;
      return;
    }
    // `>>`, `>|` and `>&` are operators of their own, with the file name after them.
    const operatorEnd = /[>|&]/.test(text[end] ?? '') ? end + 1 : end;
    const target = this.afterBlanksAndContinuations(operatorEnd);
    // A `#` after blanks starts a comment, not a file name, and `2>&1` is a redirection of its own: bash then finds no
    // file name for the `>`.
    // A `\` that ends the line continues it: no part of the file name.
    const targetName = /^(?!#|[0-9]+[<>])[^ \t\n|&;<>()]+?(?=\\\n|[ \t\n|&;<>()]|$)/.exec(text.slice(target))?.[0];
    // Placeholders of the lines after the command's own (other commands of the block) are not this command's.
    if (this.isReportable(start) && !this.commandLineEnded) {
      this.placeholders.push({ placeholder, start, end, ...(targetName === undefined ? { refusedAtLineEnd: target >= text.length || text[target] === '\n' } : { targetName }) });
    }
    if (targetName === undefined) this.syntaxError = true;
    this.quietUntil = targetName === undefined ? end : target + targetName.length;
  }

  /** One finding for a command's unquoted placeholders: at the one that makes bash refuse the command, else at the first. */
  private reportPlaceholders(): void {
    const { placeholders } = this;
    const shown = placeholders.find((found) => found.targetName === undefined) ?? placeholders[0];
    if (shown === undefined) return;
    const { placeholder, start, end, targetName } = shown;
    const advice =
      placeholders.length === 1
        ? 'quote the placeholder or replace it with a value.'
        : `quote the placeholders (${placeholders.length} in this command) or replace them with values.`;
    const issue =
      targetName === undefined
        ? {
            kind: 'placeholder-syntax-error' as const,
            message: `bash refuses this command: it reads the unquoted \`${placeholder}\` as redirections, and the \`>\` has no file name${shown.refusedAtLineEnd ? ' before the end of the line' : ''}; ${advice}`,
          }
        : {
            kind: 'placeholder-redirection' as const,
            message: placeholder.startsWith('<<')
              ? `bash reads the unquoted \`${placeholder}\` as a here-document (the block's next lines, up to a line \`${placeholderName(placeholder)}\`, become the command's input) and appends the output to a file named \`${targetName}\`; ${advice}`
              : `bash reads the unquoted \`${placeholder}\` as redirections: input from a file named \`${placeholderName(placeholder)}\`, output to a file named \`${targetName}\`; ${advice}`,
          };
    this.issues.push({ ...issue, start: this.pointAt(start), end: this.pointAt(end) });
  }

  private endFirstCommand(): void {
    this.inFirstCommand = false;
  }

  /**
   * `NAME=$(aws ...) && aws s3 cp ...`: an `aws` command chained on the line after the substitution this command stood
   * in runs too, outside it.
   */
  private noteCommandAfterSubstitution(): void {
    if (this.reading !== 'bash' || this.nextAwsCommand !== undefined || this.options.closer !== ')') return;
    const rest = this.text.slice(this.pos + 1, this.lineEnd(this.pos + 1));
    if (!rest.includes('aws')) return;
    AWS_CHAINED.lastIndex = 0;
    const chained = AWS_CHAINED.exec(rest);
    if (chained === null) return;
    this.nextAwsCommand = this.pos + 1 + chained.index + chained[0].length - chained.groups!['launcher']!.length;
    this.nextOutside = true;
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
    const lost = lostContinuation(line, nextLine, startsAwsCommand, this.inValueList);
    this.inValueList = lost.inValueList;
    const continuesParameters = lost.continues;
    if (this.inParameterChain && continuesParameters) {
      // `\\` at the end of the line: a continuation typed with its backslash escaped (bash reads a `\` word).
      const escapedContinuation = DOUBLED_CONTINUATION.test(line);
      // ` /` (` ~`, ` §`) at the end of the line: typed for the backslash.
      const slashContinuation = !escapedContinuation && SLASH_CONTINUATION.test(line);
      const brokenValue = breaksValueAtComma(line, nextLine);
      if (this.reading === 'intended' || foreign) {
        // The author meant a continuation: the backslash (or slash) word is no argument.
        if (this.reading === 'intended' && escapedContinuation && this.words.at(-1)?.raw === '\\\\') this.words.pop();
        if (this.reading === 'intended' && slashContinuation && SLASH_CONTINUATION.test(` ${this.words.at(-1)?.raw ?? ''}`)) this.words.pop();
        // A value broken after its comma (`Arn=...,` then `Type=forward`): its reading depends on the lost continuation.
        const last = this.words.at(-1);
        if (this.reading === 'intended' && brokenValue && last !== undefined && last.raw.endsWith(',')) {
          last.unknown = [{ start: 0, end: last.value.length, kind: 'unreliable' }];
        }
        if (this.reading === 'bash') this.endFirstCommand();
        return;
      }
      const lastVisible = line.trimEnd().length;
      this.report(
        'missing-continuation',
        escapedContinuation
          ? 'This line ends in `\\\\`, which bash reads as a backslash word, not a line continuation: bash runs the command without the parameters on the next line; end the line in a single `\\`.'
          : slashContinuation
            ? `This line ends in \`${line.trimEnd().at(-1)}\`, not the \`\\\` that continues a command: bash reads \`${line.trimEnd().at(-1)}\` as an argument and runs the command without the parameters on the next line; end the line in \`\\\`.`
            : brokenValue
            ? 'This line breaks a value after its `,`: bash runs the command without the rest of the value and the parameters on the next line; join the two lines.'
            : 'This line does not end in `\\`, so bash runs the command without the parameters on the next line; add ` \\` at the end of the line.',
        lineStart + Math.max(0, lastVisible - (escapedContinuation ? 2 : 1)),
        lineStart + lastVisible,
        brokenValue ? { joinLines: true } : {},
      );
      this.endFirstCommand();
      return;
    }
    if ((this.inFirstCommand || this.inParameterChain) && nextLine.trim() !== '' && !foreign) {
      this.report('command-list', 'The next line is a separate shell command, which the harness does not run.', newline, newline + 1);
    }
    this.inParameterChain = false;
    this.endFirstCommand();
    this.commandLineEnded = true;
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
    if (this.inParameterChain && this.commentLineInsideCommand(end)) {
      // The author meant the lines after the comment to go on with the command; bash ends it at the comment.
      if (this.reading === 'intended') {
        this.pos = Math.min(end + 1, this.text.length);
        return;
      }
      this.report(
        'comment-in-continuation',
        "This comment line inside the command's continued lines ends the command: the `\\` before it joins it to the command and bash reads the rest of the line as a comment, so the lines after it run as commands of their own; move the comment off the command's lines.",
        this.pos,
        end,
      );
      this.inParameterChain = false;
      this.pos = end;
      return;
    }
    this.report('comment', 'A `#` starts a shell comment: bash ignores the rest of the line.', this.pos, end);
    this.pos = end;
  }

  /**
   * A comment on a line of its own that a `\` joins to the command, with more of the command's lines after it
   * (indented, or options): the author's note between its lines.
   */
  private commentLineInsideCommand(end: number): boolean {
    const lineStart = this.text.lastIndexOf('\n', this.pos - 1) + 1;
    if (!/^[ \t]*$/.test(this.text.slice(lineStart, this.pos)) || !/\\\n$/.test(this.text.slice(0, lineStart))) return false;
    const nextLine = this.text.slice(end + 1, this.lineEnd(end + 1));
    return end < this.text.length && nextLine.trim() !== '' && !startsAwsCommand(nextLine) && (/^[ \t]/.test(nextLine) || PARAMETER_LINE.test(nextLine));
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
    // Also after an earlier stage: `aws ... | xargs -n1 | xargs -I{} aws ...`.
    if (this.nextAwsCommand === undefined && /^(?:\|\||\||&&|;)$/.test(op) && AWS_LINE.test(this.text.slice(next, this.lineEnd(next)))) {
      // Another `aws` command: read and checked as a command of its own (readShellCommand's `rest`).
      this.nextAwsCommand = next;
      this.nextInSubshell = this.subshells > 0;
    } else if (op === '(' && this.atCommandPosition(start)) {
      // `(cd infra && aws ...)`: a subshell, whose `)` closes it.
      this.subshells++;
    } else if (op === ')' && this.subshells > 0) {
      this.subshells--;
    } else if ((op === '(' || op === ')') && this.commandLineEnded) {
      // On a later line of the block (`curl https://x (staging only)`): bash has run the aws command's line by then.
    } else if (op === '|' && this.bracedPlaceholderAround(start)) {
      const { open, placeholder } = this.bracedPlaceholderAround(start)!;
      this.report(
        'placeholder-pipe',
        `bash reads the \`|\` in \`${placeholder}\` as a pipe into a command named \`${this.text.slice(start + 1, open + placeholder.length).split(/[ \t]/)[0]}\`; write one of the choices in place of the placeholder.`,
        open,
        open + placeholder.length,
      );
    } else if (op === '|' || op === '|&') {
      const into = /^[^ \t\n|&;()<>]+/.exec(this.text.slice(next))?.[0];
      this.report('pipe', `A \`${op}\` pipes the output into another command, which the harness does not run.`, start, this.pos, into === undefined ? {} : { pipedInto: into });
    } else if (op === '(' || op === ')') {
      // `(both tasks)` at the end of the line: the author's note to the reader, which bash reads as code all the same.
      // (Right after an option or its value, `(your name)`, `Admins (full access)` are more of that value instead.)
      const note =
        op === '(' && !this.words.at(-1)?.value.startsWith('-') && !this.words.at(-2)?.value.startsWith('-') ? NOTE_IN_PARENTHESES.exec(this.text.slice(start, this.lineEnd(start)))?.[0] : undefined;
      if (note !== undefined) {
        this.report('syntax-error', `bash reads \`${note.trimEnd()}\`, a note to the reader, as code: an unquoted \`(\` is a syntax error and bash runs nothing; make the note a \`# comment\` or move it out of the command.`, start, start + note.trimEnd().length);
      } else {
        this.report('syntax-error', `An unquoted \`${op}\` here is a bash syntax error: bash runs nothing; quote the value.`, start, this.pos);
      }
      // The author meant them as text (the author's reading keeps them in the word).
      this.parentheses.push(start);
      this.syntaxError = true;
    } else {
      const program = op === '&&' || op === ';' ? /^[^ \t\n|&;()<>]+/.exec(this.text.slice(next))?.[0] : undefined;
      this.report('command-list', `A \`${op}\` starts another shell command, which the harness does not run.`, start, this.pos, program === undefined ? {} : { followedBy: program });
    }
    this.endFirstCommand();
    this.inParameterChain = false;
  }

  /** Whether a command could start at `at`: the text's or a line's start (not a continued one), or after an operator (`;`, `&&`, `|`, `(`). */
  private atCommandPosition(at: number): boolean {
    let before = at - 1;
    while (before >= 0 && BLANK.test(this.text[before]!)) before--;
    // A line that a `\` continues goes on with the same command.
    if (this.text[before] === '\n' && this.text[before - 1] === '\\') return false;
    return before < 0 || /[\n;&|(]/.test(this.text[before]!);
  }

  /** The `{{...}}` placeholder of its line that `at` stands inside (`{{gp3|io2}}`), and where it opens. */
  private bracedPlaceholderAround(at: number): { open: number; placeholder: string } | undefined {
    const lineStart = this.text.lastIndexOf('\n', at - 1) + 1;
    const open = this.text.lastIndexOf('{{', at);
    if (open < lineStart || this.text.lastIndexOf('}}', at) > open) return undefined;
    const placeholder = BRACED_PLACEHOLDER.exec(this.text.slice(open, this.lineEnd(at)))?.[0];
    return placeholder === undefined || open + placeholder.length <= at ? undefined : { open, placeholder };
  }

  private readRedirection(start: number): void {
    this.pos = start;
    while (/[0-9]/.test(this.text[this.pos] ?? '')) this.pos++;
    const op = REDIRECTION.exec(this.text.slice(this.pos, this.pos + 3))![0];
    this.pos += op.length;
    while (BLANK.test(this.text[this.pos] ?? '')) this.pos++;
    // As meant, a placeholder names the file (`> <name>.json`), as any word does.
    const hasTarget =
      this.pos < this.text.length &&
      (!METACHARACTER.test(this.text[this.pos]!) || isProcessSubstitution(this.text, this.pos) || (this.reading === 'intended' && placeholderAt(this.text, this.pos) !== undefined));
    const target = hasTarget ? this.readWordValue() : undefined;
    if (target === undefined) {
      // `aws ... >` with nothing after it: bash refuses the whole line ("syntax error near unexpected token").
      this.report('syntax-error', `\`${op}\` has no file name after it: bash refuses the whole command (a syntax error); give the file name or quote the \`${op}\`.`, start, this.pos);
      this.syntaxError = true;
      return;
    }
    const what = op.startsWith('<<') && op !== '<<<' ? 'a here-document' : 'a redirection';
    this.report('redirection', `\`${this.text.slice(start, this.pos).trim()}\` is ${what}: the harness does not read or write files for it.`, start, this.pos);
    if (target !== undefined && (op === '<<' || op === '<<-')) {
      this.pendingHereDocs.push({ delimiter: target.text, stripTabs: op === '<<-' });
    }
  }

  /**
   * The value of `NAME=value` read from here, in the author's reading: null when its content is unknown, undefined
   * when a command follows on the line (the assignment is that command's environment).
   */
  readAssignedValue(): string | null | undefined {
    const buffer = this.readWordValue();
    if (buffer === undefined) return undefined;
    if (!/^[ \t]*(?:[;&|#]|$)/.test(this.text.slice(this.pos, this.lineEnd(this.pos)))) return undefined;
    return unknownSpans(buffer).length > 0 ? null : buffer.text;
  }

  private readWord(): void {
    const start = this.pos;
    const buffer = this.readWordValue();
    // Nothing read: an fd redirection, or (as meant) a `\ ` continuation standing alone.
    if (buffer === undefined || this.wordEnd === start || !this.inFirstCommand) return;
    const raw = this.text.slice(start, this.wordEnd);
    // `` `# the next line is optional` ``: a note between continued lines runs only a comment, whose output is empty,
    // and bash drops an unquoted empty word.
    if (NOTE_IN_BACKTICKS.test(raw)) return;
    if (this.words.length === 0 && ASSIGNMENT.test(raw)) {
      this.report('assignment', `\`${raw}\` sets an environment variable for this command: the harness checks the command without it.`, start, this.wordEnd);
      return;
    }
    // bash expands unquoted braces. The author meant that too for a plain list (`--names {a,b}`, `i-{1,2}`), but
    // braces holding shorthand or JSON members (`Tags=[{Key=a,Value=b}]`) as written.
    const values = this.reading === 'intended' && STRUCTURE_IN_BRACES.test(raw) ? [buffer.text] : expandBraces(buffer);
    if (values.length > 1) {
      this.report(
        'brace-expansion',
        `bash expands the unquoted braces in this word into ${values.length} separate words; quote the value to pass it as written.`,
        start,
        this.wordEnd,
      );
    }
    if (buffer.split !== undefined && values.length === 1) {
      for (const value of splitAtBlanks(buffer)) this.words.push({ value, raw, start: this.pointAt(start), end: this.pointAt(this.wordEnd), splitFrom: buffer.split });
      return;
    }
    for (const value of values) {
      // `{}` alone is the argument `xargs -I{}` or `find -exec` puts there; `...` alone, options the author left out.
      const word: Word = { value, raw, start: this.pointAt(start), end: this.pointAt(this.wordEnd) };
      if (this.reading === 'intended') {
        const unknown = STANDS_FOR_WORDS.has(raw) || ELIDED_VALUE.test(value)
          ? [{ start: 0, end: value.length, kind: 'placeholder' as const }]
          : values.length === 1
            ? unknownSpans(buffer)
            : withPlaceholders(value, []);
        if (unknown.length > 0) word.unknown = unknown;
      }
      this.words.push(word);
    }
  }

  /** Reads one word from `pos`; undefined when it turned out to be an fd number of a redirection (`2>`). */
  private readWordValue(): WordBuffer | undefined {
    const { text } = this;
    const start = this.pos;
    const buffer: WordBuffer = { text: '', runs: [], unknown: [], unreliable: false };
    this.wordEnd = start;
    this.unclosed = false;
    this.splitVariable = undefined;
    const add = (chars: string, isProtected: boolean, unknown: UnknownSpan[] = []) => {
      for (const span of unknown) buffer.unknown.push({ ...span, start: span.start + buffer.text.length, end: span.end + buffer.text.length });
      buffer.text += chars;
      buffer.runs.push({ text: chars, isProtected });
      this.wordEnd = this.pos;
    };
    while (this.pos < text.length) {
      const c = text[this.pos]!;
      if (c === this.options.closer) break;
      // `{{ACTIVEMQ|RABBITMQ}}`, `{{path to file}}`: a tldr-style placeholder, with the choices or words it holds, is one
      // word as meant (bash splits it at the `|` or blank).
      const choice = c === '{' && this.reading === 'intended' && text.startsWith('{{', this.pos) ? BRACED_PLACEHOLDER.exec(text.slice(this.pos, this.lineEnd(this.pos))) : null;
      if (choice) {
        this.pos += choice[0].length;
        add(choice[0], true, [{ start: 0, end: choice[0].length, kind: 'placeholder' }]);
        continue;
      }
      if (c === '!' && this.options.interactive && this.reading === 'intended') {
        EARLIER_COMMAND_REFERENCE.lastIndex = this.pos;
        if (EARLIER_COMMAND_REFERENCE.test(text)) {
          // `!:3 !:4` typed at a prompt: words of the command before, which may be options and their values.
          const reference = text.slice(this.pos, EARLIER_COMMAND_REFERENCE.lastIndex);
          this.pos += reference.length;
          add(reference, true, [{ start: 0, end: reference.length, kind: 'substitution' }]);
          continue;
        }
      }
      if (METACHARACTER.test(c)) {
        if ((c === '<' || c === '>') && /^[0-9]+$/.test(text.slice(start, this.pos))) {
          this.readRedirection(start);
          return undefined;
        }
        if (isProcessSubstitution(text, this.pos)) {
          // `fileb://<(echo ... | base64 -d)`: bash puts a /dev/fd path here, also in the middle of a word.
          const close = this.matchingParenthesis(this.pos + 1);
          if (close === undefined) {
            add(this.unterminated('process substitution', this.pos), true);
            continue;
          }
          const value = text.slice(this.pos, close + 1);
          this.pos = close + 1;
          add(value, true, [{ start: 0, end: value.length, kind: 'substitution' }]);
          continue;
        }
        const placeholder = c === '<' && this.reading === 'intended' ? placeholderAt(text, this.pos) : undefined;
        if (placeholder !== undefined) {
          this.pos += placeholder.length;
          add(placeholder, true, [{ start: 0, end: placeholder.length, kind: 'placeholder' }]);
          continue;
        }
        if (this.reading === 'intended' && this.options.parentheses?.has(this.pos)) {
          // `(Data store ID)`: a parenthesised placeholder with blanks is one word as meant.
          const close = c === '(' ? this.text.indexOf(')', this.pos) : -1;
          const end = close !== -1 && close < this.lineEnd(this.pos) && this.options.parentheses.has(close) ? close + 1 : this.pos + 1;
          const chars = text.slice(this.pos, end);
          this.pos = end;
          add(chars, true);
          buffer.unreliable = true;
          continue;
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
          // A `\` that ends the text continues the command on the next line, wherever it stands (a redirection's target too).
          // As meant, one left at the end of a block's last command continues it into nothing.
          this.open = true;
          this.pos++;
          if (this.reading === 'bash') add('\\', true);
          continue;
        }
        // `\ ` then only blanks, or blanks and a comment (`\  # the function`): meant as a continuation.
        const trailing = BLANK.test(next) ? /^[ \t]+(#.*)?$/.exec(text.slice(this.pos + 1, this.lineEnd(this.pos))) : null;
        if (trailing) {
          const end = this.lineEnd(this.pos);
          // On the last line this is an escaped space; it continues the command in splitCommands' eyes only.
          this.open ||= end === text.length;
        }
        if (trailing && this.lineEnd(this.pos) < text.length) {
          const end = this.lineEnd(this.pos);
          this.report(
            'space-after-continuation',
            trailing[1] === undefined
              ? 'Spaces after the `\\` at the end of this line make bash read an escaped space and end the command here; remove them.'
              : 'A comment after the `\\` ends the command here: bash reads `\\ ` as an escaped space and the rest of the line as a comment; move the comment off the command\'s lines.',
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
        const piece = this.readDoubleQuoted(this.pos + 1);
        add(piece.value, true, piece.unknown);
      } else if (c === '$') {
        const { value, quoted, unknown } = this.readDollar(false);
        add(value, quoted, unknown);
      } else if (c === '`') {
        const value = this.readBackquoted();
        add(value, true, [{ start: 0, end: value.length, kind: 'substitution' }]);
      } else {
        // A run of ordinary characters at once: most of a command is plain text.
        const from = this.pos;
        PLAIN_RUN.lastIndex = from;
        this.pos = PLAIN_RUN.test(text) ? PLAIN_RUN.lastIndex : from + 1;
        if (this.options.interactive) this.noteHistoryReference(from, this.pos);
        add(text.slice(from, this.pos), false);
      }
    }
    buffer.unreliable ||= this.unclosed;
    if (this.splitVariable !== undefined) buffer.split = this.splitVariable;
    return buffer;
  }

  /**
   * Something opened at `start` is never closed. bash waits for more input: reported, and nothing after it is read.
   * The author most likely meant it to end before the next option on its line, or at the line end: the author's
   * reading takes it so, marks the word unreliable, and goes on.
   */
  private unterminated(what: string, start: number): string {
    // An apostrophe in a sentence of prose left in the block after the command (`When ..., you'll use ...`) is the
    // author's text, not a quote of the command's.
    const lineStart = this.text.lastIndexOf('\n', start - 1) + 1;
    if (this.inFirstCommand || !PROSE_LINE.test(this.text.slice(lineStart, this.lineEnd(start)))) {
      this.report('unbalanced-quote', `This ${what} is never closed: bash would wait for more input instead of running the command.`, start, this.text.length);
    }
    if (this.reading === 'intended') {
      // The words since the last option are the same value, split by the quotes that went astray (`\"{\"a\": [{"b"`).
      for (let index = this.words.length - 1; index >= 0 && !this.words[index]!.value.startsWith('-'); index--) {
        const word = this.words[index]!;
        word.unknown = [{ start: 0, end: word.value.length, kind: 'unreliable' }];
      }
      const lineEnd = this.lineEnd(start);
      const nextOption = /[ \t]--[A-Za-z]/.exec(this.text.slice(start, lineEnd));
      this.pos = nextOption === null ? lineEnd : start + nextOption.index;
      this.unclosed = true;
      return this.text.slice(start, this.pos);
    }
    this.open = true;
    this.pos = this.text.length;
    return this.text.slice(start);
  }

  private readSingleQuoted(): string {
    const start = this.pos;
    const close = this.text.indexOf("'", start + 1);
    if (close === -1) return this.unterminated('single quote', start).slice(1);
    // Inside backticks bash first turns `\\`, `\`` and `\$` into the character, single quotes or not.
    const quoted = this.text.slice(start + 1, close);
    if (quoted.includes('\n') && APOSTROPHE.test(this.text.slice(start - 1, start + 2)) && APOSTROPHE.test(this.text.slice(close - 1, close + 2))) {
      return this.readApostrophe(start, close);
    }
    const value = this.options.closer === '`' && quoted.includes('\\') ? quoted.replace(/\\([\\`$])/g, '$1') : quoted;
    this.pos = close + 1;
    if (!value.includes('\\\n')) return value;
    // `watch -n 5 'aws ... \`, `bash -c '...'`, `ssh host '...'`: another shell reads the quoted text, joining its lines.
    const lineStart = this.text.lastIndexOf('\n', start - 1) + 1;
    if (ANOTHER_SHELL.test(this.text.slice(lineStart, start))) return this.reading === 'intended' ? value.replaceAll('\\\n', '') : value;
    const backslashes: Point[] = [];
    for (let i = value.indexOf('\\\n'); i !== -1; i = value.indexOf('\\\n', i + 2)) backslashes.push(this.pointAt(start + 1 + i));
    this.singleQuotedContinuations.push({ value, backslashes });
    return this.reading === 'intended' ? value.replaceAll('\\\n', '') : value;
  }

  /**
   * `--name team-l'alpha-topic`: an apostrophe between letters whose quote bash closes only on a later line, at another
   * apostrophe (`topic's` in a comment); no quote is written so. The author meant the letter: said once, here, and the author's
   * reading keeps it in the word, which gets no model findings.
   */
  private readApostrophe(start: number, close: number): string {
    const wordStart = start - /[^ \t\n]*$/.exec(this.text.slice(0, start))![0].length;
    const word = this.text.slice(wordStart, start + 1 + /^[^ \t\n]*/.exec(this.text.slice(start + 1))![0].length);
    this.report(
      'unbalanced-quote',
      `bash reads the apostrophe in \`${word}\` as the start of a quoted string that runs to line ${this.pointAt(close).line}, so the command is not read as written; put the value in double quotes.`,
      start,
      start + 1,
    );
    if (this.reading === 'bash') {
      this.pos = close + 1;
      return this.text.slice(start + 1, close);
    }
    this.pos = start + 1;
    this.unclosed = true;
    return "'";
  }

  /** `!word` outside single quotes in `[from, to)`, which an interactive bash replaces from its history: the first is kept. */
  private noteHistoryReference(from: number, to: number): void {
    if (this.historyReference !== undefined || this.reading !== 'bash') return;
    const at = this.text.slice(from, to).search(HISTORY_REFERENCE);
    if (at < 0) return;
    EARLIER_COMMAND_REFERENCE.lastIndex = from + at;
    if (!EARLIER_COMMAND_REFERENCE.test(this.text) && this.isReportable(from + at)) this.historyReference = from + at;
  }

  /** One finding per command for the line ends another shell continues with, at the first, naming the other lines. */
  private reportForeignContinuations(): void {
    for (const kind of ['windows-continuation', 'powershell-continuation'] as const) {
      const [first, ...others] = this.foreignContinuations.filter((found) => found.kind === kind);
      if (first === undefined) continue;
      const more = sameOnLines(others.map((other) => this.pointAt(other.start).line));
      const message =
        kind === 'windows-continuation'
          ? 'A `^` at the end of a line continues a Windows cmd.exe command; bash reads it as a word and runs the next line as a separate command: end the line with ` \\` (or mark the block `cmd`).'
          : 'A backtick at the end of a line continues a PowerShell command; bash reads it as the start of a command substitution that runs the next lines: end the line with ` \\` (or mark the block `powershell`).';
      this.issues.push({ kind, message: message + more, start: this.pointAt(first.start), end: this.pointAt(first.start + 1) });
    }
  }

  /** One finding per command for its `${...}` that name no parameter, at the first. */
  private reportBadSubstitutions(): void {
    const [first, ...others] = this.badSubstitutions;
    if (first === undefined) return;
    const [start, end] = first;
    const more = others.length > 0 ? ` (${others.length + 1} in this command)` : '';
    const message = `bash cannot expand \`${this.text.slice(start, end)}\`${more}: a bad substitution (a name holds only letters, digits and \`_\`), so it runs nothing; replace the placeholder with a value.`;
    this.issues.push({ kind: 'bad-substitution', message, start: this.pointAt(start), end: this.pointAt(end) });
  }

  /** One finding per command for every line-end `\` inside single quotes, at the first one. */
  private reportSingleQuotedContinuations(): void {
    const all = this.singleQuotedContinuations;
    if (all.length === 0) return;
    const count = all.reduce((sum, quoted) => sum + quoted.backslashes.length, 0);
    const first = all[0]!.backslashes[0]!;
    const lines = count > 1 ? ` (${count} lines of this command end so)` : '';
    const message = `Inside single quotes a \`\\\` at the end of a line is not a continuation: bash keeps the backslash and the line break in the value${lines}.`;
    if (this.reading === 'bash' && this.nextAwsCommand === undefined) {
      this.issues.push({ kind: 'continuation-in-single-quotes', message, start: first, end: { ...first, column: first.column + 1, offset: first.offset! + 1 }, singleQuoted: all });
    }
  }

  /** Reads a double-quoted string whose content starts at `from` (just after the `"`). */
  private readDoubleQuoted(from: number): Piece {
    const { text } = this;
    const start = from - 1;
    this.pos = from;
    let value = '';
    const unknown: UnknownSpan[] = [];
    const addUnknown = (piece: string, spans: UnknownSpan[]) => {
      for (const span of spans) unknown.push({ ...span, start: span.start + value.length, end: span.end + value.length });
      value += piece;
    };
    while (this.pos < text.length) {
      const c = text[this.pos]!;
      if (c === '"') {
        this.pos++;
        return { value, unknown };
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
        const piece = this.readDollar(true);
        addUnknown(piece.value, piece.unknown);
      } else if (c === '`') {
        const piece = this.readBackquoted(true);
        addUnknown(piece, [{ start: 0, end: piece.length, kind: 'substitution' }]);
      } else {
        if (c === '!' && this.options.interactive && text[this.pos + 1] !== '"') this.noteHistoryReference(this.pos, this.pos + 2);
        value += c;
        this.pos++;
      }
    }
    return { value: this.unterminated('double quote', start).slice(1), unknown: [] };
  }

  /** Reads from a `$`: ANSI-C and locale quotes are decoded; variables and substitutions are kept as written (or, as meant, a known value). */
  private readDollar(inDoubleQuotes: boolean): Piece & { quoted: boolean } {
    const { text } = this;
    const start = this.pos;
    const next = text[start + 1] ?? '';
    if (!inDoubleQuotes && next === "'") return { value: this.readAnsiC(), quoted: true, unknown: [] };
    if (!inDoubleQuotes && next === '"') return { ...this.readDoubleQuoted(start + 2), quoted: true };
    if (next === '(') {
      const end = this.matchingParenthesis(start + 1);
      if (end === undefined) return { value: this.unterminated('command substitution', start), quoted: true, unknown: [] };
      this.pos = end + 1;
      return { value: text.slice(start, this.pos), quoted: true, unknown: [{ start: 0, end: this.pos - start, kind: 'substitution' }] };
    }
    let match: RegExpExecArray | null = null;
    if (next === '{') match = /^\$\{[^}]*\}/.exec(text.slice(start));
    else match = /^\$(?:[A-Za-z_][A-Za-z0-9_]*|[0-9?#@*!$-])/.exec(text.slice(start));
    if (match === null) {
      if (next === '{') return { value: this.unterminated('`${`', start), quoted: true, unknown: [] };
      this.pos++;
      return { value: '$', quoted: false, unknown: [] };
    }
    this.pos = start + match[0].length;
    // `"... exceeds $50"`: an amount of dollars, which bash reads as the positional parameter `$5` (empty) and a `0`.
    // `"... passed $5 today"`: one digit alone is an amount where a sentence in double quotes has it between blanks.
    const amount = /^[0-9]/.test(next)
      ? (/^\$[0-9](?:[0-9]|[.,][0-9])[0-9.,]*/.exec(text.slice(start))?.[0] ??
        (inDoubleQuotes && BLANK.test(text[start - 1] ?? '') && /^[ \t.,!?)]/.test(text[start + 2] ?? '') ? match[0] : undefined))
      : undefined;
    if (amount !== undefined) {
      if (this.isReportable(start)) {
        const rest = amount.slice(2);
        this.report(
          'dollar-amount',
          rest === ''
            ? `bash reads \`${amount}\` as a positional parameter, empty here, so the CLI gets the text without the amount; write \`\\${amount}\` or put the value in single quotes.`
            : `bash reads \`${match[0]}\` in \`${amount}\` as a positional parameter, empty here, so the CLI gets \`${rest}\`; write \`\\${amount}\` or put the value in single quotes.`,
          start,
          start + amount.length,
        );
      }
      // The author meant the amount as written.
      if (this.reading === 'intended') return { value: match[0], quoted: true, unknown: [] };
    }
    if (next === '{' && !PARAMETER_EXPANSION.test(match[0]) && this.isReportable(start)) this.badSubstitutions.push([start, this.pos]);
    const name = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(match[0])?.[1] ?? '';
    const known = this.options.variables?.get(name);
    if (AWS_DOLLAR_NAMES.has(match[0]) && known === undefined) {
      // The author wrote AWS's name (Lambda's `$LATEST` version): meant as written, but bash expands an unset variable.
      if (this.reading === 'intended') return { value: match[0], quoted: true, unknown: [] };
      if (this.isReportable(start)) {
        this.report(
          'expanded-aws-name',
          `bash expands \`${match[0]}\` (no such variable is set) to nothing, so the CLI never gets AWS's name \`${match[0]}\`; write it in single quotes: '${match[0]}'.`,
          start,
          this.pos,
        );
      }
    }
    const defaulted = KEBAB_PLACEHOLDER.exec(match[0]);
    if (defaulted !== null && this.options.variables?.get(defaulted[1]!) === undefined && this.isReportable(start)) {
      // `${api-id}`: a placeholder's name in `${...}`, which bash reads as "$api, or `id` when it is unset".
      this.report(
        'default-value-placeholder',
        `bash reads \`${match[0]}\` as the variable \`${defaulted[1]}\`, or the text \`${match[0].slice(defaulted[1]!.length + 3, -1)}\` when it is unset, not as a placeholder named \`${match[0].slice(2, -1)}\`; replace it with a value.`,
        start,
        this.pos,
      );
    }
    // `$subnets[i]`: bash has no element syntax without braces; it expands `$subnets` (its first element) and keeps `[i]`.
    const element = next !== '{' && name !== '' ? /^\[[^\]\s]*\]/.exec(text.slice(this.pos)) : null;
    if (element !== null && this.isReportable(start)) {
      this.report(
        'array-without-braces',
        `bash expands \`${match[0]}\` and keeps \`${element[0]}\` as text after it: an array element needs braces, \`\${${name}${element[0]}}\`.`,
        start,
        this.pos + element[0].length,
      );
    }
    if (this.reading === 'intended' && known !== undefined) {
      // Unquoted, bash splits the value at its blanks: as many words, which a list option takes and others do not.
      if (!inDoubleQuotes && /[ \t\n]/.test(known.trim())) {
        this.splitVariable ??= match[0];
        return { value: known.trim(), quoted: false, unknown: [] };
      }
      return { value: known, quoted: true, unknown: [] };
    }
    return { value: match[0], quoted: true, unknown: [{ start: 0, end: match[0].length, kind: 'variable' }] };
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

  private readBackquoted(inDoubleQuotes = false): string {
    const start = this.pos;
    const close = /(?:^|[^\\])(?:\\\\)*`/.exec(this.text.slice(start + 1));
    if (close === null) return this.unterminated('backquote', start);
    this.pos = start + 1 + close.index + close[0].length;
    const content = this.text.slice(start + 1, this.pos - 1);
    // Backticks around text that is no command (Markdown's code markup), or a JMESPath literal in a double-quoted
    // `--query`: bash runs it as a command.
    const queryLiteral = inDoubleQuotes && this.words.at(-1)?.value === '--query';
    // An empty pair (a fence typed with two backticks) runs nothing.
    if (content.trim() !== '' && (queryLiteral || !/^[ \t]*(?:[a-z_./~$][^ \t]*(?:[ \t]|$)|#)/.test(content))) {
      this.report(
        'command-substitution',
        `bash runs \`${content}\` as a command and puts its output here (backticks are command substitution, also inside double quotes); put the value in single quotes to pass it as written.`,
        start,
        this.pos,
      );
    }
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

/** The name a placeholder's brackets hold up to its first blank, the file name bash takes from it: `<my pool>` → `my`. */
export function placeholderName(placeholder: string): string {
  return placeholder.replace(/^<+|>+$/g, '').split(/[ \t]/, 1)[0]!;
}

/** The unquoted `<placeholder>` (or `<<placeholder>>`) starting at `index`, if one does. */
export function placeholderAt(text: string, index: number): string | undefined {
  ANGLE_PLACEHOLDER.lastIndex = index;
  return ANGLE_PLACEHOLDER.exec(text)?.[0];
}

/** `<(list)` or `>(list)`: bash's process substitution, a file name whose content a command writes or reads. */
function isProcessSubstitution(text: string, index: number): boolean {
  return (text[index] === '<' || text[index] === '>') && text[index + 1] === '(' && text[index - 1] !== '<' && text[index - 1] !== '>';
}

/** A word's unknown stretches in the author's reading: shell values, and placeholders written anywhere in it (also inside quoted JSON). */
function unknownSpans(buffer: WordBuffer): UnknownSpan[] {
  if (buffer.unreliable) return [{ start: 0, end: buffer.text.length, kind: 'unreliable' }];
  return withPlaceholders(buffer.text, buffer.unknown);
}

/** `spans`, and the placeholders written in `value` outside them, in order. */
export function withPlaceholders(value: string, spans: UnknownSpan[]): UnknownSpan[] {
  const all = [...spans];
  // Every placeholder form holds `<`, `{`, `%` or an ellipsis: most words have none, and skip the (Unicode) pattern.
  if (!PLACEHOLDER_MARK.test(value)) return all.sort((a, b) => a.start - b.start);
  for (const match of value.matchAll(PLACEHOLDER_IN_VALUE)) {
    const start = match.index;
    const end = start + match[0].length;
    if (!all.some((span) => span.start < end && start < span.end)) all.push({ start, end, kind: 'placeholder' });
  }
  return all.sort((a, b) => a.start - b.start);
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

/** The words bash makes of a word by splitting its unquoted parts at blanks (quoted blanks stay). */
function splitAtBlanks(buffer: WordBuffer): string[] {
  const words: string[] = [];
  let current = '';
  for (const run of buffer.runs) {
    if (run.isProtected) {
      current += run.text;
      continue;
    }
    const pieces = run.text.split(/[ \t\n]+/);
    current += pieces[0];
    for (const piece of pieces.slice(1)) {
      if (current !== '') words.push(current);
      current = piece;
    }
  }
  if (current !== '') words.push(current);
  return words;
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
  // Each brace's closing brace and top-level commas, in one pass (a scan per brace is quadratic on hostile nesting).
  const closeOf = new Map<number, number>();
  const commasOf = new Map<number, number[]>();
  const open: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (protectedChars[i]) continue;
    if (isOpen(i)) open.push(i);
    else if (chars[i] === '}' && open.length > 0) closeOf.set(open.pop()!, i);
    else if (chars[i] === ',' && open.length > 0) {
      const top = open.at(-1)!;
      commasOf.set(top, [...(commasOf.get(top) ?? []), i]);
    }
  }
  for (const [start, close] of [...closeOf].sort(([a], [b]) => a - b)) {
    const slice = (from: number, to: number): CharBuffer => ({ chars: chars.slice(from, to), protectedChars: protectedChars.slice(from, to) });
    const commas = commasOf.get(start) ?? [];
    let alternatives: CharBuffer[];
    if (commas.length > 0) {
      const bounds = [start, ...commas, close];
      alternatives = bounds.slice(1).map((end, k) => slice(bounds[k]! + 1, end));
    } else {
      // A sequence expression is short (two bounds and a step); reading each long body would be quadratic.
      if (close - start > 64) continue;
      const sequence = expandSequence(chars.slice(start + 1, close).join(''), protectedChars.slice(start + 1, close));
      if (sequence === undefined) continue;
      alternatives = sequence.map((value) => ({ chars: [...value], protectedChars: [...value].map(() => true) }));
    }
    const prefix = slice(0, start);
    const suffix = slice(close + 1, chars.length);
    return alternatives.flatMap((alternative) =>
      expandChars({
        chars: [...prefix.chars, ...alternative.chars, ...suffix.chars],
        protectedChars: [...prefix.protectedChars.map(() => true), ...alternative.protectedChars, ...suffix.protectedChars],
      }),
    );
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

export function pointMapper(lines: SourceLine[]): (index: number) => Point {
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

/** How a block's text is to be read: as a transcript (prompts start commands), with the document's variables so far. */
export interface ShellReadOptions {
  transcript?: boolean;
  /** A plain-text block (`text`, `plain`) showing commands as run: the lines after a command that do not continue it are its output. */
  plainText?: boolean;
  variables?: ReadonlyMap<string, string>;
  /** What closes the substitution an earlier command of the pipeline (or an earlier line's quoted script) opened, for this one. */
  closer?: Closer;
}

/** Where a command's words start in its text: after its prompt, wrappers, environment assignments, a substitution's opening. */
export interface CommandStart {
  start: number;
  promptLength: number;
  closer?: Closer;
  /** Where the substitution that `closer` ends opens. */
  openedAt?: number;
  /** `NAME=value` words before the command name, as `[start, end)` offsets. */
  assignments: [number, number][];
  /** `$NAME = ` before the command: PowerShell's assignment, as `[start, end)` offsets. */
  powershellAssignment?: [number, number];
  /** Run by `xargs` without a replace string: xargs appends the words it reads to the command's own. */
  appendsInput?: true;
  /** Run by `xargs -I R` (`-i`, `--replace`, BSD's `-J`): xargs puts what it reads wherever `R` stands, also inside quotes. */
  replaceString?: string;
}

/** `xargs` in a command's prefix, and the options that make it put its input in place of a replace string instead of at the end. */
const XARGS = /(?:^|[ \t])xargs(?=[ \t])/;
const XARGS_REPLACE = /[ \t](?:-[A-Za-z]*[IJ][ \t]*([^ \t]+)|-[A-Za-z]*i([^ \t]*)|--replace(?:=([^ \t]*))?)/;

/** What xargs in a command's prefix does with what it reads: appends it, or puts it in place of a replace string. */
function xargsInput(prefix: string): Pick<CommandStart, 'appendsInput' | 'replaceString'> {
  const at = prefix.search(XARGS);
  if (at < 0) return {};
  const replace = XARGS_REPLACE.exec(prefix.slice(at));
  return replace === null ? { appendsInput: true } : { replaceString: replace[1] ?? (replace[2] || replace[3] || '{}') };
}

export function commandStart(text: string, transcript: boolean): CommandStart {
  const promptLength = (transcript ? TRANSCRIPT_PROMPT : PROMPT).exec(text)?.[0].length ?? 0;
  // Most commands start with the launcher itself: no need for the long pattern of prompts and wrappers.
  const plain = promptLength === 0 ? PLAIN_COMMAND_START.exec(text) : null;
  if (plain) return { start: plain[0].length - plain[1]!.length, promptLength, assignments: [] };
  const match = NAMES_LAUNCHER.test(text) ? (transcript ? TRANSCRIPT_AWS_COMMAND_START : AWS_COMMAND_START).exec(text) : null;
  if (match === null) return { start: promptLength, promptLength, assignments: [] };
  const [prefixStart, prefixEnd] = match.indices!.groups!['prefix']!;
  // `AWS_PROFILE=<profile> aws ...`: bash reads the placeholder as redirections (the `>` takes `aws` for a file name),
  // so the words are read from the line's start, where that shows.
  if (text.slice(prefixStart, prefixEnd).includes('<')) return { start: promptLength, promptLength, assignments: [] };
  const assignments: [number, number][] = [];
  for (const assignment of text.slice(prefixStart, prefixEnd).matchAll(/(?<![^ \t])[A-Za-z_][A-Za-z0-9_]*=[^ \t]*/g)) {
    assignments.push([prefixStart + assignment.index, prefixStart + assignment.index + assignment[0].length]);
  }
  const opening = match.groups!['opening'];
  const start = match[0].length - match.groups!['launcher']!.length;
  const prefix = text.slice(promptLength, start);
  const powershellAssignment = match.indices!.groups!['powershellAssignment'];
  return {
    start,
    promptLength,
    assignments,
    ...(powershellAssignment !== undefined && { powershellAssignment: [powershellAssignment[0], powershellAssignment[1]] as [number, number] }),
    ...xargsInput(prefix),
    ...(opening !== undefined && { closer: opening === '`' ? '`' : ')', openedAt: match.indices!.groups!['opening']![0] }),
  };
}

function read(
  lines: SourceLine[],
  reading: Reading,
  options: ShellReadOptions & { parentheses?: ReadonlySet<number> },
  // The lines' joined text and point mapper, when the caller has them already.
  joined: { text: string; pointAt: (index: number) => Point } = { text: lines.map((line) => line.text).join('\n'), pointAt: pointMapper(lines) },
): { result: ReadResult; start: CommandStart } {
  const { text } = joined;
  const start = commandStart(text, options.transcript ?? false);
  const readerOptions: ReaderOptions = {};
  if (start.closer) {
    readerOptions.closer = start.closer;
    readerOptions.openedAt = start.openedAt!;
  } else if (options.closer) {
    start.closer = options.closer;
    readerOptions.closer = options.closer;
  }
  if (options.variables) readerOptions.variables = options.variables;
  if (options.parentheses) readerOptions.parentheses = options.parentheses;
  if (start.promptLength > 0) readerOptions.interactive = true;
  // Two results side by side, not spread into one: copying objects of many shapes is a slow path in V8.
  return { result: new Reader(text, joined.pointAt, reading, start.start, readerOptions).read(), start };
}

/** ` The same holds for lines 5, 6 and 8.` after the message of a finding said once for several lines; '' for none. */
export function sameOnLines(lines: readonly number[]): string {
  if (lines.length === 0) return '';
  const listed = lines.length === 1 ? String(lines[0]) : `${lines.slice(0, -1).join(', ')} and ${lines.at(-1)}`;
  return ` The same holds for line${lines.length > 1 ? 's' : ''} ${listed}.`;
}

/** A line that ends in a command substitution's opening (`X="$(`, `export Y=$(`, a backtick that opens: an odd one). */
function opensSubstitutionAtEnd(text: string): boolean {
  const end = text.trimEnd();
  return end.endsWith('$(') || (end.endsWith('`') && end.split('`').length % 2 === 0);
}

/** A line that ends in a slash (or a `~`, `§`: keys near it) after a blank (`aws s3 ls /`), typed for the backslash that continues a command. */
const SLASH_CONTINUATION = /[ \t][/~§][ \t]*$/;
/** A line that ends in a doubled backslash after a blank (`--queue-name q1 \\\\`). */
const DOUBLED_CONTINUATION = /[ \t]\\\\[ \t]*$/;

/** `{{a|b}}`, `{{path to file}}`: a braced placeholder holding what would split it as shell text. */
const BRACED_PLACEHOLDER = /^\{\{[^{}\n]*[ \t|<>;&][^{}\n]*\}\}/;

/** A line that hands its quoted text to another shell: `watch`, `sh -c`, `bash -c`, `ssh host`, `eval`. */
const ANOTHER_SHELL = /^[ \t]*(?:sudo[ \t]+)?(?:watch|(?:ba|z|k|da)?sh[ \t]+(?:-[A-Za-z]+[ \t]+)*-c|ssh|eval)(?:[ \t]|$)/;

/** Where the author's reading may differ from bash's: bash's reading found one of these. */
const READINGS_DIFFER: ReadonlySet<ShellIssueKind> = new Set([
  'missing-continuation',
  'space-after-continuation',
  'comment-in-continuation',
  'continuation-in-single-quotes',
  'windows-continuation',
  'powershell-continuation',
  'brace-expansion',
  'unbalanced-quote',
]);
/** `${api-id}`, `${user-pool-id}`: a lowercase hyphenated name in braces, which bash reads as `${api}` with the default `id`. */
const KEBAB_PLACEHOLDER = /^\$\{([a-z][a-z0-9]*)(?:-[a-z][a-z0-9]*)+\}$/;
/** `${name}`, `${#name}`, `${!name}`, `${name[0]}`, `${1}`, `${@}` and their operators (`:-`, `%`, `/`, ...): what bash expands. */
const PARAMETER_EXPANSION = /^\$\{[#!]?(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#?$!-])(?:\[[^\]]*\])?(?:[:=+?%#/^,@-][^}]*)?\}$/;
/** Text that may hold a placeholder or a shell value, which the author's reading marks unknown. */
const VALUE_MARKERS = /[$`<%…]|\{\{|\{[A-Za-z_][A-Za-z0-9_-]*\}|\{\}|\.\.\.|\[\p{L}/u;
/**
 * A value the author left out inside its brackets (`'[...]'`, `"awsvpcConfiguration={...}"`): one word of unknown
 * content, as meant; what it holds cannot be checked.
 */
export const ELIDED_VALUE = /^(?:[A-Za-z][\w.-]*=)?(?:\[[ \t]*(?:\.{3}|…)[ \t]*\]|\{[ \t]*(?:\.{3}|…)[ \t]*\})$/;

/** Words of prose in parentheses that end the line (`(both tasks)`, `(optional)`). */
const NOTE_IN_PARENTHESES = /^\((?=[^)]*\p{L}{2})[\p{L}\p{N} ,.'-]+\)[ \t]*$/u;
/** `!` that an interactive bash reads as a history reference: not before a blank, `=`, `(` or the end (nor a closing `"`). */
const HISTORY_REFERENCE = /!(?=[^\s=("])/;
/**
 * A history reference to the command before (`!!`, `!-2`) or to its words (`!$`, `!^`, `!*`, `!:3`, `!:2-4`): at a
 * prompt there always is one, so bash puts its text there; what that text is the document does not say.
 */
const EARLIER_COMMAND_REFERENCE = /!(?:!|-[0-9]+|[$^*#]|:(?:[0-9]+(?:-[0-9]*)?\*?|[$^*]|-[0-9]+))/y;
/** A line of prose: a capitalized word, then three words or more of letters and punctuation. */
const PROSE_LINE = /^[ \t]*\p{Lu}\p{Ll}+,?(?:[ \t]+[\p{L}'’",.:;()-]+){3,}/u;
/** An apostrophe between two letters. */
const APOSTROPHE = /^\p{L}'\p{L}$/u;
/** A word that is only a command substitution running a comment. */
const NOTE_IN_BACKTICKS = /^`[ \t]*#[^`]*`$/;

/** Words that stand for others: the argument `xargs -I{}` puts there, an elision of what the author left out. */
const STANDS_FOR_WORDS: ReadonlySet<string> = new Set(['{}', '...', '…']);

/** Reads a command as bash would (first simple command, quote removal, brace expansion) and as its author meant it. */
export function readShellCommand(lines: SourceLine[], options: ShellReadOptions = {}): ShellCommand {
  const text = lines.map((line) => line.text).join('\n');
  const pointAt = pointMapper(lines);
  const commandLines = withoutSecondaryPrompts(lines, options.transcript ?? false);
  // Most commands show no secondary prompts: their lines are read as joined here.
  const joined = commandLines === lines ? { text, pointAt } : undefined;
  const { result: asBash, start: commandStarts } = read(commandLines, 'bash', options, joined);
  const intended =
    asBash.issues.some((issue) => READINGS_DIFFER.has(issue.kind)) || asBash.parentheses.length > 0 || asBash.open || VALUE_MARKERS.test(text)
      ? read(commandLines, 'intended', { ...options, parentheses: new Set(asBash.parentheses) }, joined).result
      : asBash;
  const assignments = commandStarts.assignments.map(([start, end]): ShellIssue => {
    const raw = text.slice(start, end);
    return { kind: 'assignment', message: `\`${raw}\` sets an environment variable for this command: the harness checks the command without it.`, start: pointAt(start), end: pointAt(end) };
  });
  let shellIssues = asBash;
  if (commandStarts.powershellAssignment) {
    const [start, end] = commandStarts.powershellAssignment;
    const name = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(start, end))![1]!;
    // The command is PowerShell all through: its backtick line ends are the same slip, said here too.
    const backticks = asBash.issues.some((issue) => issue.kind === 'powershell-continuation');
    if (backticks) shellIssues = { ...asBash, issues: asBash.issues.filter((issue) => issue.kind !== 'powershell-continuation') };
    assignments.push({
      kind: 'powershell-assignment',
      message: `\`${text.slice(start, end).trimEnd()}\` is PowerShell's assignment${backticks ? ', and the lines end in its backtick continuation' : ''}: bash expands \`$${name}\` and runs \`=\` as a command, so the CLI never runs; write \`${name}=$(aws ...)\`${backticks ? ' with ` \\` line ends' : ''} (or mark the block \`powershell\`).`,
      start: pointAt(start),
      end: pointAt(end),
    });
  }
  // What xargs appends stands after the last word: one word of unknown content, as a `$VALUE` there would be; what
  // it puts in place of its replace string is unknown content there.
  const { appendsInput, replaceString } = commandStarts;
  const intendedWords = appendsInput
    ? [...intended.words, appendedInput(intended.words.at(-1)?.end ?? pointAt(text.length))]
    : replaceString === undefined
      ? intended.words
      : intended.words.map((word) => withReplaced(word, replaceString));
  const command = shellCommandOf(lines, text, pointAt, commandStarts.promptLength, shellIssues, intendedWords, assignments);
  if (asBash.nextAwsCommand !== undefined) {
    command.rest = linesFrom(commandLines, asBash.nextAwsCommand);
    if (commandStarts.closer && !asBash.nextOutside) command.restCloser = commandStarts.closer;
    else if (asBash.nextInSubshell) command.restCloser = ')';
  }
  return command;
}

/** A word with each `replaceString` in its value marked as unknown content (what `xargs -I` puts there). */
function withReplaced(word: Word, replaceString: string): Word {
  const spans: UnknownSpan[] = [];
  for (let at = word.value.indexOf(replaceString); at !== -1; at = word.value.indexOf(replaceString, at + replaceString.length)) {
    spans.push({ start: at, end: at + replaceString.length, kind: 'substitution' });
  }
  return spans.length === 0 ? word : { ...word, unknown: [...(word.unknown ?? []), ...spans].sort((a, b) => a.start - b.start) };
}

/** The words `xargs` appends to a command, which the document does not show: no text of their own, content unknown. */
function appendedInput(at: Point): Word {
  return { value: '', raw: '', start: at, end: at, unknown: [{ start: 0, end: 0, kind: 'substitution' }] };
}

/** `$aws s3 ls`: a `$` prompt typed without its blank, which bash reads as the variable `aws`. */
const GLUED_PROMPT = /^[ \t]*\$(?:aws|awslocal)[ \t]/;

/** A command (its lines, joined as `text`) from the shell's reading and the author's: the prompt (when one was shown) and `notes` come before the shell's issues. */
export function shellCommandOf(
  lines: SourceLine[],
  text: string,
  pointAt: (index: number) => Point,
  promptLength: number,
  asShell: { words: Word[]; issues: ShellIssue[] },
  intendedWords: Word[],
  notes: ShellIssue[] = [],
): ShellCommand {
  const glued = promptLength > 0 && GLUED_PROMPT.test(text);
  const prompt: ShellIssue[] =
    promptLength === 0
      ? []
      : glued
        ? [
            {
              kind: 'glued-prompt',
              message: `bash reads \`$${asShell.words[0]?.value ?? 'aws'}\` as a variable (empty): it runs \`${asShell.words[1]?.value ?? ''}\` as the command, not the CLI; put a blank after the \`$\` prompt.`,
              start: pointAt(promptLength - 1),
              end: pointAt(promptLength + (asShell.words[0]?.value.length ?? 3)),
            },
          ]
        : [{ kind: 'prompt', message: 'A leading shell prompt is not part of the command; the harness ignores it.', start: pointAt(0), end: pointAt(promptLength) }];
  return {
    text,
    lines,
    position: { start: pointAt(0), end: pointAt(text.length) },
    argv: asShell.words.map((word) => word.value),
    words: asShell.words,
    intendedWords,
    issues: [...prompt, ...notes, ...asShell.issues],
  };
}

/** The lines from `offset` in their joined text on, the first one cut where `offset` stands. */
export function linesFrom(lines: SourceLine[], offset: number): SourceLine[] {
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

/**
 * Whether a transcript's `# ` lines are root's prompts: not where it shows a user's prompt (`$ `, `% `, `PS> `), whose
 * `# ` lines are the author's comments between the commands.
 */
export function readsRootPrompts(lines: readonly SourceLine[]): boolean {
  return !lines.some((line) => PROMPT.test(line.text));
}

function promptOf(text: string, transcript: boolean): RegExpExecArray | null {
  // `# Result` after a prompted command labels what it printed: a comment, not root's prompt.
  if (transcript && text.includes('#') && OUTPUT_LABEL_COMMENT.test(text)) return PROMPT.exec(text);
  return (transcript ? TRANSCRIPT_PROMPT : PROMPT).exec(text);
}

/** In a transcript, the lines that continue a command start with bash's secondary prompt `> `: not part of it. */
function withoutSecondaryPrompts(lines: SourceLine[], transcript: boolean): SourceLine[] {
  const prompted = promptOf(lines[0]?.text ?? '', transcript) !== null;
  if (!prompted && !transcript) return lines;
  let stripped = false;
  const result = lines.map((line, index) => {
    // A transcript may show its commands without `$ `: there a `> ` is a prompt only on a line the one before continues.
    const prompt = index > 0 && (prompted || LINE_END_CONTINUATION.test(lines[index - 1]!.text)) ? SECONDARY_PROMPT.exec(line.text) : null;
    if (!prompt) return line;
    stripped = true;
    const length = prompt[0].length;
    return { ...line, text: line.text.slice(length), column: line.column + length, offset: line.offset + length };
  });
  return stripped ? result : lines;
}

const LINE_END_CONTINUATION = /\\[ \t]*$/;

/** Whether more lines belong to this command: it ends inside quotes or a substitution, or after a line continuation. */
function continuesOnNextLine(lines: SourceLine[], transcript: boolean, closer?: Closer): boolean {
  return read(lines, 'bash', closer ? { transcript, closer } : { transcript }).result.open;
}

/** Whether a line starts an `aws` command (after a prompt, wrappers, assignments, a substitution's opening). */
export function startsAwsCommand(text: string, transcript = false): boolean {
  return NAMES_LAUNCHER.test(text) && (transcript ? TRANSCRIPT_AWS_COMMAND_START : AWS_COMMAND_START).test(text);
}

/** A line that shows a prompt and then an `aws` command (`$ aws sts get-caller-identity`): a terminal transcript's. */
export function startsPromptedAwsCommand(text: string): boolean {
  return NAMES_LAUNCHER.test(text) && PROMPT.test(text) && AWS_COMMAND_START.test(text);
}

/** `cors.json:`, `Contents of policy.json::` ending the line before a JSON block: the JSON is that file, not the output. */
const FILE_LABEL = /(?:^|\s|[a-z])(?:[\w./-]+\.(?:json|ya?ml|txt|xml)|contents of\b.*):{1,2}[ \t]*$/i;
/**
 * The line opens JSON: `{`, `[` that is no shell test (`[ -z "$X" ]`), or a member (`"State": "pending",`) of an output
 * shown without its braces.
 */
export const JSON_START = new RegExp(
  String.raw`^(?![^\n]*[ \t](?:!?=|==|-eq|-ne|-lt|-gt|-le|-ge)[ \t])[ \t]*(?:\{|\[[ \t]*$|\[[ \t]*(?:[{\]0-9]|"(?!\$)|-[0-9]|\[(?![ \t])))|${JSON_MEMBER_LINE.source}`,
);

/**
 * A comment that introduces what the command printed (`# Output:`, `# Expected result`, `# Şu çıktıya dikkat edin:`,
 * `# 出力結果`). JSON after any other comment (`# the item format must be:`) is something the author shows beside the
 * command, not its output.
 */
const OUTPUT_COMMENT = /\b(?:output|result|response|returns?|prints?|shows?|expected)\b|çıktı|sonuç|出力|結果|输出|輸出|结果|출력|결과|saída|resultado|salida|ausgabe|ergebnis|sortie|résultat|вывод|результат/i;

/** A command that asks the reader questions (`aws configure`, `aws configure sso`). */
const INTERACTIVE_COMMAND = new RegExp(String.raw`^[ \t]*(?:${PROMPT_SOURCE})?(?:aws|awslocal)[ \t]+configure(?:[ \t]+sso)?[ \t]*$`);

/**
 * What ends a JSON output before the next command: a comment after it (`# Result: all fields present`) is the
 * script's again (in a transcript `# ` is a prompt), and so is text once the JSON has closed (a script's
 * `=== 2. buckets ===` banner, the author's `Next add the user to it.`): the CLI prints one JSON value.
 */
export function endsJsonOutput(output: readonly SourceLine[], line: SourceLine, transcript = false): boolean {
  // Most output lines are neither a comment nor text after a closing bracket: they skip the JSON pattern.
  const comment = !transcript && COMMENT_LINE.test(line.text);
  const text = !comment && line.text.trim() !== '' && !/^[ \t]*[{[\]},"]/.test(line.text);
  return (comment || (text && jsonClosed(output))) && JSON_START.test(output[0]!.text);
}

/**
 * A JSON value that has closed: pretty-printed, its last line is a lone bracket, indented as its first line opened;
 * or the lines so far are a whole value (`{}`, `[1, 2]`).
 */
function jsonClosed(output: readonly SourceLine[]): boolean {
  const first = output[0]!.text;
  const opening = /^([ \t]*)([{[])[ \t]*$/.exec(first);
  if (!opening) return parsesAsJson(output.map((line) => line.text).join('\n'));
  const last = output.findLast((line) => line.text.trim() !== '')!.text;
  return last.trimEnd() === `${opening[1]}${opening[2] === '{' ? '}' : ']'}`;
}

/** `# Result:`, `# Expected output`, `# The call returns:`: a comment that labels what follows as the output. */
export const OUTPUT_LABEL_COMMENT = new RegExp(
  String.raw`^[ \t]*#+[ \t]*(?:(?:expected[ \t]+|sample[ \t]+|example[ \t]+)?(?:output|result|response)s?[ \t]*:?|[^\n]*(?:${OUTPUT_COMMENT.source})[^\n]*:)[ \t]*$`,
  'i',
);

/** What the CLI prints when it fails (`An error occurred (AccessDenied) when calling ...`): the command's output. */
const CLI_ERROR_LINE = /^[ \t]*(?:(?:upload|download|copy|move|delete|remove) failed: .*)?(?:An error occurred \(|aws: error:|usage: aws |Parameter validation failed:)/;

/** A block's lines that make one command (or shell lines before the first command), and the output shown after it. */
export interface LineGroup {
  lines: SourceLine[];
  output?: SourceLine[];
  /** The group starts inside a single-quoted script an earlier line hands to another shell (`watch -n 5 'echo x; \`): its `'` ends it. */
  closer?: "'";
}

/** `<<EOF`, `<<-'EOF'`, `<< "END"` (not `<<<`): the lines after it up to the delimiter are the here-document's body. */
const HERE_DOCUMENT_OPENER = /(?<!<)<<(-?)[ \t]*['"]?([A-Za-z_][A-Za-z0-9_]*)['"]?/;

interface HereDocument {
  delimiter: string;
  /** `<<-`: the body's and the delimiter line's leading tabs are removed. */
  stripTabs: boolean;
}

/** The here-document a line opens (`<<EOF`, `<<-'EOF'`), if any. */
function hereDocumentOpenedBy(text: string): HereDocument | undefined {
  const opener = text.includes('<<') ? HERE_DOCUMENT_OPENER.exec(text) : null;
  return opener ? { delimiter: opener[2]!, stripTabs: opener[1] === '-' } : undefined;
}

/** Whether a line ends a here-document's body: its delimiter alone (trailing blanks forgiven, as authors leave them). */
function closesHereDocument(text: string, hereDocument: HereDocument): boolean {
  return (hereDocument.stripTabs ? text.replace(/^\t+/, '') : text).trimEnd() === hereDocument.delimiter;
}

/** `cat > policy.json <<'EOF'`, `cat <<EOF > policy.json`, `sudo tee policy.json <<EOF`: the file a here-document writes. */
const HERE_DOCUMENT_TARGET = /(?:>[ \t]*|\btee[ \t]+(?:-a[ \t]+)?)['"]?([\w./-]*\w\.(?:json|ya?ml|txt|xml))['"]?(?=[ \t;|&]|$)/;

/**
 * The files a block writes with here-documents, with their bodies: what a later `file://` value names. A body the shell
 * would expand (its delimiter unquoted, and it holds `$` or a backtick) is left out: its content is not known here.
 */
export function hereDocumentFiles(lines: readonly SourceLine[]): { name: string; lines: SourceLine[] }[] {
  const files: { name: string; lines: SourceLine[] }[] = [];
  for (let index = 0; index < lines.length; index++) {
    const { text } = lines[index]!;
    const hereDocument = hereDocumentOpenedBy(text);
    if (!hereDocument) continue;
    let end = index + 1;
    while (end < lines.length && !closesHereDocument(lines[end]!.text, hereDocument)) end++;
    const body = lines.slice(index + 1, end);
    const target = HERE_DOCUMENT_TARGET.exec(text);
    const literal = /<<-?[ \t]*['"]/.test(text) || !body.some((line) => /[$`]/.test(line.text));
    if (target && end < lines.length && body.length > 0 && literal) files.push({ name: target[1]!.slice(target[1]!.lastIndexOf('/') + 1), lines: body });
    index = end;
  }
  return files;
}

/**
 * A line typed into an interactive interpreter a command opened (`python manage.py shell`, `mysql`, `psql`, `irb`):
 * Python's `>>> `, IPython's `In [1]: `, `mysql> `, `sqlite> `, psql's `db=> ` / `db=# `, irb's `irb(main):001:0> `.
 */
const INTERPRETER_PROMPT = /^[ \t]*(?:>>>(?:[ \t]|$)|In \[\d+\]:[ \t]|(?:mysql|sqlite|mariadb(?: \[[^\]\n]*\])?)>[ \t]|[\w-]+=[#>][ \t]|irb\([^)\n]*\)[\w:]*>[ \t])/;

/** Whether a line's first non-blank character may open JSON (`{`, `[`, `"`): most lines' does not, and skip JSON_START. */
function opensJson(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 32 || code === 9) continue;
    return code === 0x7b || code === 0x5b || code === 0x22;
  }
  return false;
}

/**
 * A step of prose: `1. Text`, `2) Text`, `* Text`, `• Text` (a capital or a non-ASCII letter starts its words), or a
 * sentence that introduces the next lines (`(Optional) Check that the queue is there:`): a capital, then words of
 * letters only, up to a closing colon.
 */
const PROSE_STEP = /^[ \t]*(?:(?:\d{1,2}[.)]|[*•])[ \t]+(?:[A-Z]|[^\x00-\x7F])[^\n]*|(?:\([A-Z][a-z]+\)[ \t]+)?[A-Z][a-z]+(?:[ \t]+[A-Za-z][A-Za-z0-9'’_-]*,?){2,}:)[ \t]*$/;

/**
 * Splits a block into commands. A command starts at a line that starts an `aws` command or shows a prompt, and
 * does not continue the one above; other lines stay with the command above them (parameter lines with a missing
 * continuation, or shell commands the reader will report); lines before the first command form their own group.
 * Output: unprompted lines after a prompted command, and JSON right after an unprompted `aws` command.
 */
export function splitBlock(lines: SourceLine[], options: ShellReadOptions = {}): LineGroup[] {
  const transcript = options.transcript ?? false;
  const startsGroup = (text: string) => startsAwsCommand(text, transcript) || promptOf(text, transcript) !== null;
  // Where `# ` is no prompt, a comment after a prompted command is the author's note between commands (`# → 4 origins`),
  // not what the command printed: it ends that, as the next prompt would. `# Output:` labels what follows.
  const endsPrompted = (text: string) => promptOf(text, transcript) !== null || (!transcript && text.includes('#') && SHELL_COMMENT.test(text) && !OUTPUT_LABEL_COMMENT.test(text));
  const groups: LineGroup[] = [];
  /** Groups whose block goes on with a file's contents (`cors.json:` then JSON): no output follows in it. */
  const shownFile = new Set<LineGroup>();
  let current: LineGroup | undefined;
  // What the current group's first line shows: asked for each of its lines, worked out once.
  let prompted = false;
  let startsWithAws = false;
  /** Inside a here-document's body (`cat > attrs.json <<EOF` ... `EOF`): text a command reads, never output or commands. */
  let hereDocument: HereDocument | undefined;
  /** Inside an interpreter's session (`>>> ...` lines and what they print): no shell line, up to the next `aws` command. */
  let inInterpreter = false;
  /** Inside a single-quoted script a line handed to another shell (`watch -n 5 'echo x; \`), up to its closing `'`. */
  let inScript = false;
  for (const line of lines) {
    const scriptBefore = inScript;
    inScript = quotedScriptOpenAfter(line.text, inScript);
    if (hereDocument !== undefined) {
      (current?.output ?? current?.lines)?.push(line);
      if (closesHereDocument(line.text, hereDocument)) hereDocument = undefined;
      continue;
    }
    if (inInterpreter && !startsGroup(line.text)) continue;
    inInterpreter = false;
    if (INTERPRETER_PROMPT.test(line.text) && !(current !== undefined && !current.output && continuesOnNextLine(current.lines, transcript, current.closer))) {
      inInterpreter = true;
      current = undefined;
      continue;
    }
    if (current !== undefined && !current.output) hereDocument = hereDocumentOpenedBy(line.text);
    // A numbered or bulleted step of prose between the commands (`2. List the attacker's buckets:`): no shell line, and
    // its apostrophes open no quotes. It ends the command above unless that is still inside quotes or a substitution.
    // What a prompted command printed may hold such lines too: only a prompt ends it.
    if (!(prompted && current !== undefined) && PROSE_STEP.test(line.text) && !(current !== undefined && !current.output && continuesOnNextLine(current.lines, transcript, current.closer))) {
      current = undefined;
      continue;
    }
    if (current?.output) {
      // What a prompted command printed may show commands too (`Execute: aws cloudformation deploy ...`): only a prompt starts the next.
      const next = prompted ? endsPrompted(line.text) : startsGroup(line.text);
      if (!next && !endsJsonOutput(current.output, line, transcript)) {
        current.output.push(line);
        continue;
      }
    } else if (current !== undefined) {
      const first = current.lines[0]!.text;
      // `SECOND="$(` alone, its command on the next line: a new group when the command before is complete.
      const starts = startsGroup(line.text) || (prompted && endsPrompted(line.text)) || (opensSubstitutionAtEnd(line.text) && !continuesOnNextLine(current.lines, transcript, current.closer));
      let outputAfterCommand =
        !prompted &&
        startsWithAws &&
        !shownFile.has(current) &&
        // A lone `"Name": value` line (no `,` for more, no bracket it opens) is the author pointing at a member, not output.
        ((opensJson(line.text) && JSON_START.test(line.text) && !(JSON_MEMBER_LINE.test(line.text) && !/[,[{][ \t]*$/.test(line.text))) ||
          CLI_ERROR_LINE.test(line.text) ||
          (options.plainText === true && !PARAMETER_LINE.test(line.text))) &&
        !OPTION_AT_LINE_END.test(current.lines.at(-1)!.text) &&
        // `--environment environmentVariables=[`, its `\` lost: the lines after are the rest of the value.
        !VALUE_OPENED_AT_LINE_END.test(current.lines.at(-1)!.text);
      // Only a comment or a blank line before this one can hold the `# Result:` label: most lines skip the search.
      const previous = current.lines.at(-1)!.text;
      const mayFollowLabel = !outputAfterCommand && !starts && !prompted && startsWithAws && (previous.includes('#') || previous.trim() === '');
      const lastText = outputAfterCommand || mayFollowLabel ? current.lines.findLast((each) => each.text.trim() !== '')!.text : '';
      // `# Result:` (or `# Output`) after the command introduces what it printed: the lines after it are output.
      if (mayFollowLabel && OUTPUT_LABEL_COMMENT.test(lastText) && !PARAMETER_LINE.test(line.text)) {
        outputAfterCommand = !continuesOnNextLine(current.lines, transcript, current.closer);
      }
      if (outputAfterCommand && (FILE_LABEL.test(lastText) || (COMMENT_LINE.test(lastText) && !OUTPUT_COMMENT.test(lastText)))) {
        // The rest of the block shows that file, or what a comment introduces (`# the item format must be:`), not the output.
        shownFile.add(current);
        outputAfterCommand = false;
      }
      // `aws configure` asks its questions: the lines after it are the dialogue, not commands.
      if (!starts && current.lines.length === 1 && INTERACTIVE_COMMAND.test(first)) {
        current.output = [line];
        continue;
      }
      // Reading the command so far is needed only where a line might start something else. In a transcript, option
      // lines right after the command are its parameters with their continuations lost, not its output.
      const parameterLine = prompted && PARAMETER_LINE.test(line.text);
      // `$ for s in a b; do`, then its body: the loop's lines up to `done`, not what the prompted line printed.
      const loopBody = prompted && !starts && insideCompound(current.lines);
      // An `aws` command inside a quoted script another shell runs starts a command of its own, continued line or not.
      const scriptCommand = starts && scriptBefore;
      // A new prompt in a transcript: the shell was back at its prompt, whatever the line above left open (a stray
      // quote is said where it stands, not where the output's first quote would close it).
      const newPrompt = prompted && starts && promptOf(line.text, transcript) !== null;
      // So is a blank line after a prompted command a quote left open: the shell would have shown its `> ` prompts
      // there; what follows is the output.
      if (prompted && !starts && line.text.trim() === '' && !LINE_END_CONTINUATION.test(current.lines.at(-1)!.text) && !insideCompound(current.lines) && continuesOnNextLine(current.lines, transcript, current.closer)) {
        current.output = [line];
        continue;
      }
      if (!scriptCommand && !newPrompt && ((!starts && !prompted && !outputAfterCommand) || parameterLine || loopBody || continuesOnNextLine(current.lines, transcript, current.closer))) {
        current.lines.push(line);
        continue;
      }
      if (!starts) {
        current.output = [line];
        continue;
      }
    }
    if (line.text.trim() !== '') {
      current = scriptBefore ? { lines: [line], closer: "'" } : { lines: [line] };
      prompted = promptOf(line.text, transcript) !== null;
      startsWithAws = startsAwsCommand(line.text, transcript);
      groups.push(current);
    }
  }
  return trimmedGroups(groups);
}

/** Whether `index` of a line stands inside the single-quoted script the line hands to another shell (`watch -n 5 'a; aws ...'`). */
export function insideQuotedScript(text: string, index: number): boolean {
  return ANOTHER_SHELL.test(text) && (text.slice(0, index).split("'").length - 1) % 2 === 1;
}

/**
 * Whether a single-quoted script handed to another shell is open after `text`: one opens on a `watch`, `bash -c`,
 * `ssh` or `eval` line that leaves a `'` unclosed, and closes at the next `'` (a single-quoted script holds no other).
 */
function quotedScriptOpenAfter(text: string, open: boolean): boolean {
  if (!text.includes("'")) return open;
  return !open && insideQuotedScript(text, text.length);
}

/** Whether the lines leave a `for`/`while` loop or an `if` open: more `... do` / `... then` line ends than `done` / `fi`. */
function insideCompound(lines: readonly SourceLine[]): boolean {
  let depth = 0;
  for (const { text } of lines) {
    if (COMPOUND_OPENER.test(text)) depth++;
    if (COMPOUND_CLOSER.test(text)) depth--;
  }
  return depth > 0;
}

const COMPOUND_OPENER = /(?:^|[\s;])(?:do|then)[ \t]*(?:#.*)?$/;
const COMPOUND_CLOSER = /^[ \t]*(?:done|fi)\b/;

/** The groups of a split block without the blank lines that end their command or output lines. */
export function trimmedGroups(groups: LineGroup[]): LineGroup[] {
  return groups.map((group) => {
    const output = withoutTrailingBlanks(group.output ?? []);
    return { lines: withoutTrailingBlanks(group.lines), ...(output.length > 0 && { output }), ...(group.closer && { closer: group.closer }) };
  });
}

export function withoutTrailingBlanks(lines: SourceLine[]): SourceLine[] {
  let end = lines.length;
  while (end > 1 && lines[end - 1]!.text.trim() === '') end--;
  return end === 1 && lines[0]!.text.trim() === '' ? [] : lines.slice(0, end);
}

/** The commands of a block, each with the lines that continue it (see splitBlock); outputs are left out. */
export function splitCommands(lines: SourceLine[], options: ShellReadOptions = {}): SourceLine[][] {
  return splitBlock(lines, options).map((group) => group.lines);
}

/** `NAME=value`, `export NAME=value` as a statement of its own. */
const ASSIGNMENT_STATEMENT = new RegExp(String.raw`^[ \t]*(?:${PROMPT_SOURCE})?(?:(?:export|readonly|local|declare[ \t]+-[A-Za-z]+)[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)=`);

/**
 * `TAG=<GIT_SHA>`, `export ARN=arn:...:instance/<id>`: an assignment whose value ends in an unquoted placeholder. bash
 * reads the placeholder as redirections whose `>` has no file name and refuses the line, so the variable is never
 * set: the issue to say at the commands that use it; undefined for any other value.
 */
function refusedAssignment(line: SourceLine, match: RegExpExecArray): ShellIssue | undefined {
  const found = REFUSED_PLACEHOLDER_VALUE.exec(line.text.slice(match[0].length));
  if (found === null) return undefined;
  const name = match[1]!;
  const value = found[0].replace(/[ \t]*(?:#.*)?$/, '');
  const placeholder = found[1]!;
  const at = match[0].length + value.length - placeholder.length;
  const assignment = `${line.text.slice(0, match[0].length).replace(PROMPT, '').trim()}${value}`;
  return {
    kind: 'placeholder-syntax-error',
    message: `bash refuses \`${assignment}\`: it reads the unquoted \`${placeholder}\` as redirections, and the \`>\` has no file name, so \`${name}\` is never set and the command gets an empty value; quote the value (\`${name}="${value}"\`) or replace the placeholder.`,
    start: { line: line.line, column: line.column + at, offset: line.offset + at },
    end: { line: line.line, column: line.column + at + placeholder.length, offset: line.offset + at + placeholder.length },
  };
}

/**
 * An unquoted value that ends in a placeholder, with nothing after it but blanks or a comment (`<GIT_SHA>`,
 * `arn:aws:sso:::instance/<instance ID>`, `<a>/<b>`): the placeholders, from the first `<`.
 */
const REFUSED_PLACEHOLDER_VALUE = /^[^\s'"`$<>|;&]*(<[^'"`$\n]*>)[ \t]*(?:#.*)?$/u;

/**
 * `for NAME in a b c; do`: over a list of plain words, `$NAME` stands for one of them, a word like the first (its
 * checks are theirs); over anything else (`$(aws ...)`, `*.json`, `"$@"`) its content is unknown.
 */
export function recordLoopVariables(lines: readonly SourceLine[], variables: Map<string, string>): void {
  for (const line of lines) {
    if (!line.text.includes('for ') && !line.text.includes('for\t')) continue;
    for (const loop of line.text.matchAll(FOR_LOOP)) {
      const items = loop[2]!.trim().split(/[ \t]+/);
      if (items.length > 0 && items.every((item) => PLAIN_ITEM.test(item))) variables.set(loop[1]!, items[0]!);
      else variables.delete(loop[1]!);
    }
  }
}

/** `for NAME in LIST;` (or the line's end, `do` on the next). */
const FOR_LOOP = /(?:^|[;&|(]|\b(?:do|then|else))[ \t]*for[ \t]+([A-Za-z_][A-Za-z0-9_]*)[ \t]+in[ \t]+([^;\n]*?)[ \t]*(?:;|$)/g;
/** A word bash passes as it stands: no expansion, quote, glob or redirection in it. */
const PLAIN_ITEM = /^[A-Za-z0-9._:/@+=,-]+$/;

/**
 * Records the variables a group of lines assigns (`NAME=value`, `export NAME=value`): a value known here is kept, one
 * whose content is unknown (`$(aws ...)`, `$OTHER`, a placeholder) forgets any earlier value. `NAME=value command`
 * sets the variable for that command only and is left out. An assignment bash refuses goes into `refused`, by name,
 * until a command that uses it says so; one that works clears its name.
 */
export function recordAssignments(lines: SourceLine[], variables: Map<string, string>, refused: Map<string, ShellIssue>): void {
  // Most commands assign nothing: the lines are joined for reading only when one does.
  let text: string | undefined;
  let pointAt: ((index: number) => Point) | undefined;
  let lineStart = 0;
  for (const line of lines) {
    const match = line.text.includes('=') ? ASSIGNMENT_STATEMENT.exec(line.text) : null;
    if (match !== null) {
      const refusal = refusedAssignment(line, match);
      if (refusal) refused.set(match[1]!, refusal);
      else refused.delete(match[1]!);
      text ??= lines.map((each) => each.text).join('\n');
      pointAt ??= pointMapper(lines);
      const reader = new Reader(text, pointAt, 'intended', lineStart + match[0].length, { variables });
      const value = reader.readAssignedValue();
      // An empty value is a template to fill in (`export CLIENT_ID=""`), not the value later commands use.
      if (value === null || value === '') variables.delete(match[1]!);
      else if (value !== undefined) variables.set(match[1]!, value);
    }
    lineStart += line.text.length + 1;
  }
}
