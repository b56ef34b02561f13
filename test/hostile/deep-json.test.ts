// JSON (and shorthand) nested thousands deep (#11.6): a finding for that value, never a stack overflow, and every
// other file still reported. Run on its own with `npx vitest run test/hostile`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJsonText } from '../../src/document/json-text.js';
import { loadScenario } from '../../src/replay/live/scenario.js';
import { runCli } from '../cli/run-cli.js';
import { scratchFolder } from '../support/scratch.js';

const scratch = scratchFolder('hostile-deep');
/** Far deeper than any recursive walk survives. */
const DEPTH = 20_000;
const deepArray = '['.repeat(DEPTH) + ']'.repeat(DEPTH);

function write(relative: string, content: string): string {
  const file = path.join(scratch, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

const update = (options: string) =>
  `**To update attributes**\n\n::\n\n    aws cognito-idp admin-update-user-attributes --user-pool-id us-west-2_EXAMPLE --username jane ${options}\n\nThis command produces no output.\n`;

// Each document holds one value nested DEPTH deep; `expected` is the finding it gets (line:column, rule, message).
const documents: Record<string, { text: string; expected: string }> = {
  'get-user.rst': {
    // The 101st bracket: column 5, then 38 characters before the array and 99 brackets into it.
    text: `**To get a user**\n\n::\n\n    aws cognito-idp get-user --access-token eyJraEXAMPLE\n\nOutput::\n\n    {"Username": "jane", "UserAttributes": ${deepArray}}\n`,
    expected: '9:143 output-json Output is nested deeper than 100 levels: it is not checked',
  },
  'json-value.rst': {
    text: update(`--user-attributes '${deepArray}'`),
    expected: '5:117 invalid-parameter-value --user-attributes: the JSON is nested deeper than 100 levels: it is not checked.',
  },
  'shorthand-value.rst': {
    text: update(`--user-attributes Name=a,Value=${'{a='.repeat(DEPTH)}b${'}'.repeat(DEPTH)}`),
    expected: '5:117 invalid-parameter-value --user-attributes: the shorthand value is nested deeper than 100 levels: it is not checked.',
  },
  'file-value.rst': {
    text: update('--user-attributes file://attributes.json'),
    expected: '5:117 invalid-parameter-value --user-attributes: the JSON is nested deeper than 100 levels: it is not checked.',
  },
  'cli-input-json.rst': {
    text: update(`--cli-input-json '{"UserAttributes": ${deepArray}}'`),
    expected: "5:116 invalid-parameter-value '--cli-input-json': the JSON is nested deeper than 100 levels: it is not checked.",
  },
  'cli-input-file.rst': {
    text: update('--cli-input-json file://input.json'),
    expected: "5:116 invalid-parameter-value '--cli-input-json': the JSON is nested deeper than 100 levels: it is not checked.",
  },
};

const tree = path.join(scratch, 'tree');
for (const [name, { text }] of Object.entries(documents)) write(`tree/cognito-idp/${name}`, text);
write('tree/cognito-idp/attributes.json', deepArray);
write('tree/cognito-idp/input.json', `{"UserAttributes": ${deepArray}}`);
// An ordinary document beside them, with an output that update rewrites.
const ordinary = write(
  'tree/cognito-idp/create-group.rst',
  '**To create a group**\n\n::\n\n    aws cognito-idp create-group --user-pool-id us-west-2_EXAMPLE --group-name admins\n\nOutput::\n\n    {\n        "Group": {\n            "GroupName": "admins",\n            "Unknown": 1\n        }\n    }\n',
);

interface Report {
  files: { path: string; messages: { ruleId: string; line: number; column: number; message: string }[] }[];
}

function findingsOf(report: Report, name: string): string[] {
  const file = report.files.find((candidate) => candidate.path.endsWith(`/${name}`));
  expect(file, name).toBeDefined();
  return file!.messages.filter((message) => message.ruleId !== 'operation-file-mismatch').map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.message}`);
}

describe('JSON nested thousands deep (#11.6)', () => {
  for (const command of [['check'], ['replay', '--target', 'mock']]) {
    it(`${command[0]}: one finding at the value in each document, and every other file is reported`, async () => {
      const result = await runCli([...command, tree, '--format', 'json']);
      expect(result.stderr).not.toMatch(/internal error|call stack/);
      expect(result.code).toBe(1);
      const report = JSON.parse(result.stdout) as Report;
      for (const [name, { expected }] of Object.entries(documents)) expect(findingsOf(report, name), name).toContain(expected);
      expect(findingsOf(report, 'create-group.rst')).toContainEqual(expect.stringMatching(/^12:13 output-schema /));
      if (command[0] === 'replay') {
        expect(findingsOf(report, 'get-user.rst')).toContain('5:5 not-replayed output not replayed: the output is nested deeper than 100 levels');
      }
    });
  }

  it('update leaves the deep output alone, says why, and updates the other files', async () => {
    const result = await runCli(['update', tree, '--target', 'mock', '--dry-run']);
    expect(result.stderr).not.toMatch(/internal error|call stack/);
    expect(result.stderr).toMatch(/get-user\.rst:9: left untouched: the output is nested deeper than 100 levels/);
    expect(result.stdout).toContain('-            "Unknown": 1');
    expect(result.code).toBe(1);
    expect(readFileSync(ordinary, 'utf8')).toContain('"Unknown": 1');
  });

  it('extract reports every file, the deep output without a parsed value', async () => {
    const result = await runCli(['extract', tree, '--format', 'json']);
    expect(result.stderr).toBe('');
    const { files } = JSON.parse(result.stdout) as { files: { path: string; examples: { outputs: { kind: string; value?: unknown }[] }[] }[] };
    expect(files).toHaveLength(Object.keys(documents).length + 1);
    const output = files.find((file) => file.path.endsWith('get-user.rst'))!.examples[0]!.outputs[0]!;
    expect(output.kind).toBe('json');
    expect(output).not.toHaveProperty('value');
  });

  it('a config file, a baseline or a scenario nested that deep is a one-line problem, not a stack overflow', () => {
    expect(parseJsonText(`{"rules": ${deepArray}}`)).toEqual({ error: 'line 1, column 110: nested deeper than 100 levels' });
    // Broken as well as deep: the syntax error's search must not recurse either.
    expect(parseJsonText(`{"rules": ${deepArray.slice(1)}}`)).toEqual({ error: 'line 1, column 110: nested deeper than 100 levels' });
    const scenario = write('scenarios/get-user.scenario.json', `{"setup": ${deepArray}}`);
    expect(loadScenario(scenario, path.join(tree, 'cognito-idp/get-user.rst'))).toEqual({ problem: 'scenario get-user.scenario.json is nested deeper than 100 levels' });
  });
});
