import { describe, expect, test } from 'vitest';
import { firstAwsLine, readCommandsInBlock } from '../../src/commands/index.js';
import type { ShellCommand } from '../../src/commands/types.js';
import { readWindowsCommand, type WindowsDialect } from '../../src/commands/windows.js';
import { indentedBlock } from './support.js';

function read(text: string, dialect: WindowsDialect, variables?: Map<string, string>): ShellCommand {
  return readWindowsCommand(indentedBlock(text).lines, dialect, variables);
}
const intended = (command: ShellCommand) => command.intendedWords.map((word) => word.value);
const issues = (command: ShellCommand) => command.issues.map((issue) => `${issue.kind} ${issue.start.line}:${issue.start.column}: ${issue.message}`);

describe('PowerShell', () => {
  test('a backtick at the line end continues the command: no finding', () => {
    const command = read("aws s3api put-object `\n    --bucket b `\n    --key 'it''s here'", 'powershell');
    expect(command.argv).toEqual(['aws', 's3api', 'put-object', '--bucket', 'b', '--key', "it's here"]);
    expect(command.issues).toEqual([]);
  });
  test("double quotes take backtick escapes and doubled quotes; single quotes keep everything", () => {
    const command = read('aws x --a "say `"hi`" ""now""`t" --b \'$literal `n\'', 'powershell');
    expect(command.argv).toEqual(['aws', 'x', '--a', 'say "hi" "now"\t', '--b', '$literal `n']);
  });
  test('`\\"` in a quoted value is the `"` Windows PowerShell 5.1 passes, as meant; PowerShell 7.3+ passes the backslash too: a warning', () => {
    const command = read("aws ec2 create-tags --resources i-1 --tags '[{\\\"Key\\\":\\\"team\\\"}]'", 'powershell');
    expect(command.argv.at(-1)).toBe('[{\\"Key\\":\\"team\\"}]');
    expect(intended(command).at(-1)).toBe('[{"Key":"team"}]');
    expect(command.issues.map((issue) => `${issue.kind} ${issue.start.column}-${issue.end.column}`)).toEqual(['powershell-escaped-quote 48-70']);
  });
  test("bash's `\\\"` inside a double-quoted value: PowerShell ends the string there (one error); as meant, bash's value", () => {
    const command = read('aws iam create-role --role-name r --assume-role-policy-document "{\\"Version\\":\\"2012-10-17\\"}" --path "C:\\dir\\"', 'powershell');
    expect(command.argv.slice(5, 7)).toEqual(['--assume-role-policy-document', '{\\']);
    expect(intended(command).slice(6)).toEqual(['{"Version":"2012-10-17"}', '--path', 'C:\\dir\\']);
    expect(command.issues.map((issue) => `${issue.kind} ${issue.start.column}-${issue.end.column}`)).toEqual(['powershell-split-argument 69-99']);
  });
  test("a value that starts with a quoted string and goes on after it is split by PowerShell (one error); a `,` after it makes an array", () => {
    const command = read(`aws sqs send-message --queue-url u --message-body '{"id": "'$Id'"}' --x "a","b"`, 'powershell');
    expect(intended(command)).toEqual(['aws', 'sqs', 'send-message', '--queue-url', 'u', '--message-body', '{"id": "$Id"}', '--x', 'a,b']);
    expect(command.argv.slice(6, 8)).toEqual(['{"id": "', '$Id"}']);
    expect(command.issues.map((issue) => issue.kind)).toEqual(['powershell-split-argument']);
  });
  test('a string assigned with `$acct:policy` in it is said at the command that uses the variable', () => {
    const text = '$acct = aws sts get-caller-identity --query Account --output text\n$arn = "arn:aws:iam::$acct:policy/P"\naws iam attach-role-policy --role-name R --policy-arn $arn';
    const commands = readCommandsInBlock(indentedBlock(text).lines, { dialect: 'powershell', refusedAssignments: new Map() });
    expect(commands.map(({ command }) => command.shell.issues.map((issue) => `${issue.kind} ${issue.start.line}`))).toEqual([[], ['powershell-drive-variable 4']]);
  });
  test('after the stop-parsing token `--%` the rest of the line goes to the CLI by the C runtime\'s rules', () => {
    const command = read('aws ssm start-session --target i-1 --% --parameters "{\\"portNumber\\":[\\"80\\"]}" --region %REGION%', 'powershell');
    expect(intended(command).slice(4)).toEqual(['i-1', '--parameters', '{"portNumber":["80"]}', '--region', '%REGION%']);
    expect(command.intendedWords.at(-1)!.unknown).toEqual([{ start: 0, end: 8, kind: 'variable' }]);
    expect(command.issues).toEqual([]);
  });
  test('$var, ${var}, $env:X and $(...) are unknown as meant, unless the document assigned them', () => {
    const command = read('aws x --a $Pool --b "$env:REGION-x" --c $(Get-Date) --d ${Known}', 'powershell', new Map([['Known', 'k']]));
    expect(intended(command)).toEqual(['aws', 'x', '--a', '$Pool', '--b', '$env:REGION-x', '--c', '$(Get-Date)', '--d', 'k']);
    expect(command.intendedWords.map((word) => word.unknown?.map((span) => `${span.kind} ${span.start}-${span.end}`))).toEqual([
      undefined, undefined, undefined, ['variable 0-5'], undefined, ['variable 0-11'], undefined, ['substitution 0-11'], undefined, undefined,
    ]);
  });
  test('a bash `\\` continuation is a defect: PowerShell runs the next line apart; as meant the command goes on', () => {
    const command = read('aws s3 ls \\\n    --recursive', 'powershell');
    expect(command.argv).toEqual(['aws', 's3', 'ls', '\\']);
    expect(intended(command)).toEqual(['aws', 's3', 'ls', '--recursive']);
    expect(issues(command)).toEqual([
      'bash-continuation 3:15: A `\\` at the end of a line continues a bash command, not a PowerShell one: PowerShell passes the `\\` as an argument and runs the next line as a separate command; end the line with a backtick instead.',
    ]);
    expect(command.issues[0]!.continuation).toBe('`');
  });
  test('blanks after the backtick, a missing one, and an unquoted <placeholder> (reserved `<`)', () => {
    expect(issues(read('aws s3 ls ` \n    --recursive', 'powershell'))).toEqual([
      'space-after-continuation 3:15: Spaces after the backtick at the end of this line make PowerShell read an escaped space and end the command here; remove them.',
    ]);
    expect(issues(read('aws s3 ls\n    --recursive', 'powershell'))).toEqual([
      'missing-continuation 3:13: This line does not end in a backtick, so PowerShell runs the command without the parameters on the next line; add ` `` at the end of the line.',
    ]);
    const placeholder = read('aws s3 ls <bucket-name> --recursive', 'powershell');
    expect(intended(placeholder)).toEqual(['aws', 's3', 'ls', '<bucket-name>', '--recursive']);
    expect(issues(placeholder)).toEqual([
      'placeholder-syntax-error 3:15: PowerShell refuses this command: `<` is reserved for future use, so the unquoted `<bucket-name>` is a syntax error; quote the placeholder or replace it with a value.',
    ]);
    // An empty `<>` left for the reader is a placeholder too: one value of unknown content, refused the same way.
    const empty = read('aws s3 sync ./run=<> s3://b/run=<>/ --dryrun', 'powershell');
    expect(intended(empty)).toEqual(['aws', 's3', 'sync', './run=<>', 's3://b/run=<>/', '--dryrun']);
    expect(issues(empty).map((issue) => issue.split(':')[0])).toEqual(['placeholder-syntax-error 3']);
  });
  test('an unclosed quote is reported once; as meant the value ends before the next option and is unreliable', () => {
    const command = read("aws x --a 'abc --b c", 'powershell');
    expect(issues(command)).toEqual(['unbalanced-quote 3:15: This single quote is never closed: PowerShell would wait for more input instead of running the command.']);
    expect(intended(command)).toEqual(['aws', 'x', '--a', 'abc', '--b', 'c']);
    expect(command.intendedWords[3]!.unknown).toEqual([{ start: 0, end: 3, kind: 'unreliable' }]);
  });
});

