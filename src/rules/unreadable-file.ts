import type { Rule } from './types.js';

/** Reports files that cannot be read as text documents (the reason comes from the document reader). */
const unreadableFile: Rule = {
  id: 'unreadable-file',
  severity: 'error',
  description:
    'A file that is binary, not valid UTF-8, empty, too large or unreadable cannot hold examples. It is reported ' +
    'with the reason (and the line and byte of the damage), and skipped, so one bad file never stops the others from ' +
    'being checked. A document that resolves outside the checked folder (a symbolic link) is skipped unread, at info.',
  examples: {
    ok: [{ name: 'cognito-idp/get-user.rst', text: '**Example 1: To get a user**\n', messages: [] }],
    notOk: [
      {
        name: 'cognito-idp/get-user.rst',
        text: 'abc\u0000def',
        messages: ['1:4-1:4: error: a NUL byte at line 1, column 4 (byte 3): a binary file, not a text document'],
      },
      {
        name: 'cognito-idp/get-user.rst',
        text: '',
        messages: ['1:1-1:1: warning: the file is empty: nothing to check'],
      },
    ],
  },
  check({ document, report }) {
    const problem = document.file.data.readProblem;
    if (problem === undefined) return;
    const start = problem.at ?? { line: 1, column: 1, offset: 0 };
    report({ start, end: start, message: problem.message, severity: problem.severity });
  },
};

export default unreadableFile;
