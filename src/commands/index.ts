/**
 * The commands stage's entry point: every `aws` command a code block runs, read as its shell reads it
 * and as its author meant it. Nothing is ever executed.
 */
import type { SourceLine } from '../document/types.js';
import { parseAwsCommand } from './aws.js';
import { ASSIGNMENT, AWS_CHAINED, AWS_SUBSTITUTION, insideQuotedScript, linesFrom, readShellCommand, readsRootPrompts, recordAssignments, recordLoopVariables, splitBlock, startsAwsCommand, type LineGroup } from './shell.js';
import type { AwsCommand, Closer, ShellCommand, ShellIssue } from './types.js';
import { bashAssignmentsIn, POWERSHELL_INNER_AWS, readWindowsCommand, WINDOWS_CHAINED_AWS, recordWindowsAssignments, splitWindowsBlock, startsWindowsAwsCommand } from './windows.js';

export { dialectOfContinuations, dialectOfPrompt } from './windows.js';
export { hereDocumentFiles, OUTPUT_LABEL_COMMENT, SHELL_COMMENT, startsPromptedAwsCommand } from './shell.js';

/** The shell a block is written for: decided by the document (fence info string, the prose around it). */
export type ShellDialect = 'bash' | 'powershell' | 'cmd';

export interface BlockReadOptions {
  dialect?: ShellDialect;
  /** A terminal transcript (a `console` / `shell-session` fence): prompts (`$ `, `% `, `# `) start commands, other lines are output. */
  transcript?: boolean;
  /** A plain-text block (`text`, `plain`) showing commands as run: the lines after a command that do not continue it are its output. */
  plainText?: boolean;
  /**
   * Shell variables the document assigned so far (`POOL_ID=...`, `export CLIENT_ID=...`): a later `$POOL_ID`
   * stands for its value in the author's reading. The reader adds the assignments it meets in this block.
   */
  variables?: Map<string, string>;
  /**
   * Variables whose assignment bash refuses (`TAG=<GIT_SHA>`), with the issue to say at the first command that uses
   * one. The reader adds the ones it meets in this block and removes those it says.
   */
  refusedAssignments?: Map<string, ShellIssue>;
}

/**
 * One `aws` command of a block, and the lines the same block shows as its output: what a transcript prints after
 * the prompt line, or the JSON an RST literal block holds after the command (no `Output::` between).
 */
export interface BlockCommand {
  command: AwsCommand;
  output?: SourceLine[];
}

const LAUNCHERS: ReadonlySet<string> = new Set(['aws', 'awslocal']);

/**
 * A synopsis's optional part: a whole option, with its value, or a value in brackets (`[--max-items <value>]`,
 * `[--profile dev]`, `[--recursive]`, `[<path>]`), or the help page's `[options]`, which no command run has. A bash
 * test (`[ -z "$X" ]`) has blanks inside its brackets; a placeholder in brackets (`[region]`) is a value.
 */
const OPTIONAL_PART = /(?:^|[ \t])\[(?:--?[A-Za-z][\w-]*(?:[ \t]+[^\]\s][^\]\n]*)?|<[^>\n]*>|options|parameters|arguments|args)\]/;

/** A command written as its synopsis (the help page's form), with what follows it: no command to read. */
function isSynopsis(group: { lines: SourceLine[]; output?: SourceLine[] }): boolean {
  return [...group.lines, ...(group.output ?? [])].some((line) => line.text.includes('[') && OPTIONAL_PART.test(line.text));
}

/** The shell reader's transcript, where `# ` is root's prompt: a transcript that shows no user's prompt. */
function readsAsTranscript(lines: readonly SourceLine[], options: BlockReadOptions): boolean {
  return options.transcript === true && readsRootPrompts(lines);
}

