import { describe, expect, test } from 'vitest';
import { outputFollowedBy } from '../../src/commands/aws.js';
import { firstAwsLine, hereDocumentFiles, readCommandsInBlock, type BlockReadOptions } from '../../src/commands/index.js';
import { indentedBlock } from './support.js';

function block(text: string, options: BlockReadOptions = {}) {
  const { document, lines } = indentedBlock(text);
  const commands = readCommandsInBlock(lines, options);
  return {
    document,
    commands,
    argv: commands.map(({ command }) => command.shell.argv.join(' ')),
    intended: commands.map(({ command }) => command.words.map((word) => word.value).join(' ')),
    outputs: commands.map(({ output }) => output?.map((line) => line.text).join('\n')),
  };
}

describe('redirections as meant', () => {
  test('a placeholder after `>` names the file the output goes to: no word of the command', () => {
    const { intended } = block('aws eks describe-cluster --name demo > <cluster>-payload-<n>.json');
    expect(intended).toEqual(['aws eks describe-cluster --name demo']);
  });
});

describe('output pasted after an unprompted command', () => {
  test.each([
    ['aws s3 cp big.bin s3://b/big.bin\n\n# Result:\nupload failed: An error occurred (InternalError) when calling the', 'upload failed: An error occurred (InternalError) when calling the'],
    ['aws s3 cp big.bin s3://b/big.bin\nupload failed: big.bin to s3://b/big.bin An error occurred (AccessDenied)', 'upload failed: big.bin to s3://b/big.bin An error occurred (AccessDenied)'],
    ['aws sts get-caller-identity\n# Expected output\nArn: arn:aws:iam::123456789012:user/me (the caller)', 'Arn: arn:aws:iam::123456789012:user/me (the caller)'],
    // A comment that does not label the output introduces the next command.
    ['aws sts get-caller-identity\n# show it\njq . out.json', undefined],
  ])('%j', (text, output) => {
    const { outputs } = block(text);
    expect(outputs[0]).toBe(output);
  });
});

describe('aws commands chained on lines another command starts', () => {
  test.each([
    'X=$(aws sns list-topics --output text)\n[ -n "$X" ] && aws sns delete-topic --topic-arn "$X" && echo deleted',
    'X=$(aws sns list-topics --output text)\nif [ -n "$X" ]; then aws sns delete-topic --topic-arn "$X"; fi',
    'X=$(aws sns list-topics --output text)\necho hi; aws sns delete-topic --topic-arn "$X"',
  ])('%j', (text) => {
    expect(block(text).intended).toEqual(['aws sns list-topics --output text', 'aws sns delete-topic --topic-arn $X']);
  });
});

describe('a for loop whose list bash refuses', () => {
  test('is said at the first aws command the loop runs, once', () => {
    const { commands } = block('for s in <SUBNET_A> <SUBNET_B>; do\n  aws ec2 describe-route-tables --filters "Name=association.subnet-id,Values=$s"\n  aws ec2 describe-subnets --subnet-ids "$s"\ndone');
    expect(commands.map(({ command }) => command.shell.issues.filter((issue) => issue.kind === 'placeholder-syntax-error').map((issue) => `${issue.start.line}:${issue.start.column}`))).toEqual([['3:14'], []]);
  });
  test('not when the list is quoted, or the loop ends before any aws command', () => {
    for (const text of ['for s in "<SUBNET_A>" "<SUBNET_B>"; do\n  aws ec2 describe-subnets --subnet-ids "$s"\ndone', 'for s in <A> <B>; do echo "$s"; done\naws sts get-caller-identity']) {
      expect(block(text).commands.flatMap(({ command }) => command.shell.issues.filter((issue) => issue.kind === 'placeholder-syntax-error'))).toEqual([]);
    }
  });
});

describe('programs a block runs after its aws command', () => {
  test.each([
    ['aws lambda invoke --function-name f out.json\ncat out.json', 'cat'],
    ['aws lambda invoke \\\n  --function-name f out.json\n# show it\n\njq . out.json', 'jq'],
    ['aws lambda invoke --function-name f out.json\ntype out.json  # PowerShell', 'type'],
    // An assignment prints nothing: the program after it does.
    ['R=$(aws cognito-idp initiate-auth --client-id c --auth-flow USER_PASSWORD_AUTH)\nT=$(echo "$R" | jq -r .AuthenticationResult.IdToken)\necho "$T" | cut -d. -f2', 'echo'],
    // What prints nothing, a label inside the block, and a here-document's lines are no program whose output is shown.
    ['aws lambda invoke --function-name f out.json\nrm out.json', undefined],
    ['aws s3control update-job-status --job-id 1\nOutput::\n{\n  "Status": "Ready"\n}', undefined],
    ['aws lambda invoke --function-name f --payload file:///dev/stdin out.json <<EOF\n{"a": 1}\nEOF', undefined],
    ['aws lambda invoke --function-name f out.json', undefined],
  ])('%j: %s', (text, program) => {
    expect(outputFollowedBy(block(text).commands[0]!.command)).toBe(program);
  });
});

