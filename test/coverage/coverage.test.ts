import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { CoverageReport } from '../../src/coverage/index.js';
import { loadEmbeddedModel } from '../../src/model/load.js';
import { runCli } from '../cli/run-cli.js';
import { scratchFolder, writeUnder } from '../support/scratch.js';

const scratch = scratchFolder('coverage');
const write = (relative: string, content: string) => writeUnder(scratch, relative, content);

const schema = (name: string) => JSON.parse(readFileSync(new URL(`../../schemas/${name}`, import.meta.url), 'utf8')) as object;
// The models object is the check report's: the coverage schema refers to it there.
const validate = new Ajv2020({ allErrors: true, strict: true }).addSchema(schema('report.schema.json')).compile(schema('coverage.schema.json'));

/** A botocore service-2 model: operations with input and output members, every shape a string unless named. */
function serviceModel(operations: Record<string, { input?: string[]; output?: string[] }>) {
  const shapes: Record<string, unknown> = { Text: { type: 'string' } };
  const ops: Record<string, unknown> = {};
  for (const [name, { input, output }] of Object.entries(operations)) {
    const members = (list: string[]) => Object.fromEntries(list.map((member) => [member, { shape: 'Text' }]));
    if (input) shapes[`${name}Request`] = { type: 'structure', members: members(input) };
    if (output) shapes[`${name}Response`] = { type: 'structure', members: members(output) };
    ops[name] = { name, http: { method: 'POST', requestUri: '/' }, ...(input ? { input: { shape: `${name}Request` } } : {}), ...(output ? { output: { shape: `${name}Response` } } : {}) };
  }
  return JSON.stringify({ version: '2.0', metadata: { apiVersion: '2020-01-01', endpointPrefix: 'demo', protocol: 'json', jsonVersion: '1.1', serviceId: 'Demo', targetPrefix: 'Demo' }, operations: ops, shapes });
}

// `demo`: CreateThing and ZapThing are new since 2019-01-01; ListThings pages; two waiters. `emr`: the CLI's
// own `describe-cluster` replaces the operation. `broken`: a model that does not parse.
const models = path.join(scratch, 'models');
const thing = { input: ['ThingId', 'Verbose'], output: ['Thing', 'Status'] };
writeUnder(models, 'demo/2019-01-01/service-2.json', serviceModel({ AbortThing: {}, DeleteThing: thing, DescribeThing: thing, ListThings: {} }));
writeUnder(models, 'demo/2020-01-01/service-2.json', serviceModel({ AbortThing: {}, CreateThing: thing, DeleteThing: thing, DescribeThing: thing, ListThings: { input: ['Filter', 'NextToken', 'MaxResults'], output: ['Things', 'NextToken'] }, ZapThing: {} }));
writeUnder(models, 'demo/2020-01-01/paginators-1.json', JSON.stringify({ pagination: { ListThings: { input_token: 'NextToken', output_token: 'NextToken', limit_key: 'MaxResults', result_key: 'Things' } } }));
writeUnder(models, 'demo/2020-01-01/waiters-2.json', JSON.stringify({ version: 2, waiters: { ThingExists: { operation: 'DescribeThing', delay: 5, maxAttempts: 3, acceptors: [] }, ThingGone: { operation: 'DescribeThing', delay: 5, maxAttempts: 3, acceptors: [] } } }));
writeUnder(models, 'emr/2009-03-31/service-2.json', serviceModel({ DescribeCluster: { input: ['ClusterId'], output: ['Cluster'] }, ListClusters: {} }));
writeUnder(models, 'broken/2020-01-01/service-2.json', '{ "operations": ');
writeUnder(models, 'unused/2020-01-01/service-2.json', serviceModel({ Ping: {} }));

function example(command: string, output?: string): string {
  const shown = output === undefined ? 'This command produces no output.\n' : `Output::\n\n${output.replace(/^/gm, '    ')}\n`;
  return `**To run a command**\n\nThe following example runs a command. ::\n\n    ${command}\n\n${shown}`;
}

