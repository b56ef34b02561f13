// Models found without set-up (#11.11): each place botocore data can be, laid out fake in a scratch folder, the order
// they are tried in, and candidates that are there but broken.
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEBIAN_PACKAGES, discoverModels, versionOfDataFolder, type DiscoveryOptions } from '../../src/model/discover.js';
import { layData, layScript } from '../support/botocore-layouts.js';
import { scratchFolder, writeUnder } from '../support/scratch.js';

/**
 * A scratch machine: a repository (its `.git` bounds the upward search) holding `docs/demo/get-thing.rst`, an empty
 * `bin` for the PATH, and an empty stand-in for Debian's package folder.
 */
function machine(name: string) {
  const root = scratchFolder(`discover-${name}`);
  mkdirSync(path.join(root, 'repo/.git'), { recursive: true });
  const document = writeUnder(root, 'repo/docs/demo/get-thing.rst', '    aws demo get-thing --name a\n');
  mkdirSync(path.join(root, 'bin'));
  const options: DiscoveryOptions = { paths: [document], env: { PATH: path.join(root, 'bin') }, debianPackages: path.join(root, 'dist-packages') };
  return { root, document, options };
}

/** The v2 installer's layout: `bin/aws` → `v2/current/bin/aws` → `v2/<version>/dist/aws`, data beside it. */
function layInstalledCli(root: string, version = '2.15.0'): string {
  const dist = path.join(root, `aws-cli/v2/${version}/dist`);
  layScript(dist, 'aws', 'exit 0');
  const data = layData(dist, 'awscli/botocore/data');
  mkdirSync(path.join(root, `aws-cli/v2/${version}/bin`), { recursive: true });
  symlinkSync('../dist/aws', path.join(root, `aws-cli/v2/${version}/bin/aws`));
  symlinkSync(version, path.join(root, 'aws-cli/v2/current'));
  symlinkSync(path.join(root, 'aws-cli/v2/current/bin/aws'), path.join(root, 'bin/aws'));
  return data;
}

/** A python3 that answers where botocore is, as `importlib.util.find_spec` does, from a folder of its own. */
function layPython(root: string): string {
  writeUnder(root, 'python/site-packages/botocore/__init__.py', "__version__ = '1.43.11'\n");
  const data = layData(root, 'python/site-packages/botocore/data');
  layScript(root, 'bin/python3', `echo '${path.join(root, 'python/site-packages/botocore/__init__.py')}'`);
  return data;
}