describe('files a block writes with here-documents', () => {
  test.each([
    ["cat > policy.json <<'EOF'", 'policy.json'],
    ['cat <<EOF > conf/policy.json', 'policy.json'],
    ['sudo tee /etc/app/policy.json > /dev/null <<"EOF"', 'policy.json'],
    ['cat <<-EOF >policy.yaml', 'policy.yaml'],
  ])('`%s` writes %s, with the body up to the delimiter', (opener, name) => {
    const { lines } = indentedBlock([opener, '{"Version": "2012-10-17"}', opener.includes('<<-') ? '\tEOF' : 'EOF', 'aws iam create-policy --policy-name p --policy-document file://policy.json'].join('\n'));
    expect(hereDocumentFiles(lines).map((file) => [file.name, file.lines.map((line) => line.text)])).toEqual([[name, ['{"Version": "2012-10-17"}']]]);
  });

  test('a body the shell expands, an unterminated one, or one written to no named file is no shown file', () => {
    const files = (text: string) => hereDocumentFiles(indentedBlock(text).lines).map((file) => file.name);
    expect(files('cat > policy.json <<EOF\n{"Resource": "arn:aws:s3:::$BUCKET/*"}\nEOF')).toEqual([]);
    expect(files("cat > policy.json <<'EOF'\n{\"Version\": \"2012-10-17\"}")).toEqual([]);
    expect(files("cat <<'EOF'\n{\"Version\": \"2012-10-17\"}\nEOF")).toEqual([]);
    expect(files("cat > policy.json <<'EOF'\n{\"Resource\": \"arn:aws:s3:::$BUCKET/*\"}\nEOF")).toEqual(['policy.json']);
  });
});

describe('lines typed into an interpreter a command opened', () => {
  test.each([
    ['python manage.py shell', '>>> from django.db import router\n>>> router.db_for_read(None)\n\'default\''],
    ['ipython', 'In [1]: import boto3\nOut[1]: None'],
    ['mysql -h db.example.com -u admin -p', 'mysql> SELECT 1;'],
    ['psql -h db.example.com -U postgres', 'postgres=> \\dt\npostgres=# SELECT 1;'],
    ['irb', 'irb(main):001:0> puts 1'],
  ])('after `%s` are no shell lines: the command before keeps its own lines, the one after is read', (opener, session) => {
    const { commands, argv } = block(['aws rds describe-db-instances --db-instance-identifier db-1', '', opener, session, 'aws rds delete-db-instance --db-instance-identifier db-1'].join('\n'));
    expect(argv).toEqual(['aws rds describe-db-instances --db-instance-identifier db-1', 'aws rds delete-db-instance --db-instance-identifier db-1']);
    expect(commands.flatMap(({ command }) => command.shell.issues.map((issue) => issue.kind))).toEqual([]);
  });

  test.each([
    '2. List the buckets the attacker can see:',
    '(Optional) Wait for the namespace status to be AVAILABLE:',
    'Check that the queue is there:',
  ])('the prose line %j between two commands is no shell line: no finding, both commands read', (prose) => {
    const { argv, commands } = block(['aws sqs create-queue --queue-name jobs', '', prose, '', 'aws sqs list-queues'].join('\n'));
    expect(argv).toEqual(['aws sqs create-queue --queue-name jobs', 'aws sqs list-queues']);
    expect(commands.flatMap(({ command }) => command.shell.issues.map((issue) => issue.kind))).toEqual([]);
  });

  test('a line inside a quoted value is no interpreter prompt', () => {
    const { commands } = block(["aws ssm put-parameter --name p --type String --value 'line one", ">>> line two'"].join('\n'));
    expect(commands.map(({ command }) => command.shell.argv.at(-1))).toEqual(['line one\n>>> line two']);
  });
});