/** Every `aws` command the block runs, in order. */
export function readCommandsInBlock(lines: SourceLine[], options: BlockReadOptions = {}): BlockCommand[] {
  const variables = options.variables ?? new Map<string, string>();
  const refused = options.refusedAssignments ?? new Map<string, ShellIssue>();
  const readOptions = { transcript: readsAsTranscript(lines, options), plainText: options.plainText ?? false, variables };
  const commands: BlockCommand[] = [];
  const { dialect = 'bash' } = options;
  if (dialect !== 'bash') {
    // Said at the first command at or after the first of them.
    let bashAssignments = dialect === 'powershell' ? bashAssignmentsIn(lines) : undefined;
    for (const group of splitWindowsBlock(lines, dialect)) {
      if (isSynopsis(group)) continue;
      // `aws a ; aws b` on one line: each command is read and checked on its own (the block's output goes with the first, as in bash).
      const read: ShellCommand[] = [];
      for (let commandLines: SourceLine[] | undefined = group.lines; commandLines; ) {
        const shell = readWindowsCommand(commandLines, dialect, variables);
        read.push(shell);
        commandLines = shell.rest;
      }
      // `aws` commands inside `$(...)`, `(...)` or `{...}` elsewhere in the lines (`--arn $(aws ...)`, `ForEach-Object { aws ... }`).
      if (dialect === 'powershell' && group.lines.some((line) => line.text.includes('aws'))) {
        readInnerCommands(read, group.lines, POWERSHELL_INNER_AWS, (from) => readWindowsCommand(from, dialect, variables));
      }
      read.sort((a, b) => (a.words[0]?.start.offset ?? 0) - (b.words[0]?.start.offset ?? 0));
      const launched = read.filter(runsAws);
      const after = bashAssignments && launched.find((shell) => (shell.words[0]?.start.offset ?? -1) >= bashAssignments!.start.offset!);
      if (after) {
        after.issues.push(bashAssignments!);
        bashAssignments = undefined;
      }
      if (refused.size > 0) for (const shell of launched) sayRefusedAssignments(shell, refused);
      commands.push(...blockCommands(group, launched));
      recordWindowsAssignments(group.lines, dialect, variables, refused);
    }
    return commands;
  }
  /** A `for` loop above whose list bash refuses (`for s in <SUBNET_A> <SUBNET_B>; do`): said at the first command it runs. */
  let refusedLoop: ShellIssue | undefined;
  for (const group of splitBlock(lines, readOptions)) {
    if (isSynopsis(group)) continue;
    // Before its commands are read: a loop on one line runs them with its variable set.
    recordLoopVariables(group.lines, variables);
    const read: ShellCommand[] = [];
    // `aws a && aws b` on one line: each command is read and checked on its own.
    for (let commandLines: SourceLine[] | undefined = group.lines, closer: Closer | undefined = group.closer; commandLines; ) {
      const shell = readShellCommand(commandLines, closer ? { ...readOptions, closer } : readOptions);
      read.push(shell);
      commandLines = shell.rest;
      closer = shell.restCloser;
    }
    // `aws` commands inside command substitutions elsewhere in the lines (`--ids $(aws ...)`, `for b in $(aws ...)`).
    if (group.lines.some((line) => mayHoldSubstitution(line.text))) readInnerCommands(read, group.lines, AWS_SUBSTITUTION, (from) => readShellCommand(from, readOptions));
    // `aws` commands chained on the group's later lines, which another command starts (`[ -n "$X" ] && aws ...`,
    // `if ...; then aws ...; fi`): the group's first line reads its own chain.
    for (let index = 1, lineStart = group.lines[0]!.text.length + 1; index < group.lines.length; index++) {
      const line = group.lines[index]!;
      // Most later lines are parameters: no `aws` after an operator, and no pattern to run.
      if (line.text.includes('aws') && CHAIN_MARK.test(line.text)) {
        for (const match of line.text.matchAll(AWS_CHAINED)) {
          if (COMMENT_BEFORE.test(line.text.slice(0, match.index))) continue;
          const at = match.index + match[0].length - match.groups!['launcher']!.length;
          if (read.some((other) => other.words[0]?.start.offset === line.offset + at)) continue;
          read.push(readShellCommand(linesFrom(group.lines, lineStart + at), insideQuotedScript(line.text, at) ? { ...readOptions, closer: "'" } : readOptions));
        }
      }
      lineStart += line.text.length + 1;
    }
    read.sort((a, b) => (a.words[0]?.start.offset ?? 0) - (b.words[0]?.start.offset ?? 0));
    const launched = read.filter(runsAws);
    if (refused.size > 0) for (const shell of launched) sayRefusedAssignments(shell, refused);
    if (launched.length === 0) refusedLoop = placeholderInLoopList(group.lines) ?? refusedLoop;
    else if (refusedLoop) {
      launched[0]!.issues.push(refusedLoop);
      refusedLoop = undefined;
    }
    commands.push(...blockCommands(group, launched));
    recordAssignments(group.lines, variables, refused);
  }
  return commands;
}

