import { parseAwsCommand, wordAt } from '../commands/aws.js';
import { STRUCTURE_IN_BRACES } from '../commands/shell.js';
import type { AwsCommand, ShellIssue, ShellIssueKind } from '../commands/types.js';
import type { Example } from '../examples/types.js';
import { isContinuationIssue } from './shell-continuation.js';
import type { Rule, RuleContext, Severity } from './types.js';

/**
 * Severity by issue: a command bash cannot read is an error; a continuation for another shell is a warning
 * (the example breaks when pasted into bash); shell features the harness does not replay are information.
 */
const SEVERITIES: Partial<Record<ShellIssueKind, Severity>> = {
  'unbalanced-quote': 'error',
  'syntax-error': 'error',
  'placeholder-syntax-error': 'error',
  'bad-substitution': 'error',
  'expanded-aws-name': 'error',
  'hash-in-cmd': 'error',
  'placeholder-redirection': 'warning',
  'placeholder-pipe': 'warning',
  'default-value-placeholder': 'warning',
  'array-without-braces': 'warning',
  'dollar-amount': 'warning',
  'powershell-escaped-quote': 'warning',
  'powershell-split-argument': 'error',
  'command-substitution': 'warning',
  'windows-continuation': 'error',
  'powershell-continuation': 'error',
  'powershell-assignment': 'error',
  'bash-assignment': 'error',
  'glued-prompt': 'error',
  'powershell-drive-variable': 'warning',
  'history-expansion': 'warning',
  'brace-expansion': 'warning',
  pipe: 'info',
  redirection: 'info',
  assignment: 'info',
};


/**
 * What to say of bash's brace expansion, from what the CLI makes of bash's words (their translation) against the
 * author's: the CLI refuses the expanded words (error, naming why); braces holding shorthand or JSON members change
 * the value silently (warning); a plain list (`--names {a,b,c}`, `i-{1,2}`) is what the author meant: the author's
 * reading expands it too, and the model rules report what the CLI makes of it. Without models, only the braces holding
 * members are reported.
 */
function braceExpansionFinding(issue: ShellIssue, command: AwsCommand, example: Example, context: RuleContext): { severity: Severity; message: string } | undefined {
  const word = wordAt(command, issue.start);
  const literal = STRUCTURE_IN_BRACES.test(word?.raw ?? '');
  const asBash = context.translation(parseAwsCommand({ ...command.shell, intendedWords: command.shell.words }), example);
  const asMeant = context.translation(command, example);
  if (asBash === undefined || asMeant === undefined) return literal ? { severity: 'warning', message: issue.message } : undefined;
  const within = (point: { offset?: number }) => point.offset! >= issue.start.offset! && point.offset! < issue.end.offset!;
  const refusal = asBash.problems.find((problem) => within(problem.start) && !asMeant.problems.some((meant) => meant.message === problem.message));
  if (refusal !== undefined) {
    const advice = literal ? '; quote the value to pass it as written' : '';
    return { severity: 'error', message: `${issue.message.split(';')[0]}, which the CLI refuses: ${refusal.message.replace(/\.$/, '')}${advice}.` };
  }
  return literal ? { severity: 'warning', message: issue.message } : undefined;
}

