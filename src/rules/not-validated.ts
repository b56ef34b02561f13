import { outputFollowedBy, outputPipedInto } from '../commands/aws.js';
import type { AwsCommand } from '../commands/types.js';
import { OUTPUT_CUSTOMIZATIONS } from '../model/input/cli-table.js';
import type { CommandTranslation } from '../model/input/types.js';
import { xformName } from '../model/names.js';
import { closest } from '../model/suggest.js';
import type { ServiceModel, Shape, ShapeRef } from '../model/types.js';
import type { Example, Output } from '../examples/types.js';
import type { Rule } from './types.js';

/** Why the documented output of a command is not checked against the response schema, if it is not. */
export function outputNotValidatedReason(
  translation: CommandTranslation | undefined,
  example: Example,
  commandIndex: number,
  // A command may have several outputs (a file's content the text ties to it, then its `Output::`): each has its own.
  output = example.outputs.find((candidate) => candidate.commandIndex === commandIndex && candidate.kind !== 'none'),
): string | undefined {
  if (!translation?.model || !translation.operationName) return undefined;
  if (translation.customization) return `the output of a CLI customization (${translation.customization}) is not schema-checked`;
  const piped = example.commands[commandIndex] && outputPipedInto(example.commands[commandIndex]);
  if (piped) return `the block shows what \`${piped}\` prints from the output piped into it, not the CLI's output, and is not schema-checked`;
  const next = example.commands[commandIndex] && outputFollowedBy(example.commands[commandIndex]);
  if (next) return `\`${next}\` runs after the command, so the block may show what it prints: it is not schema-checked`;
  if (translation.arguments.some((argument) => argument.name === '--generate-cli-skeleton')) return 'the output is a --generate-cli-skeleton template, not a response, and is not schema-checked';
  if (translation.output.query !== undefined) return 'the output is projected by --query and is not schema-checked';
  const rewritten = OUTPUT_CUSTOMIZATIONS[`${translation.model.cliName}.${xformName(translation.operationName)}`];
  if (rewritten) return `${rewritten}, not the API response, so the output is not schema-checked`;
  if (onlyOutputIsAFile(translation.model, translation.operationName)) {
    return 'the response is a blob the CLI writes to the outfile: the block shows that file, not a response, and is not schema-checked';
  }
  if (translation.output.format !== 'json') return `the output is printed with --output ${translation.output.format} and is not schema-checked`;
  if (output && output.kind !== 'json') return `the output block is ${output.kind === 'table' ? 'a table' : 'plain text'}, not JSON, and is not schema-checked`;
  if (output && showsTheOutfile(translation.model, translation.operationName, output)) {
    return 'none of the block\'s keys is one the CLI prints for this command, which writes its payload to a file: the block shows that file, not a response, and is not schema-checked';
  }
  // Only where nothing calls the block output (it follows the command in its own block) and the command reads a file.
  if (output?.cue === 'same-block' && readsAFile(example.commands[commandIndex]) && showsTheRequest(translation.model, translation.operationName, output.value)) {
    return `the block's keys are the ${translation.operationName} request's, none the output's: it shows the input (a file the command reads), not a response, and is not schema-checked`;
  }
  const weaklyTied = output !== undefined && (output.cue === 'sentence' || output.cue === 'adjacent');
  const strangers = weaklyTied ? keysOfAnotherOutput(translation.model, translation.operationName, output.value) : undefined;
  if (strangers) {
    return `none of the block's keys (${strangers}) is in the ${translation.operationName} output, and only the text around it ties it to this command: it may show a file or another command's output, and is not schema-checked`;
  }
  // "The output should include:": the block is something the output holds, anywhere in it, not the output.
  if (INCLUDED_PART.test(output?.introducer ?? '')) return 'the text says the output includes this block, not that it is the output: it is not schema-checked';
  const other = otherCommandNamed(output?.introducer, translation.model, translation.operationName);
  if (other) return `the block is the output of ${other}, another command, and is not schema-checked`;
  // PutMetricData prints nothing: a block only its place ties to the command shows something else (the file it reads).
  if (weaklyTied && output.kind === 'json' && Object.keys(outputShape(translation.model, translation.operationName).output?.members ?? {}).length === 0) {
    return `${translation.operationName} prints nothing, and only the text around the block ties it to this command: it may show a file or another command's output, and is not schema-checked`;
  }
  return undefined;
}

