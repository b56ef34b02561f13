// Broken service models and corrupt caches (#11.8): a cache entry that is not what was written is a miss and is
// rewritten; a broken model gives findings on its own service's commands, and every other file is still reported.
// Run on its own with `npx vitest run test/hostile`.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { embeddedSchemasDir } from '../../src/model/load.js';
import { runCli } from '../cli/run-cli.js';
import { scratchFolder } from '../support/scratch.js';

const scratch = scratchFolder('hostile-models');

function write(relative: string, content: string): string {
  const file = path.join(scratch, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

/** A small botocore-style model: `aws <service> get-thing --name N` answers a Thing, which may hold Things. */
function model(shapes: Record<string, unknown>): string {
  return JSON.stringify({
    metadata: { apiVersion: '2020-01-01', endpointPrefix: 'demo', protocol: 'json', serviceId: 'Demo', jsonVersion: '1.1', targetPrefix: 'Demo' },
    operations: { GetThing: { name: 'GetThing', http: { method: 'POST', requestUri: '/' }, input: { shape: 'GetThingRequest' }, output: { shape: 'Thing' } } },
    shapes: {
      GetThingRequest: { type: 'structure', required: ['Name'], members: { Name: { shape: 'String' } } },
      String: { type: 'string' },
      ...shapes,
    },
  });
}
// Recursive shapes are legal (botocore has them): a structure holding itself, and a list of lists.
const recursive = { Thing: { type: 'structure', members: { Name: { shape: 'String' }, Child: { shape: 'Thing' }, Nested: { shape: 'Nested' } } }, Nested: { type: 'list', member: { shape: 'Nested' } } };
write('models/cognito-idp/2016-04-18/service-2.json', readFileSync(path.join(embeddedSchemasDir(), 'cognito-idp.model.json'), 'utf8'));
write('models/recursive/2020-01-01/service-2.json', model(recursive));
write('models/missing/2020-01-01/service-2.json', model({ Thing: { type: 'structure', members: { Name: { shape: 'Absent' } } } }));
write('models/broken/2020-01-01/service-2.json', model(recursive).slice(0, 100));

const document = (service: string, name = 'demo') =>
  `**To get a thing**\n\n::\n\n    aws ${service} get-thing --name ${name}\n\nOutput::\n\n    {"Name": "a", "Child": {"Name": "b", "Child": {"Colour": "red"}}, "Nested": [[[]], [[[]]]]}\n`;
write('tree/recursive/get-thing.rst', document('recursive'));
write('tree/missing/get-thing.rst', document('missing'));
write('tree/broken/get-thing.rst', document('broken'));
write('tree/cognito-idp/delete-group.rst', '**To delete a group**\n\n::\n\n    aws cognito-idp delete-group --user-pool-id us-west-2_EXAMPLE --group-nme admins\n\nThis command produces no output.\n');
// The working folder has a node_modules, so the model digests are cached in it.
mkdirSync(path.join(scratch, 'node_modules'));

interface Report {
  files: { path: string; messages: { ruleId: string; severity: string; line: number; column: number; message: string }[] }[];
}

async function check(...extra: string[]): Promise<Report> {
  const result = await runCli(['check', '--models', 'models', '--format', 'json', ...extra], scratch);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(1);
  return JSON.parse(result.stdout) as Report;
}

const findings = (report: Report, folder: string) =>
  report.files.find((file) => file.path === `tree/${folder}/get-thing.rst` || file.path === `tree/${folder}/delete-group.rst`)!.messages.map((m) => `${m.line}:${m.column} ${m.severity} ${m.ruleId} ${m.message}`);

describe('a broken service model (#11.8)', () => {
  it("gives a finding on that service's commands, and every other file is reported", async () => {
    const report = await check('tree');
    expect(findings(report, 'broken')).toEqual([
      expect.stringMatching(/^5:9 warning not-validated The model of 'broken' cannot be used \(broken JSON in models\/broken\/2020-01-01\/service-2\.json: [^\n]+\): the command is not checked\.$/),
    ]);
    expect(findings(report, 'missing')).toEqual([
      "5:9 warning not-validated The model of 'missing' cannot be used (broken model in models/missing/2020-01-01/service-2.json: shape Thing names shape 'Absent', which the model lacks): the command is not checked.",
    ]);
    // Recursive shapes are checked like any other: the unknown member two levels down is found.
    expect(findings(report, 'recursive')).toEqual([expect.stringMatching(/^9:52 error output-schema \/Child\/Child\/Colour: unknown key 'Colour'/)]);
    expect(findings(report, 'cognito-idp')).toContainEqual(expect.stringMatching(/^5:67 error unknown-parameter Unknown parameter '--group-nme'/));
  });

  it('replays the other files', async () => {
    const result = await runCli(['replay', 'tree', '--models', 'models', '--target', 'mock', '--format', 'json'], scratch);
    expect(result.stderr).not.toMatch(/internal error/);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.files).toHaveLength(4);
    expect(findings(report, 'broken')).toContainEqual(expect.stringMatching(/not-validated The model of 'broken' cannot be used/));
  });
});

describe('a corrupt cache entry (#11.8)', () => {
  // Services whose models are sound: only the caches are broken here.
  const sound = ['tree/cognito-idp', 'tree/recursive'];

  it('of a model digest is a miss, and is rewritten', async () => {
    const before = await check(...sound);
    const cacheDir = path.join(scratch, 'node_modules/.cache/docs-harness/models');
    const files = readdirSync(cacheDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
    expect(files.map((file) => path.basename(file)).sort()).toEqual(['cognito-idp.json', 'recursive.json']);
    const originals = files.map((file) => readFileSync(file, 'utf8'));
    for (const corrupt of [(text: string) => text.slice(0, text.length / 2), (text: string) => `${text.split('\n')[0]}\n{"metadata": {}, "operations": {}}`]) {
      files.forEach((file, index) => writeFileSync(file, corrupt(originals[index]!)));
      expect(await check(...sound)).toEqual(before);
      expect(files.map((file) => readFileSync(file, 'utf8'))).toEqual(originals);
    }
  });

  it('of a result is a miss, and is rewritten', async () => {
    const location = path.join(scratch, 'results');
    const before = await check(...sound, '--cache', '--cache-location', location);
    const [name] = readdirSync(location);
    const file = path.join(location, name!);
    const original = readFileSync(file, 'utf8');
    const entries = JSON.parse(original) as Record<string, { findings: unknown[] }>;
    const wrongFindings = Object.fromEntries(Object.entries(entries).map(([key, entry]) => [key, { ...entry, findings: [{ ruleId: 'x' }] }]));
    for (const corrupt of [original.slice(0, original.length / 2), 'null', '[]', JSON.stringify(wrongFindings)]) {
      writeFileSync(file, corrupt);
      expect(await check(...sound, '--cache', '--cache-location', location), corrupt.slice(0, 20)).toEqual(before);
    }
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(entries);
  });
});
