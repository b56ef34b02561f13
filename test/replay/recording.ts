import type { AwsCommand } from '../../src/commands/types.js';
import type { Example } from '../../src/examples/types.js';
import { extendWithReplay } from '../../src/replay/index.js';
import type { ReplayResult } from '../../src/replay/types.js';
import type { RuleContext } from '../../src/rules/types.js';

export interface ReplayRecord {
  command: AwsCommand;
  example: Example;
  result: ReplayResult;
  context: RuleContext;
}

/** A rule-context extension that replays as `replay` does and hands each command's result, once, to `record`. */
export function recordingReplay(record: (entry: ReplayRecord) => void): (context: RuleContext) => void {
  return (context) => {
    extendWithReplay(context);
    const replay = context.replay!;
    const seen = new Set<AwsCommand>();
    context.replay = async (command, example) => {
      const result = await replay(command, example);
      if (!seen.has(command)) {
        seen.add(command);
        record({ command, example, result, context });
      }
      return result;
    };
  };
}
