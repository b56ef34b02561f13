import type { Rule } from './types.js';

/** An output block and a "no output" sentence documenting the same command. */
const outputConflict: Rule = {
  id: 'output-conflict',
  severity: 'warning',
  description:
    'A command documented with both an output block and a sentence such as "This command produces no output." ' +
    'contradicts itself: one of the two is stale. Readers cannot tell which, and replay cannot check the command ' +
    'against an answer it does not know.',
  examples: {
    ok: [
      {
        name: 'cognito-idp/delete-group.rst',
        text:
          '**To delete a group**\n\nThe following example deletes a group. ::\n\n' +
          '    aws cognito-idp delete-group \\\n        --user-pool-id us-west-2_EXAMPLE \\\n        --group-name admins\n\n' +
          'This command produces no output.\n',
        messages: [],
      },
    ],
    notOk: [
      {
        name: 'cognito-idp/delete-group.rst',
        text:
          '**To delete a group**\n\nThe following example deletes a group. ::\n\n' +
          '    aws cognito-idp delete-group \\\n        --user-pool-id us-west-2_EXAMPLE \\\n        --group-name admins\n\n' +
          'This command produces no output.\n\nOutput::\n\n    {\n        "GroupName": "admins"\n    }\n',
        messages: ['9:1-9:33: warning: Command 1 is documented both with an output block (line 13) and as producing no output'],
      },
    ],
  },
  check({ document, report }) {
    for (const example of document.examples) {
      for (const none of example.outputs.filter((output) => output.kind === 'none')) {
        const block = example.outputs.find((output) => output.kind !== 'none' && output.commandIndex === none.commandIndex);
        if (!block) continue;
        report({
          start: none.position.start,
          end: none.position.end,
          message: `Command ${none.commandIndex + 1} is documented both with an output block (line ${block.position.start.line}) and as producing no output`,
        });
      }
    }
  },
};

export default outputConflict;
