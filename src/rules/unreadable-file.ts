import type { Rule } from './types.js';

/** Reports files that cannot be read as text documents (the reason comes from the document reader). */
const unreadableFile: Rule = {
  id: 'unreadable-file',
  severity: 'error',
  description:
    'A file that is binary, not valid UTF-8, empty or too large cannot hold examples. It is reported with the ' +
    'reason and skipped, so one bad file never stops the others from being checked.',
  examples: {
    ok: [{ name: 'cognito-idp/get-user.rst', text: '**Example 1: To get a user**\n', messages: [] }],
    notOk: [
      {
        name: 'cognito-idp/get-user.rst',
        text: 'abc\u0000def',
        messages: ['1:1-1:1: error: cognito-idp/get-user.rst holds a NUL byte at offset 3: a binary file, not a text document'],
      },
      {
        name: 'cognito-idp/get-user.rst',
        text: '',
        messages: ['1:1-1:1: warning: cognito-idp/get-user.rst is empty'],
      },
    ],
  },
  check({ document, report }) {
    const problem = document.file.data.readProblem;
    if (problem === undefined) return;
    const start = { line: 1, column: 1, offset: 0 };
    report({ start, end: start, message: problem, ...(/ is empty$/.test(problem) ? { severity: 'warning' } : {}) });
  },
};

export default unreadableFile;