/** Says, at a command that uses a variable whose assignment bash refused, why the variable is empty: once per variable. */
function sayRefusedAssignments(shell: ShellCommand, refused: Map<string, ShellIssue>): void {
  for (const [name, issue] of refused) {
    if (!new RegExp(String.raw`\$(?:${name}(?![A-Za-z0-9_])|\{${name}\})`).test(shell.text)) continue;
    shell.issues.push(issue);
    refused.delete(name);
  }
}

/** A `#` that starts a comment earlier on the line (at its start or after a blank). */
const COMMENT_BEFORE = /(?:^|[ \t])#/;

/** Adds the commands `pattern` finds inside the lines (substitutions, script blocks), each read from where it starts, unless read already. */
function readInnerCommands(read: ShellCommand[], lines: SourceLine[], pattern: RegExp, readFrom: (lines: SourceLine[]) => ShellCommand): void {
  const text = lines.map((line) => line.text).join('\n');
  for (const match of text.matchAll(pattern)) {
    // `#ID=$(aws ...`: a commented-out line runs nothing.
    if (COMMENT_BEFORE.test(text.slice(text.lastIndexOf('\n', match.index - 1) + 1, match.index))) continue;
    const shell = readFrom(linesFrom(lines, match.index));
    if (!read.some((other) => other.words[0]?.start.offset === shell.words[0]?.start.offset)) read.push(shell);
  }
}

/**
 * `for SUBNET in <SUBNET_A> <SUBNET_B>; do`: bash reads an unquoted placeholder in a `for` list as a redirection,
 * which a list cannot hold, and refuses the whole loop, so the commands in its body never run.
 */
