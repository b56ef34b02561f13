import { describe, expect, test } from 'vitest';
import { readShellCommand, splitCommands } from '../../src/commands/shell.js';
import type { ShellCommand, ShellIssueKind } from '../../src/commands/types.js';
import { indentedBlock } from './support.js';

function read(text: string): ShellCommand {
  return readShellCommand(indentedBlock(text).lines);
}
function kinds(command: ShellCommand): ShellIssueKind[] {
  return command.issues.map((issue) => issue.kind);
}
const intended = (command: ShellCommand) => command.intendedWords.map((word) => word.value);

describe('quoting and word splitting', () => {
  test('blanks split words; tabs and runs of spaces count once', () => {
    expect(read('aws  s3\tls   s3://bucket').argv).toEqual(['aws', 's3', 'ls', 's3://bucket']);
  });
  test('single quotes keep everything literal, including backslashes and double quotes', () => {
    expect(read(`aws x --a '{"k": "v\\n"}'`).argv).toEqual(['aws', 'x', '--a', '{"k": "v\\n"}']);
  });
  test('double quotes remove a backslash only before $ ` " \\ and newline', () => {
    expect(read('aws x "a\\"b\\\\c\\$d\\ne\\`f"').argv).toEqual(['aws', 'x', 'a"b\\c$d\\ne`f']);
    expect(read('aws x "a\\\nb"').argv).toEqual(['aws', 'x', 'ab']);
  });
  test('adjacent quoted and unquoted parts form one word; empty quotes are a word', () => {
    expect(read(`aws x Key='a b'"c d"e ''`).argv).toEqual(['aws', 'x', 'Key=a bc de', '']);
  });
  test("$'...' decodes ANSI-C escapes and $\"...\" reads as double quotes", () => {
    expect(read("aws x $'a\\tb\\'c\\x41\\101\\n' $\"q\"").argv).toEqual(['aws', 'x', "a\tb'cAA\n", 'q']);
  });
  test('a backslash outside quotes escapes the next character; backslash-newline joins lines', () => {
    expect(read('aws x a\\ b \\"c\\\\').argv).toEqual(['aws', 'x', 'a b', '"c\\']);
    expect(read('aws x \\\n    --flag val\\\nue').argv).toEqual(['aws', 'x', '--flag', 'value']);
  });
  test('unquoted braces with a comma or a sequence expand as bash expands them; quoted ones stay', () => {
    const command = read('aws x Key={a,b} n{1..3} "{c,d}" {e} ${V}');
    expect(command.argv).toEqual(['aws', 'x', 'Key=a', 'Key=b', 'n1', 'n2', 'n3', '{c,d}', '{e}', '${V}']);
    // The author meant a plain list as bash expands it.
    expect(intended(command)).toEqual(['aws', 'x', 'Key=a', 'Key=b', 'n1', 'n2', 'n3', '{c,d}', '{e}', '${V}']);
    // Braces holding shorthand members are meant as written.
    expect(intended(read('aws x Tags=[{Key=a,Value=b}]'))).toEqual(['aws', 'x', 'Tags=[{Key=a,Value=b}]']);
    expect(kinds(command)).toEqual(['brace-expansion', 'brace-expansion']);
  });
  test('nested brace expansions expand as bash expands them (checked with bash 5)', () => {
    expect(read('aws x{a,{b,c}}y {{a,b}} {a..c..2}').argv).toEqual(['aws', 'xay', 'xby', 'xcy', '{a}', '{b}', 'a', 'c']);
  });
  test('a # inside a word is text; at a word start it starts a comment', () => {
    const command = read('aws x a#b # the rest');
    expect(command.argv).toEqual(['aws', 'x', 'a#b']);
    expect(kinds(command)).toEqual(['comment']);
  });
  test('words carry their raw text (block indentation removed) and positions, across continued lines', () => {
    const { document, lines } = indentedBlock('aws x --a "b \\\nc" \\\n  --d');
    const command = readShellCommand(lines);
    for (const word of command.words) {
      expect(document.slice(word.start.offset, word.end.offset).replaceAll('\n    ', '\n')).toBe(word.raw);
    }
    const quoted = command.words[3]!;
    expect(quoted).toMatchObject({ value: 'b c', raw: '"b \\\nc"', start: { line: 3, column: 15 }, end: { line: 4, column: 7 } });
    expect(command.words[4]).toMatchObject({ value: '--d', start: { line: 5, column: 7 }, end: { line: 5, column: 10 } });
  });
});

