/** Each command's replay outcome, as reports show it (pass rates, documented vs replayed output side by side). */
import type { AwsCommand } from '../commands/types.js';
import type { Example } from '../examples/types.js';
import type { CommandReplay } from './replay-results.js';
import type { RuleContext } from './types.js';

/**
 * The replay outcome of every command of the context's document, or undefined when the run does not replay.
 * Replays are memoized by the replay stage: the rules asked for every one already, this asks again for free.
 * `mask` hides the document's secrets in the values shown.
 */
export async function commandReplays(context: RuleContext, mask: (value: unknown) => unknown): Promise<Map<AwsCommand, CommandReplay> | undefined> {
  if (!context.replay && !context.liveReplay) return undefined;
  const outcomes = new Map<AwsCommand, CommandReplay>();
  for (const example of context.document.examples) {
    for (const [index, command] of example.commands.entries()) {
      const documented = example.outputs.find((output) => output.commandIndex === index && output.kind === 'json')?.value;
      const outcome = context.liveReplay ? await liveOutcome(context, command, example, documented) : await mockOutcome(context, command, example, documented);
      if (!outcome) continue;
      if (outcome.documented !== undefined) outcome.documented = mask(outcome.documented);
      if (outcome.replayed !== undefined) outcome.replayed = mask(outcome.replayed);
      outcome.differences = outcome.differences.map((difference) => ({ ...difference, message: mask(difference.message) as string }));
      if (outcome.reason !== undefined) outcome.reason = mask(outcome.reason) as string;
      outcomes.set(command, outcome);
    }
  }
  return outcomes;
}

async function mockOutcome(context: RuleContext, command: AwsCommand, example: Example, documented: unknown): Promise<CommandReplay | undefined> {
  const result = await context.replay!(command, example);
  if (!result.replayed) return { status: 'not-replayed', reason: result.reason, differences: [] };
  const problems = [...result.requestProblems, ...result.responseProblems, ...result.errorProblems];
  const compared = result.unchecked === undefined && documented !== undefined && result.output !== undefined;
  return {
    status: problems.length === 0 ? 'passed' : 'failed',
    ...(result.unchecked !== undefined ? { reason: `output not compared: ${result.unchecked}` } : {}),
    ...(compared ? { documented, replayed: result.output } : {}),
    // Request and error problems are about the input and the call: the findings say them; the diff shows outputs.
    differences: result.responseProblems.map((problem) => ({ pointer: problem.pointer, kind: problem.about === 'key' ? 'missing' : 'value', message: problem.message })),
  };
}

async function liveOutcome(context: RuleContext, command: AwsCommand, example: Example, documented: unknown): Promise<CommandReplay | undefined> {
  const result = await context.liveReplay!(command, example);
  if (!result) return undefined;
  if (result.status === 'skipped') return { status: 'not-replayed', reason: result.reason ?? 'skipped', differences: [] };
  const failed = result.status === 'failed';
  return {
    status: failed ? 'failed' : 'passed',
    ...(result.reason !== undefined ? { reason: result.reason } : {}),
    ...(documented !== undefined && result.output !== undefined ? { documented, replayed: result.output } : {}),
    differences: result.differences.map((difference) => ({ pointer: difference.pointer, kind: difference.kind, message: difference.message, severity: difference.severity })),
  };
}
