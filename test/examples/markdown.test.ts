import { describe, expect, it } from 'vitest';
import { documentFromText } from '../../src/document/read.js';
import { parseExamples } from '../../src/pipeline.js';

function documentOf(text: string, name = 'docs/tutorial.md') {
  const { file } = documentFromText(name, text);
  return parseExamples(name, file);
}

const command = (operation: string) => `aws cognito-idp ${operation} --user-pool-id us-west-2_EXAMPLE`;
const fence = (language: string, body: string, indent = '') =>
  `${indent}\`\`\`${language}\n${body
    .split('\n')
    .map((line) => indent + line)
    .join('\n')}\n${indent}\`\`\`\n`;

describe('Markdown examples', () => {
  it('reads a command fenced inside a list item, and its output after **Output:**', () => {
    const text = `## Create\n\n1. Run:\n\n${fence('bash', `${command('list-groups')} \\\n    --limit 5`, '   ')}\n   **Output:**\n\n${fence('json', '{"Groups": []}', '   ')}`;
    const [example] = documentOf(text).examples;
    expect(example!.title).toBe('Create');
    expect(example!.commands.map((read) => read.shell.argv)).toEqual([['aws', 'cognito-idp', 'list-groups', '--user-pool-id', 'us-west-2_EXAMPLE', '--limit', '5']]);
    expect(example!.outputs.map((output) => [output.cue, output.value, output.position.start.line])).toEqual([['introducer', { Groups: [] }, 12]]);
  });

  it.each([
    ['Output:', 'introducer'],
    ['**Example output**', 'introducer'],
    ['**Response**', 'introducer'],
    ['Response:', 'introducer'],
    ['The command returns the following:', 'sentence'],
    ['You should see something like this.', 'sentence'],
    ['It prints the groups:', 'sentence'],
    ['The result is:', 'introducer'],
    ['The command responds with the new group:', 'sentence'],
    ['Amazon Comprehend responds with the following:', 'sentence'],
    ['返回的结果如下所示：', 'sentence'],
    ['実行すると、次のような結果が返ってきます。', 'sentence'],
    ['La salida debería verse así.', 'sentence'],
    ['Die Ausgabe sieht so aus.', 'sentence'],
  ])('attaches the block introduced by %j (%s)', (introducer, cue) => {
    const [example] = documentOf(`# List\n\n${fence('sh', command('list-groups'))}\n${introducer}\n\n${fence('', '{"Groups": []}')}`).examples;
    expect(example!.outputs.map((output) => [output.cue, output.commandIndex])).toEqual([[cue, 0]]);
  });

  it('attaches a JSON block right after the command block, weakly, and text only when introduced', () => {
    const document = documentOf(`# List\n\n${fence('sh', command('list-groups'))}\n${fence('json', '{"Groups": []}')}\n# Delete\n\n${fence('sh', command('delete-group'))}\n${fence('text', 'done')}`);
    expect(document.examples.map((example) => example.outputs.map((output) => output.cue))).toEqual([['adjacent'], []]);
  });

  it('reads `[OUTPUT]` alone on the first line of a block after the command as its label, not as part of the output', () => {
    const [example] = documentOf(`# List\n\n${fence('sh', command('list-groups'))}\n${fence('', '[OUTPUT]\n{"Groups": []}')}`).examples;
    expect(example!.outputs.map((output) => [output.cue, output.kind, output.value, output.position.start.line])).toEqual([['introducer', 'json', { Groups: [] }, 9]]);
  });

  it.each([
    ['{"Groups": []}', 0],
    ['{"Users": [], "PaginationToken": "x"}', 1],
    ['{"Result": 1}', 1],
  ])('gives %j after a block of two commands to the one whose operation names what it holds (else the last)', (json, index) => {
    const [example] = documentOf(`# Who\n\n${fence('bash', `${command('list-groups')}\n${command('list-users')}`)}\nExpected output:\n\n${fence('json', json)}`).examples;
    expect(example!.outputs.map((output) => output.commandIndex)).toEqual([index]);
  });

  it('weighs a noun as written over one only the singular shares (`Users` names list-users, not admin-get-user)', () => {
    const [example] = documentOf(`# Who\n\n${fence('bash', `${command('list-users')}\n${command('admin-get-user')} --username jane`)}\nExpected output:\n\n${fence('json', '{"Users": []}')}`).examples;
    expect(example!.outputs.map((output) => output.commandIndex)).toEqual([0]);
  });

  it("gives an output to the command its label names (`**Expected output (list-groups):**`), not to the block's last command", () => {
    const text = `# Check\n\n${fence('sh', `${command('list-groups')}\n${command('list-users')}`)}\n**Expected output (list-groups):**\n\n${fence('json', '{"Groups": []}')}`;
    const [example] = documentOf(text).examples;
    expect(example!.outputs.map((output) => output.commandIndex)).toEqual([0]);
  });

  it('keeps a bold question under the command (`**What does it do?**`) in its example: the output after it is still the command\'s', () => {
    const text = `# List\n\n${fence('sh', command('list-groups'))}\n**What does this command do?**\n\nIt lists the groups.\n\nExpected output:\n\n${fence('json', '{"Groups": []}')}`;
    const [example] = documentOf(text).examples;
    expect(example!.outputs.map((output) => [output.commandIndex, output.cue])).toEqual([[0, 'introducer']]);
  });

  it('keeps an output heading with the command above it, and starts examples only at headings with commands', () => {
    const text = `# Guide\n\n## Step 1\n\n### Create the group\n\n${fence('sh', command('create-group'))}\n### Output\n\n${fence('json', '{"Group": {}}')}\n## Step 2\n\nNothing to run.\n`;
    const { examples } = documentOf(text);
    expect(examples.map((example) => [example.title, example.commands.length, example.outputs.map((output) => output.cue)])).toEqual([['Create the group', 1, ['heading']]]);
  });

  it('takes a heading that names the output of what it is for (`Example Response for ...`) as an output heading, not a new example', () => {
    const text = `# Jobs\n\n${fence('sh', command('list-groups'))}\n###### Example Response for the admins filter\n\n${fence('', '{"Groups": []}')}\n### Response handling\n\nText.\n`;
    const { examples } = documentOf(text);
    expect(examples.map((example) => [example.title, example.outputs.map((output) => output.cue)])).toEqual([['Jobs', ['heading']]]);
  });

  it('never reads json, yaml, text or other languages as commands, nor takes files, inputs or code as output', () => {
    const text =
      `# Set up\n\n${fence('sh', command('create-group'))}\n` +
      `Create a file named \`policy.json\` with the following content:\n\n${fence('json', '{"Version": "2012-10-17"}')}\n` +
      `The request body:\n\n${fence('json', '{"A": 1}')}\n` +
      `This example shows the JSON to pass for one more group.\n\n${fence('json', '{"B": 1}')}\n` +
      `Copy the output values into \`.env\`:\n\n${fence('text', 'AWS_REGION=us-east-1')}\n` +
      `The output is read by this script:\n\n${fence('python', 'import json')}\n` +
      `${fence('yaml', `run: |\n  ${command('list-groups')}`)}\n${fence('text', command('list-groups'))}\n${fence('json', `"${command('list-groups')}"`)}`;
    const [example] = documentOf(text).examples;
    expect(example!.commands.map((read) => read.operation)).toEqual(['create-group']);
    expect(example!.outputs).toEqual([]);
    expect(example!.files.map((file) => [file.name, file.raw])).toEqual([['policy.json', '{"Version": "2012-10-17"}']]);
  });

  it('reads a prompted command in an untagged block even where the sentence above calls the block output', () => {
    const text = `# Delete\n\n${fence('sh', command('delete-group'))}\nIts output is the following:\n\n${fence('', `$ ${command('list-groups')}\n{"Groups": []}`)}`;
    const [example] = documentOf(text).examples;
    expect(example!.commands.map((read) => read.operation)).toEqual(['delete-group', 'list-groups']);
    expect(example!.outputs.map((output) => [output.commandIndex, output.cue])).toEqual([[1, 'same-block']]);
  });

  it('reads a block whose info string no highlighter knows (`CloudShell`) when it opens with a complete command; a `cmd` heading is no shell', () => {
    const text = `# Create\n\n#### cmd\n\n${fence('CloudShell', `${command('create-group')} \\\n    --group-name g`)}\n${fence('Cloud9', 'aws configure')}\n${fence('python', 'aws s3 ls = 1')}`;
    const [example] = documentOf(text).examples;
    expect(example!.commands.map((read) => [read.operation, read.shell.issues.map((issue) => issue.kind)])).toEqual([['create-group', []]]);
    // A program's language whose block opens with a complete command (no statement of that language): the command.
    const python = documentOf(`# Create\n\n${fence('python', `${command('create-group')} --group-name g`)}\n${fence('python', 'aws = boto3.client("s3")')}`);
    expect(python.examples.flatMap((each) => each.commands.map((read) => read.operation))).toEqual(['create-group']);
  });

  it('reads a text block that shows a command and what it printed (a table too), never a sketch with a command in it', () => {
    const table = documentOf(`# Regions\n\n${fence('text', `${command('list-groups')} --output table\n---------------\n|  ListGroups |\n+-------------+`)}`);
    expect(table.examples.map((example) => example.commands.length)).toEqual([1]);
    const sketch = documentOf(`# Sign-in\n\n${fence('text', `${command('list-groups')}      (a person signs in)\n        |\n        +-- assume DeployRole   -> the deploy's calls`)}`);
    expect(sketch.examples).toEqual([]);
  });

  it('lists JSON blocks that no command claims', () => {
    const document = documentOf(`# Notes\n\n${fence('json', '{"A": 1}')}\n# Run\n\n${fence('sh', command('list-groups'))}\nThe pool is ready.\n\n${fence('', '[1]')}`);
    expect(document.unclaimed?.map((block) => [block.position.start.line, block.commandLine])).toEqual([
      [3, undefined],
      [15, 10],
    ]);
    // A credentials file, a root prompt or a log line opens with `[` too, and is no JSON.
    const notJson = documentOf(`# Files\n\n${fence('', '[default]\nregion = us-east-1')}\n${fence('', '[root@ip-10-0-0-1 ~]# ls')}\n${fence('', '[INFO] done')}`);
    expect(notJson.unclaimed ?? []).toEqual([]);
  });

  it('takes `[OUTPUT]` alone on the first line of a block after a command for its label', () => {
    const [example] = documentOf(`# Who\n\n${fence('bash', 'aws sts get-caller-identity --output text')}\nThen:\n\n${fence('', '[OUTPUT]\n123456789012 arn:aws:iam::123456789012:user/me AIDAEXAMPLE')}`).examples;
    expect(example!.outputs.map((output) => [output.cue, output.raw])).toEqual([['introducer', '123456789012 arn:aws:iam::123456789012:user/me AIDAEXAMPLE']]);
  });

  it('reads a complete command in inline code, not a mention of a command', () => {
    const text = `# Run\n\nRun \`aws cognito-idp list-groups --user-pool-id us-west-2_EXAMPLE\` or \`\` aws s3 ls --recursive \`\`, after \`aws configure\` and \`aws s3 ls\`.\n`;
    const [example] = documentOf(text).examples;
    expect(example!.commands.map((read) => [read.operation, read.shell.position.start.column])).toEqual([
      ['list-groups', 6],
      ['ls', 74],
    ]);
  });

  it("reads a table cell's `\\|` in inline code as the pipe GitHub shows, elsewhere as bash's escaped `|`", () => {
    const text = '# Checks\n\n| Check | Command |\n|---|---|\n| Count | `aws s3 ls s3://b/ --recursive \\| wc -l` |\n\nNot a row: `aws s3 ls s3://b/ --recursive \\| wc -l`.\n';
    const [example] = documentOf(text).examples;
    expect(example!.commands.map((read) => [read.shell.argv.join(' '), read.shell.position.start.column])).toEqual([
      ['aws s3 ls s3://b/ --recursive', 12],
      ['aws s3 ls s3://b/ --recursive | wc -l', 13],
    ]);
  });

  it("reads an untagged block by the shell its first prompt shows, below a comment line", () => {
    const text = '# Windows\n\n```\n// Read from a file in C:\\temp\nC:\\> aws ec2 describe-instances --filters file://C:\\temp\\filter.json\n```\n';
    const [example] = documentOf(text).examples;
    expect(example!.commands.map((read) => read.shell.argv.at(-1))).toEqual(['file://C:\\temp\\filter.json']);
  });

  it('takes a name the prose gives a choice of values for (`For *"Level"*, you can specify one of ...`) as a placeholder', () => {
    const text = '# Pool\n\nFor *"Mfa-Mode"*, you can specify one of `ON`, `OFF` or `OPTIONAL`.\n\n```bash\naws cognito-idp set-user-pool-mfa-config --user-pool-id us-west-2_EXAMPLE --mfa-configuration Mfa-Mode\n```\n\nFor more, see the guide.\n';
    const [example] = documentOf(text).examples;
    expect(example!.commands[0]!.args.at(-1)!.unknown).toEqual([{ start: 0, end: 8, kind: 'placeholder' }]);
  });

  it('reads inline ``literals`` in RST paragraphs the same way', () => {
    const text = '**To list**\n\nRun ``aws cognito-idp list-groups --user-pool-id us-west-2_EXAMPLE`` first, then ``aws configure``.\n';
    const [example] = documentOf(text, 'cognito-idp/list-groups.rst').examples;
    expect(example!.commands.map((read) => [read.operation, read.shell.position.start.column])).toEqual([['list-groups', 7]]);
  });
});

describe('Markdown output labels', () => {
  it.each([
    ['**Output esperado:**', 'introducer'],
    ['**Output should look like:**', 'introducer'],
    ['**Success Response:**', 'introducer'],
    ['**Full output:**', 'introducer'],
    ['Results are shown below.', 'sentence'],
  ])('attaches the block after %j (%s)', (introducer, cue) => {
    const [example] = documentOf(`# Who am I\n\n${fence('bash', 'aws sts get-caller-identity --output json')}\n${introducer}\n\n${fence('json', '{"Account": "123456789012"}')}`).examples;
    expect(example!.outputs.map((output) => output.cue)).toEqual([cue]);
  });

  it("takes no cue from an option's name in the prose (`--max-results`): a block after it is not output", () => {
    const [example] = documentOf(`# Who am I\n\n${fence('bash', 'aws sts get-caller-identity --output json')}\n- \`--max-results\`: at most 10 items.\n\n${fence('text', 'ok')}`).examples;
    expect(example!.outputs).toEqual([]);
  });

  it('reads a fold whose summary names the output as that output', () => {
    const [example] = documentOf(`# Who am I\n\n${fence('bash', 'aws sts get-caller-identity --output json')}\n- \`--output\`: the format.\n\n<details>\n<summary>Expected output</summary>\n\n${fence('json', '{"Account": "123456789012"}')}</details>\n`).examples;
    expect(example!.outputs.map((output) => [output.cue, output.value])).toEqual([['introducer', { Account: '123456789012' }]]);
  });

  it('reads a fence titled Output as the output of the command before it', () => {
    const [example] = documentOf(`# Create\n\n${fence('bash', 'aws sts get-caller-identity --output json')}\n${fence('bash title="Output"', '{"Account": "123456789012"}')}`).examples;
    expect(example!.outputs.map((output) => [output.cue, output.value])).toEqual([['introducer', { Account: '123456789012' }]]);
  });

  it('takes a response in another sense for a title, not a label', () => {
    const { examples } = documentOf(`**Emergency Response (0-10 minutes):**\n\n${fence('bash', 'aws sts get-caller-identity --output json')}`);
    expect(examples.map((example) => [example.title, example.commands.length])).toEqual([['Emergency Response (0-10 minutes):', 1]]);
  });

  it('reads a block whose first line is a comment naming a file as that file, not as an output', () => {
    const [example] = documentOf(`# Pipeline\n\n${fence('bash', 'aws codepipeline create-pipeline --cli-input-json file://pipeline.json\naws codepipeline list-pipelines')}\n${fence('json', '// pipeline.json\n{"pipeline": {"name": "p"}}')}`).examples;
    expect(example!.outputs).toEqual([]);
    expect(example!.files.map((file) => [file.name, file.raw, file.lines[0]?.line])).toEqual([['pipeline.json', '{"pipeline": {"name": "p"}}', 10]]);
  });

  it('gives the output after a command to that command, not to one inside its $(...)', () => {
    const { examples } = documentOf(`# Publish\n\n${fence('bash', 'aws sns publish --topic-arn "$(aws sns create-topic --name n --query TopicArn --output text)" --message hi')}\nOutput:\n\n${fence('json', '{"MessageId": "m"}')}`);
    const [example] = examples;
    expect(example!.commands[example!.outputs[0]!.commandIndex]!.operation).toBe('publish');
  });

  it('reads a complete command a bold line shows, as in any paragraph', () => {
    const { examples } = documentOf('# Quiz\n\n**Why does `aws ecs update-service --force-new-deployment` start the new code.**\n');
    expect(examples.flatMap((example) => example.commands.map((command) => [command.operation, command.inProse]))).toEqual([['update-service', true]]);
  });

  it('takes a block a sentence introduces as a JSON file for that file only when it holds JSON, not the commands that edit it', () => {
    const edit = documentOf(`# Group\n\nEdit group.json:\n\n${fence('', 'cd settings\nvi group.json')}\n${fence('bash', 'aws cognito-idp create-group --cli-input-json file://group.json')}`);
    expect(edit.examples[0]!.files).toEqual([]);
    const shown = documentOf(`# Group\n\nCreate group.json:\n\n${fence('', '{"GroupName": "g"}')}\n${fence('bash', 'aws cognito-idp create-group --cli-input-json file://group.json')}`);
    expect(shown.examples[0]!.files.map((file) => file.name)).toEqual(['group.json']);
  });

  it('does not take a longer bold title that starts with Output for a label', () => {
    const { examples } = documentOf(`**Output groups of a channel**\n\n${fence('bash', 'aws medialive list-channels --max-results 5')}`);
    expect(examples.map((example) => example.title)).toEqual(['Output groups of a channel']);
  });
});

describe('Markdown outputs of something else', () => {
  it('does not give a command a block that the prose says came from somewhere else, even titled Output', () => {
    const text = `# Sign in\n\n${fence('bash', command('admin-get-user') + ' --username a')}\nOn the next sign-in, the flow returns a challenge:\n\n${fence('bash title="Output"', '{"ChallengeName": "EMAIL_OTP"}')}`;
    const document = documentOf(text);
    expect(document.examples[0]!.outputs).toEqual([]);
    expect(document.unclaimed?.map((block) => block.position.start.line)).toEqual([9]);
  });
});
