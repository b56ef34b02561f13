/**
 * The commands stage's entry point: every `aws` command a code block runs, read as its shell reads it
 * and as its author meant it. Nothing is ever executed.
 */
import type { SourceLine } from '../document/types.js';
import { parseAwsCommand } from './aws.js';
import { AWS_LINE, readShellCommand, splitCommands } from './shell.js';
import type { AwsCommand } from './types.js';

/** The shell a block is written for: decided by the document (fence info string, the prose around it). */
export type ShellDialect = 'bash' | 'powershell' | 'cmd';

export interface BlockReadOptions {
  dialect?: ShellDialect;
  /** A terminal transcript (a `console` / `shell-session` fence): prompts (`$ `, `% `, `# `) start commands, other lines are output. */
  transcript?: boolean;
  /**
   * Shell variables the document assigned so far (`POOL_ID=...`, `export CLIENT_ID=...`): a later `$POOL_ID`
   * stands for its value in the author's reading. The reader adds the assignments it meets in this block.
   */
  variables?: Map<string, string>;
}

/**
 * One `aws` command of a block, and the lines the same block shows as its output: what a transcript prints after
 * the prompt line, or the JSON an RST literal block holds after the command (no `Output::` between).
 */
export interface BlockCommand {
  command: AwsCommand;
  output?: SourceLine[];
}

/** Every `aws` command the block runs, in order. */
export function readCommandsInBlock(lines: SourceLine[], _options: BlockReadOptions = {}): BlockCommand[] {
  const commands: BlockCommand[] = [];
  for (const group of splitCommands(lines)) {
    // `aws a && aws b` on one line: each command is read and checked on its own.
    for (let commandLines: SourceLine[] | undefined = group; commandLines; ) {
      const shell = readShellCommand(commandLines);
      if (shell.intendedWords[0]?.value === 'aws') commands.push({ command: parseAwsCommand(shell) });
      commandLines = shell.rest;
    }
  }
  return commands;
}

/** The index among non-blank lines of the first line that runs an `aws` command, -1 when there is none. */
export function firstAwsLine(lines: SourceLine[], _options: BlockReadOptions = {}): number {
  // Most blocks (outputs) have no `aws` at all, and one test over the whole text tells.
  if (!AWS_IN_TEXT.test(lines.map((line) => line.text).join('\n'))) return -1;
  return lines.filter((line) => line.text.trim() !== '').findIndex((line) => AWS_LINE.test(line.text));
}

const AWS_IN_TEXT = new RegExp(AWS_LINE.source, 'm');
