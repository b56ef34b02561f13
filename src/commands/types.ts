import type { Point, Position, SourceLine } from '../document/types.js';

/** One word as bash reads it: `value` after quote removal, `raw` as written, and where it stands. */
export interface Word {
  value: string;
  raw: string;
  start: Point;
  end: Point;
  /**
   * In the author's reading (`intendedWords`): the stretches of `value` whose content is not known here —
   * a placeholder the reader fills in (`<user-pool-id>`, `{{pool_id}}`), a shell variable or command
   * substitution the shell supplies (`$POOL_ID`, `$(date)`), or text whose reading depends on a shell error
   * reported elsewhere. Structure around them (option names, arity, JSON/shorthand syntax) is still
   * checked; checks that need their content (type, enum, length, pattern) are not made.
   */
  unknown?: UnknownSpan[];
  /** One of the words bash made of this unquoted `$NAME` by splitting its known value at blanks (the author's reading). */
  splitFrom?: string;
}

/** `[start, end)` indices into a word's `value`. */
export interface UnknownSpan {
  start: number;
  end: number;
  kind: 'placeholder' | 'variable' | 'substitution' | 'unreliable';
}

/** What ends a command that stands inside something: a substitution's `)` or backtick, a quoted script's `'` (`watch '... aws ...'`). */
export type Closer = ')' | '`' | "'";

/** Something in a command where what is displayed and what bash would run differ, or that we never run. */
export type ShellIssueKind =
  | 'missing-continuation' // a line without `\` followed by more indented parameter lines
  | 'space-after-continuation' // `\` followed by spaces or tabs before the line end
  | 'comment-in-continuation' // a comment line between a command's continued lines: bash ends the command there
  | 'continuation-in-single-quotes' // `\`+newline inside '...': bash keeps both characters
  | 'unbalanced-quote'
  | 'syntax-error' // an unquoted `(` or `)` among a command's words: bash refuses the line
  | 'placeholder-redirection' // an unquoted `<placeholder>`: bash reads a file and writes the output to another
  | 'placeholder-syntax-error' // an unquoted `<placeholder>` whose `>` has no file name: bash refuses the line
  | 'placeholder-pipe' // `{{gp3|io2}}`: bash pipes into a command named after the second choice
  | 'bad-substitution' // `${インスタンスID}`, `${my pool}`: no parameter name, bash refuses to expand it and runs nothing
  | 'expanded-aws-name' // `$LATEST`, `$default` outside single quotes: AWS's literal name, which bash expands to nothing
  | 'default-value-placeholder' // `${api-id}`: bash reads `${api}` with the default `id`, not a placeholder
  | 'array-without-braces' // `$ids[i]`: bash expands `$ids` and keeps `[i]` as text
  | 'dollar-amount' // `"costs $50"`: bash expands `$5` (a positional parameter) and keeps `0`
  | 'powershell-split-argument' // `'{"a": "'$x'"}'`: PowerShell ends an argument that starts with a quoted string where it closes
  | 'powershell-escaped-quote' // `\"` in a PowerShell argument: Windows PowerShell 5.1 passes `"`, PowerShell 7.3+ the backslash too
  | 'windows-continuation' // `^` at line end (cmd.exe)
  | 'bash-continuation' // `\` at line end in a PowerShell or cmd command
  | 'powershell-continuation' // backtick at line end
  | 'history-expansion' // `!word` outside single quotes at an interactive prompt: bash replaces it from its history
  | 'powershell-drive-variable' // `$acct:role` in PowerShell: the variable `role` on a drive named `acct`
  | 'powershell-assignment' // `$X = aws ...` in a bash command: bash runs `=` as a command, the CLI never runs
  | 'bash-assignment' // `export X=...`, `X=...` in a PowerShell block: PowerShell cannot run it, `X` stays unset
  | 'pipe'
  | 'command-list' // `;`, `&&`, `||`, `&`
  | 'command-substitution' // backticks around text that is no command (Markdown code markup)
  | 'redirection'
  | 'brace-expansion' // unquoted `{a,b}`: bash turns one displayed word into several
  | 'comment'
  | 'hash-in-cmd' // `# text` in a cmd command: no comment there, the words go to the command
  | 'prompt' // a leading `$ ` prompt was removed
  | 'glued-prompt' // `$aws ...`: a `$` prompt without its blank, which bash reads as the variable `aws`
  | 'assignment'; // `NAME=value` before the command name: an environment variable, not an argument

export interface ShellIssue {
  kind: ShellIssueKind;
  message: string;
  start: Point;
  end: Point;
  /** For continuation issues outside bash: the character that continues a line in the command's shell (a backtick, `^`). */
  continuation?: string;
  /** A missing continuation inside a value broken after its `,`: the lines are to be joined, no ` \` added (no safe fix). */
  joinLines?: true;
  /** For `pipe`: the program the command's output goes into (`jq`, `grep`), as written. */
  pipedInto?: string;
  /** For `command-list` after `&&` or `;`: the program run next (`cat`, `echo`), as written. */
  followedBy?: string;
  /** For `continuation-in-single-quotes`: every single-quoted string of the command whose lines end in `\`. */
  singleQuoted?: { value: string; backslashes: Point[] }[];
}

/**
 * A command as displayed in a document and as bash would read it. Nothing is ever executed.
 */
export interface ShellCommand {
  /** The command's displayed text: its source lines joined with `\n`, exactly as written. */
  text: string;
  /** The source lines the command spans (re-joining their `text` with `\n` gives `text`). */
  lines: SourceLine[];
  position: Position;
  /** The words bash passes to the first simple command (after quote removal and continuation). */
  argv: string[];
  /** Words of `argv`, with positions. */
  words: Word[];
  /**
   * The words the author meant: equal to `words` unless continuations are missing, in which case the
   * indented parameter lines bash would run separately are joined back in.
   */
  intendedWords: Word[];
  issues: ShellIssue[];
  /** The lines of an `aws` command chained after this one (`aws a && aws b`), from where it starts. */
  rest?: SourceLine[];
  /** What closes the substitution (or quoted script) this command stands in, which `rest` stands in too (`X=$(aws a | xargs aws b)`). */
  restCloser?: Closer;
}

/** An `aws` command split into its parts (CLI names). */
export interface AwsCommand {
  shell: ShellCommand;
  /** The program that runs the CLI: `aws`, or LocalStack's `awslocal` wrapper. */
  launcher?: 'aws' | 'awslocal';
  /**
   * Written as inline code in a sentence (`` run `aws dynamodb scan --filter-expression ...` to find them ``): a sketch
   * of the call that may leave out what the rest of the text supplies: a missing required parameter is a warning there.
   */
  inProse?: true;
  /** A program the block runs on a later line (`cat out.json` after `aws lambda invoke ... out.json`), as written. */
  thenRuns?: string;
  /** Words used for the analysis: `shell.intendedWords`. */
  words: Word[];
  serviceWord?: Word;
  operationWord?: Word;
  service?: string;
  operation?: string;
  /** Global options (with their values) that stand between `aws` and the operation. */
  leadingGlobals: Word[];
  /** Everything after the operation, in order. */
  args: Word[];
}