const tree = path.join(scratch, 'tree');
// Three examples: an output that shows one member, one that is not JSON, one shaped by --query.
writeUnder(
  tree,
  'demo/describe-thing.rst',
  [
    example('aws demo describe-thing --thing-id t-1', '{\n    "Thing": "t-1"\n}'),
    example('aws demo describe-thing --thing-id t-2', '{\n    "Thing": "t-2",\n    "Status": \n'),
    example('aws demo describe-thing --thing-id t-3 --query Status', '"ACTIVE"'),
  ].join('\n'),
);
writeUnder(tree, 'demo/list-things.rst', example('aws demo list-things --max-items 1', '{\n    "Things": ["t-1"],\n    "NextToken": "abc"\n}'));
writeUnder(tree, 'demo/delete-thing.rst', example('aws demo describe-thing --cli-input-json \'{"ThingId": "t-4", "Verbose": "yes"}\''));
writeUnder(tree, 'demo/wait/thing-exists.rst', example('aws demo wait thing-exists --thing-id t-1'));
writeUnder(tree, 'emr/describe-cluster.rst', example('aws emr describe-cluster --cluster-id j-1', '{\n    "Cluster": {}\n}'));
writeUnder(tree, 'ec2/describe-instances.rst', example('aws ec2 describe-instances'));
writeUnder(tree, 'broken/do-thing.rst', example('aws broken do-thing'));
writeUnder(tree, 'notaservice/do-it.rst', example('aws notaservice do-it'));

async function coverageJson(args: string[], cwd = scratch): Promise<{ code: number; report: CoverageReport; stderr: string }> {
  const { code, stdout, stderr } = await runCli(['coverage', ...args, '--format', 'json'], cwd);
  const report = JSON.parse(stdout) as CoverageReport;
  expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  return { code, report, stderr };
}

