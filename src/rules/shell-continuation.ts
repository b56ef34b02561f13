import { isDeepStrictEqual } from 'node:util';
import { sameOnLines } from '../commands/shell.js';
import type { ShellIssue } from '../commands/types.js';
import type { Finding, RelatedLocation, Rule } from './types.js';

/** Issues where the shell joins the displayed lines differently from what the author meant. */
const CONTINUATION_ISSUES = new Set<ShellIssue['kind']>(['missing-continuation', 'space-after-continuation', 'comment-in-continuation', 'continuation-in-single-quotes', 'bash-continuation']);
/** Another shell's continuation: in a PowerShell or cmd command (which names its own) it breaks the command like a missing one. */
const FOREIGN_CONTINUATIONS = new Set<ShellIssue['kind']>(['windows-continuation', 'powershell-continuation']);

/** Whether shell-continuation reports the issue (the others are shell-syntax's). */
export function isContinuationIssue(issue: ShellIssue): boolean {
  return CONTINUATION_ISSUES.has(issue.kind) || (FOREIGN_CONTINUATIONS.has(issue.kind) && issue.continuation !== undefined);
}

/** Where the blanks at the end of the line holding `offset` end. */
function endOfTrailingBlanks(text: string, offset: number): number {
  let end = offset;
  while (text[end] === ' ' || text[end] === '\t') end++;
  return end;
}

/** Where the blanks before `offset` on its line start. */
function endOfBlanksBefore(text: string, offset: number): number {
  let start = offset;
  while (text[start - 1] === ' ' || text[start - 1] === '\t') start--;
  return start;
}

/**
 * The fix for line-end `\` inside single quotes: drop each backslash, keeping the line break. Safe only where every
 * such string is JSON whose breaks stand between tokens: the fixed value must parse, and equal the value the author
 * meant (the lines joined without the backslash and the break).
 */
function singleQuotedFix(issue: ShellIssue, text: string): Finding['fix'] {
  const strings = issue.singleQuoted ?? [];
  for (const { value } of strings) {
    let fixed: unknown;
    let meant: unknown;
    try {
      fixed = JSON.parse(value.replaceAll('\\\n', '\n'));
      meant = JSON.parse(value.replaceAll('\\\n', ''));
    } catch {
      return undefined;
    }
    if (!isDeepStrictEqual(fixed, meant)) return undefined;
  }
  // Each `\` goes with the blanks before it, which would otherwise end the line.
  const cuts = strings.flatMap((quoted) => quoted.backslashes.map((point) => [endOfBlanksBefore(text, point.offset!), point.offset! + 1] as const));
  const start = cuts[0]![0];
  const end = cuts.at(-1)![1];
  let replacement = '';
  let from = start;
  for (const [cutStart, cutEnd] of cuts) {
    replacement += text.slice(from, cutStart);
    from = cutEnd;
  }
  return { start, end, text: replacement + text.slice(from, end) };
}

/** The line-end backslashes inside single quotes after the first, which the one finding stands for. */
function relatedBackslashes(issue: ShellIssue): RelatedLocation[] {
  return (issue.singleQuoted ?? [])
    .flatMap((quoted) => quoted.backslashes)
    .slice(1)
    .map((point) => ({ start: point, end: { ...point, column: point.column + 1, offset: point.offset! + 1 }, message: 'another `\\` at a line end inside single quotes' }));
}

/**
 * Line ends one habit writes all through a command: another shell's continuation (bash's `\\` in a PowerShell or cmd
 * command, or the other Windows shell's), continuations left out of a wrapped command, blanks or comments after them.
 */
const REPEATED_HABITS = new Set<ShellIssue['kind']>(['bash-continuation', 'windows-continuation', 'powershell-continuation', 'missing-continuation', 'space-after-continuation', 'comment-in-continuation']);

/** One edit for several issues' fixes (in text order), when each has one. */
function combinedFix(issues: readonly ShellIssue[], text: string): Finding['fix'] {
  const fixes = issues.map((issue) => fixOf(issue, text));
  if (fixes.some((fix) => fix === undefined)) return undefined;
  const edits = (fixes as NonNullable<Finding['fix']>[]).sort((a, b) => a.start - b.start);
  let replacement = '';
  for (const [index, edit] of edits.entries()) {
    replacement += edit.text + (index + 1 < edits.length ? text.slice(edit.end, edits[index + 1]!.start) : '');
  }
  return { start: edits[0]!.start, end: edits.at(-1)!.end, text: replacement };
}

