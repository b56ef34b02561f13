import type { ShellIssueKind } from '../commands/types.js';
import type { Rule, Severity } from './types.js';

/**
 * Severity by issue: a command bash cannot read is an error; a continuation for another shell is a warning
 * (the example breaks when pasted into bash); shell features the harness does not replay are information.
 */
const SEVERITIES: Partial<Record<ShellIssueKind, Severity>> = {
  'unbalanced-quote': 'error',
  'syntax-error': 'error',
  'windows-continuation': 'warning',
  'powershell-continuation': 'warning',
  'brace-expansion': 'warning',
  pipe: 'info',
  'command-list': 'info',
  'command-substitution': 'info',
  redirection: 'info',
  variable: 'info',
  assignment: 'info',
};

const shellSyntax: Rule = {
  id: 'shell-syntax',
  severity: 'warning',
  description:
    'Commands are read as bash reads them. An unclosed quote is an error: bash would wait for more input and ' +
    'never run the command; so is an unquoted `(` or `)` among the words, which bash refuses as a syntax error. Windows `^` and PowerShell backtick continuations are warnings: the examples are ' +
    'bash examples, and pasted into bash these commands break; so are unquoted shorthand values with braces and ' +
    'commas (`Tags=[{Key=a,Value=b}]`), which bash brace-expands into several words. Pipes, command lists, command substitutions, ' +
    'redirections, variables and `NAME=value` environment assignments are information: valid shell, but the harness checks and replays only the `aws` ' +
    'command itself and keeps `$VARIABLES` as written, so that part of the example goes unchecked. An `aws` command ' +
    'chained after another (`aws a && aws b`) is read and checked as a command of its own.',
  examples: {
    ok: [
      {
        name: 's3api/list-buckets.rst',
        text: '**To list buckets**\n\nThe following example lists buckets. ::\n\n    aws s3api list-buckets --query "Buckets[].Name"\n',
        messages: [],
      },
    ],
    notOk: [
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
        name: 'ec2/describe-instances.rst',
        text: '**To describe an instance**\n\nThe following example describes an instance. ::\n\n    aws ec2 describe-instances ^\n        --instance-ids i-1234567890abcdef0\n',
        messages: [
          '5:32-5:33: warning: A `^` at the end of a line continues a Windows cmd.exe command; bash reads it as a word and runs the next line as a separate command.',
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
        text: '**To describe instances**\n\nThe following example describes instances. ::\n\n    aws ec2 describe-instances --region $REGION --output text > out.txt\n',
        messages: [
          '5:41-5:48: info: `$REGION` is a shell variable: bash would replace it with its value; the harness keeps the text as written.',
          '5:63-5:72: info: `> out.txt` is a redirection: the harness does not read or write files for it.',
        ],
      },
    ],
  },
  check({ document, report }) {
    for (const example of document.examples) {
      for (const command of example.commands) {
        for (const issue of command.shell.issues) {
          const severity = SEVERITIES[issue.kind];
          if (severity === undefined) continue;
          report({ start: issue.start, end: issue.end, message: issue.message, severity, fingerprint: `${issue.kind}:${command.service} ${command.operation}:${issue.message}` });
        }
      }
    }
  },
};

export default shellSyntax;
