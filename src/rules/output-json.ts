import { outputFollowedBy, outputPipedInto } from '../commands/aws.js';
import { JSON_MEMBER_LINE, NESTED_TOO_DEEP } from '../document/json-text.js';
import type { SourceLine } from '../document/types.js';
import { parseJsonBlock } from '../examples/json/parse.js';
import { showsTheOutfile } from './not-validated.js';
import type { Rule } from './types.js';

const command = '    aws cognito-idp describe-user-pool-client \\\n        --user-pool-id us-west-2_EXAMPLE \\\n        --client-id 1example23456789\n\n';
const title = '**To describe a user pool client**\n\nThe following example describes a client. ::\n\n';
/** The document the examples share: the output block starts at line 11, indented by 4. */
const documentWith = (output: string) => `${title}${command}Output::\n\n${output.replace(/^/gm, '    ')}\n`;

/** A sentence saying the block shows part of the output. */
const PART_OF_OUTPUT = /\b(?:relevant|excerpt|partial|portion|snippet|truncated|abridged|part of the output|some of the output)\b/i;

/** A documented JSON output that does not parse, and the `...` elisions that leave parts of one unchecked. */
const outputJson: Rule = {
  id: 'output-json',
  severity: 'error',
  description:
    'A JSON output block must be valid JSON (what the CLI prints with --output json): a missing or trailing comma, ' +
    'an unterminated string or an unquoted value makes the whole output uncheckable against the service model and ' +
    'misleads readers who copy it. Members shown without the braces of their object are said once (a warning where ' +
    'the text says the block is an excerpt). What a program the output is piped into prints (`| jq`) is not looked at; JSON documents one after another, each opening on a line of its own, are what a command run once per item printed (`xargs`, a loop): each is an output, checked on its own. Elisions ("...", also `# ... more output ...`) are accepted where an element or member could stand and noted, ' +
    'since what they leave out is never checked; an author\'s `# note` or `// note` between tokens (JSON has neither there) is set aside; an output cut off after a `,` with no "..." is an unmarked excerpt (a warning), and so are members shown without their object\'s braces where the text calls them an excerpt or they are cut off so too. JSON nested deeper than 100 levels (no AWS output is) is reported ' +
    'and not read any further.',
  examples: {
    ok: [
      {
        name: 'cognito-idp/describe-user-pool-client.rst',
        text: documentWith('{\n    "UserPoolClient": {\n        "ClientName": "my-app",\n        "RefreshTokenValidity": 30\n    }\n}'),
        messages: [],
      },
      {
        // A lone member line between a script's commands points at the value to take: no output the CLI printed.
        name: 'guide.md',
        text: '# Pick an instance\n\n```bash\naws ec2 describe-instances --region eu-west-3\n\n"InstanceId": "i-0abc1234def567890"\n\naws ec2 stop-instances --instance-ids i-0abc1234def567890\n```\n',
        messages: [],
      },
      {
        // A command run once per item prints one JSON document each time: each is an output of its own.
        name: 'guide.md',
        text: '# Groups\n\n```console\n$ printf "a\\nb\\n" | xargs -I{} aws cognito-idp get-group --user-pool-id us-west-2_EXAMPLE --group-name {}\n{\n    "Group": {"GroupName": "a"}\n}\n{\n    "Group": {"GroupName": "b"}\n}\n```\n',
        messages: [],
      },
      {
        // The author's notes on the values: set aside, the rest is checked.
        name: 'cognito-idp/describe-user-pool-client.rst',
        text: documentWith('{\n    "UserPoolClient": {\n        "ClientName": "my-app",  // the name you chose\n        "RefreshTokenValidity": 30  # days\n    }\n}'),
        messages: [],
      },
      {
        // Log lines open with a tag in brackets: text, never a JSON array.
        name: 'guide.md',
        text: '# Start the service\n\n```bash\naws ecs update-service --cluster main --service api --force-new-deployment\n```\n\nThe application then logs:\n\n```\n[Nest] LOG Cache miss for key: user:42\n[Nest] LOG Cache set\n```\n',
        messages: [],
      },
    ],
    notOk: [
      // A placeholder where a value stands: the reader fills it in; the value is not checked, and it is no syntax error.
      {
        name: 'cognito-idp/describe-user-pool-client.rst',
        text: documentWith('{\n    "UserPoolClient": {\n        "ClientName": "my-app",\n        "ClientSecret": <CLIENT_SECRET>\n    }\n}'),
        messages: ['14:29-14:44: info: Output shows a placeholder where a value stands: that value is not checked (the CLI prints it quoted, as JSON)'],
      },
      // Cut off after a member, with no '...': an unmarked excerpt, a warning.
      {
        name: 'cognito-idp/list-groups.rst',
        text: '**To list groups**\n\n::\n\n    aws cognito-idp list-groups --user-pool-id us-west-2_EXAMPLE\n\nOutput::\n\n    {\n        "Groups": [\n            {\n                "GroupName": "admins"\n            },\n',
        messages: ["13:15-13:15: warning: Output stops after a ',' with 2 brackets still open: the rest is cut off; mark the cut with '...' (what it leaves out is not checked)"],
      },
      // Members without their braces, cut off after a ',' too: an excerpt at both ends, a warning.
      {
        name: 'cognito-idp/list-groups.rst',
        text: '**To list groups**\n\n::\n\n    aws cognito-idp list-groups --user-pool-id us-west-2_EXAMPLE\n\nOutput::\n\n    "Groups": [\n        {\n            "GroupName": "admins",\n',
        messages: ["9:5-9:6: warning: Output is not valid JSON: it shows part of an object without the '{' and '}' around it; keep them and mark what is left out with '...'"],
      },
      {
        name: 'cognito-idp/describe-user-pool-client.rst',
        text: documentWith('{\n    "UserPoolClient": {\n        "ClientName": "my-app"\n        "RefreshTokenValidity": 30\n    }\n}'),
        messages: ["14:13-14:14: error: Output is not valid JSON: Expected ',' or '}' after a member: insert ',' at 13:35, after the previous member"],
      },
      {
        name: 'cognito-idp/describe-user-pool-client.rst',
        text: documentWith('{\n    "UserPoolClient": {\n        "ClientName": "my-app",\n    }\n}'),
        messages: ["14:9-14:10: error: Output is not valid JSON: Trailing comma before '}': delete the ',' at 13:35"],
      },
      {
        name: 'cognito-idp/describe-user-pool-client.rst',
        text: documentWith('"UserPoolClient": {\n    "ClientName": "my-app"\n}'),
        messages: ["11:5-11:6: error: Output is not valid JSON: it shows an object's members without the '{' and '}' around them"],
      },
      // `# Result` after a prompted command labels what it printed (no root prompt): the JSON after it is that output.
      {
        name: 'guide.md',
        text: '# Clients\n\n```bash\n$ aws cognito-idp list-user-pool-clients --user-pool-id us-west-2_EXAMPLE --max-results 5\n\n# Result\n{\n    "UserPoolClients": []\n```\n',
        messages: ["8:26-8:26: error: Output is not valid JSON: Unexpected end of input: 1 bracket still open (the last is the '{' at 7:1)"],
      },
      // The text says the block is an excerpt: the braces are still what a reader expects.
      {
        name: 'cognito-idp/describe-user-pool-client.rst',
        text: `${title}${command}The following shows only the relevant part of the output::\n\n    "ClientName": "my-app"\n`,
        messages: ["11:5-11:6: warning: Output is not valid JSON: it shows part of an object without the '{' and '}' around it; keep them and mark what is left out with '...'"],
      },
      {
        // So does the sentence before a transcript, of what the transcript printed.
        name: 'guide.md',
        text: '# Pool\n\nOnly the relevant part of the output:\n\n```\n$ aws cognito-idp describe-user-pool --user-pool-id us-west-2_EXAMPLE\n"MfaConfiguration": "OFF"\n```\n',
        messages: ["7:1-7:2: warning: Output is not valid JSON: it shows part of an object without the '{' and '}' around it; keep them and mark what is left out with '...'"],
      },
      {
        name: 'cognito-idp/describe-user-pool-client.rst',
        text: documentWith('{\n    "UserPoolClient": {\n        "ClientName": "my-app",\n        ...\n    }\n}'),
        messages: ["14:13-14:16: info: Output elided with '...': the parts left out are not checked"],
      },
      {
        name: 'cognito-idp/describe-user-pool-client.rst',
        text: documentWith(`{"UserPoolClient": {"ClientName": ${'['.repeat(100)}${']'.repeat(100)}}}`),
        messages: ['11:137-11:138: error: Output is nested deeper than 100 levels: it is not checked'],
      },
    ],
  },
  check({ document, report, translation }) {
    for (const example of document.examples) {
      for (const [outputIndex, output] of example.outputs.entries()) {
        // What `jq` or another program prints (one JSON value per line, say) is no CLI output: not-validated says so.
        const command = example.commands[output.commandIndex];
        if (output.kind !== 'json' || (command && (outputPipedInto(command) || outputFollowedBy(command)))) continue;
        // Nor is the file an operation writes its payload to (`lambda invoke ... out.json`, then the function's result).
        const translated = command && translation(command, example);
        if (translated?.model && translated.operationName && showsTheOutfile(translated.model, translated.operationName, output)) continue;
        const { error, elisions, placeholders = [], tooDeep } = output.json ?? parseJsonBlock(output.lines);
        // Stable when lines move (baselines): which output, not where it stands.
        const where = `example ${example.index + 1}, output ${outputIndex + 1}`;
        if (tooDeep) {
          report({ start: tooDeep.start, end: tooDeep.end, message: `Output is ${NESTED_TOO_DEEP}: it is not checked`, fingerprint: `${where}: ${NESTED_TOO_DEEP}` });
          continue;
        }
        for (const elision of elisions) {
          report({
            severity: 'info',
            start: elision.start,
            end: elision.end,
            message: "Output elided with '...': the parts left out are not checked",
            fingerprint: `${where}: elision`,
          });
        }
        for (const placeholder of placeholders) {
          report({
            severity: 'info',
            start: placeholder.start,
            end: placeholder.end,
            message: 'Output shows a placeholder where a value stands: that value is not checked (the CLI prints it quoted, as JSON)',
            fingerprint: `${where}: placeholder`,
          });
        }
        if (!error) continue;
        const firstLine = output.lines.find((line) => line.text.trim() !== '');
        if (firstLine && JSON_MEMBER_LINE.test(firstLine.text)) {
          // `"State": "pending",` first: the members are shown without the object that holds them.
          const column = firstLine.column + firstLine.text.search(/\S/);
          const at = { line: firstLine.line, column, offset: firstLine.offset + column - firstLine.column };
          // "Only the relevant information from the output", or cut off at its end too (after a `,`): an excerpt on
          // purpose, still not what the CLI prints.
          const excerpt = PART_OF_OUTPUT.test(output.introducer ?? '') || endsAfterComma(output.lines);
          report({
            start: at,
            end: { ...at, column: column + 1, offset: at.offset + 1 },
            message: excerpt
              ? "Output is not valid JSON: it shows part of an object without the '{' and '}' around it; keep them and mark what is left out with '...'"
              : "Output is not valid JSON: it shows an object's members without the '{' and '}' around them",
            fingerprint: `${where}: members without braces`,
            ...(excerpt && { severity: 'warning' as const }),
          });
          continue;
        }
        // Cut off after a member or an element (`],` then nothing): an excerpt that does not say so, not broken JSON.
        const open = /^Unexpected end of input: (\d+) brackets? still open/.exec(error.message);
        if (open && endsAfterComma(output.lines)) {
          report({
            start: error.start,
            end: error.end,
            message: `Output stops after a ',' with ${open[1]} bracket${open[1] === '1' ? '' : 's'} still open: the rest is cut off; mark the cut with '...' (what it leaves out is not checked)`,
            fingerprint: `${where}: cut off`,
            severity: 'warning',
          });
          continue;
        }
        const repair = error.repairAt?.offset;
        // A comma is surely missing only at a line end; `"a""` on one line is a stray quote, and a comma there guesses.
        const commaAtLineEnd = repair !== undefined && error.start.line > error.repairAt!.line;
        report({
          start: error.start,
          end: error.end,
          message: `Output is not valid JSON: ${error.message}`,
          fingerprint: `${where}: ${error.message.replace(/ at \d+:\d+/g, '')}: ${sourceLineAt(output.lines, error.start.line)}`,
          ...(commaAtLineEnd && error.hint === 'missing-comma' && { fix: { start: repair, end: repair, text: ',' } }),
          ...(repair !== undefined && error.hint === 'trailing-comma' && { fix: { start: repair, end: repair + 1, text: '' } }),
        });
      }
    }
  },
};

export default outputJson;

/** An output whose last line ends after a `,`: cut off there. */
function endsAfterComma(lines: readonly SourceLine[]): boolean {
  return lines.findLast((line) => line.text.trim() !== '')?.text.trimEnd().endsWith(',') ?? false;
}

function sourceLineAt(lines: readonly SourceLine[], line: number): string {
  return lines.find((candidate) => candidate.line === line)?.text.trim() ?? '';
}