/** The safe edit for a continuation issue, if there is one. */
function fixOf(issue: ShellIssue, text: string): Finding['fix'] {
  // Our reader always sets offsets; unist makes them optional.
  const from = issue.start.offset ?? 0;
  const to = issue.end.offset ?? 0;
  switch (issue.kind) {
    case 'missing-continuation':
      if (issue.joinLines) return undefined;
      // A `/` (`~`, `§`) typed for the `\`: the mark itself is replaced.
      if (/^[/~§]$/.test(text.slice(from, to))) return { start: from, end: to, text: '\\' };
      return { start: to, end: endOfTrailingBlanks(text, to), text: ` ${issue.continuation ?? '\\'}` };
    case 'space-after-continuation':
      // Blanks only: removing them is safe. A comment there is the author's text: where it goes is theirs to choose.
      return /^[ \t]*$/.test(text.slice(from + 1, to)) ? { start: from + 1, end: to, text: '' } : undefined;
    case 'continuation-in-single-quotes':
      return singleQuotedFix(issue, text);
    default:
      // Another shell's continuation in a PowerShell or cmd command: this shell's own instead.
      return issue.continuation === undefined ? undefined : { start: from, end: endOfTrailingBlanks(text, to), text: issue.continuation };
  }
}

const shellContinuation: Rule = {
  id: 'shell-continuation',
  severity: 'error',
  description:
    'Multi-line commands must continue each line with a `\\` that ends the line. A line without one, or with ' +
    'spaces after it, makes bash run a shorter command (the parameters on the next lines then fail as commands ' +
    'of their own); a `\\` at a line end inside single quotes is kept in the value, which breaks JSON (reported once per ' +
    'command, at the first such line). The first two have a safe fix: add ` \\` at the end of the line, or remove the ' +
    'blanks after the `\\`; so does the third where the quoted value is JSON and every such `\\` stands between JSON ' +
    'tokens: drop the backslashes (JSON allows the line breaks). Line ends one habit writes all through a command are one ' +
    'finding per command, naming the other lines, with one fix for all of them: comment lines between a command\'s lines (bash ends the command at the first), continuations left out (or doubled, or ' +
    'followed by blanks) on several lines, and in a PowerShell or cmd command line ends written for another shell (bash\'s ' +
    '`\\`, the other Windows shell\'s mark), where the fix puts the command\'s own mark on each of those lines.',
  examples: {
    ok: [
      // After a command that asks for its help page, option lines are the author's notes of what the page lists.
      {
        name: 'guide.md',
        text: '# Options\n\n```powershell\naws cognito-idp list-users help\n--user-pool-id the pool to list\n--limit how many users\n```\n',
        messages: [],
      },
      // `--name=value` holds its own value: the next line is no value of it.
      {
        name: 'guide.md',
        text: '# Subnets\n\n```bash\nfor id in subnet-1 subnet-2; do\n  aws ec2 delete-subnet --subnet-id "$id" --region=us-east-1\ndone\n```\n',
        messages: [],
      },
      {
        name: 'sns/publish.rst',
        text: '**To publish a message**\n\nThe following example publishes a message. ::\n\n    aws sns publish \\\n        --topic-arn arn:aws:sns:us-west-2:123456789012:my-topic \\\n        --message \'{"a": 1}\'\n',
        messages: [],
      },
      {
        name: 'guide.md',
        text: '# Publish a message\n\n```powershell\naws sns publish `\n    --topic-arn arn:aws:sns:us-west-2:123456789012:my-topic `\n    --message hello\n```\n',
        messages: [],
      },
    ],
    notOk: [
      {
        name: 'guide.md',
        text: '# Create a user\n\n```cmd\naws cognito-idp admin-create-user \\\n  --user-pool-id us-west-2_EXAMPLE \\\n  --username jane \\\n  --message-action SUPPRESS\n```\n',
        messages: [
          '4:35-4:36: error: A `\\` at the end of a line continues a bash command, not a cmd one: cmd passes the `\\` as an argument and runs the next line as a separate command; end the line with a `^` instead. The same holds for lines 5 and 6.',
        ],
      },
      {
        name: 'guide.md',
        text: '# Publish a message\n\n```powershell\naws sns publish \\\n    --topic-arn arn:aws:sns:us-west-2:123456789012:my-topic ^\n    --message hello\n```\n',
        messages: [
          '4:17-4:18: error: A `\\` at the end of a line continues a bash command, not a PowerShell one: PowerShell passes the `\\` as an argument and runs the next line as a separate command; end the line with a backtick instead.',
          '5:61-5:62: error: A `^` at the end of a line continues a cmd command; PowerShell reads it as an argument and runs the next line as a separate command; end the line with a backtick instead.',
        ],
      },
      {
        name: 'sns/publish.rst',
        text: '**To publish a message**\n\nThe following example publishes a message. ::\n\n    aws sns publish\n        --topic-arn arn:aws:sns:us-west-2:123456789012:my-topic \\  \n        --message hello\n',
        messages: [
          '5:19-5:20: error: This line does not end in `\\`, so bash runs the command without the parameters on the next line; add ` \\` at the end of the line.',
          '6:65-6:68: error: Spaces after the `\\` at the end of this line make bash read an escaped space and end the command here; remove them.',
        ],
      },
      {
        // `\\` typed for `\`: bash reads a backslash word and ends the command; the author's reading has no stray `\` words.
        name: 'guide.md',
        text: '# Create a queue\n\n```bash\naws sqs create-queue \\\\\n  --queue-name q1 \\\\\n  --attributes DelaySeconds=5\n```\n',
        messages: [
          '4:22-4:24: error: This line ends in `\\\\`, which bash reads as a backslash word, not a line continuation: bash runs the command without the parameters on the next line; end the line in a single `\\`. The same holds for line 5.',
        ],
      },
      {
        // A shorthand value broken after its comma: one finding, no fix (a ` \` would leave a blank inside the value),
        // and no second one for the value bash cuts short.
        name: 'guide.md',
        text: '# Listener\n\n```bash\naws elbv2 create-listener --port 80 --protocol TCP --default-actions TargetGroupArn=arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/tg/0123456789abcdef,\nType=forward --load-balancer-arn arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/nlb/0123456789abcdef\n```\n',
        messages: [
          '4:168-4:169: error: This line breaks a value after its `,`: bash runs the command without the rest of the value and the parameters on the next line; join the two lines.',
        ],
      },
      {
        // A `/` typed for the `\`: one finding (its fix puts the `\` in its place), and the `/` is no stray word.
        name: 'guide.md',
        text: '# Topics\n\n```bash\naws sns list-topics /\n  --region us-east-1\n```\n',
        messages: ['4:21-4:22: error: This line ends in `/`, not the `\\` that continues a command: bash reads `/` as an argument and runs the command without the parameters on the next line; end the line in `\\`.'],
      },
      {
        // So is a `~` (a key near it on some keyboards).
        name: 'guide.md',
        text: '# Topics\n\n```bash\naws sns list-topics ~\n  --region us-east-1\n```\n',
        messages: ['4:21-4:22: error: This line ends in `~`, not the `\\` that continues a command: bash reads `~` as an argument and runs the command without the parameters on the next line; end the line in `\\`.'],
      },
      {
        // A comment after the `\`: the command ends there; the lines after it are the author's, not stray words.
        name: 'guide.md',
        text: '# Invoke\n\n```bash\naws lambda invoke \\\n  --function-name my-fn \\  # the function\n  --payload e30= \\\n  response.json\n```\n',
        messages: [
          "5:25-5:42: error: A comment after the `\\` ends the command here: bash reads `\\ ` as an escaped space and the rest of the line as a comment; move the comment off the command's lines.",
        ],
      },
      // A comment line between the command's lines: bash ends the command there; as meant, the lines after it go on.
      {
        name: 'guide.md',
        text: '# Publish\n\n```bash\naws sns publish \\\n  --topic-arn arn:aws:sns:us-east-1:123456789012:alerts \\\n  # the text to send\n  --message hello\n```\n',
        messages: [
          "6:3-6:21: error: This comment line inside the command's continued lines ends the command: the `\\` before it joins it to the command and bash reads the rest of the line as a comment, so the lines after it run as commands of their own; move the comment off the command's lines.",
        ],
      },
      {
        name: 'sns/publish.rst',
        text: "**To publish a message**\n\nThe following example publishes a message. ::\n\n    aws sns publish \\\n        --message '{ \\\n            \"a\": 1 }'\n",
        messages: [
          '6:22-6:23: error: Inside single quotes a `\\` at the end of a line is not a continuation: bash keeps the backslash and the line break in the value.',
        ],
      },
      {
        name: 'ec2/run-instances.rst',
        text: "**To launch an instance**\n\nThe following example launches an instance. ::\n\n    aws ec2 run-instances \\\n        --image-id ami-0abcdef1234567890 \\\n        --tag-specifications 'ResourceType=instance, \\\n            Tags=[{Key=Name,Value=a}]' \\\n        --block-device-mappings '[{ \\\n            \"DeviceName\": \"/dev/sdh\" }]'\n",
        messages: [
          '7:54-7:55: error: Inside single quotes a `\\` at the end of a line is not a continuation: bash keeps the backslash and the line break in the value (2 lines of this command end so).',
        ],
      },
    ],
  },
  check({ document, report }) {
    const text = String(document.file.value);
    for (const example of document.examples) {
      for (const command of example.commands) {
        const issues = command.shell.issues.filter(isContinuationIssue);
        for (const [index, issue] of issues.entries()) {
          // Another shell's continuation is one habit, however many lines show it: one finding per command and kind.
          const repeats = REPEATED_HABITS.has(issue.kind) ? issues.slice(index + 1).filter((other) => other.kind === issue.kind) : [];
          if (REPEATED_HABITS.has(issue.kind) && issues.slice(0, index).some((other) => other.kind === issue.kind)) continue;
          const { start, end } = issue;
          const line = text.slice(start.offset ?? 0, end.offset ?? 0);
          const fix = repeats.length > 0 ? combinedFix([issue, ...repeats], text) : fixOf(issue, text);
          const related = repeats.length > 0 ? repeats.map((other) => ({ start: other.start, end: other.end, message: `the same at line ${other.start.line}` })) : relatedBackslashes(issue);
          const message = `${issue.message}${sameOnLines(repeats.map((other) => other.start.line))}`;
          report({
            start,
            end,
            message,
            fingerprint: `${issue.kind}:${command.service} ${command.operation}:${line}`,
            ...(fix && { fix }),
            ...(related.length > 0 && { related }),
          });
        }
      }
    }
  },
};

export default shellContinuation;