/** An introducer that presents the block as something the output holds (`Output should include:`, `The response contains`). */
const INCLUDED_PART = /\b(?:includes?|including|contains?|containing)(?:\s+(?:the\s+following|something\s+like(?:\s+this)?|lines?\s+like(?:\s+these)?))?\s*:*\s*$/i;

// The sentence that introduces the block, up to its end: `... appear as follows in the output for describe-pipelines:`.
const otherOutputSentence = /\b(?:output|response)\s+(?:of|for|from)\s+(?:the\s+)?`{0,2}([a-z0-9]+(?:-[a-z0-9]+)+)`{0,2}[^.]*$/i;

/** The service's other operation whose output the introducer says the block is (the block follows a command that changes what it shows). */
function otherCommandNamed(introducer: string | undefined, model: ServiceModel, operationName: string): string | undefined {
  const named = introducer === undefined ? undefined : otherOutputSentence.exec(introducer.trim())?.[1]?.toLowerCase();
  if (!named || named === xformName(operationName)) return undefined;
  return Object.keys(model.operations).some((name) => xformName(name) === named) ? named : undefined;
}

/** The operation's output shape, and the member its payload is, if it has one. */
function outputShape(model: ServiceModel, operationName: string): { output?: Shape; payload?: ShapeRef } {
  const outputRef = model.operations[operationName]?.output;
  const output = outputRef ? model.shapes[outputRef.shape] : undefined;
  const payload = typeof output?.payload === 'string' ? output.members?.[output.payload] : undefined;
  return { ...(output && { output }), ...(payload && { payload }) };
}

/** The response is nothing but a blob payload (`iot-data get-thing-shadow`): the CLI writes it to the outfile and prints nothing of it. */
function onlyOutputIsAFile(model: ServiceModel, operationName: string): boolean {
  const { output, payload } = outputShape(model, operationName);
  return payload !== undefined && Object.keys(output!.members ?? {}).length === 1 && model.shapes[payload.shape]?.type === 'blob';
}

/**
 * `aws lambda invoke ... response.json` and then the function's own result (`{"statusCode": 200, "body": ...}`): an
 * object none of whose keys the CLI prints for an operation that writes its payload to a file shows that file.
 */
export function showsTheOutfile(model: ServiceModel, operationName: string, block: Output): boolean {
  const { output, payload } = outputShape(model, operationName);
  if (!payload || model.shapes[payload.shape]?.type !== 'blob') return false;
  const members = output!.members ?? {};
  const { value } = block;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    return keys.length > 0 && !keys.some((key) => Object.hasOwn(members, key));
  }
  // JSON that does not parse (a result wrapped over lines): none of the printed keys stands quoted in it.
  return value === undefined && block.raw.trimStart().startsWith('{') && !Object.keys(members).some((key) => block.raw.includes(`"${key}"`));
}

/**
 * The keys of an object none of which the operation's output has (`StoppingInstances` after `describe-instances`):
 * a block tied to the command only by a sentence or by following it shows what another command printed.
 */
/**
 * `aws lakeformation grant-permissions --cli-input-json file://grant` then `{"Principal": ..., "Resource": ...}`: every key
 * of the block is a member of the operation's input and none of its output (GrantPermissions prints nothing at all).
 */
function showsTheRequest(model: ServiceModel, operationName: string, value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  const inputRef = model.operations[operationName]?.input;
  const inputMembers = (inputRef ? model.shapes[inputRef.shape]?.members : undefined) ?? {};
  const outputMembers = outputShape(model, operationName).output?.members ?? {};
  return keys.length > 0 && keys.every((key) => Object.hasOwn(inputMembers, key) && !Object.hasOwn(outputMembers, key));
}

