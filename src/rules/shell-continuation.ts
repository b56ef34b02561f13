import type { ShellIssue } from '../commands/types.js';
import type { Rule } from './types.js';

/** Issues where bash joins the displayed lines differently from what the author meant. */
const CONTINUATION_ISSUES = new Set<ShellIssue['kind']>(['missing-continuation', 'space-after-continuation', 'continuation-in-single-quotes']);

/** Where the blanks at the end of the line holding `offset` end. */
function endOfTrailingBlanks(text: string, offset: number): number {
  let end = offset;
  while (text[end] === ' ' || text[end] === '\t') end++;
  return end;
}

const shellContinuation: Rule = {
  id: 'shell-continuation',
  severity: 'error',
  description:
    'Multi-line commands must continue each line with a `\\` that ends the line. A line without one, or with ' +
    'spaces after it, makes bash run a shorter command (the parameters on the next lines then fail as commands ' +
    'of their own); a `\\` at a line end inside single quotes is kept in the value, which breaks JSON. The first ' +
    'two have a safe fix: add ` \\` at the end of the line, or remove the blanks after the `\\`.',
  examples: {
    ok: [
      {
        name: 'sns/publish.rst',
        text: '**To publish a message**\n\nThe following example publishes a message. ::\n\n    aws sns publish \\\n        --topic-arn arn:aws:sns:us-west-2:123456789012:my-topic \\\n        --message \'{"a": 1}\'\n',
        messages: [],
      },
    ],
    notOk: [
      {
        name: 'sns/publish.rst',
        text: '**To publish a message**\n\nThe following example publishes a message. ::\n\n    aws sns publish\n        --topic-arn arn:aws:sns:us-west-2:123456789012:my-topic \\  \n        --message hello\n',
        messages: [
          '5:19-5:20: error: This line does not end in `\\`, so bash runs the command without the parameters on the next line; add ` \\` at the end of the line.',
          '6:65-6:68: error: Spaces after the `\\` at the end of this line make bash read an escaped space and end the command here; remove them.',
        ],
      },
      {
        name: 'sns/publish.rst',
        text: "**To publish a message**\n\nThe following example publishes a message. ::\n\n    aws sns publish \\\n        --message '{ \\\n            \"a\": 1 }'\n",
        messages: [
          '6:22-6:23: error: Inside single quotes a `\\` at the end of a line is not a continuation: bash keeps the backslash and the line break in the value.',
        ],
      },
    ],
  },
  check({ document, report }) {
    const text = String(document.file.value);
    for (const example of document.examples) {
      for (const command of example.commands) {
        for (const issue of command.shell.issues) {
          if (!CONTINUATION_ISSUES.has(issue.kind)) continue;
          const { start, end, message } = issue;
          // Our reader always sets offsets; unist makes them optional.
          const from = start.offset ?? 0;
          const to = end.offset ?? 0;
          const fix =
            issue.kind === 'missing-continuation'
              ? { start: to, end: endOfTrailingBlanks(text, to), text: ' \\' }
              : issue.kind === 'space-after-continuation'
                ? { start: from + 1, end: to, text: '' }
                : undefined;
          const line = text.slice(from, to);
          report({ start, end, message, fingerprint: `${issue.kind}:${command.service} ${command.operation}:${line}`, ...(fix && { fix }) });
        }
      }
    }
  },
};

export default shellContinuation;
