import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseDocument } from '../../src/document/index.js';
import { documentFromText } from '../../src/document/read.js';
import { SourceText } from '../../src/document/source.js';
import type { Point, Position } from '../../src/document/types.js';
import { analyzeVFile } from '../../src/pipeline.js';
import { documentRules } from '../../src/rules/index.js';
import { codeNodes, positionProblems } from '../document/support.js';

/** Text with the characters Markdown and the shell care about, control characters and non-ASCII. */
const noise = fc.string({
  unit: fc.oneof(fc.constantFrom(...'`~>*-_#$\\\'"{}[]():,.<>|&;\t \u0000\u0007\u001b\u00a0\u2026\u2014\r'.split('')), fc.string({ unit: 'grapheme', maxLength: 1 })),
  maxLength: 40,
});
const command = fc.constantFrom(
  'aws cognito-idp list-groups --user-pool-id us-west-2_EXAMPLE',
  'aws s3 ls s3://bucket \\\n    --recursive',
  '$ aws sts get-caller-identity',
  'PS C:\\> aws s3 ls `\n    --recursive',
  'export POOL_ID=us-west-2_EXAMPLE',
  'TOKEN=$(aws cognito-idp initiate-auth --auth-flow USER_PASSWORD_AUTH --client-id <client-id> --query AuthenticationResult.AccessToken --output text)',
  'awslocal sqs list-queues | jq .',
  "aws x y --json '{\"a\": 1",
);
const json = fc.oneof(
  fc.json().map((value) => JSON.stringify(JSON.parse(value), null, 2)),
  fc.constantFrom('{\n  "A": 1,\n  ...', '[\n  …\n]', '{"A": }', '{\n  "A": [1, 2,]\n}', '{'),
);
const body = fc.oneof(command, json, noise, fc.tuple(command, json).map(([first, second]) => `${first}\n${second}`));
const language = fc.constantFrom('', 'bash', 'sh', 'console', 'shell-session', 'powershell', 'pwsh', 'cmd', 'bat', 'json', 'yaml', 'text', 'output', 'python', 'bash title="Output"', 'json {1,3}');
const introducer = fc.constantFrom(
  'Output:', '**Output:**', '**Example output**', '**Response**', 'Response:', 'The command returns the following:', 'You should see:',
  'Create a file named `policy.json` with the following content:', 'The request body:', 'Run `aws s3 ls --recursive` first.', 'Run `` aws s3 ls ``.',
);

/** A fence, with its container: a list item, a block quote, both, or none. */
const fenced = fc
  .record({ language, body, marker: fc.constantFrom('```', '~~~', '````'), container: fc.constantFrom('', 'list', 'ordered', 'quote', 'list-quote', 'tab'), closed: fc.boolean() })
  .map(({ language: info, body: content, marker, container, closed }) => {
    const lines = [`${marker}${info}`, ...content.split('\n'), ...(closed ? [marker] : [])];
    switch (container) {
      case 'list':
        return lines.map((line, index) => (index === 0 ? `- ${line}` : `  ${line}`)).join('\n');
      case 'ordered':
        return `1. Step:\n\n${lines.map((line) => `   ${line}`).join('\n')}`;
      case 'quote':
        return lines.map((line) => `> ${line}`).join('\n');
      case 'list-quote':
        return lines.map((line, index) => (index === 0 ? `- > ${line}` : `  > ${line}`)).join('\n');
      case 'tab':
        return `-\tItem\n\n${lines.map((line) => `\t${line}`).join('\n')}`;
      default:
        return lines.join('\n');
    }
  });
const indentedCode = body.map((content) => content.split('\n').map((line) => `    ${line}`).join('\n'));
const block = fc.oneof(
  fenced,
  fenced,
  indentedCode,
  introducer,
  noise,
  fc.constantFrom('# Example 1: To list', '## Output', '### Result', '**Example 2: To create**', '**Output groups**'),
  command.map((text) => `\`${text.split('\n')[0]}\``),
);
const markdown = fc
  .tuple(fc.array(block, { maxLength: 12 }), fc.constantFrom('\n\n', '\n', '\r\n\r\n'))
  .map(([blocks, separator]) => blocks.join(separator));

describe('Markdown documents of any shape', () => {
  test('no throw; code lines, examples, commands, outputs and findings stay inside the document', async () => {
    await fc.assert(
      fc.asyncProperty(markdown, async (text) => {
        const { file, problem } = documentFromText('docs/guide.md', text);
        const value = String(file.value);
        const { tree } = parseDocument(file);
        expect(positionProblems(tree, value)).toEqual([]);
        // Each line holds what CommonMark says the block holds (a TAB only partly taken by the indentation aside).
        for (const code of codeNodes(tree)) {
          const valueLines = code.value === '' ? [] : code.value.split('\n');
          const partlyTaken = (text: string, expected: string) => {
            const rest = text.slice(1);
            const indent = (line: string) => /^ */.exec(line)![0].length;
            return text.startsWith('\t') && expected.trimStart() === rest.trimStart() && indent(expected) > indent(rest);
          };
          expect(code.data!.lines!.map((line, index) => (partlyTaken(line.text, valueLines[index] ?? '') ? valueLines[index] : line.text))).toEqual(valueLines);
        }
        const result = await analyzeVFile('docs/guide.md', file, problem, { rules: documentRules, treeRoot: '.' });
        const source = new SourceText(value);
        const problems: string[] = [];
        const point = (at: Point, what: string) => {
          const offset = at.offset ?? -1;
          const expected = source.point(Math.max(0, Math.min(offset, value.length)));
          if (offset < 0 || offset > value.length || expected.line !== at.line || expected.column !== at.column) problems.push(`${what} at ${at.line}:${at.column} (${offset})`);
        };
        const span = (position: Position, what: string) => {
          point(position.start, `${what} start`);
          point(position.end, `${what} end`);
          if (position.start.offset! > position.end.offset!) problems.push(`${what} ends before it starts`);
        };
        for (const example of result.document.examples) {
          span(example.position, 'example');
          for (const read of example.commands) {
            span(read.shell.position, 'command');
            for (const word of read.words) span({ start: word.start, end: word.end }, 'word');
          }
          for (const output of example.outputs) {
            span(output.position, 'output');
            for (const line of output.lines) if (value.slice(line.offset, line.offset + line.text.length) !== line.text) problems.push(`output line ${line.line} differs from the source`);
          }
        }
        for (const unclaimed of result.document.unclaimed ?? []) span(unclaimed.position, 'unclaimed block');
        // A document with a NUL is no text: it is checked as empty, and unreadable-file names the line and byte as written.
        for (const finding of result.findings) if (problem === undefined) span(finding, `${finding.ruleId} finding`);
        if (problem !== undefined) expect(result.findings.map((finding) => finding.ruleId)).toEqual(['unreadable-file']);
        expect(problems).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