describe("a watch's quoted script", () => {
  test('runs its aws commands up to its closing quote, over several lines too; what follows is read as before', () => {
    const { intended, commands } = block(
      "watch -n 10 'echo Depth; \\\naws sqs get-queue-attributes --queue-url q \\\n  --attribute-names All; \\\naws sqs list-queues'\n\naws sqs delete-queue --queue-url 'q'",
    );
    expect(intended).toEqual(['aws sqs get-queue-attributes --queue-url q --attribute-names All', 'aws sqs list-queues', 'aws sqs delete-queue --queue-url q']);
    expect(commands.flatMap(({ command }) => command.shell.issues.map((issue) => issue.kind))).not.toContain('unbalanced-quote');
  });
});

describe('prose left in a block after its command', () => {
  test("an apostrophe in a sentence (`you'll`) is the author's text, not a quote bash waits to see closed", () => {
    const { commands } = block("aws s3 ls s3://b\n\nWhen entering multi-line commands, you'll use a backslash.");
    expect(commands.flatMap(({ command }) => command.shell.issues.map((issue) => issue.kind))).not.toContain('unbalanced-quote');
    // In the command itself, a quote never closed is still said.
    expect(block("aws s3 ls 's3://b").commands[0]!.command.shell.issues.map((issue) => issue.kind)).toContain('unbalanced-quote');
  });
});

describe('a quote left open before the next prompt', () => {
  test('is said where it stands: the next prompted line is a command of its own, and its output stays output', () => {
    const { argv, commands, outputs } = block('$ aws sqs get-queue-url --queue-name orders"\n$ aws sqs list-queues\n{\n    "QueueUrls": []\n}', { transcript: true });
    expect(argv).toEqual(['aws sqs get-queue-url --queue-name orders', 'aws sqs list-queues']);
    const quotes = commands.flatMap(({ command }) => command.shell.issues.filter((issue) => issue.kind === 'unbalanced-quote').map((issue) => `${issue.start.line}:${issue.start.column}`));
    // The quote ends the first line (the block starts at line 3, indented by 4).
    expect(quotes).toEqual(['3:48']);
    expect(outputs[1]).toBe('{\n    "QueueUrls": []\n}');
  });

  test('or before a blank line and the output: the shell would have shown its `> ` prompts there', () => {
    const { commands, outputs } = block('$ aws sqs list-queues --query "QueueUrls\n\n[\n  "https://sqs.example/q"\n]', { transcript: true });
    expect(commands[0]!.command.shell.issues.filter((issue) => issue.kind === 'unbalanced-quote').map((issue) => issue.start.line)).toEqual([3]);
    expect(outputs[0]?.trim()).toBe('[\n  "https://sqs.example/q"\n]');
  });
});

describe('aws commands in a subshell', () => {
  test.each([
    ['time (aws sqs list-queues --max-results 5; aws sqs get-queue-url --queue-name q1)', ['aws sqs list-queues --max-results 5', 'aws sqs get-queue-url --queue-name q1']],
    ['(cd infra && aws cloudformation deploy --template-file t.yaml --stack-name s)', ['aws cloudformation deploy --template-file t.yaml --stack-name s']],
    ['( aws s3 ls s3://b )', ['aws s3 ls s3://b']],
  ])('%j: each read up to the `)` that closes the subshell, no syntax error', (text, expected) => {
    const { intended, commands } = block(text);
    expect(intended).toEqual(expected);
    expect(commands.flatMap(({ command }) => command.shell.issues.map((issue) => issue.kind))).not.toContain('syntax-error');
  });

  test('one never closed is said as such; an array assignment runs nothing', () => {
    const { commands } = block('(aws sqs list-queues --max-results 5');
    expect(commands[0]!.command.shell.issues.map((issue) => issue.message)).toContain('This subshell is never closed: bash would wait for more input instead of running the command.');
    expect(block('NAMES=(aws s3 ls)').commands).toEqual([]);
  });

  test('a `(` on a line a `\\` continues is no subshell: still a syntax error', () => {
    const { commands } = block('aws s3 ls s3://b \\\n  (both buckets)');
    expect(commands[0]!.command.shell.issues.map((issue) => issue.kind)).toContain('syntax-error');
  });
});

describe('an aws command piped into from another program', () => {
  test('is read where the pipe reaches it (`terraform output | awk ... | xargs -I {} aws ...`)', () => {
    const { intended } = block("terraform output | awk '{print $3}' | xargs -I {} aws lambda invoke --function-name {} out.json");
    expect(intended).toEqual(['aws lambda invoke --function-name {} out.json']);
    expect(firstAwsLine(indentedBlock("terraform output | xargs -I {} aws lambda invoke --function-name {} out.json").lines)).toBe(0);
    // Not in a comment.
    expect(firstAwsLine(indentedBlock('# terraform output | xargs aws lambda invoke').lines)).toBe(-1);
  });
});

