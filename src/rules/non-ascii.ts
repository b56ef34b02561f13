import type { Word } from '../commands/types.js';
import type { Position, SourceLine } from '../document/types.js';
import type { Rule } from './types.js';

/** Reports characters in commands and outputs that stand in for ASCII ones. */
const nonAscii: Rule = {
  id: 'non-ascii',
  severity: 'warning',
  description:
    'Commands and outputs are copied into terminals and compared with real responses; a character that stands in ' +
    'for an ASCII one there (a typographic quote or dash, a minus sign, a non-breaking or zero-width space, a ' +
    'full-width letter in a command) breaks the copy or hides a typo. Each is reported with its code point, once per ' +
    'line. Text in other scripts (a Japanese description, an accented name) and the punctuation of a sentence in a value (a dash between blanks, the apostrophe in `can’t`) are content, not a defect; neither are ' +
    'shell comments or other code blocks (a directory tree drawn with box characters), nor plain text after a command in a Markdown guide, as often the author\'s note as the CLI\'s output. An option typed with a ' +
    'typographic dash (`–-queue-name`) is unknown-parameter\'s finding, which names the option meant, and typographic quotes that break an output\'s JSON are output-json\'s: not said twice.',
  examples: {
    ok: [
      // A dash between blanks punctuates a sentence in a value; so does an apostrophe between letters.
      { name: 'docs/README.md', text: '# Alarm\n\n```bash\naws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:t --message "Disk full \u2014 page the on-call"\n```\n', messages: [] },
      { name: 'docs/README.md', text: '# Alarm\n\n```bash\naws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:t --message "Can\u2019t reach the disk"\n```\n', messages: [] },
      { name: 'demo/list-things.rst', text: 'Lists the things \u2014 all of them::\n\n    aws demo list-things\n', messages: [] },
      // Typographic quotes in place of JSON's: the output is no JSON, output-json's one finding names the first.
      { name: 'demo/list-things.rst', text: 'Command::\n\n    aws demo list-things\n\nOutput::\n\n    {\u201cId\u201d: \u201cabc\u201d}\n', messages: [] },
      { name: 'docs/SETUP.md', text: '# Setup check\n\n```\n$ aws sts get-caller-identity --profile demo\n\u274c \u2014 profile "demo" not configured yet\n```\n', messages: [] },
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
      // Text in another script is content; a comment after the command is not part of it.
      {
        name: 'docs/README.ja.md',
        text: '# \u30b0\u30eb\u30fc\u30d7\n\n```sh\n# \u30b0\u30eb\u30fc\u30d7\u3092\u4f5c\u6210\u3059\u308b \u2014 \u2705\naws cognito-idp create-group --user-pool-id us-east-1_EXAMPLE11 --group-name readers --description "\u8aad\u8005"  # caf\u00e9 \u2014 ok\n```\n',
        messages: [],
      },
    ],
    notOk: [
      {
        // A full-width `＝` between ASCII words is a look-alike; the `？` ending a Japanese sentence in a value is not.
        name: 'docs/README.md',
        text: '# Ask\n\n```bash\naws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:t --message "\u5143\u6c17\u3067\u3059\u304b\uff1f" --subject\uff1dhi\n```\n',
        messages: ["4:94-4:95: warning: non-ASCII character U+FF1D '\uff1d' in a command"],
      },
      {
        name: 'demo/list-things.rst',
        text: 'Command::\n\n    aws demo list-things \u2013\u2013max-items 5\n\nOutput::\n\n    {"Name": "caf\u00e9 \ud83d\ude00", "Id": "\u201cabc\u201d"}\n',
        messages: [
          "3:26-3:27: warning: non-ASCII characters U+2013 '\u2013' (2 times) in a command",
          "7:32-7:33: warning: non-ASCII characters U+201C '\u201c', U+201D '\u201d' in an output",
        ],
      },
      {
        name: 'docs/README.md',
        text: '# List\n\n```console\n$ aws s3 ls s3://amzn-s3-demo-bucket/2024\u2014reports/\n```\n',
        messages: ["4:42-4:43: warning: non-ASCII character U+2014 '\u2014' in a command"],
      },
    ],
  },
  check({ document, report, translation }) {
    // Commands chained on one line share it: each character is reported once.
    const reported = new Set<number>();
    /** `skipped`: an output's elisions, a command's unknown options (unknown-parameter names the option meant). */
    const scan = (lines: readonly SourceLine[], where: 'a command' | 'an output', within: Position | undefined, skipped: readonly Position[] = [], quotesSaid = false) => {
      for (const line of lines) {
        // Most lines are ASCII: one native scan skips them.
        if (!NOT_ASCII.test(line.text)) continue;
        for (let index = 0; index < line.text.length; index++) {
          const codePoint = line.text.codePointAt(index)!;
          const offset = line.offset + index;
          if (!isLookalike(codePoint, where) || reported.has(offset) || inCjkText(line.text, index) || isProseDash(line.text, index) || isApostrophe(line.text, index)) continue;
          if (within && (offset < within.start.offset! || offset >= within.end.offset!)) continue;
          if (skipped.some((range) => range.start.offset! <= offset && offset < range.end.offset!)) continue;
          if (quotesSaid && codePoint >= 0x2018 && codePoint <= 0x201f) continue;
          reported.add(offset);
          const width = codePoint > 0xffff ? 2 : 1;
          const character = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')} '${String.fromCodePoint(codePoint)}'`;
          report({
            start: { line: line.line, column: line.column + index, offset },
            end: { line: line.line, column: line.column + index + width, offset: offset + width },
            message: `non-ASCII character ${character} in ${where}`,
            fingerprint: character,
            group: { key: `${where} line ${line.line}`, item: character, message: (items) => `non-ASCII characters ${countedList(items)} in ${where}` },
          });
          index += width - 1;
        }
      }
    };
    for (const example of document.examples) {
      // The aws command's own words: not a comment after it, nor the other commands of its lines. An option typed
      // with a typographic dash (`–-queue-name`) is unknown-parameter's one finding, which names the option meant.
      for (const command of example.commands) {
        // Not stray words (`name”` split off `“my name”`): there the typographic quote is the cause to name.
        const unknownOptions = (translation(command, example)?.problems ?? []).filter((problem) => problem.kind === 'unknown-parameter' && problem.message.startsWith('Unknown parameter'));
        scan(command.shell.lines, 'a command', wordSpan(command.shell.intendedWords), unknownOptions);
      }
      // Plain text after a command in a guide is as often the author's note (`❌ — not configured yet`) as the CLI's:
      // only what is surely the CLI's output is held to ASCII (JSON, tables, and aws-cli's own `Output::` blocks).
      for (const output of example.outputs) {
        if (output.kind === 'text' && document.format !== 'rst') continue;
        // Typographic quotes that break the JSON are output-json's one finding, which names the first of them.
        const quotesSaid = output.json?.error !== undefined && /[\u2018-\u201f]/.test(output.json.error.message);
        scan(output.lines, 'an output', undefined, output.json?.elisions, quotesSaid);
      }
    }
  },
};

