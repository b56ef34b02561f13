import type { Position } from '../document/types.js';
import type { Rule } from './types.js';

const at = (position: Position) => `${position.start.line}:${position.start.column}-${position.end.line}:${position.end.column}`;

/** Reports a document whose line breaks were lost and that the reader rebuilt. */
const documentRecovered: Rule = {
  id: 'document-recovered',
  severity: 'error',
  description:
    'A document whose line breaks were lost (the whole text on one line, often with stray text before it from a ' +
    'copy and paste) renders as one paragraph. The harness rebuilds it to check its examples, but the file itself ' +
    'must be restored: this rule says where the flattened text and any stray text stand.',
  examples: {
    ok: [{ name: 'demo/list-things.rst', text: '**Example 1: To list things**\n\nCommand::\n\n    aws demo list-things\n', messages: [] }],
    notOk: [
      {
        name: 'demo/list-things.rst',
        text:
          'stray\n**Example 1: To list things** The following ``list-things`` example lists the things in the account, up to five of them, with their names and identifiers. :: ' +
          'aws demo list-things \\ --max-items 5 Output:: { "Things": [ { "Name": "thing-1", "Id": "t-1" }, { "Name": "thing-2", "Id": "t-2" } ] } For more information, see the *Guide*.\n',
        messages: [
          '2:1-2:332: error: the document was recovered from flattened form (its line breaks were lost); stray text before it at 1:1-1:6',
        ],
      },
    ],
  },
  check({ document, report }) {
    const recovery = document.file.data.recovery;
    if (!recovery) return;
    const stray = recovery.strayText ? `; stray text before it at ${at(recovery.strayText)}` : '';
    report({
      start: recovery.flattenedAt.start,
      end: recovery.flattenedAt.end,
      message: `the document was recovered from flattened form (its line breaks were lost)${stray}`,
    });
  },
};

export default documentRecovered;