describe('issues', () => {
  test('missing continuation: bash runs the first line alone; the author meant the parameter lines too', () => {
    const command = read('aws x op\n    --a 1\n    --b 2');
    expect(command.argv).toEqual(['aws', 'x', 'op']);
    expect(intended(command)).toEqual(['aws', 'x', 'op', '--a', '1', '--b', '2']);
    expect(kinds(command)).toEqual(['missing-continuation', 'missing-continuation']);
    expect(command.issues[0]).toMatchObject({ start: { line: 3, column: 12 }, end: { line: 3, column: 13 } });
  });
  test('a line ending in an option name continues with its value on the next line', () => {
    const command = read('aws x op --dir\ns3://b/k --n 1');
    expect(command.argv).toEqual(['aws', 'x', 'op', '--dir']);
    expect(intended(command)).toEqual(['aws', 'x', 'op', '--dir', 's3://b/k', '--n', '1']);
    expect(kinds(command)).toEqual(['missing-continuation']);
  });
  test('spaces after a continuation: bash reads an escaped space and ends the command', () => {
    const command = read('aws x op \\  \n    --a 1');
    expect(command.argv).toEqual(['aws', 'x', 'op', ' ']);
    expect(intended(command)).toEqual(['aws', 'x', 'op', '--a', '1']);
    expect(kinds(command)).toEqual(['space-after-continuation']);
    expect(command.issues[0]).toMatchObject({ start: { line: 3, column: 14 }, end: { line: 3, column: 17 } });
  });
  test('a continuation inside single quotes keeps the backslash and newline', () => {
    const command = read("aws x --j '{ \\\n  \"a\": 1 }'");
    expect(command.argv[3]).toBe('{ \\\n  "a": 1 }');
    expect(intended(command)[3]).toBe('{   "a": 1 }');
    expect(kinds(command)).toEqual(['continuation-in-single-quotes']);
  });
  test.each([`aws x 'abc`, 'aws x "abc', 'aws x `abc', 'aws x $(abc'])('an unclosed quote is reported: %s', (text) => {
    expect(kinds(read(text))).toContain('unbalanced-quote');
  });
  test('Windows ^ continuation: bash reads ^ as a word; the author meant one command', () => {
    const command = read('aws x op ^\n    --a 1');
    expect(command.argv).toEqual(['aws', 'x', 'op', '^']);
    expect(intended(command)).toEqual(['aws', 'x', 'op', '--a', '1']);
    expect(kinds(command)).toEqual(['windows-continuation']);
  });
  test('PowerShell backtick continuation', () => {
    const command = read('aws x op `\n    --a 1');
    expect(command.argv).toEqual(['aws', 'x', 'op']);
    expect(intended(command)).toEqual(['aws', 'x', 'op', '--a', '1']);
    expect(kinds(command)).toEqual(['powershell-continuation']);
  });
  test('pipes end the first command', () => {
    const command = read('aws x op --a 1 | jq .b');
    expect(command.argv).toEqual(['aws', 'x', 'op', '--a', '1']);
    expect(kinds(command)).toEqual(['pipe']);
  });
  test.each(['aws x op; echo', 'aws x op && echo', 'aws x op || echo', 'aws x op & echo', 'aws x op\necho done'])('command lists end the first command: %j', (text) => {
    const command = read(text);
    expect(command.argv).toEqual(['aws', 'x', 'op']);
    expect(kinds(command)).toEqual(['command-list']);
  });
  test('command substitutions are kept as written, and their content is unknown in the author\'s reading', () => {
    const command = read('aws x --a $(date +%s) --b "pre-`cat f`"');
    expect(command.argv).toEqual(['aws', 'x', '--a', '$(date +%s)', '--b', 'pre-`cat f`']);
    expect(kinds(command)).toEqual([]);
    expect(command.intendedWords[3]!.unknown).toEqual([{ start: 0, end: 11, kind: 'substitution' }]);
    expect(command.intendedWords[5]!.unknown).toEqual([{ start: 4, end: 11, kind: 'substitution' }]);
    expect(command.words[3]!.unknown).toBeUndefined();
  });
  test('a JMESPath literal in a double-quoted --query is reported: bash runs it as a command', () => {
    expect(read('aws ec2 describe-instances --query "Reservations[].Instances[?State.Name==`running`]" --filters "Name=x,Values=`hostname`"').issues.map((issue) => issue.message)).toEqual([
      'bash runs `running` as a command and puts its output here (backticks are command substitution, also inside double quotes); put the value in single quotes to pass it as written.',
    ]);
  });
  test('backticks around text that is no command are reported: bash would run it', () => {
    const command = read('aws x --name `Palo Alto Networks` --time `2023-01-01T16:00:00` --key `cat key.pem`');
    expect(command.issues.map((issue) => issue.message)).toEqual([
      'bash runs `Palo Alto Networks` as a command and puts its output here (backticks are command substitution, also inside double quotes); put the value in single quotes to pass it as written.',
      'bash runs `2023-01-01T16:00:00` as a command and puts its output here (backticks are command substitution, also inside double quotes); put the value in single quotes to pass it as written.',
    ]);
  });
  test('redirections and their targets are not words; here-document bodies are skipped', () => {
    expect(read('aws x op > out.json 2>&1').argv).toEqual(['aws', 'x', 'op']);
    expect(kinds(read('aws x op > out.json 2>&1'))).toEqual(['redirection', 'redirection']);
    const heredoc = read("aws x op --a <<EOF\nbody | line\nEOF");
    expect(heredoc.argv).toEqual(['aws', 'x', 'op', '--a']);
    expect(kinds(heredoc)).toEqual(['redirection']);
  });
  test('variables are never expanded in the bash reading; in the author\'s reading their content is unknown', () => {
    const command = read('aws x --a $NAME --b "${OTHER}-x" --c \'$LITERAL\'');
    expect(command.argv).toEqual(['aws', 'x', '--a', '$NAME', '--b', '${OTHER}-x', '--c', '$LITERAL']);
    expect(kinds(command)).toEqual([]);
    expect(command.intendedWords.map((word) => word.unknown)).toEqual([
      undefined, undefined, undefined,
      [{ start: 0, end: 5, kind: 'variable' }],
      undefined,
      [{ start: 0, end: 8, kind: 'variable' }],
      undefined,
      undefined,
    ]);
  });
  test('an ellipsis in a value is what the author left out: unknown content in the author\'s reading', () => {
    const command = read('aws x --a arn:aws:acm:...:certificate/... --b \'{"subnets": ["s-1"], ...}\' --c Loading…');
    expect(kinds(command)).toEqual([]);
    expect(command.intendedWords.slice(3).map((word) => word.unknown)).toEqual([
      [{ start: 12, end: 15, kind: 'placeholder' }, { start: 28, end: 31, kind: 'placeholder' }],
      undefined,
      [{ start: 21, end: 24, kind: 'placeholder' }],
      undefined,
      [{ start: 7, end: 8, kind: 'placeholder' }],
    ]);
  });
  test('`%ACL` without its closing `%` and `[VOLUME-TYPE]` in brackets are placeholders; a list or a `%2F` escape is not', () => {
    const command = read('aws x --a %ACL --b [VOLUME-TYPE] --c arn:aws:iam::[ACCOUNT_ID]:role/r --d [1,2] --e a%2Fb --f [gp3]');
    expect(command.intendedWords.slice(3).filter((_, index) => index % 2 === 0).map((word) => word.unknown)).toEqual([
      [{ start: 0, end: 4, kind: 'placeholder' }],
      [{ start: 0, end: 13, kind: 'placeholder' }],
      [{ start: 13, end: 25, kind: 'placeholder' }],
      undefined,
      undefined,
      undefined,
    ]);
  });
  test('an arrow after a blank opens the author\'s note of a result: no words of the command', () => {
    expect(read('aws sqs list-queues --region eu-west-1  → AccessDenied').argv).toEqual(['aws', 'sqs', 'list-queues', '--region', 'eu-west-1']);
    expect(read("aws x --a 'b → c'").argv).toEqual(['aws', 'x', '--a', 'b → c']);
  });
  test('a variable the document assigned stands for its value in the author\'s reading only', () => {
    const command = readShellCommand(indentedBlock('aws x --a $POOL --b "${POOL}/$OTHER"').lines, { variables: new Map([['POOL', 'us-west-2_X']]) });
    expect(command.argv).toEqual(['aws', 'x', '--a', '$POOL', '--b', '${POOL}/$OTHER']);
    expect(intended(command)).toEqual(['aws', 'x', '--a', 'us-west-2_X', '--b', 'us-west-2_X/$OTHER']);
    expect(command.intendedWords[3]!.unknown).toBeUndefined();
    expect(command.intendedWords[5]!.unknown).toEqual([{ start: 12, end: 18, kind: 'variable' }]);
  });
  test('a leading $ prompt is stripped and reported', () => {
    const command = read('$ aws x op');
    expect(command.argv).toEqual(['aws', 'x', 'op']);
    expect(command.words[0]!.start).toMatchObject({ line: 3, column: 7 });
    expect(kinds(command)).toEqual(['prompt']);
  });
  test.each(['(venv) [me@box work]$ aws x op', '(base) me@laptop:~/repo$ aws x op', '(.venv) $ aws x op'])('a virtualenv name before the prompt (%j) is part of it', (text) => {
    const command = read(text);
    expect(command.argv).toEqual(['aws', 'x', 'op']);
    expect(kinds(command)).toEqual(['prompt']);
  });
  test('a clean command has no issues and identical intended words', () => {
    const command = read('aws x op \\\n    --a "1 2" \\\n    --b \'{"c": 3}\'');
    expect(command.issues).toEqual([]);
    expect(command.intendedWords).toEqual(command.words);
  });
});

