// A new user needs no flags (#11.11): docs-harness finds botocore data by itself, names what it used in every
// report format, and `--models` or the config file's `models` always win. Runs the built CLI as a real process whose
// PATH starts with a scratch bin folder holding a fake `aws`.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { chooseModels } from '../../src/cli/models.js';
import { defaultConfig } from '../../src/cli/config.js';
import { layData, layScript } from '../support/botocore-layouts.js';
import { scratchFolder, writeUnder } from '../support/scratch.js';

const bin = path.resolve(import.meta.dirname, '../../bin/docs-harness.js');
const reportSchema = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../schemas/report.schema.json'), 'utf8')) as object;

/**
 * A repository (`repo/`, with `.git`) holding one document whose command only the fake `demo` model knows, and the AWS
 * CLI v2 installed beside it the way its installer lays it out, `bin/aws` linking to `v2/2.15.0/dist/aws`.
 */
function machine(name: string) {
  const root = scratchFolder(`models-${name}`);
  const repo = path.join(root, 'repo');
  mkdirSync(path.join(repo, '.git'), { recursive: true });
  writeUnder(repo, 'docs/demo/get-thing.rst', '**To get a thing**\n\n::\n\n    aws demo get-thing --nme a\n\nThis command produces no output.\n');
  const dist = path.join(root, 'aws-cli/v2/2.15.0/dist');
  layScript(dist, 'aws', 'exit 0');
  const installed = layData(dist, 'awscli/botocore/data');
  mkdirSync(path.join(root, 'bin'));
  symlinkSync(path.join(dist, 'aws'), path.join(root, 'bin/aws'));
  return { root, repo, installed };
}

/** The CLI in `cwd`, discovery on, the scratch bin first in its PATH. */
function run(root: string, cwd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { DOCS_HARNESS_DISCOVERY: _off, ...env } = process.env;
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd, env: { ...env, PATH: `${path.join(root, 'bin')}${path.delimiter}${env.PATH ?? ''}` } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

const unknownParameter = expect.stringMatching(/Unknown parameter '--nme'/);

describe('models found without set-up, named in every report format (#11.11)', () => {
  const { root, repo, installed } = machine('formats');
  const summary = `models: ${installed} (aws-cli 2.15.0, the AWS CLI on the PATH)`;

  it('pretty: the first line, and the found model checks the command', async () => {
    const result = await run(root, repo, ['check', 'docs']);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(summary);
    expect(lines).toContainEqual(unknownParameter);
    expect(result.code).toBe(1);
  });

  it('json: a models field, as schemas/report.schema.json describes', async () => {
    const report = JSON.parse((await run(root, repo, ['check', 'docs', '--format', 'json'])).stdout) as { models: unknown };
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(reportSchema);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.models).toEqual({ source: 'installed-cli', path: installed, version: 'aws-cli 2.15.0', summary });
  });

  it('sarif: the run properties', async () => {
    const sarif = JSON.parse((await run(root, repo, ['check', 'docs', '--format', 'sarif'])).stdout) as { runs: { properties: unknown }[] };
    expect(sarif.runs[0]!.properties).toEqual({ models: { source: 'installed-cli', path: installed, version: 'aws-cli 2.15.0', summary } });
  });

  it('junit: the test suite properties', async () => {
    const { stdout } = await run(root, repo, ['check', 'docs', '--format', 'junit']);
    expect(stdout).toContain(
      '    <properties>\n' +
        `      <property name="docs-harness.models" value="${installed}"/>\n` +
        '      <property name="docs-harness.models.version" value="aws-cli 2.15.0"/>\n' +
        '      <property name="docs-harness.models.source" value="installed-cli"/>\n' +
        `      <property name="docs-harness.models.summary" value="${summary}"/>\n` +
        '    </properties>\n',
    );
  });

  it('html: a line under the title', async () => {
    const { stdout } = await run(root, repo, ['check', 'docs', '--format', 'html']);
    expect(stdout).toContain(`<p class="models">${summary}</p>`);
  });

  it('github: a notice of its own', async () => {
    const { stdout } = await run(root, repo, ['check', 'docs', '--format', 'github']);
    expect(stdout.split('\n')[0]).toBe(`::notice title=docs-harness models::${summary}`);
  });
});

describe('which models win (#11.11)', () => {
  it('an aws-cli checkout holding the files comes before the installed CLI, shown relative to the working folder', async () => {
    const { root, repo } = machine('checkout');
    writeUnder(repo, 'awscli/__init__.py', "__version__ = '2.27.50'\n");
    layData(repo, 'awscli/botocore/data');
    const { stdout } = await run(root, repo, ['check', 'docs']);
    expect(stdout.split('\n')[0]).toBe('models: awscli/botocore/data (aws-cli 2.27.50, the aws-cli checkout holding the checked files)');
  });

  it("--models wins over everything found, the config file's models over discovery", async () => {
    const { root, repo } = machine('precedence');
    layData(repo, 'awscli/botocore/data');
    layData(repo, 'vendor/config-models');
    layData(repo, 'vendor/flag-models');
    writeUnder(repo, 'docs-harness.config.json', '{ "models": "vendor/config-models" }');
    expect((await run(root, repo, ['check', 'docs'])).stdout.split('\n')[0]).toBe("models: vendor/config-models (the config file's models)");
    const flagged = await run(root, repo, ['check', 'docs', '--models', 'vendor/flag-models']);
    expect(flagged.stdout.split('\n')[0]).toBe('models: vendor/flag-models (--models)');
    expect(flagged.stdout.split('\n')).toContainEqual(unknownParameter);
  });

  it('a broken candidate is skipped with a note, and the next one used', async () => {
    const { root, repo, installed } = machine('broken');
    mkdirSync(path.join(repo, 'awscli/botocore/data/demo'), { recursive: true });
    const lines = (await run(root, repo, ['check', 'docs'])).stdout.split('\n');
    expect(lines.slice(0, 2)).toEqual([
      `models: ${installed} (aws-cli 2.15.0, the AWS CLI on the PATH)`,
      'models: skipped awscli/botocore/data (an aws-cli checkout): models folder holds no service-2.json files',
    ]);
  });

  it('with none found: the embedded model, said so, and one info per service it lacks', async () => {
    const root = scratchFolder('models-none');
    mkdirSync(path.join(root, 'bin'));
    const chosen = await chooseModels(defaultConfig(root), {
      fromFlag: false,
      paths: [root],
      cwd: root,
      env: { PATH: path.join(root, 'bin') },
      discovery: { debianPackages: path.join(root, 'dist-packages') },
    });
    expect(chosen.used).toEqual({
      source: 'embedded',
      summary:
        'models: none found (no aws-cli checkout holding the files, AWS CLI, Python botocore or Debian awscli package): ' +
        'the embedded cognito-idp model only; install the AWS CLI or pass --models DIR',
    });
    expect(chosen.models.serviceNames()).toEqual(['cognito-idp']);
    expect(chosen.dir).toBeUndefined();
  });
});