const shellSyntax: Rule = {
  id: 'shell-syntax',
  severity: 'warning',
  description:
    'Commands are read as bash reads them. An unclosed quote is an error: bash would wait for more input and ' +
    'never run the command; so is an unquoted `(` or `)` among the words, which bash refuses as a syntax error, and an ' +
    'unquoted `<placeholder>` whose `>` has no file name after it, and `${...}` around words that name no variable ' +
    '(`${user pool id}`: a bad substitution, once per command), and AWS\'s own `$`-names outside single quotes (Lambda\'s `$LATEST`, API Gateway\'s `$default`, Systems Manager\'s `$DEFAULT`): bash expands them to nothing; in a cmd block, a `#` after a command, where cmd has no comments and passes the words on. An amount such as `$50` outside single quotes is a warning: bash expands `$5`, a positional parameter; so is a `{{a|b}}` choice, which bash pipes. Any other unquoted `<placeholder>` is a warning: bash ' +
    'reads it as redirections (input from one file, output to another), which the message names; so is a hyphenated name in ' +
    '`${...}` (`${api-id}`), which bash reads as the variable `api` with the default `id`. Windows `^` and PowerShell ' +
    'backtick continuations in a bash block are errors, one per command naming its other lines: pasted into bash these commands break; ' +
    'so is an assignment bash refuses (`X=<value>`: the `>` has no file name), said once at the first command that uses `$X`, and a `$` prompt typed without its blank (`$aws s3 ls`: bash expands `$aws`); so is PowerShell\'s `$X = aws ...`, where bash runs `=` as a command, and the other way round bash\'s `export X=...` or `X=...` in a PowerShell block (once per block), which PowerShell cannot run. In a PowerShell value written with `\\"` only, `\\"` is ' +
    'read as the `"` Windows PowerShell 5.1 passes to the CLI, with a warning: PowerShell 7.3 and later pass the backslash too (a ' +
    'value with bare `"` as well is written for 7.3, and read as is). Unquoted braces with commas are brace-expanded by bash ' +
    'into several words. Braces holding shorthand or JSON members (`Tags=[{Key=a,Value=b}]`) are meant as written: ' +
    'an error where the CLI refuses the expanded words (the message says why), else a warning (the value changes ' +
    'silently). A plain list (`--names {a,b,c}`, `i-{1,2}`) is meant as bash expands it, and is checked so: no finding ' +
    'here. Backticks around text that is no command (`Palo Alto Networks`), or around a JMESPath literal in a ' +
    'double-quoted `--query`, are a warning: bash runs it. ' +
    'In PowerShell and cmd blocks their own quoting and continuations apply (an unquoted `<placeholder>` is PowerShell\'s ' +
    'reserved-operator error, and a value that starts with a quoted string and goes on after it, `\'{"Id": "\'$Id\'"}\'`, is an error: PowerShell passes the rest as another argument). Pipes, redirections and `NAME=value` environment assignments ' +
    'are information: valid shell, but the harness checks and replays only the `aws` command itself. Variables, command ' +
    'substitutions and placeholders are values the reader or the shell supplies: their content is not checked, and they ' +
    'are no finding. Every `aws` command a block runs is read: after prompts and wrappers (`sudo`, `time`, `env`), in ' +
    '`$(...)`, pipelines, `if`/`for`/`while` bodies, and chained after another (`aws a && aws b`); `awslocal` is read as `aws`.',
  examples: {
    ok: [
      {
        // At a prompt there is always a command before: `!:3`, `!$`, `!!` take its words, no "event not found".
        name: 'guide.md',
        text: '# Users\n\n```console\n$ aws cognito-idp list-users --user-pool-id us-west-2_EXAMPLE\n$ aws cognito-idp list-groups !:3 !:4\n$ aws cognito-idp describe-user-pool --user-pool-id !$\n```\n',
        messages: [],
      },
      {
        // `Key="Name"` inside a hash table's braces is PowerShell's own; `name=...` on a continued line is a word of the command.
        name: 'guide.md',
        text: '# Tag\n\n```powershell\n$tag = @{\n  Key="team"\n}\naws cognito-idp list-users `\n  --user-pool-id us-west-2_EXAMPLE `\n  --filter `\n  name=\\"jane\\"\naws cognito-idp list-groups --user-pool-id us-west-2_EXAMPLE\n```\n',
        messages: [],
      },
      {
        // Lines typed into an interpreter a command opened (`>>> `, `mysql> `) are no shell lines.
        name: 'guide.md',
        text: '# Replica\n\n```bash\naws rds describe-db-instances --db-instance-identifier db-1\n\npython manage.py shell\n>>> from django.db import router\n```\n',
        messages: [],
      },
      {
        // An untagged block whose lines end in ` ^` is written for cmd (an aws-cli page's Windows variant): read so.
        name: 'ec2/describe-instances.rst',
        text: '**To describe an instance**\n\nWindows::\n\n    aws ec2 describe-instances ^\n        --instance-ids i-1234567890abcdef0\n',
        messages: [],
      },
      {
        // A note in backticks between continued lines runs only a comment: its output is empty, and bash drops the word.
        name: 'guide.md',
        text: '# Deploy\n\n```bash\naws cloudformation describe-stacks \\\n  `# the next line is optional` \\\n  --stack-name demo\n```\n',
        messages: [],
      },
      {
        // JSON with bare quotes and `\"` inside its strings is written for PowerShell 7.3 and later, which pass it as is.
        name: 'guide.md',
        text: '# Run\n\n```powershell\naws ecs run-task --cluster c1 --task-definition td1 --overrides \'{"containerOverrides": [{"name": "app", "command": ["python", "-c", "print(\\"hi\\")"]}]}\'\n```\n',
        messages: [],
      },
      {
        // AWS's `$`-names in single quotes reach the CLI as written.
        name: 'lambda/get-function.md',
        text: "# Versions\n\n```bash\naws lambda get-function --function-name my-function --qualifier '$LATEST'\n```\n",
        messages: [],
      },
      {
        name: 'cognito-idp/list-users.rst',
        text: '**To list users**\n\nThe following example lists users. ::\n\n    aws cognito-idp list-users --user-pool-id us-east-1_EXAMPLE --attributes-to-get {email,name}\n',
        messages: [],
      },
      {
        // A plain list is read expanded, as the author meant: what the CLI refuses is unknown-parameter's to say.
        name: 'cognito-idp/admin-get-user.rst',
        text: '**To get users**\n\nThe following example gets users. ::\n\n    aws cognito-idp admin-get-user --user-pool-id us-east-1_EXAMPLE --username {alice,bob}\n',
        messages: [],
      },
      {
        name: 's3api/list-buckets.rst',
        text: '**To list buckets**\n\nThe following example lists buckets. ::\n\n    aws s3api list-buckets --query "Buckets[].Name"\n',
        messages: [],
      },
      {
        name: 'cognito-idp/admin-get-user.rst',
        text: '**To get a user**\n\nThe following example gets a user. ::\n\n    POOL_ID=$(aws cognito-idp list-user-pools --max-results 1 --query "UserPools[0].Id" --output text)\n    aws cognito-idp admin-get-user --user-pool-id "$POOL_ID" --username \'<username>\'\n',
        messages: [],
      },
    ],
    notOk: [
      // A tldr-style choice `{{a|b}}`: one placeholder as meant, a pipe to bash, said once at the placeholder.
      {
        name: 'guide.md',
        text: '# Users\n\n```bash\naws cognito-idp list-users --user-pool-id us-west-2_EXAMPLE --attributes-to-get {{email|name}}\n```\n',
        messages: ['4:81-4:95: warning: bash reads the `|` in `{{email|name}}` as a pipe into a command named `name}}`; write one of the choices in place of the placeholder.'],
      },
      // `$50` in double quotes: bash expands the positional parameter `$5` (empty) and keeps `0`. A script's `"$1"` is no amount.
      {
        name: 'guide.md',
        text: '# Alarm\n\n```bash\naws cognito-idp create-group --user-pool-id us-west-2_EXAMPLE --group-name gold --description "Spent over $50"\naws cognito-idp get-group --user-pool-id "$1" --group-name gold\n```\n',
        messages: ['4:107-4:110: warning: bash reads `$5` in `$50` as a positional parameter, empty here, so the CLI gets `0`; write `\\$50` or put the value in single quotes.'],
      },
      // One digit between blanks in a sentence is an amount too; `"$1"` and `$1/` are a script's positional parameters.
      {
        name: 'guide.md',
        text: '# Alarm\n\n```bash\naws cognito-idp create-group --user-pool-id us-west-2_EXAMPLE --group-name gold --description "Spent over $5 today"\naws cognito-idp get-group --user-pool-id "$1" --group-name "gold $2"\n```\n',
        messages: ['4:107-4:109: warning: bash reads `$5` as a positional parameter, empty here, so the CLI gets the text without the amount; write `\\$5` or put the value in single quotes.'],
      },
      // cmd has no `#` comments: the words go to the command, which refuses them. Said once, and only here.
      {
        name: 'guide.md',
        text: '# Who am I\n\n```cmd\naws sts get-caller-identity  # check the account\n```\n',
        messages: ['4:30-4:49: error: cmd has no `#` comments: it passes `#` and the words after it to the command, which refuses them; put the comment on a line of its own after `REM`.'],
      },
      // `$subnets[i]`: bash expands the array's first element and keeps `[i]` as text.
      {
        name: 'guide.md',
        text: '# Subnets\n\n```bash\nfor ((i=0; i<2; i++)); do\n  aws ec2 delete-subnet --subnet-id $subnets[i]\ndone\n```\n',
        messages: ['5:37-5:48: warning: bash expands `$subnets` and keeps `[i]` as text after it: an array element needs braces, `${subnets[i]}`.'],
      },
      {
        // Lambda's `$LATEST` unquoted: bash expands the unset variable, and the CLI gets `--qualifier` with no value.
        name: 'lambda/get-function.md',
        text: '# Versions\n\n```bash\naws lambda get-function --function-name my-function --qualifier $LATEST\n```\n',
        messages: ["4:65-4:72: error: bash expands `$LATEST` (no such variable is set) to nothing, so the CLI never gets AWS's name `$LATEST`; write it in single quotes: '$LATEST'."],
      },
      // `${...}` around words that name no variable: bash stops at the expansion.
      {
        name: 'guide.md',
        text: '# Users\n\n```bash\naws cognito-idp admin-get-user --user-pool-id ${user pool id} --username ${user name}\n```\n',
        messages: ['4:47-4:62: error: bash cannot expand `${user pool id}` (2 in this command): a bad substitution (a name holds only letters, digits and `_`), so it runs nothing; replace the placeholder with a value.'],
      },
      {
        name: 'cognito-idp/list-users.rst',
        text: '**To list users**\n\n::\n\n    aws cognito-idp list-users --user-pool-id us-west-2_EXAMPLE >\n',
        messages: ['5:65-5:66: error: `>` has no file name after it: bash refuses the whole command (a syntax error); give the file name or quote the `>`.'],
      },
      {
        name: 'ec2/describe-instances.rst',
        text: '**To list running instances**\n\nThe following example lists running instances. ::\n\n    aws ec2 describe-instances --query "Reservations[].Instances[?State.Name==`running`].InstanceId"\n',
        messages: [
          '5:79-5:88: warning: bash runs `running` as a command and puts its output here (backticks are command substitution, also inside double quotes); put the value in single quotes to pass it as written.',
        ],
      },
      {
        name: 'cognito-idp/admin-create-user.rst',
        text: '**To create a user**\n\nThe following example creates a user. ::\n\n    aws cognito-idp admin-create-user --user-pool-id us-east-1_EXAMPLE --username alice --client-metadata {source=docs,team=a}\n',
        messages: [
          "5:107-5:127: error: bash expands the unquoted braces in this word into 2 separate words, which the CLI refuses: Unexpected word 'team=a': 'aws cognito-idp admin-create-user' takes no positional arguments here; quote the value to pass it as written.",
        ],
      },
      {
        name: 'guide.md',
        text: '# List objects\n\n```powershell\naws s3api list-objects-v2 --bucket <bucket-name>\n```\n',
        messages: [
          '4:36-4:49: error: PowerShell refuses this command: `<` is reserved for future use, so the unquoted `<bucket-name>` is a syntax error; quote the placeholder or replace it with a value.',
        ],
      },
      // A value that starts with a quoted string and goes on after it: PowerShell passes the rest as another argument.
      {
        name: 'guide.md',
        text: '# Update\n\n```powershell\n$Pool = "us-west-2_EXAMPLE"\naws cognito-idp admin-update-user-attributes --user-pool-id $Pool --username jane --user-attributes \'[{"Name": "custom:pool", "Value": "\'$Pool\'"}]\'\n```\n',
        messages: [
          "5:101-5:148: error: PowerShell ends an argument that starts with a quoted string where that string closes, so the CLI gets `$Pool'\"}]'` as another argument and the value cut short; write the value as one string (a double-quoted one expands variables inside it).",
        ],
      },
      {
        name: 's3api/list-buckets.rst',
        text: '**To list buckets**\n\nThe following example lists buckets. ::\n\n    aws s3api list-buckets --query "Buckets[].Name\n',
        messages: ['5:36-5:51: error: This double quote is never closed: bash would wait for more input instead of running the command.'],
      },
      {
        name: 'elbv2/describe-ssl-policies.rst',
        text: "**To list TLS 1.3 policies**\n\nThe following example lists policies. ::\n\n    aws elbv2 describe-ssl-policies --query SslPolicies[?contains(SslProtocols,'TLSv1.3')].Name\n",
        messages: ["5:66-5:67: error: An unquoted `(` here is a bash syntax error: bash runs nothing; quote the value."],
      },
      {
        // Tagged bash, continued for cmd: pasted into bash, the command breaks. (An untagged block continued so is read as cmd.)
        name: 'guide.md',
        text: '# Describe an instance\n\n```bash\naws ec2 describe-instances ^\n    --instance-ids i-1234567890abcdef0\n```\n',
        messages: [
          '4:28-4:29: error: A `^` at the end of a line continues a Windows cmd.exe command; bash reads it as a word and runs the next line as a separate command: end the line with ` \\` (or mark the block `cmd`).',
        ],
      },
      {
        // PowerShell in a bash block, typed at a prompt: the backticks of one command are one finding, naming the lines.
        name: 'guide.md',
        text: '# Create a topic\n\n```bash\n$ aws sns create-topic `\n    --name alerts `\n    --region eu-west-1\n```\n',
        messages: [
          '4:24-4:25: error: A backtick at the end of a line continues a PowerShell command; bash reads it as the start of a command substitution that runs the next lines: end the line with ` \\` (or mark the block `powershell`). The same holds for line 5.',
        ],
      },
      {
        // `$X = aws ...` is PowerShell's assignment: in bash the CLI never runs. One finding for the command's PowerShell.
        name: 'guide.md',
        text: '# Create a topic\n\n```bash\n$TOPIC = aws sns create-topic `\n    --name alerts\n```\n',
        messages: [
          "4:1-4:10: error: `$TOPIC =` is PowerShell's assignment, and the lines end in its backtick continuation: bash expands `$TOPIC` and runs `=` as a command, so the CLI never runs; write `TOPIC=$(aws ...)` with ` \\` line ends (or mark the block `powershell`).",
        ],
      },
      {
        name: 'ec2/create-vpc.rst',
        text: '**To create a VPC**\n\nThe following example creates a VPC. ::\n\n    aws ec2 create-vpc --cidr-block 10.0.0.0/16 --tag-specifications ResourceType=vpc,Tags=[{Key=Name,Value=a}]\n',
        messages: [
          '5:70-5:112: warning: bash expands the unquoted braces in this word into 2 separate words; quote the value to pass it as written.',
        ],
      },
      {
        name: 'ec2/describe-instances.rst',
        text: '**To describe instances**\n\nThe following example describes instances. ::\n\n    aws ec2 describe-instances --region $REGION --filters "Name=tag:Name,Values=$(cat name.txt)" --output text > out.txt\n',
        messages: ['5:112-5:121: info: `> out.txt` is a redirection: the harness does not read or write files for it.'],
      },
      {
        name: 'cognito-idp/admin-get-user.rst',
        text: '**To get a user**\n\nThe following example gets a user. ::\n\n    aws cognito-idp admin-get-user \\\n        --user-pool-id <user-pool-id> \\\n        --username <username>\n',
        messages: [
          '7:20-7:30: error: bash refuses this command: it reads the unquoted `<username>` as redirections, and the `>` has no file name before the end of the line; quote the placeholders (2 in this command) or replace them with values.',
        ],
      },
      {
        // `${api-id}` is no placeholder to bash: it is `${api}`, or `id` when `api` is unset.
        name: 'guide.md',
        text: '# Stages\n\n```bash\naws apigateway get-stages --rest-api-id ${api-id}\n```\n',
        messages: ['4:41-4:50: warning: bash reads `${api-id}` as the variable `api`, or the text `id` when it is unset, not as a placeholder named `api-id`; replace it with a value.'],
      },
      {
        // An apostrophe inside an unquoted placeholder opens a quoted string in bash: one finding, at the placeholder.
        name: 'guide.md',
        text: "# Launch\n\n```bash\naws ec2 run-instances --image-id <identifiant de l'AMI> --instance-type t3.micro \\\n  --tag-specifications 'ResourceType=instance,Tags=[{Key=Name,Value=web-1}]'\n```\n",
        messages: [
          "4:34-4:56: error: bash reads the apostrophe in the unquoted `<identifiant de l'AMI>` as the start of a quoted string that runs past the placeholder, so the rest of the command is not read as written; quote the placeholder or replace it with a value.",
        ],
      },
      {
        // `2>&1` after the placeholder is a redirection of its own, not the file name the `>` needs.
        name: 'guide.md',
        text: '# Who am I\n\n```bash\naws sts get-caller-identity --profile <profile> 2>&1\n```\n',
        messages: ['4:39-4:48: error: bash refuses this command: it reads the unquoted `<profile>` as redirections, and the `>` has no file name; quote the placeholder or replace it with a value.'],
      },
      {
        name: 'batch/create-job-queue.rst',
        text: '**To create a job queue**\n\nThe following example creates a job queue. ::\n\n    aws batch create-job-queue --cli-input-json file://<path_to_json_file>/LowPriority.json\n',
        messages: [
          '5:56-5:75: warning: bash reads the unquoted `<path_to_json_file>` as redirections: input from a file named `path_to_json_file`, output to a file named `/LowPriority.json`; quote the placeholder or replace it with a value.',
        ],
      },
      {
        // `<<name>>` is a here-document that takes the block's next lines, then an appending redirection.
        name: 'guide.md',
        text: '# Package\n\n```bash\naws cloudformation describe-stacks --stack-name <<stack-name>> --region eu-west-1\n```\n',
        messages: [
          '4:49-4:63: warning: bash reads the unquoted `<<stack-name>>` as a here-document (the block\'s next lines, up to a line `stack-name`, become the command\'s input) and appends the output to a file named `--region`; quote the placeholder or replace it with a value.',
        ],
      },
      {
        // cmd's placeholders are said once per command too, where cmd refuses it; a `^` continues the line, it is no file name.
        name: 'guide.md',
        text: '# Subscribe\n\n```cmd\naws sns subscribe ^\n --topic-arn <topic-arn> ^\n --protocol email ^\n --notification-endpoint <your-email>\n```\n',
        messages: [
          '7:26-7:38: error: cmd refuses this command: it reads the unquoted `<your-email>` as redirections, and the `>` has no file name; quote the placeholders (2 in this command) or replace them with values.',
        ],
      },
      {
        // An apostrophe in an unquoted word opens a quote that bash closes at the next one, here in a comment: said
        // once, at the apostrophe, and not again as the stray words or backslashes bash then reads.
        name: 'guide.md',
        text: "# Topic\n\n```bash\naws sns create-topic \\\n    --name team-l'alpha-topic \\\n    --tags Key=env,Value=dev\n\n# the topic's ARN is printed\n```\n",
        messages: [
          "5:18-5:19: error: bash reads the apostrophe in `team-l'alpha-topic` as the start of a quoted string that runs to line 8, so the command is not read as written; put the value in double quotes.",
        ],
      },
      {
        // PowerShell takes `$acct:` for a drive: the ARN loses the account and its next part.
        name: 'guide.md',
        text: '# Attach\n\n```powershell\n$acct = "123456789012"\naws iam attach-role-policy --role-name demo --policy-arn "arn:aws:iam::$acct:policy/demo"\n```\n',
        messages: ['5:72-5:84: warning: PowerShell reads `$acct:policy` as the variable `policy` on a drive named `acct`, not `$acct` followed by `:policy`: write `${acct}:policy`.'],
      },
      {
        // Escaped quotes typed where plain ones go, then a quote never closed: one finding; the words the stray quotes
        // split off the value are no second one.
        name: 'guide.md',
        text: '# Filter\n\n```bash\naws cognito-idp admin-get-user --user-pool-id us-west-2_EXAMPLE --username \\"{\\"a\\": [{"b": "c\\"}]}\\"\n```\n',
        messages: ['4:93-4:102: error: This double quote is never closed: bash would wait for more input instead of running the command.'],
      },
      {
        // Prose in parentheses that ends a transcript's line is the author's note: bash still refuses it.
        name: 'guide.md',
        text: '# Tasks\n\n```console\n$ aws ecs describe-tasks --cluster c1 --tasks t1 t2 (both tasks)\n```\n',
        messages: ['4:53-4:65: error: bash reads `(both tasks)`, a note to the reader, as code: an unquoted `(` is a syntax error and bash runs nothing; make the note a `# comment` or move it out of the command.'],
      },
      {
        // An assignment bash refuses leaves its variable unset: said once, at the placeholder, for the command using it.
        name: 'guide.md',
        text: '# Users\n\n```bash\nexport POOL_ID=<your-pool-id>\n```\n\n```bash\naws cognito-idp list-users --user-pool-id $POOL_ID\naws cognito-idp list-groups --user-pool-id $POOL_ID\n```\n',
        messages: [
          '4:16-4:30: error: bash refuses `export POOL_ID=<your-pool-id>`: it reads the unquoted `<your-pool-id>` as redirections, and the `>` has no file name, so `POOL_ID` is never set and the command gets an empty value; quote the value (`POOL_ID="<your-pool-id>"`) or replace the placeholder.',
        ],
      },
      {
        // A `$` prompt typed without its blank: bash expands `$aws` and runs the service's name as a command.
        name: 'guide.md',
        text: '# Users\n\n```console\n$aws cognito-idp list-users --user-pool-id us-west-2_EXAMPLE\n```\n',
        messages: ['4:1-4:5: error: bash reads `$aws` as a variable (empty): it runs `cognito-idp` as the command, not the CLI; put a blank after the `$` prompt.'],
      },
      {
        // bash's assignments in a PowerShell block: once, at the first, naming the others.
        name: 'guide.md',
        text: '# Users\n\n```powershell\nexport POOL_ID="us-west-2_EXAMPLE"\nLIMIT=5\naws cognito-idp list-users --user-pool-id ${POOL_ID} --limit ${LIMIT}\n```\n',
        messages: [
          "4:1-4:16: error: `export POOL_ID=\"us-west-2_EXAMPLE\"` is bash: PowerShell has no `export` command, so `POOL_ID` stays unset for the commands after it; write `$env:POOL_ID = ...` (or mark the block `bash`). The same holds for line 5.",
        ],
      },
      {
        // At a prompt bash is interactive: `!DNS` in double quotes is a history reference; `Passw0rd!"` and `!=` are not.
        name: 'guide.md',
        text: '# Findings\n\n```console\n$ aws cognito-idp create-group --user-pool-id us-west-2_EXAMPLE --group-name g --description "Alert!DNS"\n$ aws cognito-idp create-group --user-pool-id us-west-2_EXAMPLE --group-name h --description "Passw0rd!"\n```\n',
        messages: ['4:100-4:104: warning: Typed at an interactive bash prompt, `!DNS` is a history expansion: bash stops with "event not found" and runs nothing; put the value in single quotes.'],
      },
      {
        name: 'iot/create-thing.rst',
        text: '**To create a thing**\n\nThe following example creates a thing. ::\n\n    aws iot create-thing --thing-name `Palo Alto Networks`\n',
        messages: [
          '5:39-5:59: warning: bash runs `Palo Alto Networks` as a command and puts its output here (backticks are command substitution, also inside double quotes); put the value in single quotes to pass it as written.',
        ],
      },
    ],
  },
  check(context) {
    const { document, report } = context;
    for (const example of document.examples) {
      for (const command of example.commands) {
        for (const issue of command.shell.issues) {
          const fixed = SEVERITIES[issue.kind];
          if (fixed === undefined || isContinuationIssue(issue)) continue;
          const finding = issue.kind === 'brace-expansion' ? braceExpansionFinding(issue, command, example, context) : { severity: fixed, message: issue.message };
          if (finding === undefined) continue;
          report({ start: issue.start, end: issue.end, ...finding, fingerprint: `${issue.kind}:${command.service} ${command.operation}:${issue.message}` });
        }
      }
    }
  },
};

export default shellSyntax;
