import type { Position, SourceLine } from '../document/types.js';
import type { Rule } from './types.js';

/** Reports non-ASCII characters in commands and their outputs. */
const nonAscii: Rule = {
  id: 'non-ascii',
  severity: 'warning',
  description:
    'Commands and outputs are copied into terminals and compared with real responses; a non-ASCII character there ' +
    '(a typographic quote or dash, a non-breaking space, stray text from another script) breaks the copy or hides a ' +
    'typo. The aws-cli examples are pure ASCII, so each such character is reported with its code point. Other code ' +
    'blocks (a directory tree drawn with box characters, a program in another language) are not looked at.',
  examples: {
    ok: [
      { name: 'demo/list-things.rst', text: 'Lists the things \u2014 all of them::\n\n    aws demo list-things\n', messages: [] },
      {
        name: 'docs/README.md',
        text: '# Layout\n\n```text\nproject/\n\u251c\u2500\u2500 src/\n\u2514\u2500\u2500 README.md\n```\n\n```python\nprint("caf\u00e9")\n```\n',
        messages: [],
      },
      {
        name: 'docs/README.md',
        text: '# List\n\n```sh\naws s3api list-buckets --output json\n```\n\nOutput:\n\n```json\n{\n  "Buckets": [\n    \u2026\n  ],\n  "Owner": {"ID": \u2026\n}\n```\n',
        messages: [],
      },
    ],
    notOk: [
      {
        name: 'demo/list-things.rst',
        text: 'Command::\n\n    aws demo list-things \u2013\u2013max-items 5\n\nOutput::\n\n    {"Name": "caf\u00e9 \ud83d\ude00"}\n',
        messages: [
          "3:26-3:27: warning: non-ASCII character U+2013 '\u2013' in a command",
          "3:27-3:28: warning: non-ASCII character U+2013 '\u2013' in a command",
          "7:18-7:19: warning: non-ASCII character U+00E9 '\u00e9' in an output",
          "7:20-7:22: warning: non-ASCII character U+1F600 '\ud83d\ude00' in an output",
        ],
      },
      {
        name: 'docs/README.md',
        text: '# List\n\n```console\n$ aws s3 ls \u2014recursive\n```\n',
        messages: ["4:13-4:14: warning: non-ASCII character U+2014 '\u2014' in a command"],
      },
    ],
  },
  check({ document, report }) {
    // Commands chained on one line share it: each character is reported once.
    const reported = new Set<number>();
    const scan = (lines: readonly SourceLine[], where: string, skipped: readonly Position[] = []) => {
      for (const line of lines) {
        for (let index = 0; index < line.text.length; index++) {
          const codePoint = line.text.codePointAt(index)!;
          if (codePoint < 128 || reported.has(line.offset + index)) continue;
          // `…` in an output is where the author cut it short (an elision), not a character the CLI printed.
          if (codePoint === 0x2026 && where === 'an output') continue;
          if (skipped.some((range) => range.start.offset! <= line.offset + index && line.offset + index < range.end.offset!)) continue;
          reported.add(line.offset + index);
          const width = codePoint > 0xffff ? 2 : 1;
          const character = String.fromCodePoint(codePoint);
          const hex = codePoint.toString(16).toUpperCase().padStart(4, '0');
          report({
            start: { line: line.line, column: line.column + index, offset: line.offset + index },
            end: { line: line.line, column: line.column + index + width, offset: line.offset + index + width },
            message: `non-ASCII character U+${hex} '${character}' in ${where}`,
            fingerprint: `U+${hex}`,
          });
          index += width - 1;
        }
      }
    };
    for (const example of document.examples) {
      for (const command of example.commands) scan(command.shell.lines, 'a command');
      for (const output of example.outputs) scan(output.lines, 'an output', output.json?.elisions);
    }
  },
};

export default nonAscii;