function placeholderInLoopList(lines: readonly SourceLine[]): ShellIssue | undefined {
  for (const [index, line] of lines.entries()) {
    const loop = FOR_LIST.exec(line.text);
    // A loop that closes in these lines runs no `aws` command.
    if (!loop || lines.slice(index).some((later) => LOOP_END.test(later.text))) continue;
    const listStart = loop[0].length - loop[1]!.length;
    const placeholders = [...loop[1]!.matchAll(LIST_PLACEHOLDER)].filter((match) => !/["']/.test(loop[1]!.slice(0, match.index)));
    const [first] = placeholders;
    if (!first) continue;
    const at = (index: number) => ({ line: line.line, column: line.column + index, offset: line.offset + index });
    const start = listStart + first.index;
    const count = placeholders.length === 1 ? 'the placeholder' : `the placeholders (${placeholders.length} in the list)`;
    return {
      kind: 'placeholder-syntax-error',
      message: `bash refuses the \`for\` loop that runs this command: it reads the unquoted \`${first[0]}\` in the loop's list as a redirection, which a list cannot hold, and runs nothing; quote ${count} or replace them with values.`,
      start: at(start),
      end: at(start + first[0].length),
    };
  }
  return undefined;
}

const FOR_LIST = /^[ \t]*for[ \t]+[A-Za-z_][A-Za-z0-9_]*[ \t]+in[ \t]+([^;\n]*)/;
const LIST_PLACEHOLDER = /<[A-Za-z][^<>\n]*>/g;
const LOOP_END = /(?:^|[;&|][ \t]*)done\b/;

/**
 * The first program the lines run after the last `aws` command's lines (`cat out.json`), comments, blank lines and
 * assignments aside: `ID=$(echo "$R" | jq -r .Id)` prints nothing, the `echo "$ID"` after it does.
 */
function programAfter(lines: readonly SourceLine[], last: ShellCommand | undefined): string | undefined {
  // A here-document's lines are the command's input, not another program.
  if (!last || last.text.includes('<<')) return undefined;
  const lastLine = endLine(last);
  for (const line of lines) {
    if (line.line <= lastLine) continue;
    const word = PROGRAM.exec(line.text)?.[1];
    // `Output::` inside the block is a label before the output, no program.
    if (word !== undefined && !word.endsWith(':') && !ASSIGNMENT.test(word)) return word;
  }
  return undefined;
}

/** A line's first word, unless the line is blank or a comment. */
const PROGRAM = /^[ \t]*([^ \t#;|&<>()'"`{}[\]][^ \t;|&<>()]*)/;

const runsAws = (shell: ShellCommand) => LAUNCHERS.has(shell.intendedWords[0]?.value ?? '');

/** The line a command's own words end on (its position spans the lines it was read from). */
function endLine(shell: ShellCommand): number {
  return shell.intendedWords.at(-1)?.end.line ?? shell.position.start.line;
}

/** A group's `aws` commands, each knowing the program run after them; the group's output goes with the first. */
function blockCommands(group: LineGroup, launched: readonly ShellCommand[]): BlockCommand[] {
  // The command that ends last: the outer one, not one inside its `$(...)` (`--topic-arn "$(aws ...)"` then more options).
  const last = launched.reduce<ShellCommand | undefined>((latest, shell) => (latest === undefined || endLine(shell) > endLine(latest) ? shell : latest), undefined);
  const thenRuns = programAfter(group.lines, last);
  return launched.map((shell, index) => {
    const command = parseAwsCommand(shell);
    if (thenRuns !== undefined) command.thenRuns = thenRuns;
    return { command, ...(index === 0 && group.output && { output: group.output }) };
  });
}

/** What comes before a chained command: `&&`, `||`, `;`, or `then` / `do` / `else`. */
const CHAIN_MARK = /&&|\||;|\b(?:then|do|else)\b/;

/** A command substitution opens with `$(`, `<(`, `>(` or a backtick: most commands have none, and skip the long pattern. */
function mayHoldSubstitution(text: string): boolean {
  return text.includes('(') || text.includes('`');
}

/** AWS_SUBSTITUTION without its global state, for a plain test (compiled once: it is a long pattern). */
const AWS_SUBSTITUTION_IN_LINE = new RegExp(AWS_SUBSTITUTION.source);
const AWS_CHAINED_IN_LINE = new RegExp(AWS_CHAINED.source);

/** A line that runs `aws` after another program (`terraform output | xargs -I {} aws ...`), not in a comment. */
function chainsAws(text: string): boolean {
  const match = CHAIN_MARK.test(text) ? AWS_CHAINED_IN_LINE.exec(text) : null;
  return match !== null && !COMMENT_BEFORE.test(text.slice(0, match.index));
}

/** The index among non-blank lines of the first line that runs an `aws` command, -1 when there is none. */
export function firstAwsLine(lines: SourceLine[], options: BlockReadOptions = {}): number {
  const transcript = readsAsTranscript(lines, options);
  const windows = options.dialect === 'powershell' || options.dialect === 'cmd';
  let index = 0;
  for (const { text } of lines) {
    if (!NON_BLANK.test(text)) continue;
    // Every launcher holds `aws`: most lines (outputs, prose) do not, and skip the long patterns.
    if (text.includes('aws') && (windows ? startsWindowsAwsCommand(text) || WINDOWS_CHAINED_AWS.test(text) : startsAwsCommand(text, transcript) || (mayHoldSubstitution(text) && AWS_SUBSTITUTION_IN_LINE.test(text)) || chainsAws(text))) return index;
    index++;
  }
  return -1;
}

const NON_BLANK = /\S/;