describe('model discovery (#11.11)', () => {
  it('finds awscli/botocore/data in an aws-cli checkout holding the checked files, with its version', async () => {
    const { root, options } = machine('checkout');
    writeUnder(root, 'repo/awscli/__init__.py', "\"\"\"AWS CLI\"\"\"\n__version__ = '2.27.50'\n");
    const data = layData(root, 'repo/awscli/botocore/data');
    const found = await discoverModels({ ...options, paths: [path.join(root, 'repo/docs/demo')] });
    expect(found.origin).toEqual({ source: 'checkout', dir: data, version: 'aws-cli 2.27.50' });
    expect(found.models!.serviceNames()).toEqual(['demo']);
    expect(found.skipped).toEqual([]);
  });

  it('finds the older layout, botocore a sibling package of awscli, with botocore\'s version', async () => {
    const { root, options } = machine('sibling');
    mkdirSync(path.join(root, 'repo/awscli'));
    writeUnder(root, 'repo/botocore/__init__.py', "__version__ = '1.29.27'\n");
    const data = layData(root, 'repo/botocore/data');
    expect((await discoverModels(options)).origin).toEqual({ source: 'checkout', dir: data, version: 'botocore 1.29.27' });
  });

  it('does not take a botocore/data without awscli beside it, nor look above the repository', async () => {
    const { root, options } = machine('bounded');
    layData(root, 'repo/botocore/data');
    // Above the repository's top (the folder holding .git): not part of it.
    layData(root, 'awscli/botocore/data');
    expect((await discoverModels(options)).origin).toEqual({ source: 'embedded' });
  });

  it('finds the AWS CLI v2 on the PATH through its links, the version from its install folder', async () => {
    const { root, options } = machine('installed');
    const data = layInstalledCli(root);
    const found = await discoverModels(options);
    expect(found.origin).toEqual({ source: 'installed-cli', dir: data, version: 'aws-cli 2.15.0' });
  });

  it('finds a Python install of the CLI (pip, Homebrew): site-packages above the aws on the PATH', async () => {
    const { root, options } = machine('venv');
    layScript(root, 'venv/bin/aws', 'exit 0');
    mkdirSync(path.join(root, 'venv/lib/python3.12/site-packages/awscli'), { recursive: true });
    writeUnder(root, 'venv/lib/python3.12/site-packages/botocore/__init__.py', "__version__ = '1.43.11'\n");
    const data = layData(root, 'venv/lib/python3.12/site-packages/botocore/data');
    const found = await discoverModels({ ...options, env: { PATH: path.join(root, 'venv/bin') } });
    expect(found.origin).toEqual({ source: 'installed-cli', dir: data, version: 'botocore 1.43.11' });
  });

  it("asks python3 on the PATH where botocore is", async () => {
    const { root, options } = machine('python');
    const data = layPython(root);
    expect((await discoverModels(options)).origin).toEqual({ source: 'python', dir: data, version: 'botocore 1.43.11' });
  });

  it("finds Debian's awscli package (botocore bundled in awscli), and python3-botocore's layout", async () => {
    const { root, options } = machine('debian');
    writeUnder(root, 'dist-packages/awscli/__init__.py', "__version__ = '2.9.19'\n");
    const bundled = layData(root, 'dist-packages/awscli/botocore/data');
    expect((await discoverModels(options)).origin).toEqual({ source: 'debian', dir: bundled, version: 'aws-cli 2.9.19' });
    rmSync(path.join(root, 'dist-packages/awscli'), { recursive: true });
    const plain = layData(root, 'dist-packages/botocore/data');
    expect((await discoverModels(options)).origin).toEqual({ source: 'debian', dir: plain });
  });

  it('without python3, aws or any install: nothing found, nothing skipped', async () => {
    const { options } = machine('nothing');
    expect(await discoverModels(options)).toEqual({ origin: { source: 'embedded' }, skipped: [] });
  });

  it('tries the places in order: checkout, the AWS CLI on the PATH, python3, Debian', async () => {
    const { root, options } = machine('order');
    writeUnder(root, 'dist-packages/awscli/__init__.py', "__version__ = '2.9.19'\n");
    layData(root, 'dist-packages/awscli/botocore/data');
    layPython(root);
    layInstalledCli(root);
    layData(root, 'repo/awscli/botocore/data');
    const order: string[] = [];
    for (const remove of ['repo/awscli', 'bin/aws', 'bin/python3', 'dist-packages/awscli']) {
      order.push((await discoverModels(options)).origin.source);
      rmSync(path.join(root, remove), { recursive: true });
    }
    order.push((await discoverModels(options)).origin.source);
    expect(order).toEqual(['checkout', 'installed-cli', 'python', 'debian', 'embedded']);
  });

  it('skips a candidate that is there but holds no models, saying so, and goes on', async () => {
    const { root, options } = machine('broken');
    mkdirSync(path.join(root, 'repo/awscli/botocore/data/demo'), { recursive: true });
    const data = layInstalledCli(root);
    const found = await discoverModels(options);
    expect(found.origin.dir).toBe(data);
    expect(found.skipped).toEqual([{ where: path.join(root, 'repo/awscli/botocore/data'), what: 'an aws-cli checkout', reason: 'models folder holds no service-2.json files' }]);
  });

  it('gives up on a python3 that does not answer in time, saying so', async () => {
    const { root, options } = machine('slow-python');
    layScript(root, 'bin/python3', 'exec /bin/sleep 30');
    const found = await discoverModels({ ...options, pythonTimeoutMs: 300 });
    expect(found.origin).toEqual({ source: 'embedded' });
    expect(found.skipped).toEqual([{ where: path.join(root, 'bin/python3'), what: "Python's botocore", reason: 'no answer within 0.3 s' }]);
  });

  it('never takes a program from a relative PATH entry (a folder being checked could hold one)', async () => {
    const { root, options } = machine('relative-path');
    layPython(root);
    const found = await discoverModels({ ...options, env: { PATH: 'bin' } });
    expect(found.origin).toEqual({ source: 'embedded' });
  });

  const debianData = path.join(DEBIAN_PACKAGES, 'awscli/botocore/data');
  const hasDebianAwscli = existsSync(debianData);
  if (!hasDebianAwscli) console.warn(`[docs-harness tests] SKIPPED "a real Debian awscli install": ${debianData} is absent (apt-get install awscli)`);
  it.skipIf(!hasDebianAwscli)("finds a real Debian awscli install, with the package's version", async () => {
    const { options } = machine('real-debian');
    const { debianPackages: _fake, ...real } = options;
    const found = await discoverModels(real);
    expect(found.origin).toEqual({ source: 'debian', dir: debianData, version: expect.stringMatching(/^aws-cli 2\.\d+\.\d+$/) });
    expect(found.models!.serviceNames()).toContain('ec2');
    expect(found.models!.get('cognito-idp')!.operations.InitiateAuth).toBeDefined();
  });
});

describe('versionOfDataFolder', () => {
  it('reads aws-cli, installer and botocore versions, and nothing from other folders', () => {
    const root = scratchFolder('discover-versions');
    writeUnder(root, 'a/awscli/__init__.py', "__version__ = \"2.1.0\"\n");
    writeUnder(root, 'b/botocore/__init__.py', "# no version here\n");
    expect(versionOfDataFolder(path.join(root, 'a/awscli/botocore/data'))).toBe('aws-cli 2.1.0');
    expect(versionOfDataFolder(path.join(root, 'v2/2.31.2/dist/awscli/botocore/data'))).toBe('aws-cli 2.31.2');
    expect(versionOfDataFolder(path.join(root, 'b/botocore/data'))).toBeUndefined();
    expect(versionOfDataFolder(path.join(root, 'vendor/botocore-data'))).toBeUndefined();
  });
});
