import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { loadModels, ModelLoadError } from '../../src/model/load.js';

const scratch: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'docs-harness-model-test-'));
  scratch.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function serviceModel(operation: string, extraMember = 'Name') {
  return {
    version: '2.0',
    metadata: { apiVersion: '2020-01-01', endpointPrefix: 'demo', protocol: 'json', serviceId: 'Demo' },
    operations: { [operation]: { name: operation, input: { shape: 'Request' }, documentation: '<p>Does a thing.</p>' } },
    shapes: {
      Request: {
        type: 'structure',
        required: ['Id'],
        members: { Id: { shape: 'Id', documentation: '<p>The id.</p>' }, [extraMember]: { shape: 'Id' } },
        documentation: '<p>Request.</p>',
      },
      Id: { type: 'string', min: 1, documentation: '<p>An id.</p>' },
    },
  };
}

function write(file: string, value: unknown, gzip = false): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const text = JSON.stringify(value);
  writeFileSync(file, gzip ? gzipSync(text) : text);
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

describe('loadModels', () => {
  it('loads the newest API version, plain or gzip, merges sdk-extras and drops documentation', () => {
    const models = tempDir();
    write(path.join(models, 'demo/2019-01-01/service-2.json'), serviceModel('OldOperation'));
    write(path.join(models, 'demo/2020-01-01/service-2.json.gz'), serviceModel('NewOperation'), true);
    write(path.join(models, 'demo/2020-01-01/service-2.sdk-extras.json'), { version: 1, merge: { metadata: { serviceId: 'Merged' } } });
    write(path.join(models, 'demo/2020-01-01/paginators-1.json'), { pagination: { NewOperation: { input_token: 'T', output_token: 'T' } } });
    write(path.join(models, 's3/2006-03-01/service-2.json'), serviceModel('GetObject'));

    const index = loadModels(models, { cacheDir: tempDir() });
    expect(index.serviceNames()).toEqual(['demo', 's3api']);
    const demo = index.get('demo')!;
    expect(Object.keys(demo.operations)).toEqual(['NewOperation']);
    expect(demo.metadata.serviceId).toBe('Merged');
    expect(demo.paginators.NewOperation?.output_token).toBe('T');
    expect(JSON.stringify(demo)).not.toContain('documentation');
    expect(demo.shapes.Request?.required).toEqual(['Id']);
    expect(index.get('s3api')?.cliName).toBe('s3api');
    expect(index.get('s3')).toBeUndefined();
  });

  it('keeps the operation names of the API version before the newest, and reads them again when that file changes', () => {
    const models = tempDir();
    const cacheDir = tempDir();
    const older = path.join(models, 'demo/2019-01-01/service-2.json');
    write(path.join(models, 'demo/2018-01-01/service-2.json'), serviceModel('Oldest'));
    write(older, serviceModel('OldOperation'));
    write(path.join(models, 'demo/2020-01-01/service-2.json'), serviceModel('NewOperation'));
    write(path.join(models, 'solo/2020-01-01/service-2.json'), serviceModel('Only'));
    expect(loadModels(models, { cacheDir }).get('demo')!.previousVersion).toEqual({ apiVersion: '2019-01-01', operations: ['OldOperation'] });
    expect(loadModels(models, { cacheDir }).get('solo')!.previousVersion).toBeUndefined();
    writeFileSync(older, '{ broken');
    utimesSync(older, new Date(), new Date(Date.now() + 5000));
    // A broken older version only loses the ordering, never the service.
    expect(loadModels(models, { cacheDir }).get('demo')!.previousVersion).toBeUndefined();
    expect(Object.keys(loadModels(models, { cacheDir }).get('demo')!.operations)).toEqual(['NewOperation']);
  });

  it('keeps its cache outside the models folder and refreshes it when a source file changes', () => {
    const models = tempDir();
    const cacheDir = tempDir();
    const file = path.join(models, 'demo/2020-01-01/service-2.json');
    write(file, serviceModel('First'));
    const before = listFiles(models);

    expect(Object.keys(loadModels(models, { cacheDir }).get('demo')!.operations)).toEqual(['First']);
    expect(listFiles(cacheDir)).toHaveLength(1);
    expect(Object.keys(loadModels(models, { cacheDir }).get('demo')!.operations)).toEqual(['First']);

    write(file, serviceModel('SecondOperation', 'Longer'));
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    expect(Object.keys(loadModels(models, { cacheDir }).get('demo')!.operations)).toEqual(['SecondOperation']);
    expect(listFiles(models)).toEqual(before);
  });

  it('serves a warm run from the cache alone', () => {
    const models = tempDir();
    const cacheDir = tempDir();
    write(path.join(models, 'demo/2020-01-01/service-2.json'), serviceModel('Cached'));
    loadModels(models, { cacheDir }).get('demo');
    // A cache entry whose key matches is trusted: rewrite its model and the loader must return the rewritten one.
    const [cacheFile] = listFiles(cacheDir);
    const [key] = readText(cacheFile!).split('\n');
    const marked = { ...loadModels(models, { cacheDir }).get('demo')!, cliName: 'from-cache' };
    writeFileSync(cacheFile!, `${key}\n${JSON.stringify(marked)}`);
    expect(loadModels(models, { cacheDir }).get('demo')!.cliName).toBe('from-cache');
  });

  it('throws a one-line ModelLoadError for a missing or empty models folder; a broken service has a one-line problem', () => {
    const missing = path.join(tempDir(), 'nowhere');
    expect(() => loadModels(missing)).toThrow(ModelLoadError);
    expect(() => loadModels(missing)).toThrow(`models folder not found: ${missing}`);

    const empty = tempDir();
    mkdirSync(path.join(empty, 'demo/2020-01-01'), { recursive: true });
    expect(() => loadModels(empty)).toThrow(/holds no service-2\.json files/);

    const broken = tempDir();
    const file = path.join(broken, 'demo/2020-01-01/service-2.json');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, '{"metadata": {');
    const index = loadModels(broken, { cacheDir: tempDir() });
    expect(index.get('demo')).toBeUndefined();
    expect(index.problem?.('demo')).toContain(`broken JSON in ${path.relative(process.cwd(), file)}: `);
    expect(index.problem?.('demo')).not.toContain('\n');
  });
});

function readText(file: string): string {
  return readFileSync(file, 'utf8');
}