const NOT_ASCII = /[^\x00-\x7f]/;

/** `U+2013 '–' (2 times), U+201C '“'`. */
function countedList(items: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts].map(([item, count]) => (count > 1 ? `${item} (${count} times)` : item)).join(', ');
}

/** Where a command's words stand, from the first to the last. */
function wordSpan(words: readonly Word[]): Position | undefined {
  const first = words[0];
  const last = words.at(-1);
  return first && last ? { start: first.start, end: last.end } : undefined;
}

/** Chinese, Japanese or Korean letters (ideographs, kana, hangul). */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * A full-width form next to CJK letters (`ですか？`, `「名前」`) is the punctuation of a sentence in a value, as its
 * language writes it: no look-alike of an ASCII character the command needs.
 */
function inCjkText(text: string, index: number): boolean {
  const codePoint = text.codePointAt(index)!;
  if (!((codePoint >= 0xff01 && codePoint <= 0xff5e) || codePoint === 0x3000)) return false;
  return CJK.test(text[index - 1] ?? '') || CJK.test(String.fromCodePoint(text.codePointAt(index + 1) ?? 32));
}

/** A dash with blanks on both sides (`Disk full — page the on-call`) punctuates a sentence in a value: no `-` it stands in for. */
function isProseDash(text: string, index: number): boolean {
  const codePoint = text.codePointAt(index)!;
  return codePoint >= 0x2012 && codePoint <= 0x2015 && text[index - 1] === ' ' && text[index + 1] === ' ';
}

/** `’` between two letters (`can’t`, `l’équipe`) is a word's apostrophe in a value's text: no quote, to bash or to JSON. */
function isApostrophe(text: string, index: number): boolean {
  return text.charCodeAt(index) === 0x2019 && LETTER.test(text[index - 1] ?? '') && LETTER.test(text[index + 1] ?? '');
}

const LETTER = /\p{L}/u;

/**
 * Characters that stand in for ASCII ones: spaces and joiners, dashes and the minus sign, typographic quotes and
 * primes, and (in a command) the full-width forms of ASCII. `…` is an author's elision, in a command as in an output.
 */
function isLookalike(codePoint: number, where: 'a command' | 'an output'): boolean {
  if (codePoint < 0x80) return false;
  if (codePoint === 0x2026) return false;
  if (codePoint === 0xa0 || codePoint === 0xad || codePoint === 0x202f || codePoint === 0x2060 || codePoint === 0xfeff) return true;
  if ((codePoint >= 0x2000 && codePoint <= 0x200f) || codePoint === 0x2028 || codePoint === 0x2029) return true;
  if (codePoint >= 0x2010 && codePoint <= 0x2015) return true;
  if ((codePoint >= 0x2018 && codePoint <= 0x201f) || codePoint === 0x2032 || codePoint === 0x2033 || codePoint === 0x2212) return true;
  return where === 'a command' && ((codePoint >= 0xff01 && codePoint <= 0xff5e) || codePoint === 0x3000);
}

export default nonAscii;
