import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { firstAwsLine, readCommandsInBlock, type BlockReadOptions } from '../../src/commands/index.js';
import { readShellCommand, splitCommands } from '../../src/commands/shell.js';
import type { Point } from '../../src/document/types.js';
import { indentedBlock } from './support.js';

/** Characters that matter to bash, plus ordinary ones. */
const shellChar = fc.constantFrom(...'ab-=,.:/{}[]*?~# \t\n\'"\\$`|&;<>()^!%@'.split(''));
const shellText = fc.string({ unit: fc.oneof(shellChar, fc.string({ unit: 'grapheme-ascii', maxLength: 1 })), maxLength: 120 });

/** One word written with random quoting; every style gives the word back after bash's quote removal. */
type Quoting = 'single' | 'double' | 'backslash' | 'ansi';
function quote(segment: string, style: Quoting): string {
  switch (style) {
    case 'single':
      return segment.includes("'") ? quote(segment, 'double') : `'${segment}'`;
    case 'double':
      return `"${segment.replace(/[$`"\\]/g, '\\$&')}"`;
    case 'backslash':
      // A backslash before a newline would be a continuation: a newline needs quotes.
      return segment === '' ? "''" : [...segment].map((ch) => (ch === '\n' ? "'\n'" : `\\${ch}`)).join('');
    case 'ansi':
      return `$'${[...segment].map((ch) => (ch === '\n' ? '\\n' : /[\\']/.test(ch) ? `\\${ch}` : ch)).join('')}'`;
  }
}
const quotedWord = fc
  .array(fc.tuple(fc.string({ unit: fc.oneof(shellChar, fc.constantFrom('x', 'Y', '1')), maxLength: 8 }), fc.constantFrom<Quoting>('single', 'double', 'backslash', 'ansi')), { minLength: 1, maxLength: 3 })
  .map((segments) => ({ value: segments.map(([text]) => text).join(''), written: segments.map(([text, style]) => quote(text, style)).join('') }));
const separator = fc.constantFrom(' ', '  ', '\t', ' \\\n    ', ' \\\n');

/** Pieces of the constructs the block reader looks for, mixed with arbitrary text. */
const blockPiece = fc.oneof(
  shellText,
  fc.constantFrom(
    'aws s3 ls', '$ aws x y \\', '# aws s3 ls', 'PS C:\\> aws s3 ls', 'X=$(aws sts get-caller-identity', ')', '`aws s3 ls`',
    'export P=<pool-id>', 'aws x --id <id> --n <a b>', "aws x '{\"a\": \"{{v}}\"} \\", '{', '  "A": 1', '}', 'for b in $(aws s3 ls); do',
    'sudo awslocal s3 ls | jq .', 'aws x --q (a b)', '%TOKEN%', 'if aws x; then', 'done', '> --more',
    '➜  lab git:(main) ✗ aws s3 ls', 'watch -n 5 aws x y', 'docker exec -it ls awslocal x y', 'aws-vault exec p -- aws x y',
    'X=$( \\', '2. The team\'s list:', '[ "$n" != "0" ] && echo', 'aws x y [--a <value>]', '>> --b 2', 'aws x ^', '--qualifier $LATEST',
  ),
);
const blockOptions = fc.record<BlockReadOptions>({ transcript: fc.boolean(), dialect: fc.constantFrom('bash', 'powershell', 'cmd') }, { requiredKeys: [] });

/** A point's offset agrees with its line and column, and it stands inside the document. */
function expectConsistent(document: string, point: Point): void {
  expect(point.offset).toBeGreaterThanOrEqual(0);
  expect(point.offset).toBeLessThanOrEqual(document.length);
  const lineStart = document.split('\n').slice(0, point.line - 1).join('\n').length + (point.line > 1 ? 1 : 0);
  expect(lineStart + point.column - 1).toBe(point.offset);
}

describe('shell reader properties', () => {
  test('never throws on arbitrary text, and its words stand where their raw text is', () => {
    fc.assert(
      fc.property(shellText, (text) => {
        const { document, lines } = indentedBlock(text);
        const command = readShellCommand(lines);
        for (const word of [...command.words, ...command.intendedWords]) {
          expect(document.slice(word.start.offset, word.end.offset).replaceAll('\n    ', '\n')).toBe(word.raw);
        }
        splitCommands(lines);
      }),
      { numRuns: 2000 },
    );
  });

  test('for commands built from randomly quoted words, argv equals the words', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(separator, quotedWord), { maxLength: 8 }), (parts) => {
        const text = 'aws' + parts.map(([gap, word]) => gap + word.written).join('');
        const command = readShellCommand(indentedBlock(text).lines);
        expect(command.argv).toEqual(['aws', ...parts.map(([, word]) => word.value)]);
        expect(command.issues.filter((issue) => issue.kind !== 'continuation-in-single-quotes')).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  test('re-joining the displayed lines reproduces the source, for a command and for a split block', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(shellText, fc.constantFrom('aws s3 ls', '$ aws x y \\', '    --a 1')), { maxLength: 6 }), (pieces) => {
        const source = pieces.join('\n');
        const { lines } = indentedBlock(source);
        expect(readShellCommand(lines).text).toBe(source);
        const groups = splitCommands(lines);
        for (const group of groups) {
          const first = lines.indexOf(group[0]!);
          expect(group).toEqual(lines.slice(first, first + group.length));
          expect(readShellCommand(group).text).toBe(group.map((line) => line.text).join('\n'));
        }
      }),
      { numRuns: 1000 },
    );
  });

  test('the block reader never throws; words, unknown spans, issues and outputs stand inside the text, offsets agree with lines', () => {
    fc.assert(
      fc.property(fc.array(blockPiece, { maxLength: 8 }), blockOptions, (pieces, options) => {
        const { document, lines } = indentedBlock(pieces.join('\n'));
        const variables = new Map<string, string>();
        const commands = readCommandsInBlock(lines, { ...options, variables });
        firstAwsLine(lines, options);
        for (const { command, output } of commands) {
          const { shell } = command;
          for (const word of [...shell.words, ...shell.intendedWords]) {
            expectConsistent(document, word.start);
            expectConsistent(document, word.end);
            // A transcript's secondary prompts (`> `) inside a word are no part of it.
            const withoutPrompts = (text: string) => text.replace(/\n>(?:[ \t]|$)/gm, '\n');
            expect(withoutPrompts(document.slice(word.start.offset, word.end.offset).replaceAll('\n    ', '\n'))).toBe(withoutPrompts(word.raw));
            for (const span of word.unknown ?? []) {
              // Only an unreliable word may be empty (an unclosed quote with nothing in it), and its span with it.
              expect(0 <= span.start && span.start <= span.end && span.end <= word.value.length).toBe(true);
              if (span.start === span.end) expect(span.kind).toBe('unreliable');
            }
          }
          for (const issue of shell.issues) {
            expectConsistent(document, issue.start);
            expectConsistent(document, issue.end);
            expect(issue.start.offset!).toBeLessThanOrEqual(issue.end.offset!);
          }
          for (const line of output ?? []) expect(lines).toContain(line);
        }
      }),
      { numRuns: 1500 },
    );
  });
});