describe('splitCommands', () => {
  const split = (text: string) => splitCommands(indentedBlock(text).lines).map((group) => group.map((line) => line.text).join('\n'));
  test('a new command starts at each aws line that does not continue the one above', () => {
    expect(split('aws a b \\\n  --c 1\naws d e\n\n$ aws f g')).toEqual(['aws a b \\\n  --c 1', 'aws d e', '$ aws f g']);
  });
  test('an aws line inside a quoted value or after a continuation stays in its command', () => {
    expect(split("aws a b --c 'x\naws y' \\\naws z")).toEqual(["aws a b --c 'x\naws y' \\\naws z"]);
  });
  test('parameter lines and other commands stay with the command above; lines before the first aws form their own group', () => {
    expect(split('export R=1\naws a b\n  --c 1\necho done\naws d e')).toEqual(['export R=1', 'aws a b\n  --c 1\necho done', 'aws d e']);
  });
  test('unprompted lines after a prompted command are its output', () => {
    expect(split('$ aws a b\nvalue\n$ aws c d\nother')).toEqual(['$ aws a b', '$ aws c d']);
  });
  test("a prompted loop's body is no output: its commands are read up to `done`", () => {
    expect(split('$ for s in a b; do\n    echo "$s"\n    aws x y --s "$s"\n  done\nprinted')).toEqual(['$ for s in a b; do\n    echo "$s"', '    aws x y --s "$s"\n  done\nprinted']);
  });
  test('a line that sets environment variables before aws starts a command', () => {
    expect(split('aws a b\nAWS_PROFILE=dev AWS_REGION= aws c d')).toEqual(['aws a b', 'AWS_PROFILE=dev AWS_REGION= aws c d']);
  });
});