describe('cmd', () => {
  test('`^` at the line end continues; "..." quotes; ^ escapes; %VAR% is a variable', () => {
    const command = read('aws x ^\n  --a "b c" --d e^&f --g %TOKEN% --h "{\\"k\\": 1}"', 'cmd');
    expect(command.argv).toEqual(['aws', 'x', '--a', 'b c', '--d', 'e&f', '--g', '%TOKEN%', '--h', '{"k": 1}']);
    expect(command.issues).toEqual([]);
    expect(command.intendedWords[7]!.unknown).toEqual([{ start: 0, end: 7, kind: 'variable' }]);
  });
  test('a bash `\\` or PowerShell backtick continuation is a defect in cmd', () => {
    expect(issues(read('aws s3 ls `\n  --recursive', 'cmd'))).toEqual([
      'powershell-continuation 3:15: A backtick at the end of a line continues a PowerShell command; cmd reads it as an argument and runs the next line as a separate command; end the line with a `^` instead.',
    ]);
  });
});

describe('blocks in a Windows dialect', () => {
  test('prompts, assignments and JSON output', () => {
    const variables = new Map<string, string>();
    const { lines } = indentedBlock('PS C:\\> $Pool = "us-west-2_X"\nPS C:\\> aws cognito-idp describe-user-pool --user-pool-id $Pool\n{\n    "UserPool": {}\n}');
    const commands = readCommandsInBlock(lines, { dialect: 'powershell', variables });
    expect(commands.map(({ command }) => command.words.map((word) => word.value))).toEqual([['aws', 'cognito-idp', 'describe-user-pool', '--user-pool-id', 'us-west-2_X']]);
    expect(commands[0]!.output?.map((line) => line.text)).toEqual(['{', '    "UserPool": {}', '}']);
    const cmd = readCommandsInBlock(indentedBlock('set POOL=p1\naws cognito-idp list-users --user-pool-id %POOL%').lines, { dialect: 'cmd', variables });
    expect(cmd[0]!.command.words.at(-1)!.value).toBe('p1');
  });

  test.each(['[DateTimeOffset]::UtcNow.AddDays(30).ToUnixTimeSeconds()', '(Get-Date).Year', 'Get-Random -Maximum 60', '$base.Length'])('a variable PowerShell computes (`$N = %s`) is unknown content, not that text', (expression) => {
    const { lines } = indentedBlock(`$N = ${expression}\naws cognito-idp list-users --user-pool-id us-west-2_X --limit $N`);
    const [only] = readCommandsInBlock(lines, { dialect: 'powershell', variables: new Map() });
    expect(only!.command.words.at(-1)!.unknown).toBeDefined();
  });

  test("JSON a comment introduces (`# rules.json:`) is what the command reads, not its output; after `# Output:` it is", () => {
    const output = (text: string) => readCommandsInBlock(indentedBlock(text).lines, { dialect: 'powershell' })[0]!.output?.map((line) => line.text);
    const command = 'aws s3api put-bucket-lifecycle-configuration `\n    --bucket b `\n    --lifecycle-configuration file://rules.json\n';
    expect(output(`${command}\n# rules.json:\n{\n  "Rules": []\n}`)).toBeUndefined();
    expect(output(`${command}\n# Output:\n{\n  "Rules": []\n}`)).toEqual(['{', '  "Rules": []', '}']);
  });

  test('commands chained on one line, and after assignments of plain values, are each read', () => {
    const block = (text: string, dialect: WindowsDialect) =>
      readCommandsInBlock(indentedBlock(text).lines, { dialect }).map(({ command }) => command.words.map((word) => word.value).join(' '));
    expect(block('aws sts get-caller-identity ; aws s3 ls s3://b\n$ROLE = "<role>" ; aws iam get-role --role-name $ROLE ; Write-Host done', 'powershell')).toEqual([
      'aws sts get-caller-identity',
      'aws s3 ls s3://b',
      'aws iam get-role --role-name $ROLE',
    ]);
    expect(block('aws sts get-caller-identity && aws s3 ls', 'cmd')).toEqual(['aws sts get-caller-identity', 'aws s3 ls']);
    expect(block("$R = 'admin' ; $P = 7 ; aws iam get-role --role-name $R", 'powershell')).toEqual(['aws iam get-role --role-name $R']);
    // After other statements, whatever they hold: each statement up to the `aws` one is read past.
    expect(block(`[IO.File]::WriteAllText("$PWD\\a.json", '{"a":"1"}'); Set-Location ..; $URL = aws sqs get-queue-url --queue-name q; aws sqs list-queues`, 'powershell')).toEqual([
      'aws sqs get-queue-url --queue-name q',
      'aws sqs list-queues',
    ]);
    // In a container, as in bash.
    expect(block('docker exec -it my-localstack awslocal sqs list-queues', 'powershell')).toEqual(['awslocal sqs list-queues']);
    // Such a line is a line that runs aws: the block is read for commands (a `[` at its start makes it no JSON).
    expect(firstAwsLine(indentedBlock('[IO.File]::WriteAllText("a.json", "{}"); aws sqs list-queues').lines, { dialect: 'powershell' })).toBe(0);
  });

  test('commands inside $(...), (...), script blocks and `cmd /c "..."` in a PowerShell line are read, up to their closing `)`, `}` or `"`', () => {
    const block = (text: string) => readCommandsInBlock(indentedBlock(text).lines, { dialect: 'powershell' }).map(({ command }) => command.shell.argv.join(' '));
    expect(block('aws elbv2 describe-target-health --target-group-arn $(aws elbv2 describe-target-groups --names tg --output text)')).toEqual([
      'aws elbv2 describe-target-health --target-group-arn $(aws elbv2 describe-target-groups --names tg --output text)',
      'aws elbv2 describe-target-groups --names tg --output text',
    ]);
    expect(block('$IDS | ForEach-Object { aws efs delete-access-point --access-point-id $_ }\ntrail=$(aws cloudtrail get-trail --name t)')).toEqual([
      'aws efs delete-access-point --access-point-id $_',
      'aws cloudtrail get-trail --name t',
    ]);
    // A hashtable's key is no command.
    expect(block('$h = @{ aws = 1 }')).toEqual([]);
    // The command line handed to cmd, up to its closing quote.
    expect(block('$Region = "eu-west-1"\ncmd /c "aws ecr get-login-password --region $Region | docker login --username AWS --password-stdin r.example"')).toEqual([
      'aws ecr get-login-password --region $Region',
    ]);
  });
});
