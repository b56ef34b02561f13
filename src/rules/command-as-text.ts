import { toString } from 'mdast-util-to-string';
import type { Code, Paragraph } from 'mdast';
import type { Node, Parent } from 'unist';
import type { CodeData } from '../document/types.js';
import { knownCliServices } from '../model/cli-services.js';
import { CUSTOM_SERVICES } from '../model/input/cli-table.js';
import type { Rule } from './types.js';

// `aws <service> <operation>` (or `$ aws ...`) at the start of a paragraph's text: a command, not a sentence.
const COMMAND_START = /^(?:\$\s+)?aws\s+[a-z0-9][a-z0-9-]*(?:[ \t]*(?:\r?\n|$)|\s+[a-z0-9][a-z0-9-]*(?:\s|$))/;

/**
 * `aws cloudwatch logs is the log management service of AWS`: words after the service and a would-be operation,
 * three or more of them plain words, and no option: a sentence about the service, not a command.
 */
function readsAsSentence(text: string): boolean {
  const words = (text.split(/\r?\n/, 1)[0] ?? '').trim().replace(/^\$\s+/, '').split(/\s+/).slice(3);
  return !words.some((word) => word.startsWith('-')) && words.filter((word) => /^[A-Za-z]+[,.;:]?$/.test(word)).length >= 3;
}

/**
 * `aws cli` in a list of requirements: `aws` and one word that is no service or command of the CLI (`aws configure`
 * alone is one) name the tool, not a command.
 */
function namesNoCommand(text: string): boolean {
  const words = (text.split(/\r?\n/, 1)[0] ?? '').trim().replace(/^\$\s+/, '').split(/\s+/);
  return words.length === 2 && !knownCliServices().has(words[1]!) && !CUSTOM_SERVICES.has(words[1]!) && words[1] !== 'help';
}

