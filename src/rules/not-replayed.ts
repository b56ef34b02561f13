import { forEachReplay } from './replay-places.js';
import type { Rule } from './types.js';

/** Says, once per command, why it was not replayed or why its output was not compared, so a quiet report never means more than it does. */
const notReplayed: Rule = {
  id: 'not-replayed',
  severity: 'info',
  needsModels: true,
  replay: 'mock',
  description:
    'Some commands cannot be replayed through the SDK client: a protocol replay does not speak, an operation ' +
    'that streams events, a CLI customization, an unknown operation. Some are replayed but their output cannot be ' +
    'compared (text or table output, --query, no output shown). This rule says which and why, so that a clean ' +
    'report is never read as a replayed one.',
  examples: {
    ok: [
      {
        name: 'cognito-idp/list-groups.rst',
        text: '**To list groups**\n\n::\n\n    aws cognito-idp list-groups --user-pool-id us-west-2_EXAMPLE\n\nOutput::\n\n    {\n        "Groups": []\n    }\n',
        messages: [],
      },
    ],
    notOk: [
      {
        name: 'cognito-idp/list-groups.rst',
        text: '**To list groups as text**\n\n::\n\n    aws cognito-idp list-groups --user-pool-id us-west-2_EXAMPLE --output text\n\nOutput::\n\n    GROUPS  admins\n',
        messages: ['5:5-5:79: info: output not replayed: the output is printed with --output text'],
      },
    ],
  },
  async check(context) {
    // A live run: commands its target cannot answer (an operation it lacks, SRP, a code sent by email).
    for (const example of context.liveReplay ? context.document.examples : []) {
      for (const command of example.commands) {
        const result = await context.liveReplay!(command, example);
        const { start, end } = command.shell.position;
        if (result?.status === 'skipped') context.report({ start, end, message: `not replayed live: ${result.reason}`, fingerprint: `${command.operation}:live:${result.reason}` });
      }
    }
    await forEachReplay(context, (result, command) => {
      const { start, end } = command.shell.position;
      if (!result.replayed) context.report({ start, end, message: `not replayed: ${result.reason}`, fingerprint: `${command.operation}:${result.reason}` });
      else if (result.unchecked) context.report({ start, end, message: `output not replayed: ${result.unchecked}`, fingerprint: `${command.operation}:${result.unchecked}` });
    });
  },
};

export default notReplayed;