describe('line-end backslashes inside single quotes', () => {
  test('are said where bash keeps them, not where another shell reads the quoted text (watch, sh -c, ssh)', () => {
    const said = (text: string) => read(text).issues.some((issue) => issue.kind === 'continuation-in-single-quotes');
    expect(said("aws sns publish --message '{ \\\n  \"a\": 1 }'")).toBe(true);
    expect(said("aws sts get-caller-identity\nwatch -n 5 'aws autoscaling describe-scaling-activities \\\n  --output table'")).toBe(false);
    expect(said("aws sts get-caller-identity\nbash -c 'aws s3 ls \\\n  s3://b'")).toBe(false);
  });
});

describe('syntax errors', () => {
  test('an unquoted ( among the words is a bash syntax error, and nothing after it is reported', () => {
    const command = read("aws elbv2 describe-ssl-policies --query SslPolicies[?contains(SslProtocols,'TLSv1.3')].Name $X");
    expect(command.issues.map((issue) => issue.message)).toEqual([
      "An unquoted `(` here is a bash syntax error: bash runs nothing; quote the value.",
    ]);
  });
});

describe('chained aws commands', () => {
  test('an aws command after &&, ||, ; or | is the rest, read on its own from where it starts', () => {
    const { document, lines } = indentedBlock('aws s3 ls && aws s3 mb s3://bucket $SUFFIX > out');
    const first = readShellCommand(lines);
    expect(first.argv).toEqual(['aws', 's3', 'ls']);
    // The first command stays silent about the rest: its `> out` is the second command's to report.
    expect(kinds(first)).toEqual([]);
    const second = readShellCommand(first.rest!);
    expect(second.argv).toEqual(['aws', 's3', 'mb', 's3://bucket', '$SUFFIX']);
    expect(kinds(second)).toEqual(['redirection']);
    expect(document.slice(second.words[0]!.start.offset, second.words[0]!.end.offset)).toBe('aws');
    expect(second.rest).toBeUndefined();
  });
  test('the chained command may start on the next line after a continuation', () => {
    const first = read('aws s3 ls && \\\n  aws s3 mb s3://bucket');
    expect(first.argv).toEqual(['aws', 's3', 'ls']);
    expect(readShellCommand(first.rest!).argv).toEqual(['aws', 's3', 'mb', 's3://bucket']);
  });
  test('another program after the operator is not a rest, and is reported', () => {
    const command = read('aws s3 ls | grep bucket');
    expect(command.rest).toBeUndefined();
    expect(kinds(command)).toEqual(['pipe']);
  });
});

