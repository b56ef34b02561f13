import type { Rule } from './types.js';

/** How a JSON block was (or was not) tied to a command, where the document does not say it. */
const outputAttachment: Rule = {
  id: 'output-attachment',
  severity: 'info',
  description:
    'A block is read as a command\'s output when the document says so: `Output:`, `**Example response**`, a sentence ' +
    'such as "The command returns the following:", an output heading under the command, a console transcript, or the ' +
    'JSON the command\'s own block shows. A JSON block that nothing ties to a command is not checked at all, and one ' +
    'read as the output only because it follows the command directly may be something else (a file, a request). ' +
    'Both are listed at info level, so nothing is skipped or attached unnoticed; an `Output:` line before the block settles it.',
  examples: {
    ok: [
      {
        name: 'tutorial.md',
        text: '## List the pools\n\n```bash\naws cognito-idp list-user-pools --max-results 10\n```\n\nOutput:\n\n```json\n{"UserPools": []}\n```\n',
        messages: [],
      },
      {
        // A fold whose summary names the output, after notes on the command's options.
        name: 'tutorial.md',
        text: '## List the pools\n\n```bash\naws cognito-idp list-user-pools --max-results 10\n```\n\n- `--max-results`: at most 10 pools.\n\n<details>\n<summary>Expected output</summary>\n\n```json\n{"UserPools": []}\n```\n</details>\n',
        messages: [],
      },
      {
        name: 'tutorial.md',
        text: 'Create a file named `policy.json` with the following content:\n\n```json\n{"Version": "2012-10-17"}\n```\n',
        messages: [],
      },
    ],
    notOk: [
      {
        name: 'tutorial.md',
        text: '## List the pools\n\n```bash\naws cognito-idp list-user-pools --max-results 10\n```\n\n```json\n{"UserPools": []}\n```\n',
        messages: [
          '7:1-9:4: info: This block is read as the output of the command on line 4 only because it follows it directly: introduce it with `Output:` if it is the output',
        ],
      },
      {
        name: 'tutorial.md',
        text: '## List the pools\n\n```bash\naws cognito-idp list-user-pools --max-results 10\n```\n\nThe pool is now ready.\n\n```json\n{"UserPools": []}\n```\n',
        messages: [
          '9:1-11:4: info: This JSON block is not checked: nothing ties it to the command on line 4 (introduce it with `Output:` if it is that command\'s output)',
        ],
      },
      {
        name: 'tutorial.md',
        text: '## Create a pool\n\n```bash\naws cognito-idp create-user-pool --pool-name demo\n```\n\n**Save the `Id` from the response**\n\n**Example response:**\n\n```json\n{"UserPool": {"Id": "us-east-1_EXAMPLE"}}\n```\n',
        messages: [
          '11:1-13:4: info: This JSON block is not checked: it follows the command on line 4, but the title on line 7 starts another example between them',
        ],
      },
      {
        name: 'notes.md',
        text: '# Notes\n\n```json\n{"UserPools": []}\n```\n',
        messages: ['3:1-5:4: info: This JSON block is not checked: no command comes before it in its section'],
      },
    ],
  },
  check({ document, report }) {
    for (const example of document.examples) {
      for (const output of example.outputs) {
        if (output.cue !== 'adjacent') continue;
        const command = example.commands[output.commandIndex];
        if (!command) continue;
        report({
          start: output.position.start,
          end: output.position.end,
          message: `This block is read as the output of the command on line ${command.shell.position.start.line} only because it follows it directly: introduce it with \`Output:\` if it is the output`,
          fingerprint: `adjacent ${command.shell.argv.slice(0, 3).join(' ')}`,
        });
      }
    }
    for (const block of document.unclaimed ?? []) {
      report({
        start: block.position.start,
        end: block.position.end,
        message:
          block.commandLine === undefined
            ? 'This JSON block is not checked: no command comes before it in its section'
            : block.titleLine !== undefined
              ? `This JSON block is not checked: it follows the command on line ${block.commandLine}, but the title on line ${block.titleLine} starts another example between them`
              : `This JSON block is not checked: nothing ties it to the command on line ${block.commandLine} (introduce it with \`Output:\` if it is that command's output)`,
        fingerprint: 'unclaimed',
      });
    }
  },
};

export default outputAttachment;
