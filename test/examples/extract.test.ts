import { describe, expect, it } from 'vitest';
import { documentFromText } from '../../src/document/read.js';
import { parseExamples } from '../../src/pipeline.js';

function examplesOf(text: string, name = 'cognito-idp/list-groups.rst') {
  const { file } = documentFromText(name, text);
  return parseExamples(name, file).examples;
}

describe('extractExamples', () => {
  it('starts an example at each bold title and numbers Example N titles', () => {
    const examples = examplesOf('**Example 1: To list**\n\nText.\n\n**Example 2: To list more**\n\nText.\n');
    expect(examples.map((example) => [example.title, example.titleNumber, example.position.start.line])).toEqual([
      ['Example 1: To list', 1, 1],
      ['Example 2: To list more', 2, 5],
    ]);
  });

  it('gives commands, JSON outputs and "no output" sentences to the command before them', () => {
    const [example] = examplesOf(
      '**To list**\n\n::\n\n    aws cognito-idp list-groups --user-pool-id us-west-2_EXAMPLE\n\nOutput::\n\n    {"Groups": []}\n\n' +
        '::\n\n    aws cognito-idp delete-group --user-pool-id us-west-2_EXAMPLE --group-name a\n\nThis command produces no output.\n',
    );
    expect(example!.commands.map((command) => command.operation)).toEqual(['list-groups', 'delete-group']);
    expect(example!.outputs.map((output) => [output.kind, output.commandIndex, output.value])).toEqual([
      ['json', 0, { Groups: [] }],
      ['none', 1, undefined],
    ]);
  });

  it('reads a file content block whose introducer says more after the file name', () => {
    const [example] = examplesOf(
      '**To detect**\n\n::\n\n    aws comprehend start-sentiment-detection-job --cli-input-json file://input.json\n\n' +
        'Contents of ``output.txt`` with line breaks added for readability::\n\n    {"File": "a"}\n    {"File": "b"}\n',
      'comprehend/start-sentiment-detection-job.rst',
    );
    expect(example!.files.map((file) => file.name)).toEqual(['output.txt']);
    expect(example!.outputs).toEqual([]);
  });

  it('reads a block introduced by a file name alone as that file, even when the name says output', () => {
    const [example] = examplesOf(
      '**To get job output**\n\n::\n\n    aws glacier get-job-output --account-id - --vault-name v --job-id j output.json\n\n' +
        'Output::\n\n    {"status": 200}\n\n``output.json``::\n\n    {"VaultARN": "arn:aws:glacier:us-west-2:0123456789012:vaults/v"}\n',
      'glacier/get-job-output.rst',
    );
    expect(example!.outputs.map((output) => output.value)).toEqual([{ status: 200 }]);
    expect(example!.files.map((file) => [file.name, file.raw])).toEqual([['output.json', '{"VaultARN": "arn:aws:glacier:us-west-2:0123456789012:vaults/v"}']]);
  });

  it('reads each aws command of a chain (aws a && aws b) as a command of the example', () => {
    const [example] = examplesOf(
      '**To list**\n\n::\n\n    aws cognito-idp list-groups --user-pool-id us-west-2_EXAMPLE && aws cognito-idp get-group --user-pool-id us-west-2_EXAMPLE --group-name admins\n',
      'cognito-idp/list-groups.rst',
    );
    expect(example!.commands.map((command) => command.operation)).toEqual(['list-groups', 'get-group']);
  });

  it('takes a block for output only when the sentence introducing it says so', () => {
    const [example] = examplesOf(
      '**To create a pool**\n\n::\n\n    aws devicefarm create-device-pool --project-arn arn:aws:devicefarm:us-west-2:123456789012:project:1 --name pool --rules file://rules.json\n\n' +
        'Use the project ARN from the output of create-project. The file ``rules.json`` is a JSON document with the rules::\n\n    [{"attribute": "PLATFORM"}]\n',
      'devicefarm/create-device-pool.rst',
    );
    expect(example!.outputs).toEqual([]);
  });

  it('finds commands after shell set-up lines, but not aws lines quoted in an output', () => {
    const [example] = examplesOf(
      '**To sign**\n\n::\n\n    msg=$(echo hi | base64)\n    aws kms sign --key-id 1234 --message $msg --signing-algorithm RSASSA_PSS_SHA_256\n\n' +
        'Output::\n\n    To deploy this revision, run:\n    aws deploy create-deployment --application-name x\n',
      'kms/sign.rst',
    );
    expect(example!.commands.map((command) => command.operation)).toEqual(['sign']);
    expect(example!.outputs.map((output) => output.kind)).toEqual(['text']);
  });
});

describe('Markdown documents', () => {
  it('read fenced shell commands and the output block introduced after them', () => {
    const text =
      '# cognito-idp list-groups\n\n## Example 1: To list groups\n\nRun:\n\n```sh\naws cognito-idp list-groups \\\n    --user-pool-id us-west-2_EXAMPLE\n```\n\n' +
      'Output:\n\n```json\n{"Groups": []}\n```\n\n## Example 2: To delete a group\n\n```console\n$ aws cognito-idp delete-group --user-pool-id us-west-2_EXAMPLE --group-name a\n```\n';
    const examples = examplesOf(text, 'docs/list-groups.md');
    // The top heading holds no command of its own: it makes no example.
    expect(examples.map((example) => example.title)).toEqual(['Example 1: To list groups', 'Example 2: To delete a group']);
    const [first, second] = examples;
    expect(first!.commands[0]!.shell.argv).toEqual(['aws', 'cognito-idp', 'list-groups', '--user-pool-id', 'us-west-2_EXAMPLE']);
    expect(first!.outputs.map((output) => [output.kind, output.value])).toEqual([['json', { Groups: [] }]]);
    // A fenced block starts at its opening fence, as in mdast.
    expect(first!.outputs[0]!.position.start.line).toBe(14);
    expect(second!.commands[0]!.operation).toBe('delete-group');
  });
});
