import path from 'node:path';
import type { AwsCommand } from '../commands/types.js';
import type { ExampleDocument } from '../examples/types.js';
import { isCliExampleDocument } from './example-tree.js';
import { exampleDocument } from './input-problem-rule.js';
import type { Rule } from './types.js';

/** What a file's path says it documents: `<service>/<operation>.rst` or `<service>/wait/<waiter>.rst`. */
function documentedCommand(documentPath: string): { service: string; words: string[] } | undefined {
  const parts = lastParts(documentPath, 3);
  const base = path.basename(parts.pop() ?? '', path.extname(documentPath));
  // Names with `_` describe a topic rather than an operation.
  if (base.includes('_') || parts.length === 0) return undefined;
  const folder = parts.pop()!;
  if (folder === 'wait') return parts.length > 0 ? { service: parts.pop()!, words: ['wait', base] } : undefined;
  return { service: folder, words: [base] };
}

/** The last `count` non-empty parts of a path (the whole path is not split: it is asked for every document). */
function lastParts(filePath: string, count: number): string[] {
  const parts: string[] = [];
  for (let end = filePath.length; parts.length < count && end > 0; ) {
    const cut = Math.max(filePath.lastIndexOf('/', end - 1), filePath.lastIndexOf('\\', end - 1));
    if (cut + 1 < end) parts.unshift(filePath.slice(cut + 1, end));
    end = cut;
  }
  return parts;
}

function commandWords(command: AwsCommand): string[] {
  return command.operation === 'wait' ? ['wait', command.args[0]?.value ?? ''] : [command.operation ?? ''];
}

const operationFileMismatch: Rule = {
  id: 'operation-file-mismatch',
  severity: 'info',
  needsModels: true,
  description:
    'The file is named `<service>/<operation>.rst` (or `<service>/wait/<waiter>.rst`) but none of its commands runs that ' +
    'service and operation: the example may sit in the wrong file, or document a related command on purpose. Only ' +
    'documents of an aws-cli style example tree are named after their command; READMEs and guides are not.',
  examples: {
    ok: [
      { name: 'cognito-idp/list-users.rst', text: exampleDocument('To list users', 'aws cognito-idp list-users --user-pool-id us-west-2_EXAMPLE'), messages: [] },
      { name: 'docs/README.md', text: '# Users\n\n```sh\naws cognito-idp list-users --user-pool-id us-west-2_EXAMPLE\n```\n', messages: [] },
      { name: 'guides/setup.md', text: '# Users\n\n```sh\naws cognito-idp list-users --user-pool-id us-west-2_EXAMPLE\n```\n', messages: [] },
    ],
    notOk: [
      {
        name: 'cognito-idp/list-groups.rst',
        text: exampleDocument('To list users', 'aws cognito-idp list-users --user-pool-id us-west-2_EXAMPLE'),
        messages: ["5:9-5:31: info: The file documents 'aws cognito-idp list-groups' but its commands run 'aws cognito-idp list-users'."],
      },
    ],
  },
  check({ document, report }) {
    const mismatch = fileCommandMismatch(document);
    if (!mismatch) return;
    const { command } = mismatch;
    report({
      start: command.serviceWord!.start,
      end: (command.operationWord ?? command.serviceWord!).end,
      message: `The file documents '${mismatch.documented}' but its commands run '${mismatch.runs}'.`,
    });
  },
};

/** A file whose name says one command while none of its commands runs it: both commands, and the first one run. */
export interface FileCommandMismatch {
  /** `aws <service> <operation>` (or `aws <service> wait <waiter>`) as the file's path names it. */
  documented: string;
  /** The first command of the file, as the same words. */
  runs: string;
  command: AwsCommand;
}

/** What `operation-file-mismatch` finds in a document, for the rule and for coverage's list of misplaced examples. */
export function fileCommandMismatch(document: ExampleDocument): FileCommandMismatch | undefined {
  const expected = isCliExampleDocument(document) ? documentedCommand(document.path) : undefined;
  if (!expected) return undefined;
  const commands: AwsCommand[] = [];
  for (const example of document.examples) for (const command of example.commands) if (command.serviceWord) commands.push(command);
  const first = commands[0];
  if (!first) return undefined;
  const matches = (command: AwsCommand) => command.service === expected.service && commandWords(command).join(' ') === expected.words.join(' ');
  if (commands.some(matches)) return undefined;
  return {
    documented: `aws ${expected.service} ${expected.words.join(' ')}`,
    runs: `aws ${[first.service, ...commandWords(first)].filter(Boolean).join(' ')}`,
    command: first,
  };
}

export default operationFileMismatch;
