/** What the replay rules share: visiting each replayed command, and where a replay problem stands in the document. */
import type { AwsCommand } from '../commands/types.js';
import type { Point } from '../document/types.js';
import type { Example, Output } from '../examples/types.js';
import type { CommandTranslation } from '../model/input/types.js';
import type { ReplayProblem, ReplayResult } from './replay-results.js';
import type { RuleContext } from './types.js';

/** Where a replay problem stands in the document, and the subject its message starts with. */
export interface ProblemPlace {
  start: Point;
  end: Point;
  subject: string;
}

/** A request problem stands at the argument that gave the member (`--user-pool-id`), else at the command. */
export function requestProblemPlace(problem: ReplayProblem, command: AwsCommand, translation: CommandTranslation | undefined): ProblemPlace {
  const member = unescapePointerSegment(problem.pointer.split('/')[1] ?? '');
  // A member no argument gave came from --cli-input-json, when the command has one.
  const argument =
    translation?.arguments.find((candidate) => candidate.member === member && candidate.words.length > 0) ??
    translation?.arguments.find((candidate) => candidate.name === '--cli-input-json' && candidate.words.length > 0);
  if (argument) return { start: argument.words[0]!.start, end: argument.words.at(-1)!.end, subject: argument.name };
  const word = command.operationWord ?? command.words[0];
  const at = word ?? command.shell.position;
  return { start: at.start, end: at.end, subject: problem.pointer || '/' };
}

/** A response problem stands at the documented key (or value) its pointer names, else at the output block. */
export function responseProblemPlace(problem: ReplayProblem, output: Output): ProblemPlace {
  const location = output.map?.get(problem.pointer);
  const at = (problem.about === 'key' ? location?.key : undefined) ?? location?.value ?? output.position;
  return { start: at.start, end: at.end, subject: problem.pointer || '/' };
}

function unescapePointerSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Calls `visit` for every command the context can replay, with its result; a context without replay visits nothing. */
export async function forEachReplay(
  context: RuleContext,
  visit: (result: ReplayResult, command: AwsCommand, example: Example, commandIndex: number) => void,
): Promise<void> {
  if (!context.replay) return;
  for (const example of context.document.examples) {
    for (const [index, command] of example.commands.entries()) visit(await context.replay(command, example), command, example, index);
  }
}