describe('environment assignments and transcripts', () => {
  test('NAME=value words before the command name are its environment, not arguments', () => {
    const command = read('AWS_PROFILE=dev AWS_PAGER="" aws s3 ls --page-size=5');
    expect(command.argv).toEqual(['aws', 's3', 'ls', '--page-size=5']);
    expect(command.issues.filter((issue) => issue.kind === 'assignment').map((issue) => issue.message)).toEqual([
      '`AWS_PROFILE=dev` sets an environment variable for this command: the harness checks the command without it.',
      '`AWS_PAGER=""` sets an environment variable for this command: the harness checks the command without it.',
    ]);
  });
  test('the secondary prompt `> ` of a $ transcript is not part of the command, and positions stay exact', () => {
    const { document, lines } = indentedBlock('$ aws s3 ls \\\n>     --recursive \\\n> s3://bucket');
    const command = readShellCommand(lines);
    expect(command.argv).toEqual(['aws', 's3', 'ls', '--recursive', 's3://bucket']);
    expect(command.words.map((word) => document.slice(word.start.offset, word.end.offset))).toEqual(['aws', 's3', 'ls', '--recursive', 's3://bucket']);
    expect(command.words[3]!.start).toMatchObject({ line: lines[1]!.line, column: lines[1]!.column + 6 });
    expect(kinds(command)).toEqual(['prompt']);
    // Without a `$ ` prompt, `>` is a redirection.
    expect(kinds(read('aws s3 ls \\\n> out.txt'))).toContain('redirection');
  });
  test('a transcript may show no `$ ` prompt: there a `> ` is a prompt on a line the one before continues, else a redirection', () => {
    const transcript = (text: string) => readShellCommand(indentedBlock(text).lines, { transcript: true });
    const command = transcript('aws s3 ls \\\n>   --recursive \\\n> s3://bucket');
    expect(command.argv).toEqual(['aws', 's3', 'ls', '--recursive', 's3://bucket']);
    expect(kinds(command)).toEqual([]);
    expect(kinds(transcript('aws s3 ls s3://bucket\n> out.txt'))).toContain('redirection');
    expect(transcript('aws s3 ls s3://bucket > out.txt').argv).toEqual(['aws', 's3', 'ls', 's3://bucket']);
  });
  test('a prompt may show only the folder: `~ $ `, `~/repo $ `', () => {
    for (const prompt of ['~ $ ', '~/repo $ ', '~/my-app% ']) {
      const command = read(`${prompt}aws s3 ls`);
      expect(command.argv).toEqual(['aws', 's3', 'ls']);
      expect(kinds(command)).toEqual(['prompt']);
    }
  });
});