/** `aws` commands that the document shows as text (a paragraph, a block quote, a definition) instead of a code block. */
const commandAsText: Rule = {
  id: 'command-as-text',
  severity: 'error',
  description:
    'An `aws` command must stand in a literal block (after a paragraph ending in `::` and a blank line) or a ' +
    'code block. Written as text, or indented under a `::` line with no blank line between them (which ' +
    'reStructuredText reads as a definition list), it renders as a paragraph: backslashes and line breaks are ' +
    'lost, readers cannot copy it, and the harness cannot check or replay it. The fix adds the missing `::` (or the blank line after it) when a paragraph stands before the command. In Markdown a command in a paragraph keeps its text, so it is a warning: renderers may still turn its quotes and dashes typographic. A command written on a fence\'s opening line (```` ```aws cognito-idp list-users \\ ````) is an error: Markdown takes that line for the block\'s language and shows only the lines after it.',
  examples: {
    ok: [
      {
        // `aws` and a word that is no service or command: the tool's name in a list of what to install.
        name: 'README.md',
        text: '# Requirements\n\naws cli\njq\nterraform\n',
        messages: [],
      },
      {
        // A list item naming the call that the block below runs.
        name: 'guide.md',
        text: '# Groups\n\n+ We need a group first\n+ aws cognito-idp create-group\n\n```bash\naws cognito-idp create-group --user-pool-id us-west-2_EXAMPLE --group-name admins\n```\n',
        messages: [],
      },
      {
        name: 'cognito-idp/list-groups.rst',
        text: '**To list groups**\n\nThe following example lists groups. ::\n\n    aws cognito-idp list-groups --user-pool-id us-west-2_EXAMPLE\n\nThe ``aws cognito-idp`` commands need credentials.\n',
        messages: [],
      },
      {
        // A sentence that starts with a service's name is no command.
        name: 'overview.md',
        text: '# Services\n\n- aws cloudwatch logs is the log management service of AWS\n- aws cloudwatch logsは、awsのログ管理サービス\n',
        messages: [],
      },
    ],
    notOk: [
      {
        name: 'cognito-idp/list-groups.rst',
        text: '**To list groups**\n\nThe following example lists groups. ::\n    aws cognito-idp list-groups \\\n        --user-pool-id us-west-2_EXAMPLE\n',
        messages: [
          "4:5-4:34: error: This `aws` command is not a literal block: the `::` line before it needs a blank line after it (without one, reStructuredText reads a definition list), so the command renders as text and is not checked",
        ],
      },
      {
        name: 'cognito-idp/list-groups.rst',
        text: '**To list groups**\n\nThe following example lists groups.\n\n    aws cognito-idp list-groups --user-pool-id us-west-2_EXAMPLE\n\nOr written as a sentence:\n\naws cognito-idp list-groups --user-pool-id us-west-2_EXAMPLE\n',
        messages: [
          '5:5-5:65: error: This `aws` command is a block quote, not a literal block: end the paragraph before it with `::`, so the command renders as code',
          "9:1-9:61: error: This `aws` command is not a literal block: end the paragraph before it with `::`, so the command renders as code and is checked",
        ],
      },
      {
        name: 'docs/groups.md',
        text: '# To list groups\n\n```aws cognito-idp list-groups \\\n  --user-pool-id us-west-2_EXAMPLE\n```\n',
        messages: [
          "3:1-3:33: error: This `aws cognito-idp list-groups \\` command stands on the fence's opening line, which Markdown reads as the block's language: the block shows only the lines after it, and the command is not checked; start the command on the next line",
        ],
      },
      {
        name: 'cognito-idp/list-groups.md',
        text: '# To list groups\n\naws cognito-idp list-groups --user-pool-id us-west-2_EXAMPLE\n',
        messages: ['3:1-3:61: warning: This `aws` command is plain text, not a code block: renderers may turn its quotes and `--` into typographic ones, and it is not checked; put it in a fenced ```bash block'],
      },
    ],
  },
  check({ document, report }) {
    const text = String(document.file.value);
    const visit = (parent: Parent) => {
      parent.children.forEach((node, index) => {
        // Commands and code are blocks: the phrasing inside paragraphs and headings holds neither.
        if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading') visit(node as Parent);
        if (!node.position) return;
        const { start, end } = node.position;
        if (node.type === 'code' && ((node as Code).data as CodeData | undefined)?.blockKind === 'block-quote') {
          // Read and checked as the author meant it, but shown as a quotation.
          const fix = document.format === 'rst' ? introduceLiteralBlock(text, parent.children[index - 1]) : undefined;
          report({
            start,
            end,
            message: 'This `aws` command is a block quote, not a literal block: end the paragraph before it with `::`, so the command renders as code',
            fingerprint: firstWords((node as Code).value),
            ...(fix ? { fix } : {}),
          });
          return;
        }
        if (node.type === 'code' && isCommandInInfo(node as Code)) {
          // ```aws cognito-idp list-users \ : Markdown takes the first line for the block's language and hides it.
          const code = node as Code;
          report({
            start,
            end: { line: start.line, column: start.column + (text.slice(start.offset!).search(/\r?\n|$/) || 1), offset: start.offset! + (text.slice(start.offset!).search(/\r?\n|$/) || 1) },
            message: `This \`${code.lang} ${firstWords(code.meta ?? '')}\` command stands on the fence's opening line, which Markdown reads as the block's language: the block shows only the lines after it, and the command is not checked; start the command on the next line`,
            fingerprint: `${code.lang} ${firstWords(code.meta ?? '')}`,
          });
          return;
        }
        if (node.type !== 'paragraph') return;
        const first = (node as Paragraph).children[0];
        if (first?.type !== 'text' || !COMMAND_START.test(first.value.trimStart()) || readsAsSentence(first.value) || namesNoCommand(first.value)) return;
        const markdown = document.format === 'markdown';
        // A list item naming a call (`+ aws sns create-topic`, over the block that runs it) is no command; a run one has options.
        if (markdown && parent.type === 'listItem' && !/\s--?[A-Za-z]/.test(toString(node))) return;
        const lineStart = start.offset! - (start.column - 1);
        const afterIntroducer = !markdown && text.slice(0, lineStart).trimEnd().endsWith('::');
        const message = markdown
          ? 'This `aws` command is plain text, not a code block: renderers may turn its quotes and `--` into typographic ones, and it is not checked; put it in a fenced ```bash block'
          : afterIntroducer
              ? 'This `aws` command is not a literal block: the `::` line before it needs a blank line after it (without one, reStructuredText reads a definition list), so the command renders as text and is not checked'
              : 'This `aws` command is not a literal block: end the paragraph before it with `::`, so the command renders as code and is checked';
        // The blank line the `::` needs makes the indented lines its literal block.
        const fix = afterIntroducer && start.column > 1 ? { start: lineStart, end: lineStart, text: /\r\n|\r|\n/.exec(text)?.[0] ?? '\n' } : undefined;
        // In Markdown the command still reads as written (RST loses its line breaks and backslashes): a warning.
        report({ start, end, message, fingerprint: firstWords(first.value), ...(markdown ? { severity: 'warning' as const } : {}), ...(fix ? { fix } : {}) });
      });
    };
    visit(document.tree);
  },
};

/** `::` at the end of the paragraph before a block quote makes the quote a literal block; `text:` becomes `text::`, which renders as `text:`. */
function introduceLiteralBlock(text: string, previous: Node | undefined): { start: number; end: number; text: string } | undefined {
  if (previous?.type !== 'paragraph' || previous.position?.end.offset === undefined) return undefined;
  const end = text.slice(0, previous.position.end.offset).trimEnd().length;
  return { start: end, end, text: text[end - 1] === ':' ? ':' : ' ::' };
}

/** A fence whose info string is a command (` ```aws cognito-idp list-users \`): its language `aws`, its meta the service and more. */
function isCommandInInfo(code: Code): boolean {
  return (code.lang === 'aws' || code.lang === 'awslocal') && /^[a-z0-9][a-z0-9-]*\s+[a-z0-9][a-z0-9-]*/.test(code.meta ?? '');
}

function firstWords(text: string): string {
  return text.trim().split(/\s+/).slice(0, 3).join(' ');
}

export default commandAsText;
