import type { Code } from 'mdast';
import { forEachNode } from '../document/walk.js';
import type { Rule } from './types.js';

/** Reports non-ASCII characters in command and output blocks. */
const nonAscii: Rule = {
  id: 'non-ascii',
  severity: 'warning',
  description:
    'Commands and outputs are copied into terminals and compared with real responses; a non-ASCII character there ' +
    '(a typographic quote or dash, a non-breaking space, stray text from another script) breaks the copy or hides a ' +
    'typo. The aws-cli examples are pure ASCII, so each such character is reported with its code point.',
  examples: {
    ok: [{ name: 'demo/list-things.rst', text: 'Lists the things \u2014 all of them::\n\n    aws demo list-things\n', messages: [] }],
    notOk: [
      {
        name: 'demo/list-things.rst',
        text: 'Command::\n\n    aws demo list-things \u2013\u2013max-items 5\n\nOutput::\n\n    {"Name": "caf\u00e9 \ud83d\ude00"}\n',
        messages: [
          "3:26-3:27: warning: non-ASCII character U+2013 '\u2013' in a code block",
          "3:27-3:28: warning: non-ASCII character U+2013 '\u2013' in a code block",
          "7:18-7:19: warning: non-ASCII character U+00E9 '\u00e9' in a code block",
          "7:20-7:22: warning: non-ASCII character U+1F600 '\ud83d\ude00' in a code block",
        ],
      },
    ],
  },
  check({ document, report }) {
    forEachNode(document.tree, (node) => {
      if (node.type !== 'code') return;
      for (const line of (node as Code).data?.lines ?? []) {
        for (let index = 0; index < line.text.length; index++) {
          const codePoint = line.text.codePointAt(index)!;
          if (codePoint < 128) continue;
          const width = codePoint > 0xffff ? 2 : 1;
          const character = String.fromCodePoint(codePoint);
          const hex = codePoint.toString(16).toUpperCase().padStart(4, '0');
          report({
            start: { line: line.line, column: line.column + index, offset: line.offset + index },
            end: { line: line.line, column: line.column + index + width, offset: line.offset + index + width },
            message: `non-ASCII character U+${hex} '${character}' in a code block`,
            fingerprint: `U+${hex}`,
          });
          index += width - 1;
        }
      }
    });
  },
};

export default nonAscii;