describe('coverage of a fixture tree', () => {
  it('lists covered and uncovered operations per service, new operations first', async () => {
    const { code, report } = await coverageJson([tree, '--models', models]);
    expect(code).toBe(0);
    expect(report.models).toEqual({ source: 'flag', path: 'models', summary: 'models: models (--models)' });
    expect(report.files).toBe(8);
    expect(report.services.map((service) => service.service)).toEqual(['demo', 'emr']);
    const demo = report.services[0]!;
    expect(demo).toMatchObject({
      apiVersion: '2020-01-01',
      previousApiVersion: '2019-01-01',
      operations: 6,
      covered: ['describe-thing', 'list-things'],
      uncovered: ['create-thing', 'zap-thing', 'abort-thing', 'delete-thing'],
      newOperations: ['create-thing', 'zap-thing'],
      percent: 33.33,
      files: 4,
      commands: 6,
    });
    expect(report.totals).toEqual({ services: 2, operations: 8, covered: 3, percent: 37.5 });
  });

  it('counts the input members examples pass and the output members documented outputs show', async () => {
    const { report } = await coverageJson([tree, '--models', models]);
    const demo = report.services.find((service) => service.service === 'demo')!;
    // --cli-input-json passes Verbose; the broken output and the --query output are not read.
    expect(demo.details['describe-thing']).toEqual({
      commands: 4,
      files: 2,
      input: { members: 2, passed: 2, neverPassed: [] },
      output: { members: 2, shown: 1, neverShown: ['Status'], outputsRead: 1, outputsSkipped: 2 },
    });
    // The CLI hides the paginator's token and page size, and merges pages: NextToken is no member to document.
    expect(demo.details['list-things']).toEqual({
      commands: 1,
      files: 1,
      input: { members: 1, passed: 0, neverPassed: ['--filter'] },
      output: { members: 1, shown: 1, neverShown: [], outputsRead: 1, outputsSkipped: 0 },
    });
    expect(demo.paginators).toEqual({ total: 1, withoutExample: [] });
    expect(demo.waiters).toEqual({ total: 2, withoutExample: ['thing-gone'] });
    const emr = report.services.find((service) => service.service === 'emr')!;
    expect(emr.covered).toEqual(['describe-cluster']);
    expect(emr.details['describe-cluster']).toMatchObject({ customized: true, output: { outputsRead: 0, outputsSkipped: 1 } });
  });

  it('lists services without a model and files named after another command, without counting them', async () => {
    const { report } = await coverageJson([tree, '--models', models]);
    expect(report.servicesWithoutModel).toEqual([
      { service: 'broken', reason: expect.stringMatching(/^its model cannot be used: broken JSON in .*service-2\.json/), files: 1, commands: 1 },
      { service: 'ec2', reason: 'the models used have none for it (pass --models DIR)', files: 1, commands: 1 },
      { service: 'notaservice', reason: 'not a service the AWS CLI knows', files: 1, commands: 1 },
    ]);
    expect(report.fileMismatches).toEqual([{ file: 'tree/demo/delete-thing.rst', line: 5, column: 9, documented: 'aws demo delete-thing', runs: 'aws demo describe-thing' }]);
  });

  it('says which paginators no example pages through, and lists every service of the models with --all-services', async () => {
    const { report } = await coverageJson([path.join(tree, 'demo/describe-thing.rst'), '--models', models, '--all-services']);
    expect(report.services.map((service) => [service.service, service.covered.length, service.operations])).toEqual([
      ['demo', 1, 6],
      ['emr', 0, 2],
      ['unused', 0, 1],
    ]);
    expect(report.services[0]!.paginators).toEqual({ total: 1, withoutExample: ['list-things'] });
    expect(report.services[0]!.waiters.withoutExample).toEqual(['thing-exists', 'thing-gone']);
    expect(report.servicesWithoutModel.map((service) => [service.service, service.files])).toEqual([['broken', 0]]);
  });

  it('prints a per-service table with a bar, and the details of a few services', async () => {
    const { code, stdout } = await runCli(['coverage', tree, '--models', models], scratch);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^models: models \(--models\)\nservice +covered +total +%\n/);
    expect(stdout).toMatch(/\ndemo +2 +6 +33\.3% +\[#{7}\.{13}\]\n/);
    expect(stdout).toMatch(/\nall 2 services +3 +8 +37\.5% +\[#{8}\.{12}\]\n/);
    expect(stdout).toContain('  uncovered (4): create-thing (new since 2019-01-01), zap-thing (new since 2019-01-01), abort-thing,\n      delete-thing\n');
    expect(stdout).toContain('  describe-thing: input 2/2; output 1/2\n    never shown: Status\n  list-things: input 0/1; output 1/1\n    never passed: --filter\n');
    expect(stdout).toContain('  describe-cluster: a CLI customization replaces the operation: its input and output are not read\n');
    expect(stdout).toContain('  waiters without an example (aws demo wait ...): thing-gone\n');
    expect(stdout).toContain("  tree/demo/delete-thing.rst:5:9  documents 'aws demo delete-thing' but runs 'aws demo describe-thing'\n");
    expect(stdout).toContain('  ec2: the models used have none for it (pass --models DIR) (1 command in 1 file)\n');
    expect(stdout.endsWith('8 files: 3 of 8 operations covered (37.5%)\n')).toBe(true);
  });
});

describe('coverage --format html', () => {
  it('is the HTML report with a coverage column, card and section, and no finding sections (no rule runs)', async () => {
    const { code, stdout } = await runCli(['coverage', tree, '--models', models, '--format', 'html'], scratch);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^<!doctype html>/);
    expect(stdout).toContain('<title>docs-harness coverage report</title>');
    expect(stdout).toContain('<dt>operations covered</dt><dd>3 / 8 (37.5%)</dd>');
    expect(stdout).toContain('33.3% (2/6)');
    expect(stdout).toContain('<li><code>create-thing (new since 2019-01-01)</code></li>');
    expect(stdout).toContain('<summary><code>demo</code>: 2 of 6 operations (33.3%), 4 without an example</summary>');
    expect(stdout).toContain('tree/demo/delete-thing.rst:5:9: documents <code>aws demo delete-thing</code> but runs <code>aws demo describe-thing</code>');
    expect(stdout).not.toContain('id="findings"');
    expect(stdout).not.toContain('errors</dt>');
  });

  it('escapes what documents put in it', async () => {
    write('hostile/demo/do-it.rst', example('aws "<script>alert(1)</script>" do-it'));
    const { stdout } = await runCli(['coverage', path.join(scratch, 'hostile'), '--models', models, '--format', 'html'], scratch);
    expect(stdout).toContain('<code>&lt;script&gt;alert(1)&lt;/script&gt;</code>: not a service the AWS CLI knows');
    expect(stdout).not.toContain('<script>alert');
  });
});

describe('coverage thresholds', () => {
  it('exits 1 below --min-coverage and 0 at or above it, saying so', async () => {
    const below = await runCli(['coverage', tree, '--models', models, '--min-coverage', '37.6'], scratch);
    expect(below.code).toBe(1);
    expect(below.stdout).toContain('FAILED: coverage 37.5% is below the minimum of 37.6% (--min-coverage)\n');
    const met = await coverageJson([tree, '--models', models, '--min-coverage', '37.5%']);
    expect(met.code).toBe(0);
    expect(met.report.thresholds).toEqual([{ scope: 'selection', source: 'flag', minimum: 37.5, percent: 37.5, met: true }]);
  });

  it('reads a minimum per service from the config file, and notes one it cannot check', async () => {
    const project = path.join(scratch, 'project');
    writeUnder(project, 'docs-harness.config.json', JSON.stringify({ models: '../models', coverage: { minimum: 10, services: { demo: 50, emr: 50, s3: 20 } } }));
    const { code, report } = await coverageJson(['../tree'], project);
    expect(code).toBe(1);
    expect(report.thresholds).toEqual([
      { scope: 'selection', source: 'config', minimum: 10, percent: 37.5, met: true },
      { scope: 'service', service: 'demo', source: 'config', minimum: 50, percent: 33.33, met: false },
      { scope: 'service', service: 'emr', source: 'config', minimum: 50, percent: 50, met: true },
    ]);
    expect(report.notes).toContain("coverage minimum for 's3' not checked: no checked document uses it");
  });

  it.each([['abc'], ['101'], ['-5']])('refuses --min-coverage %s with a usage error', async (value) => {
    expect(await runCli(['coverage', tree, '--models', models, `--min-coverage=${value}`], scratch)).toEqual({
      code: 2,
      stdout: '',
      stderr: `docs-harness: --min-coverage takes a percentage from 0 to 100, not '${value}'\n`,
    });
  });

  it('refuses a config minimum outside 0..100 in one line', async () => {
    const project = path.join(scratch, 'bad-config');
    writeUnder(project, 'docs-harness.config.json', JSON.stringify({ coverage: { services: { demo: 150 } } }));
    const result = await runCli(['coverage', '../tree'], project);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toMatch(/^docs-harness: docs-harness\.config\.json: \/coverage\/services\/demo must be <= 100\n$/);
  });
});

describe('coverage on bad input', () => {
  it('calls an empty selection a usage error unless --allow-empty', async () => {
    const empty = path.join(scratch, 'empty');
    mkdirSync(empty);
    const refused = await runCli(['coverage', empty, '--models', models], scratch);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^docs-harness: no documents found in .*; pass --allow-empty to accept an empty selection\n$/);
    const { code, report } = await coverageJson([path.join(scratch, 'empty'), '--models', models, '--allow-empty']);
    expect(code).toBe(0);
    expect(report).toMatchObject({ files: 0, totals: { services: 0, operations: 0, covered: 0, percent: null }, services: [] });
  });

  it('uses the embedded cognito-idp model without --models, and lists the services it has none for', async () => {
    write('embedded/cognito-idp/list-users.rst', example('aws cognito-idp list-users --user-pool-id us-west-2_EXAMPLE'));
    write('embedded/ec2/describe-vpcs.rst', example('aws ec2 describe-vpcs'));
    const { report } = await coverageJson([path.join(scratch, 'embedded')]);
    const operations = Object.keys(loadEmbeddedModel('cognito-idp')!.operations).length;
    expect(report.models?.source).toBe('embedded');
    expect(report.services).toHaveLength(1);
    expect(report.services[0]).toMatchObject({ service: 'cognito-idp', covered: ['list-users'], operations });
    expect(report.services[0]!.uncovered).toHaveLength(operations - 1);
    expect(report.servicesWithoutModel.map((service) => service.service)).toEqual(['ec2']);
  });

  it('reads a huge document: thousands of commands and a multi-megabyte output', async () => {
    const count = 2000;
    const examples = Array.from({ length: count }, (_, index) => example(`aws demo describe-thing --thing-id t-${index}`)).join('\n');
    const things = JSON.stringify({ Thing: 'x'.repeat(3_000_000), Status: 'ACTIVE' });
    write('huge/demo/describe-thing.rst', `${examples}\n${example('aws demo describe-thing --thing-id big --verbose v', things)}`);
    const { report } = await coverageJson([path.join(scratch, 'huge'), '--models', models]);
    expect(report.services[0]).toMatchObject({ service: 'demo', commands: count + 1, covered: ['describe-thing'] });
    expect(report.services[0]!.details['describe-thing']).toMatchObject({ commands: count + 1, input: { passed: 2 }, output: { neverShown: [], outputsRead: 1 } });
  });

  it('refuses flags coverage does not take', async () => {
    const foreign = await runCli(['coverage', tree, '--fix'], scratch);
    expect(foreign).toMatchObject({ code: 2, stderr: "docs-harness: coverage does not take --fix (see 'docs-harness coverage --help')\n" });
  });

  it('has a --help like the other commands', async () => {
    const { code, stdout } = await runCli(['coverage', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: docs-harness coverage <paths\.\.\.> \[options\]\n/);
    for (const flag of ['--models DIR', '--all-services', '--min-coverage PCT', '--allow-empty', '--format FORMAT         pretty|json|html', '--output FILE']) expect(stdout).toContain(flag);
    expect(stdout).toContain('Exit codes: 0 every coverage minimum met (or none set), 1 a minimum not met, 2 usage or internal error.');
  });
});