function readsAFile(command: AwsCommand | undefined): boolean {
  return command?.shell.intendedWords.some((word) => /^(?:file|fileb):\/\//.test(word.value)) ?? false;
}

function keysOfAnotherOutput(model: ServiceModel, operationName: string, value: unknown): string | undefined {
  const members = outputShape(model, operationName).output?.members;
  if (!members || Object.keys(members).length === 0 || value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  // A near miss (`Handshake` for `Handshakes`) is this output written wrong, which output-schema says.
  const names = Object.keys(members);
  return keys.length > 0 && !keys.some((key) => Object.hasOwn(members, key) || closest(key, names) !== undefined) ? keys.map((key) => `'${key}'`).join(', ') : undefined;
}

/** Says, once per command, why its output could not be checked, so a quiet report never means more than it does. */
const notValidated: Rule = {
  id: 'not-validated',
  severity: 'info',
  needsModels: true,
  description:
    'Some documented outputs cannot be checked against the response schema: a `--query` projection, ' +
    '`--output text` or `table`, what a program the output is piped into prints (`| jq ...`) or one run after the command prints (`&& cat out.json`), the file an operation writes its payload to (`lambda invoke ... out.json`, then the function\'s own result), a block tied to the command only by a sentence or by following it that has none of the output\'s keys (another command\'s output, a file), a block after the command in its own block, nothing calling it output, whose keys are all the request\'s (the input file the command reads), a block only the text around it ties to a command that prints nothing, and the output of CLI customizations. Neither can a value read from a ' +
    '`file://` file the documents folder does not hold, nor a value the author left out (`--tags ...`). This rule says so once per command and file, at the ' +
    'output or the value, so that a clean report is never read as a checked one.',
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
        // A command that prints nothing, and JSON right after it: not its output (the file it reads, most likely).
        name: 'guide.md',
        text: '# Groups\n\n```sh\naws cognito-idp delete-group --user-pool-id us-west-2_EXAMPLE --group-name admins\n```\n\n```json\n{"GroupName": "admins"}\n```\n',
        messages: [
          "7:1-9:4: info: DeleteGroup prints nothing, and only the text around the block ties it to this command: it may show a file or another command's output, and is not schema-checked",
        ],
      },
      {
        // The request the command reads from its file, shown after it: its keys are the input's.
        name: 'guide.md',
        text: '# Groups\n\n```\naws cognito-idp create-group --cli-input-json file://group.json\n{\n  "UserPoolId": "us-west-2_EXAMPLE",\n  "GroupName": "admins"\n}\n```\n',
        messages: [
          "4:47-4:64: info: 'group.json' does not exist beside the document: its content is not checked.",
          "5:1-8:2: info: the block's keys are the CreateGroup request's, none the output's: it shows the input (a file the command reads), not a response, and is not schema-checked",
        ],
      },
      {
        // Tied to the command by a sentence only, with no key of its output: another command's output (or a file).
        name: 'guide.md',
        text: '# Groups\n\n```sh\naws cognito-idp list-groups --user-pool-id us-west-2_EXAMPLE\n```\n\nOnce the user is added, you will see:\n\n```json\n{"UserAdded": true}\n```\n',
        messages: [
          "9:1-11:4: info: none of the block's keys ('UserAdded') is in the ListGroups output, and only the text around it ties it to this command: it may show a file or another command's output, and is not schema-checked",
        ],
      },
      {
        // Without a model of the service (no --models): said once per service, at its first command.
        name: 'guide.md',
        text: '# Instances\n\n```sh\naws ec2 describe-instances --instance-ids i-1234567890abcdef0\naws ec2 describe-vpcs\n```\n',
        messages: ["4:5-4:8: info: No model for 'ec2' here: its commands are not checked; install the AWS CLI or pass --models DIR."],
      },
      {
        name: 'cognito-idp/list-groups.rst',
        text:
          '**To list group names**\n\n::\n\n    aws cognito-idp list-groups \\\n        --user-pool-id us-west-2_EXAMPLE \\\n' +
          '        --query "Groups[].GroupName"\n\nOutput::\n\n    [\n        "admins"\n    ]\n',
        messages: ['11:5-13:6: info: the output is projected by --query and is not schema-checked'],
      },
      {
        name: 'guide.md',
        text: '# Group names\n\n```bash\naws cognito-idp list-groups --user-pool-id us-west-2_EXAMPLE | jq -r \'.Groups[].GroupName\'\n```\n\nOutput:\n\n```json\n"admins"\n"readers"\n```\n',
        messages: ['9:1-12:4: info: the block shows what `jq` prints from the output piped into it, not the CLI\'s output, and is not schema-checked'],
      },
      {
        name: 'guide.md',
        text: '# A group\n\n```console\n$ aws cognito-idp get-group --user-pool-id us-west-2_EXAMPLE --group-name admins > group.json && cat group.json\n{"Group": {"GroupName": "admins"}}\n```\n',
        messages: ['5:1-5:35: info: `cat` runs after the command, so the block may show what it prints: it is not schema-checked'],
      },
      {
        // On a later line of the block too: the output after it may be what that program prints.
        name: 'guide.md',
        text: '# A group\n\n```bash\naws cognito-idp get-group --user-pool-id us-west-2_EXAMPLE --group-name admins > group.json\njq .Group group.json\n```\n\nOutput:\n\n```json\n{"GroupName": "admins"}\n```\n',
        messages: ['10:1-12:4: info: `jq` runs after the command, so the block may show what it prints: it is not schema-checked'],
      },
      {
        name: 'cognito-idp/list-groups.rst',
        text: '**To list groups as text**\n\n::\n\n    aws cognito-idp list-groups --user-pool-id us-west-2_EXAMPLE --output text\n\nOutput::\n\n    GROUPS  admins\n',
        messages: ['9:5-9:19: info: the output is printed with --output text and is not schema-checked'],
      },
      {
        name: 'cognito-idp/list-groups.rst',
        text: '**To write an input skeleton**\n\n::\n\n    aws cognito-idp list-groups --generate-cli-skeleton\n\nOutput::\n\n    {\n        "UserPoolId": ""\n    }\n',
        messages: ['9:5-11:6: info: the output is a --generate-cli-skeleton template, not a response, and is not schema-checked'],
      },
      {
        name: 'cognito-idp/create-group.rst',
        text: '**To create a group**\n\n::\n\n    aws cognito-idp create-group --cli-input-json file://group.json\n\nThis command produces no output.\n',
        messages: ["5:51-5:68: info: 'group.json' does not exist beside the document: its content is not checked."],
      },
      // An elided value: what the author left out is not checked, and said so.
      {
        name: 'guide.md',
        text: '# Create a pool\n\n```bash\naws cognito-idp create-user-pool --pool-name demo --policies ...\n```\n',
        messages: ['4:51-4:65: info: `--policies ...` leaves the value out: it is not checked.'],
      },
      // So is a value whose brackets hold only an elision: the structure is the author's, its content left out.
      {
        name: 'guide.md',
        text: "# Create a pool\n\n```powershell\naws cognito-idp create-user-pool --pool-name demo --policies 'PasswordPolicy={...}' --schema '[...]'\n```\n",
        messages: [
          "4:51-4:84: info: `--policies 'PasswordPolicy={...}'` leaves the value out: it is not checked.",
          "4:85-4:101: info: `--schema '[...]'` leaves the value out: it is not checked.",
        ],
      },
      // Which file a shell value names is not known here: not read, and not called missing.
      {
        name: 'cognito-idp/list-users.rst',
        text: '**To list users**\n\nThe following example lists users. ::\n\n    aws cognito-idp list-users --cli-input-json file://$DIR/input.json\n\nThis command produces no output.\n',
        messages: ["5:49-5:71: info: 'file://$DIR/input.json' names its file through a value not known here: its content is not checked."],
      },
    ],
  },
  check({ document, translation, report }) {
    for (const example of document.examples) {
      example.commands.forEach((command: AwsCommand, index) => {
        const translated = translation(command, example);
        // A value read from a file the document tree does not hold is as unchecked as an unchecked output.
        for (const problem of translated?.problems ?? []) {
          if (problem.kind === 'missing-file' || problem.kind === 'elided-value') report({ start: problem.start, end: problem.end, message: problem.message, fingerprint: `${problem.kind}:${problem.message}` });
          // The document may be right: the models folder is what to fix, and nothing of the command was checked.
          if (problem.kind === 'broken-model') report({ severity: 'warning', start: problem.start, end: problem.end, message: problem.message, fingerprint: `broken-model:${problem.message}` });
          if (problem.kind === 'missing-model') report({ start: problem.start, end: problem.end, message: problem.message, fingerprint: problem.message, ...(problem.group ? { group: problem.group } : {}) });
        }
        // Each reason once per command: the documents of one JSON stream (`jq -c`, a loop) share theirs.
        const said = new Set<string>();
        for (const output of example.outputs) {
          if (output.commandIndex !== index || output.kind === 'none') continue;
          const reason = outputNotValidatedReason(translated, example, index, output);
          if (reason && !said.has(reason)) report({ start: output.position.start, end: output.position.end, message: reason });
          if (reason) said.add(reason);
        }
      });
    }
  },
};

export default notValidated;
