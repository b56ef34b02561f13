import path from 'node:path';
import { inCliExampleTree } from './example-tree.js';
import type { Rule } from './types.js';

/**
 * Why a file found in a folder is not an example document, or undefined when it is one. Only `.rst`, `.md` and
 * `.markdown` files are documents; in aws-cli style trees, names with `_` are descriptions (`_deploy_description.rst`),
 * while elsewhere (a Sphinx guide's `getting_started.rst`) they are documents like any other.
 */
export function notAnExampleReason(filePath: string): string | undefined {
  const name = path.basename(filePath);
  const extension = path.extname(name).toLowerCase();
  if (extension !== '.rst' && extension !== '.md' && extension !== '.markdown') return `${name} is not an example file: only .rst, .md and .markdown files hold examples; not checked`;
  if (extension === '.rst' && name.includes('_') && inCliExampleTree(filePath)) return `${name} is not an example file: names with '_' are descriptions; not checked`;
  return undefined;
}

const fileName: Rule = {
  id: 'file-name',
  severity: 'info',
  description:
    'Example trees hold other files beside the examples: in aws-cli, names with `_` are descriptions and files ' +
    'that do not end in `.rst` are synopses or data. They are listed at info level instead of being silently ' +
    'dropped, so a mistyped example name does not go unchecked unnoticed. Files named explicitly on the command ' +
    'line are always read. Other trees (a repository\'s READMEs, guides, scripts and images) are not aws-cli ' +
    'example trees: their other files are skipped without a finding.',
  examples: {
    ok: [
      { name: 'cloudformation/deploy.rst', text: 'Text.\n', messages: [] },
      { name: 'Docs/getting_started.rst', text: 'Text.\n', messages: [] },
      { name: 'My Project/build-notes.txt', text: 'Text.\n', messages: [] },
    ],
    notOk: [
      {
        name: 'cloudformation/_deploy_description.rst',
        text: 'Text.\n',
        messages: ["1:1-1:1: info: _deploy_description.rst is not an example file: names with '_' are descriptions; not checked"],
      },
      {
        name: 'emr/create-cluster-synopsis.txt',
        text: 'Text.\n',
        messages: ['1:1-1:1: info: create-cluster-synopsis.txt is not an example file: only .rst, .md and .markdown files hold examples; not checked'],
      },
    ],
  },
  check({ document, report }) {
    if (document.file.data.namedExplicitly) return;
    const reason = notAnExampleReason(document.path);
    if (reason && !inCliExampleTree(document.path)) return;
    const start = { line: 1, column: 1, offset: 0 };
    if (reason) report({ start, end: start, message: reason });
  },
};

declare module 'vfile' {
  interface DataMap {
    /** The user named this file on the command line: read it whatever its name. */
    namedExplicitly: boolean;
  }
}

export default fileName;
