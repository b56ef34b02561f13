import { isCliExampleDocument } from './example-tree.js';
import type { Rule } from './types.js';

/** Checks that `Example N:` titles count 1, 2, 3... without gaps or repeats. */
const exampleTitle: Rule = {
  id: 'example-title',
  severity: 'warning',
  description:
    'Numbered example titles (`**Example 1: ...**`) must count up from 1 without gaps or repeats. A gap or a ' +
    'repeat usually means an example was deleted, duplicated or pasted from another file, and readers who are ' +
    'told to "see Example 3" land on the wrong one. The numbering is a convention of aws-cli style example trees; ' +
    'READMEs and guides number their examples as they like.',
  examples: {
    ok: [
      {
        name: 'cognito-idp/delete-group.rst',
        text: '**Example 1: To delete a group**\n\nText.\n\n**Example 2: To delete another group**\n\nText.\n',
        messages: [],
      },
      {
        name: 'docs/README.md',
        text:
          '## Example 2: Delete a group\n\n```sh\naws cognito-idp delete-group --user-pool-id us-west-2_EXAMPLE --group-name a\n```\n\n' +
          '## Example 5: Delete a user\n\n```sh\naws cognito-idp admin-delete-user --user-pool-id us-west-2_EXAMPLE --username b\n```\n',
        messages: [],
      },
    ],
    notOk: [
      {
        name: 'cognito-idp/delete-group.rst',
        text:
          '**Example 1: To delete a group**\n\nText.\n\n**Example 3: To delete a second group**\n\nText.\n\n' +
          '**Example 3: To delete a third group**\n\nText.\n',
        messages: [
          '5:1-5:40: warning: Example 3 follows Example 1: Example 2 is missing',
          '9:1-9:39: warning: Example 3 is numbered like the example on line 5',
        ],
      },
      {
        name: 'cognito-idp/delete-group.rst',
        text: '**Example 2: To delete a group**\n\nText.\n',
        messages: ['1:1-1:33: warning: The first numbered example is Example 2: numbering should start at 1'],
      },
    ],
  },
  check({ document, report }) {
    if (!isCliExampleDocument(document)) return;
    let previous: { number: number; line: number } | undefined;
    const seen = new Map<number, number>();
    for (const example of document.examples) {
      const { titleNumber, titlePosition } = example;
      if (titleNumber === undefined || !titlePosition) continue;
      const at = { start: titlePosition.start, end: titlePosition.end };
      const earlierLine = seen.get(titleNumber);
      if (earlierLine !== undefined) {
        report({ ...at, message: `Example ${titleNumber} is numbered like the example on line ${earlierLine}` });
      } else if (!previous && titleNumber !== 1) {
        report({ ...at, message: `The first numbered example is Example ${titleNumber}: numbering should start at 1` });
      } else if (previous && titleNumber !== previous.number + 1) {
        const expected = previous.number + 1;
        const missing = titleNumber > expected ? `Example ${expected}${titleNumber - 1 > expected ? `–${titleNumber - 1}` : ''} is missing` : `expected Example ${expected}`;
        report({ ...at, message: `Example ${titleNumber} follows Example ${previous.number}: ${missing}` });
      }
      if (earlierLine === undefined) seen.set(titleNumber, titlePosition.start.line);
      previous = { number: titleNumber, line: titlePosition.start.line };
    }
  },
};

export default exampleTitle;