describe('placeholders', () => {
  const issues = (command: ShellCommand) => command.issues.map((issue) => `${issue.kind} ${issue.start.column}-${issue.end.column}: ${issue.message}`);
  test('an unquoted <placeholder> is one word of unknown content as meant, and redirections to bash: reported once, at it', () => {
    const command = read('aws cognito-idp admin-get-user --user-pool-id <user-pool-id> --username <USERNAME> --region us-east-1');
    // bash: input from `user-pool-id`, output to `--username`, input from `USERNAME`, output to `--region`.
    expect(command.argv).toEqual(['aws', 'cognito-idp', 'admin-get-user', '--user-pool-id', 'us-east-1']);
    expect(intended(command)).toEqual(['aws', 'cognito-idp', 'admin-get-user', '--user-pool-id', '<user-pool-id>', '--username', '<USERNAME>', '--region', 'us-east-1']);
    expect(command.intendedWords[4]!.unknown).toEqual([{ start: 0, end: 14, kind: 'placeholder' }]);
    // One finding for the command's placeholders, at the first.
    expect(issues(command)).toEqual([
      'placeholder-redirection 51-65: bash reads the unquoted `<user-pool-id>` as redirections: input from a file named `user-pool-id`, output to a file named `--username`; quote the placeholders (2 in this command) or replace them with values.',
    ]);
  });
  test('a placeholder whose `>` has nothing after it: bash refuses the command (error), and nothing more is said', () => {
    const command = read('aws s3 ls <my bucket>\n');
    expect(intended(command)).toEqual(['aws', 's3', 'ls', '<my bucket>']);
    expect(issues(command)).toEqual([
      'placeholder-syntax-error 15-26: bash refuses this command: it reads the unquoted `<my bucket>` as redirections, and the `>` has no file name before the end of the line; quote the placeholder or replace it with a value.',
    ]);
    expect(kinds(read('aws s3 ls <bucket> | jq .'))).toEqual(['placeholder-syntax-error']);
    // Where one of them makes bash refuse the command, the finding is that error, at it.
    expect(issues(read('aws codebuild retry-build --id <project-name>:<build-ID>'))).toEqual([
      'placeholder-syntax-error 51-61: bash refuses this command: it reads the unquoted `<build-ID>` as redirections, and the `>` has no file name before the end of the line; quote the placeholders (2 in this command) or replace them with values.',
    ]);
  });
  test('a placeholder inside a word, across a continuation, and quoted ones (no shell problem)', () => {
    const command = read("aws iam get-role --role-arn arn:aws:iam::<account-id>:role/r \\\n  --cli-input-json '{\"Name\": \"<name>\", \"Id\": \"{{pool_id}}\"}' --x \"%TOKEN%\"");
    expect(intended(command)[4]).toBe('arn:aws:iam::<account-id>:role/r');
    expect(command.intendedWords[4]!.unknown).toEqual([{ start: 13, end: 25, kind: 'placeholder' }]);
    expect(command.intendedWords[6]!.unknown).toEqual([
      { start: 10, end: 16, kind: 'placeholder' },
      { start: 26, end: 37, kind: 'placeholder' },
    ]);
    expect(command.intendedWords[8]!.unknown).toEqual([{ start: 0, end: 7, kind: 'placeholder' }]);
    expect(kinds(command)).toEqual(['placeholder-redirection']);
    expect(command.issues[0]!.message).toContain('output to a file named `:role/r`');
  });
  test('real redirections are no placeholders', () => {
    expect(kinds(read('aws x op <in.json >out.json'))).toEqual(['redirection', 'redirection']);
    expect(read('aws x op --query "a<b" --b "<x>"').intendedWords[4]!.unknown).toBeUndefined();
    expect(read('aws x op --query "a<b" --b "<x>"').intendedWords[6]!.unknown).toEqual([{ start: 0, end: 3, kind: 'placeholder' }]);
  });
});

