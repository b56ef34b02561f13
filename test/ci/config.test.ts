import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, createPathFilter, globToRegExp, loadConfig, mergeOptions } from '../../src/cli/config.js';
import { parseJsonText } from '../../src/document/json-text.js';

const workDir = mkdtempSync(path.join(tmpdir(), 'docs-harness-config-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

let folderCount = 0;
/** A fresh folder holding a config file with `content`. */
function configFolder(content: string): string {
  const folder = path.join(workDir, `case-${folderCount++}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'docs-harness.config.json'), content);
  return folder;
}

function configErrorOf(content: string): string {
  const folder = configFolder(content);
  try {
    loadConfig(folder);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('finds the config file upward and resolves paths against its folder', () => {
    const folder = configFolder(JSON.stringify({
      $schema: './schemas/config.schema.json',
      rules: { 'shell-syntax': 'off', 'output-json': 'warning' },
      models: 'models/botocore',
      include: ['examples/**/*.rst'],
      exclude: ['examples/s3/**'],
      replay: { target: 'mock', region: 'us-east-1' },
    }));
    const nested = path.join(folder, 'examples', 'cognito-idp');
    mkdirSync(nested, { recursive: true });
    const { config, path: found } = loadConfig(nested);
    expect(found).toBe(path.join(folder, 'docs-harness.config.json'));
    expect(config).toEqual({
      root: folder,
      rules: { 'shell-syntax': 'off', 'output-json': 'warning' },
      models: path.join(folder, 'models/botocore'),
      include: ['examples/**/*.rst'],
      exclude: ['examples/s3/**'],
      replay: { target: 'mock', region: 'us-east-1' },
    });
  });

  it('gives the defaults when there is no config file up to the root', () => {
    const empty = path.join(workDir, 'no-config');
    mkdirSync(empty, { recursive: true });
    // The temp folder may sit below a folder with a config file: only assert when none is above.
    const result = loadConfig(empty);
    if (result.path === undefined) expect(result.config).toEqual({ root: empty, rules: {}, include: [], exclude: [], replay: {} });
    else expect(path.relative(result.path, empty).startsWith('..')).toBe(true);
  });

  it('loads an explicit path and says when it does not exist', () => {
    const folder = configFolder('{}');
    expect(loadConfig(workDir, path.join(folder, 'docs-harness.config.json')).config.root).toBe(folder);
    expect(() => loadConfig(folder, 'other.json')).toThrow('other.json: config file not found');
  });

  it.each([
    ['{"rules": {"shell-syntax": "warn"}}', 'docs-harness.config.json: /rules/shell-syntax must be one of off, info, warning, error'],
    ['{"rulez": {}}', 'docs-harness.config.json: /rulez is not a known option: expected one of $schema, rules, models, include, exclude, replay, coverage'],
    ['{"replay": {"target": "mock", "url": "x"}}', 'docs-harness.config.json: /replay/url is not a known option: expected one of target, endpointUrl, region'],
    ['{"rules": {"Shell_Syntax": "off"}}', 'docs-harness.config.json: /rules/Shell_Syntax is not a valid name: expected kebab-case (^[a-z][a-z0-9]*(-[a-z0-9]+)*$)'],
    ['{"include": "**/*.rst"}', 'docs-harness.config.json: /include must be an array'],
    ['{"include": [""]}', 'docs-harness.config.json: /include/0 must not be empty'],
    ['{"models": 3}', 'docs-harness.config.json: /models must be a string'],
    ['[]', 'docs-harness.config.json: the top level must be an object'],
    ['{"a\\nb": 1}', 'docs-harness.config.json: /a b is not a known option: expected one of $schema, rules, models, include, exclude, replay, coverage'],
    ['{"replay": {"target": "endpoint"}}', 'docs-harness.config.json: /replay/endpointUrl is required when /replay/target is endpoint'],
    ['{"replay": {"target": "endpoint", "endpointUrl": "localhost:9229"}}', 'docs-harness.config.json: /replay/endpointUrl must match ^https?://'],
  ])('rejects %s with an exact message', (content, message) => {
    expect(configErrorOf(content)).toBe(message);
  });

  it.each([
    ['{\n  "rules": {\n    "a": "off",\n  }\n}', 'docs-harness.config.json: invalid JSON at line 4, column 3: unexpected "}"'],
    ['{\r\n  "rules": {"a" "off"}\r\n}', 'docs-harness.config.json: invalid JSON at line 2, column 17: unexpected "\\""'],
    ['{"rules": {', 'docs-harness.config.json: invalid JSON at line 1, column 12: unexpected end of file'],
    ['', 'docs-harness.config.json: invalid JSON at line 1, column 1: unexpected end of file'],
  ])('reports broken JSON %j at its line and column', (content, message) => {
    expect(configErrorOf(content)).toBe(message);
  });

  it('names the found file relative to the working folder', () => {
    const folder = configFolder('{"models": ""}');
    const nested = path.join(folder, 'a');
    mkdirSync(nested);
    expect(() => loadConfig(nested)).toThrow(`..${path.sep}docs-harness.config.json: /models must not be empty`);
  });
});

describe('parseJsonText', () => {
  it('property: parses what JSON.parse parses and locates an error otherwise', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string(), fc.json().map((json) => json.slice(0, -1))), (text) => {
        let expected: unknown;
        let valid = true;
        try {
          expected = JSON.parse(text);
        } catch {
          valid = false;
        }
        const result = parseJsonText(text);
        if (valid) expect(result).toEqual({ value: expected });
        else expect('error' in result && /^line \d+, column \d+: unexpected /.test(result.error)).toBe(true);
      }),
    );
  });
});

describe('mergeOptions', () => {
  it('lets flags win while keeping what they do not name', () => {
    const base = { root: '/r', rules: { a: 'off', b: 'error' }, models: '/m', include: ['x/**'], exclude: ['y/**'], replay: { target: 'mock', region: 'eu-west-1' } } as const;
    expect(mergeOptions({ ...base, rules: { ...base.rules }, include: [...base.include], exclude: [...base.exclude], replay: { ...base.replay } }, {
      rules: { b: 'warning' },
      exclude: ['z/*'],
      replay: { region: 'us-east-1' },
    })).toEqual({ root: '/r', rules: { a: 'off', b: 'warning' }, models: '/m', include: ['x/**'], exclude: ['y/**', 'z/*'], replay: { target: 'mock', region: 'us-east-1' } });
  });
});

describe('globs', () => {
  it.each([
    ['**/*.rst', 'a.rst', true],
    ['**/*.rst', 'a/b/c.rst', true],
    ['*.rst', 'a/b.rst', false],
    ['examples/**', 'examples/s3/cp.rst', true],
    ['examples/**', 'examples', false],
    ['a/**/b.rst', 'a/b.rst', true],
    ['a/**/b.rst', 'a/x/y/b.rst', true],
    ['a/**/b.rst', 'ab.rst', false],
    ['{s3,s3api}/*.rst', 's3api/get-object.rst', true],
    ['{s3,s3api}/*.rst', 'ec2/run.rst', false],
    ['cognito-id?/*', 'cognito-idp/x.rst', true],
    ['cognito-id?/*', 'cognito-id/x.rst', false],
    ['a.b/*', 'axb/c', false],
    ['a**b', 'a/b', false],
    ['a**b', 'axxb', true],
  ])('%s matches %s: %s', (glob, file, expected) => {
    expect(globToRegExp(glob).test(file)).toBe(expected);
  });

  it('filters documents relative to the config root', () => {
    const filter = createPathFilter({ root: '/repo', include: ['examples/**/*.rst'], exclude: ['examples/s3/**'] });
    expect(filter('/repo/examples/ec2/run-instances.rst')).toBe(true);
    expect(filter('/repo/examples/s3/cp.rst')).toBe(false);
    expect(filter('/repo/README.md')).toBe(false);
    expect(createPathFilter({ root: '/repo', include: [], exclude: [] })('/elsewhere/a.rst')).toBe(true);
  });
});