describe('assignments from a substitution that opens at the end of its line', () => {
  test('two in a row: each command read inside its own `$(`, no syntax error at the second `)`', () => {
    const { intended, commands } = block('A="$(\n  aws ssm get-parameter --name /a --output text\n)"\n\nB="$(\n  aws ssm get-parameter --name /b --output text\n)"\necho "$A $B"');
    expect(intended).toEqual(['aws ssm get-parameter --name /a --output text', 'aws ssm get-parameter --name /b --output text']);
    expect(commands.flatMap(({ command }) => command.shell.issues.map((issue) => issue.kind))).not.toContain('syntax-error');
    // A backtick that closes one at the line's end opens nothing: the line is a parameter line that lost its continuation.
    const lost = block('aws kinesis put-record --stream-name s --partition-key 1\n  --data `echo x | base64`');
    expect(lost.commands[0]!.command.shell.issues.map((issue) => issue.kind)).toContain('missing-continuation');
  });
});

describe('a later line of the block', () => {
  test("with an unquoted `(` is that line's syntax error, not the aws command's: bash has run the aws line by then", () => {
    const { commands } = block('aws ec2 reboot-instances --instance-ids i-1\nsleep 10\ncurl -I https://shop.example.org (staging only)');
    expect(commands[0]!.command.shell.issues.map((issue) => issue.kind)).not.toContain('syntax-error');
    // On the aws command's own line, bash refuses the whole line.
    expect(block('aws ec2 reboot-instances --instance-ids i-1; echo (done)').commands[0]!.command.shell.issues.map((issue) => issue.kind)).toContain('syntax-error');
  });
});

