import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';

// The Markdown conformance folder: documents written the way tutorials, READMEs and runbooks write `aws` commands,
// each beside the exact findings a maintainer should see (`<name>.expected`) and, where reading is the point, the
// commands and outputs `extract` must find (`<name>.extract.json`). All run through the real CLI.
const folder = path.join(import.meta.dirname, 'markdown');
const documents = readdirSync(folder)
  .filter((name) => name.endsWith('.md') && name !== 'README.md')
  .sort();
const sibling = (document: string, extension: string) => path.join(folder, document.replace(/\.md$/, extension));

interface ReportedMessage {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}
interface ReportedFile {
  path: string;
  messages: ReportedMessage[];
}
interface ExtractedExample {
  commands: { line: number }[];
  outputs: { line: number }[];
}

/** One finding as the `.expected` files write it: `line:col-endLine:endCol  severity  rule-id  message`. */
const formatMessage = (m: ReportedMessage) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn}  ${m.severity}  ${m.ruleId}  ${m.message}`;

/** The findings a `.expected` file lists: blank lines and `#` comments (which say why) left out. */
function expectedFindings(document: string): string[] {
  return readFileSync(sibling(document, '.expected'), 'utf8')
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

async function runJson<T>(args: string[]): Promise<{ code: number; json: T }> {
  const result = await runCli([...args, '--format', 'json']);
  expect(result.stderr).toBe('');
  return { code: result.code, json: JSON.parse(result.stdout) as T };
}

/**
 * Every command and every output of a document in order, however it splits into examples (which these documents do
 * not pin down); each output names the line of the command it belongs to: in `extract`, the one before it in its
 * example.
 */
function commandsAndOutputs(examples: ExtractedExample[]): { commands: unknown[]; outputs: unknown[] } {
  return {
    commands: examples.flatMap((example) => example.commands),
    outputs: examples.flatMap((example) =>
      example.outputs.map((output) => ({ ...output, command: example.commands.filter((command) => command.line < output.line).at(-1)?.line ?? null })),
    ),
  };
}

/**
 * `actual` cut down to the keys `expected` names (recursively; arrays keep their own length), so that comparing it
 * with `expected` checks just those fields and a mismatch shows as a readable diff of them.
 */
function projectOnto(expected: unknown, actual: unknown): unknown {
  if (Array.isArray(expected) && Array.isArray(actual)) return actual.map((item, index) => projectOnto(expected[index], item));
  if (isObject(expected) && isObject(actual)) {
    return Object.fromEntries(Object.keys(expected).filter((key) => key in actual).map((key) => [key, projectOnto(expected[key], actual[key])]));
  }
  return actual;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

describe('Markdown conformance documents', () => {
  it('are there, each with its expected findings', () => {
    expect(documents.length).toBeGreaterThan(0);
    for (const document of documents) expect(existsSync(sibling(document, '.expected')), document).toBe(true);
  });

  it.each(documents)('check %s gives exactly the expected findings', async (document) => {
    const { code, json } = await runJson<{ files: ReportedFile[] }>(['check', path.join(folder, document)]);
    const expected = expectedFindings(document);
    expect(json.files.flatMap((file) => file.messages).map(formatMessage).join('\n')).toBe(expected.join('\n'));
    expect(code).toBe(expected.some((line) => /^\S+ {2}error {2}/.test(line)) ? 1 : 0);
  });

  it('checking the whole folder reports each document as alone, and nothing about the other files', async () => {
    // A folder of guides is no aws-cli example tree: its README and data files are no "file-name" findings.
    const { json } = await runJson<{ files: ReportedFile[] }>(['check', folder]);
    const reported = json.files.filter((file) => file.messages.length > 0).map((file) => [path.basename(file.path), file.messages.map(formatMessage)]);
    const expected = documents.map((document) => [document, expectedFindings(document)]).filter(([, findings]) => findings!.length > 0);
    expect(Object.fromEntries(reported)).toEqual(Object.fromEntries(expected));
  });

  const withExtract = documents.filter((document) => existsSync(sibling(document, '.extract.json')));
  it.each(withExtract)('extract %s reads the commands and outputs as the author wrote them', async (document) => {
    const expected: unknown = JSON.parse(readFileSync(sibling(document, '.extract.json'), 'utf8'));
    const { json } = await runJson<{ files: { examples: ExtractedExample[] }[] }>(['extract', path.join(folder, document)]);
    expect(projectOnto(expected, commandsAndOutputs(json.files[0]!.examples))).toEqual(expected);
  });
});