describe('one defect, one finding', () => {
  test('an unclosed quote: reported once; as meant, the value ends before the next option, is unreliable, and later lines are read', () => {
    const command = read('aws s3api get-object --bucket "my-bucket --key k \\\n  --range bytes=0-9 out.txt');
    expect(kinds(command)).toEqual(['unbalanced-quote']);
    expect(intended(command)).toEqual(['aws', 's3api', 'get-object', '--bucket', 'my-bucket', '--key', 'k', '--range', 'bytes=0-9', 'out.txt']);
    expect(command.intendedWords[4]!.unknown).toEqual([{ start: 0, end: 9, kind: 'unreliable' }]);
  });
  test('unquoted parentheses: one syntax error; as meant they are text of an unreliable word, and later options are read', () => {
    const command = read("aws elbv2 describe-ssl-policies --query SslPolicies[?contains(SslProtocols,'TLSv1.3')].Name --names a");
    expect(kinds(command)).toEqual(['syntax-error']);
    expect(intended(command)).toEqual(['aws', 'elbv2', 'describe-ssl-policies', '--query', "SslPolicies[?contains(SslProtocols,'TLSv1.3')].Name", '--names', 'a']);
    expect(command.intendedWords[4]!.unknown).toEqual([{ start: 0, end: intended(command)[4]!.length, kind: 'unreliable' }]);
  });
  test('line-end backslashes inside single quotes: one issue per command, at the first, counting them', () => {
    const command = read("aws x --a '{ \\\n  \"a\": 1, \\\n  \"b\": 2 }' --b '[ \\\n  1 ]'");
    expect(kinds(command)).toEqual(['continuation-in-single-quotes']);
    expect(command.issues[0]).toMatchObject({
      message: 'Inside single quotes a `\\` at the end of a line is not a continuation: bash keeps the backslash and the line break in the value (3 lines of this command end so).',
      start: { line: 3, column: 18 },
    });
    expect(command.issues[0]!.singleQuoted!.map((quoted) => quoted.backslashes.length)).toEqual([2, 1]);
  });
});

describe('parenthesised placeholders', () => {
  test('`(Data store ID)` is one unreliable word as meant; bash reports its syntax error once', () => {
    const command = read('aws healthlake list-fhir-export-jobs \\\n    --datastore-id (Data store ID) \\\n    --max-results (Integer between 1 and 500)');
    expect(kinds(command)).toEqual(['syntax-error']);
    expect(intended(command)).toEqual(['aws', 'healthlake', 'list-fhir-export-jobs', '--datastore-id', '(Data store ID)', '--max-results', '(Integer between 1 and 500)']);
    expect(command.intendedWords[6]!.unknown).toEqual([{ start: 0, end: 27, kind: 'unreliable' }]);
  });
});