describe('an assignment bash refuses', () => {
  test.each(['ARN=arn:aws:sso:::instance/<instance ID>', 'ARN=<INSTANCE_ARN>', 'ARN=arn:aws:sso:::permissionSet/<a>/<b>  # fill in'])('%j is said at the command that uses it, at the placeholder', (assignment) => {
    const refusedAssignments = new Map();
    const { commands } = block(`${assignment}\naws sso-admin describe-instance --instance-arn $ARN`, { refusedAssignments });
    const issue = commands[0]!.command.shell.issues.find((each) => each.kind === 'placeholder-syntax-error');
    expect(issue?.start.line).toBe(3);
    expect(issue?.message).toMatch(/^bash refuses `ARN=/);
  });

  test('not a quoted one, nor one the command does not use', () => {
    expect(block('ARN="arn:aws:sso:::instance/<id>"\naws sso-admin describe-instance --instance-arn $ARN', { refusedAssignments: new Map() }).commands[0]!.command.shell.issues.map((issue) => issue.kind)).not.toContain('placeholder-syntax-error');
    expect(block('ARN=<id>\naws sso-admin list-instances', { refusedAssignments: new Map() }).commands[0]!.command.shell.issues.map((issue) => issue.kind)).not.toContain('placeholder-syntax-error');
  });
});

describe('a loop variable', () => {
  test('over plain words stands for a word like the first; over anything else its content is unknown', () => {
    const variables = new Map<string, string>();
    const { intended } = block('for r in nightly-report nightly-cleanup; do aws events disable-rule --name $r; done', { variables });
    expect(intended).toEqual(['aws events disable-rule --name nightly-report']);
    const other = block('for r in $(aws events list-rules --output text); do aws events disable-rule --name $r; done', { variables });
    expect(other.commands.at(-1)!.command.words.at(-1)!.unknown).toBeDefined();
    const glob = block('for f in *.json; do aws s3 cp $f s3://b/; done', { variables });
    expect(glob.commands[0]!.command.words[3]!.unknown).toBeDefined();
  });
});

describe('a flag at the end of a loop body', () => {
  test('before `done` is a flag, not a lost continuation', () => {
    const { commands, intended } = block('for n in alpha beta; do\n  aws secretsmanager delete-secret --secret-id demo/$n --force-delete-without-recovery\ndone');
    expect(intended).toEqual(['aws secretsmanager delete-secret --secret-id demo/alpha --force-delete-without-recovery']);
    expect(commands[0]!.command.shell.issues.map((issue) => issue.kind)).not.toContain('missing-continuation');
  });
});

describe('commented-out lines', () => {
  test('run no command, also inside a substitution or after an operator', () => {
    const { intended } = block('aws s3 ls\n#BUCKET=$(aws s3api create-bucket --bucket b2 \\\n#    --query Location)\n# cleanup; aws s3 rb s3://b2\necho done');
    expect(intended).toEqual(['aws s3 ls']);
  });
});

describe('a pipeline inside a substitution', () => {
  test.each([
    'export IP=$(aws ecs describe-tasks --cluster c1 --tasks t1 --output text | xargs -I {} aws ec2 describe-network-interfaces --network-interface-ids {} --output text)',
    'IP=`aws ecs describe-tasks --cluster c1 --tasks t1 --output text | xargs -I {} aws ec2 describe-network-interfaces --network-interface-ids {} --output text`',
  ])('%j: the later command ends where the substitution closes, no syntax error', (text) => {
    const { intended, commands } = block(text);
    expect(intended).toEqual(['aws ecs describe-tasks --cluster c1 --tasks t1 --output text', 'aws ec2 describe-network-interfaces --network-interface-ids {} --output text']);
    expect(commands.flatMap(({ command }) => command.shell.issues.map((issue) => issue.kind))).not.toContain('syntax-error');
  });
});

describe('every aws command a block runs', () => {
  test('inside $(...) and backticks, after export X=, in pipelines, after wrappers and a notebook\'s `!`', () => {
    const { argv, commands, document } = block(
      [
        'TOKEN=$(aws cognito-idp initiate-auth --client-id c --query AuthenticationResult.IdToken --output text)',
        'export POOL="$(aws cognito-idp list-user-pools --max-results 1)"',
        'ID=`aws sts get-caller-identity --query Account`',
        'aws s3api list-buckets | jq .',
        'sudo -E aws s3 ls',
        'time aws s3 ls s3://b',
        'env AWS_PAGER= aws ec2 describe-vpcs',
        'command aws iam list-users',
        'exec aws iam get-user',
        'docker compose exec -T localstack awslocal sqs list-queues',
        '!aws s3 ls s3://notebook',
      ].join('\n'),
    );
    expect(argv).toEqual([
      'aws cognito-idp initiate-auth --client-id c --query AuthenticationResult.IdToken --output text',
      'aws cognito-idp list-user-pools --max-results 1',
      'aws sts get-caller-identity --query Account',
      'aws s3api list-buckets',
      'aws s3 ls',
      'aws s3 ls s3://b',
      'aws ec2 describe-vpcs',
      'aws iam list-users',
      'aws iam get-user',
      'awslocal sqs list-queues',
      'aws s3 ls s3://notebook',
    ]);
    // Positions stay exact, and the closing `)` or backtick is not reported.
    for (const { command } of commands) {
      for (const word of command.shell.words) expect(document.slice(word.start.offset, word.end.offset)).toBe(word.raw);
      expect(command.shell.issues.filter((issue) => issue.kind !== 'pipe' && issue.kind !== 'assignment' && issue.kind !== 'prompt')).toEqual([]);
    }
  });

  test('after a wrapper whose line ends in a continuation (`aws-vault exec p -- \\`, `env X=y \\`)', () => {
    expect(block(['aws-vault exec admin -- \\', '  aws sts get-caller-identity'].join('\n')).argv).toEqual(['aws sts get-caller-identity']);
    expect(block(['env AWS_PAGER= \\', '  aws s3 ls'].join('\n')).argv).toEqual(['aws s3 ls']);
    expect(block(['AWS_PROFILE=dev \\', '  aws s3 ls'].join('\n')).argv).toEqual(['aws s3 ls']);
  });

  test('inside $( opened on the line before, with or without a `\\` there', () => {
    const { argv } = block(['KEY_ID=$(', '  aws kms create-key --key-usage ENCRYPT_DECRYPT \\', '    --output text', ')', 'ARN=$( \\', '  aws kms describe-key --key-id "$KEY_ID")'].join('\n'));
    expect(argv).toEqual(['aws kms create-key --key-usage ENCRYPT_DECRYPT --output text', 'aws kms describe-key --key-id $KEY_ID']);
  });

  test('inside backticks, `\\\\` then a line break continues the command (bash unescapes it to `\\` first)', () => {
    const { argv, commands } = block(['OWNER=`aws s3api list-buckets \\\\', '  --query Owner.ID --output text`'].join('\n'));
    expect(argv).toEqual(['aws s3api list-buckets --query Owner.ID --output text']);
    expect(commands.flatMap(({ command }) => command.shell.issues.map((issue) => issue.kind)).filter((kind) => kind !== 'assignment')).toEqual([]);
  });

  test('in if/for/while bodies and substitutions inside other commands', () => {
    const { argv } = block(
      [
        'for b in $(aws s3api list-buckets --query "Buckets[].Name" --output text); do',
        '  aws s3api get-bucket-location --bucket "$b"',
        'done',
        'if aws s3api head-bucket --bucket b; then echo ok; fi',
        'while true; do aws sqs receive-message --queue-url q; done',
        'aws ec2 terminate-instances --instance-ids $(aws ec2 describe-instances --query "Reservations[].Instances[].InstanceId" --output text)',
      ].join('\n'),
    );
    expect(argv).toEqual([
      'aws s3api list-buckets --query Buckets[].Name --output text',
      'aws s3api get-bucket-location --bucket $b',
      'aws s3api head-bucket --bucket b',
      'aws sqs receive-message --queue-url q',
      'aws ec2 terminate-instances --instance-ids $(aws ec2 describe-instances --query "Reservations[].Instances[].InstanceId" --output text)',
      'aws ec2 describe-instances --query Reservations[].Instances[].InstanceId --output text',
    ]);
  });

  test("another program's line with its options after an option that ends a line: the option was a switch, no lost continuation", () => {
    const { commands } = block('aws logs tail /aws/lambda/f --follow\nterraform -chdir=infra state list');
    expect(commands[0]!.command.shell.issues.map((issue) => issue.kind)).not.toContain('missing-continuation');
    expect(commands[0]!.command.shell.intendedWords.map((word) => word.value)).toEqual(['aws', 'logs', 'tail', '/aws/lambda/f', '--follow']);
  });
  test('the program after a block is the one after the command that ends last, not after one inside its $(...)', () => {
    const { commands } = block('aws sns publish \\\n  --topic-arn "$(aws sns create-topic --name n --query TopicArn --output text)" \\\n  --message hi');
    expect(commands.map(({ command }) => command.thenRuns)).toEqual([undefined, undefined]);
  });
  test('a command chained after an assignment of a substitution runs outside it, and is read', () => {
    const { argv } = block('NAME=$(aws cloudformation describe-stacks --stack-name s --output text) && aws s3 cp . s3://$NAME/ --recursive');
    expect(argv).toEqual(['aws cloudformation describe-stacks --stack-name s --output text', 'aws s3 cp . s3://$NAME/ --recursive']);
  });
  test('awslocal is read like aws, and the launcher is recorded', () => {
    const { commands } = block('awslocal s3api create-bucket --bucket b');
    expect(commands[0]!.command).toMatchObject({ launcher: 'awslocal', service: 's3api', operation: 'create-bucket' });
  });

  test('firstAwsLine finds commands after prompts, wrappers and in substitutions', () => {
    const first = (text: string, options: BlockReadOptions = {}) => firstAwsLine(indentedBlock(text).lines, options);
    expect(first('echo hi\n\nX=$(aws s3 ls)')).toBe(1);
    expect(first('PS C:\\> aws s3 ls')).toBe(0);
    expect(first('# aws s3 ls')).toBe(-1);
    expect(first('# aws s3 ls', { transcript: true })).toBe(0);
    expect(first('{"Command": "aws s3 ls"}')).toBe(-1);
  });
});

describe('prompts and outputs', () => {
  test('in a transcript, the lines after a prompted command up to the next prompt are its output', () => {
    const { argv, outputs } = block('$ aws s3 ls\n2024-01-01 bucket-a\n2024-01-02 bucket-b\n\n$ aws s3 mb s3://c\nmake_bucket: c\n$ echo done\ndone', { transcript: true });
    expect(argv).toEqual(['aws s3 ls', 'aws s3 mb s3://c']);
    expect(outputs).toEqual(['2024-01-01 bucket-a\n2024-01-02 bucket-b', 'make_bucket: c']);
  });
  test("`# ` is root's prompt in a transcript that shows no user's prompt; beside `$ ` prompts it starts the author's comment", () => {
    const root = block('# aws s3 mb s3://c\nmake_bucket: c\n# aws s3 ls\n2024-01-01 c', { transcript: true });
    expect(root.argv).toEqual(['aws s3 mb s3://c', 'aws s3 ls']);
    expect(root.outputs).toEqual(['make_bucket: c', '2024-01-01 c']);
    // The comment ends what the prompted command printed, and the plain command after it is read.
    const mixed = block('$ aws s3 ls\n2024-01-01 c\n# first note\n# second note\naws s3 mb s3://d\n# aws s3 rb s3://c', { transcript: true });
    expect(mixed.argv).toEqual(['aws s3 ls', 'aws s3 mb s3://d']);
    expect(mixed.outputs).toEqual(['2024-01-01 c', undefined]);
  });
  test("a comment after a prompted command is the author's note, not its output; `# Output:` labels what follows", () => {
    expect(block('$ aws s3api head-object --bucket b --key k\n# no encryption: the header is missing').outputs).toEqual([undefined]);
    expect(block('$ aws s3 ls\n# Output:\n2024-01-01 c').outputs).toEqual(['# Output:\n2024-01-01 c']);
  });
  test.each(['$ ', '% ', 'PS> ', 'PS C:\\> ', 'C:\\Users\\me> ', '$ C:\\> ', '$> ', '~> ', '>', 'alice $ ', '└──╼ $', '└─$ '])('the prompt %j is not part of the command', (prompt) => {
    const { argv, commands, document } = block(`${prompt}aws s3 ls s3://b`);
    expect(argv).toEqual(['aws s3 ls s3://b']);
    const word = commands[0]!.command.shell.words[0]!;
    expect(document.slice(word.start.offset, word.end.offset)).toBe('aws');
  });
  test('in a transcript, a `\\` after a placeholder continues the command (not the start of its output)', () => {
    const { intended, outputs } = block('$ aws cloudformation create-stack \\\n  --stack-name <stack-name> \\\n  --template-body file://t.yml', { transcript: true });
    expect(intended).toEqual(['aws cloudformation create-stack --stack-name <stack-name> --template-body file://t.yml']);
    expect(outputs).toEqual([undefined]);
  });
  test('in a transcript, a bare prompt ends the output before it', () => {
    const { outputs } = block('$ aws sts get-caller-identity\n{\n    "Account": "123456789012"\n}\n$', { transcript: true });
    expect(outputs).toEqual(['{\n    "Account": "123456789012"\n}']);
  });
  test("a JSON output ends where it closes when other text follows (a script's banner, the author's prose), in a transcript or not", () => {
    const text = '$ aws sts get-caller-identity\n{\n    "Account": "123456789012"\n}\n\n=== 2. buckets ===\n$ aws s3 ls\nbucket-a';
    expect(block(text, { transcript: true }).outputs).toEqual(['{\n    "Account": "123456789012"\n}', 'bucket-a']);
    // Unprompted, a line after a command is output only when it looks like the CLI's (JSON, an error).
    expect(block(text.replaceAll('$ ', '')).outputs).toEqual(['{\n    "Account": "123456789012"\n}', undefined]);
    // Before it closes, the text is the output's (and output-json says what is wrong); after, it is not, blank line or not.
    expect(block('$ aws sts get-caller-identity\n{\n    "Account": "1"\n\nnote\n}', { transcript: true }).outputs).toEqual(['{\n    "Account": "1"\n\nnote\n}']);
    expect(block('$ aws sts get-caller-identity\n{\n    "Account": "1"\n}\nNext, list the users.\n$ aws iam list-users', { transcript: true }).outputs).toEqual(['{\n    "Account": "1"\n}', undefined]);
    // A value on one line is whole at once.
    expect(block('$ aws sts get-caller-identity\n{}\n\n┌─[bob@parrot]─[~]', { transcript: true }).outputs).toEqual(['{}']);
    // A bracket that does not close the first line's is inside the value: the text stays with it.
    expect(block('$ aws sts get-caller-identity\n{\n    "Account": "1"\n  }\nnote', { transcript: true }).outputs).toEqual(['{\n    "Account": "1"\n  }\nnote']);
  });
  test.each(['us-east-1:[identity-id-here]', '[ユーザープールID]', '[함수명]', '"[Your Pool Id]"'])('%j holds a placeholder: its content is unknown', (value) => {
    const word = block(`aws cognito-identity get-id --identity-pool-id ${value}`).commands[0]!.command.shell.intendedWords.at(-1)!;
    expect(word.unknown?.some((span) => span.kind === 'placeholder')).toBe(true);
  });
  test.each(['Name=instance-state-name,Values=[running]', '[sg-123]', 'Values=[a,b]'])('%j is a value as written', (value) => {
    const word = block(`aws ec2 describe-instances --filters ${value}`).commands[0]!.command.shell.intendedWords.at(-1)!;
    expect(word.unknown).toBeUndefined();
  });
  test('an empty pair of backticks (a fence typed with two) runs nothing: no command substitution to report', () => {
    const { commands } = block('aws s3 ls s3://b ``');
    expect(commands[0]!.command.shell.issues.map((issue) => issue.kind)).not.toContain('command-substitution');
  });
  test('`<_MY_STACK_>` and `<code_N+1>` are placeholders, as `<MY_STACK>` is', () => {
    expect(block('aws iam enable-mfa-device --authentication-code2 <code_N+1> --user-name u').commands[0]!.command.shell.issues.map((issue) => issue.kind)).toContain('placeholder-redirection');
    const { commands } = block('aws cloudformation deploy --template-file out.yml --stack-name <_MY_STACK_> --capabilities CAPABILITY_IAM');
    expect(commands[0]!.command.shell.issues.map((issue) => issue.kind)).toContain('placeholder-redirection');
  });
  test('`<...>` is a placeholder too: a redirection bash would read, not a missing value', () => {
    const { commands } = block('aws lambda update-function-code --function-name f --image-uri <...>:v1  # redeploy');
    expect(commands[0]!.command.shell.issues.map((issue) => issue.kind)).toContain('placeholder-redirection');
    expect(commands[0]!.command.shell.intendedWords.at(-1)!.value).toBe('<...>:v1');
  });
  test('outside a transcript `#` starts a comment, not a command', () => {
    expect(block('# aws s3 ls').argv).toEqual([]);
  });
  test('JSON right after a command in the same block is its output, not shell text', () => {
    const { argv, outputs, commands } = block('aws iam get-user\n{\n    "User": {\n        "UserName": "Bob"\n    }\n}\naws iam list-users\n[\n]');
    expect(argv).toEqual(['aws iam get-user', 'aws iam list-users']);
    expect(outputs).toEqual(['{\n    "User": {\n        "UserName": "Bob"\n    }\n}', '[\n]']);
    expect(commands[0]!.command.shell.issues).toEqual([]);
  });
  test.each(['cors.json:', 'Contents of cors.json::', '--cors-configuration file://cors.jsonContents of cors.json::'])('JSON after a file label (%j) is that file, not the output', (label) => {
    const { outputs } = block(`aws s3api put-bucket-cors --bucket b --cors-configuration file://cors.json\n\n${label}\n{\n  "CORSRules": [\n    {\n      "MaxAgeSeconds": 3000\n    }\n  ]\n}`);
    expect(outputs).toEqual([undefined]);
  });
  test('the lines after a value left open at a line end (`Key=[`, a `,`) are the rest of the value, not JSON output', () => {
    const text = 'aws codebuild update-project --name b \\\n  --environment environmentVariables=[\n    {name=STAGE,value=test},\n    {name=LEVEL,value=debug}\n  ]';
    const { outputs, commands } = block(text);
    expect(outputs).toEqual([undefined]);
    expect(commands[0]!.command.shell.lines.at(-1)!.text).toBe('  ]');
  });
  test('a value on the line after its option name is no output', () => {
    const { outputs, intended } = block("aws dynamodb put-item --item\n{\"a\": {\"S\": \"b\"}}");
    expect(outputs).toEqual([undefined]);
    expect(intended[0]).toContain('--item');
  });
});

