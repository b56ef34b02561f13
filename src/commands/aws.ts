import type { Point } from '../document/types.js';
import type { AwsCommand, ShellCommand, Word } from './types.js';

/**
 * The AWS CLI v2 global options (its `global_options.rst`): `value` options take the next word
 * (or `--name=value`), `flag` options take none.
 */
export const GLOBAL_OPTIONS: Readonly<Record<string, 'value' | 'flag'>> = {
  '--debug': 'flag',
  '--endpoint-url': 'value',
  '--no-verify-ssl': 'flag',
  '--no-paginate': 'flag',
  '--output': 'value',
  '--query': 'value',
  '--profile': 'value',
  '--region': 'value',
  '--version': 'flag',
  '--color': 'value',
  '--no-sign-request': 'flag',
  '--ca-bundle': 'value',
  '--cli-read-timeout': 'value',
  '--cli-connect-timeout': 'value',
  '--cli-binary-format': 'value',
  '--no-cli-pager': 'flag',
  '--cli-auto-prompt': 'flag',
  '--no-cli-auto-prompt': 'flag',
  '--cli-error-format': 'value',
};

/** The global option a word names (`--region`, `--region=us-east-1`), if any. */
export function globalOptionOf(word: string): { name: string; takesValue: boolean; inlineValue: boolean } | undefined {
  // Values can be whole JSON documents: only an option name is worth splitting and looking up.
  if (!word.startsWith('--')) return undefined;
  const name = word.split('=', 1)[0]!;
  const kind = GLOBAL_OPTIONS[name];
  if (kind === undefined) return undefined;
  return { name, takesValue: kind === 'value', inlineValue: word.length > name.length };
}

/**
 * Splits `aws [globals] <service> [globals] <operation> <args...>` (the intended words).
 * `awslocal` (LocalStack's wrapper) is read the same way. `aws help` and `aws --version` have a service word or none, and no operation.
 */
export function parseAwsCommand(shell: ShellCommand): AwsCommand {
  const words = shell.intendedWords;
  const command: AwsCommand = { shell, words, leadingGlobals: [], args: [] };
  const launcher = words[0]?.value;
  if (launcher !== 'aws' && launcher !== 'awslocal') return command;
  command.launcher = launcher;
  let index = 1;
  /** Moves global options (and their values) at `index` into `leadingGlobals`. */
  const takeGlobals = () => {
    for (let option = globalOptionOf(words[index]?.value ?? ''); option !== undefined; option = globalOptionOf(words[index]?.value ?? '')) {
      command.leadingGlobals.push(words[index++]!);
      if (option.takesValue && !option.inlineValue && index < words.length) command.leadingGlobals.push(words[index++]!);
    }
  };
  takeGlobals();
  const serviceWord: Word | undefined = words[index];
  // `aws --version` prints the version and exits before it reads a service: words after it (`←check`) are none.
  const printsVersion = command.leadingGlobals.some((word) => word.value === '--version');
  if (serviceWord === undefined || serviceWord.value.startsWith('-') || printsVersion) {
    command.args = words.slice(index);
    return command;
  }
  command.serviceWord = serviceWord;
  command.service = serviceWord.value;
  index++;
  if (serviceWord.value === 'help') {
    command.args = words.slice(index);
    return command;
  }
  takeGlobals();
  const operationWord: Word | undefined = words[index];
  if (operationWord !== undefined && !operationWord.value.startsWith('-')) {
    command.operationWord = operationWord;
    command.operation = operationWord.value;
    index++;
  }
  command.args = words.slice(index);
  return command;
}

/** The word of a command (as its shell reads it) that starts at `start`: the one a shell issue is about. */
export function wordAt(command: AwsCommand, start: Point): Word | undefined {
  return command.shell.words.find((word) => word.start.offset === start.offset);
}

/** Programs that print what they are given unchanged: output piped into them is still the CLI's. */
const PASS_THROUGH = new Set(['tee', 'cat', 'less', 'more']);

/** The program that reshapes the command's output (`aws ... | jq ...`), if the output goes through one. */
export function outputPipedInto(command: AwsCommand): string | undefined {
  const pipe = command.shell.issues.find((issue) => issue.kind === 'pipe');
  const program = pipe?.pipedInto?.replace(/^.*\//, '');
  return program === undefined || PASS_THROUGH.has(program) ? undefined : program;
}

/**
 * Programs that print nothing when they succeed (and the words that close a loop or branch): run after the command,
 * they add nothing to the output shown.
 */
const SILENT = new Set(['cd', 'rm', 'mv', 'cp', 'mkdir', 'touch', 'chmod', 'ln', 'sleep', 'export', 'unset', 'true', 'wait', 'set', 'done', 'fi', 'esac', '}']);

/**
 * The program run after the command whose output a block after it may show, when it prints: after `&&` or `;`
 * (`aws lambda invoke ... out.json && cat out.json`) or on a later line of the block.
 */
export function outputFollowedBy(command: AwsCommand): string | undefined {
  const list = command.shell.issues.find((issue) => issue.kind === 'command-list' && issue.followedBy !== undefined);
  for (const written of [list?.followedBy, command.thenRuns]) {
    const program = written?.replace(/^.*[\\/]/, '');
    // `&& X=value`: an assignment prints nothing either.
    if (program !== undefined && !SILENT.has(program) && !program.includes('=')) return program;
  }
  return undefined;
}