describe('document variables', () => {
  test('assignments in earlier lines and blocks stand for their values; unknown ones are forgotten', () => {
    const variables = new Map<string, string>();
    block('POOL_ID=us-west-2_EXAMPLE\nexport CLIENT_ID=abc\nREGION=us-east-1 aws s3 ls', { variables });
    expect([...variables]).toEqual([
      ['POOL_ID', 'us-west-2_EXAMPLE'],
      ['CLIENT_ID', 'abc'],
    ]);
    const { intended, commands } = block('aws cognito-idp describe-user-pool-client --user-pool-id $POOL_ID --client-id "${CLIENT_ID}"\nexport CLIENT_ID=$(aws cognito-idp list-user-pool-clients --user-pool-id $POOL_ID)', { variables });
    expect(intended[0]).toBe('aws cognito-idp describe-user-pool-client --user-pool-id us-west-2_EXAMPLE --client-id abc');
    expect(commands[0]!.command.shell.argv).toContain('$POOL_ID');
    expect([...variables]).toEqual([['POOL_ID', 'us-west-2_EXAMPLE']]);
  });

  test('an empty value is a template to fill in, not the value later commands use', () => {
    const variables = new Map<string, string>([['CLIENT_ID', 'abc']]);
    block('export CLIENT_ID=""\nPOOL_ID=', { variables });
    expect([...variables]).toEqual([]);
    const { intended } = block('aws cognito-idp describe-user-pool-client --user-pool-id $POOL_ID --client-id "$CLIENT_ID"', { variables });
    expect(intended[0]).toBe('aws cognito-idp describe-user-pool-client --user-pool-id $POOL_ID --client-id $CLIENT_ID');
  });
});
