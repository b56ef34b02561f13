import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// Each load runs in a fresh process, as every CLI run does: within one process V8 answers a second compile of
// the same script from memory and never looks at the cache. The launcher is dist's (built by the global setup).
const launcher = pathToFileURL(path.resolve(import.meta.dirname, '../../dist/cli/launch.js')).href;
const scratch = mkdtempSync(path.join(os.tmpdir(), 'docs-harness-launch-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A CommonJS script whose answer tells which source ran; it requires a file beside it, as the bundle does. */
function writeScript(name: string, answer: string): { file: string; cacheFile: string } {
  const folder = path.join(scratch, name);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'beside.js'), 'module.exports = "beside";');
  const file = path.join(folder, 'script.cjs');
  writeFileSync(file, `const beside = require('./beside.js');\nexports.answer = () => [${JSON.stringify(answer)}, beside, __dirname];\n`);
  return { file, cacheFile: path.join(folder, 'script.code-cache') };
}

/** Loads the script in a new process, then saves its code cache as the CLI does after a run. */
function load(file: string, cacheFile: string): { cacheUsed: boolean; answer: [string, string, string] } {
  const program = `const { loadWithCodeCache } = await import(${JSON.stringify(launcher)});
const loaded = loadWithCodeCache(${JSON.stringify(file)}, ${JSON.stringify(cacheFile)});
process.stdout.write(JSON.stringify({ cacheUsed: loaded.cacheUsed, answer: loaded.exports.answer() }));
loaded.saveCodeCache();`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', program], { encoding: 'utf8' })) as { cacheUsed: boolean; answer: [string, string, string] };
}

describe('loadWithCodeCache', () => {
  it('runs the script as CommonJS, writes its code cache once, and compiles from the cache after', () => {
    const { file, cacheFile } = writeScript('cycle', 'first');
    expect(load(file, cacheFile)).toEqual({ cacheUsed: false, answer: ['first', 'beside', path.dirname(file)] });
    const written = readFileSync(cacheFile);
    expect(load(file, cacheFile)).toEqual({ cacheUsed: true, answer: ['first', 'beside', path.dirname(file)] });
    expect(readFileSync(cacheFile).equals(written)).toBe(true);
  });

  it('never runs the cached code of an edited script, even one of the same length', () => {
    const { file, cacheFile } = writeScript('edited', 'older');
    load(file, cacheFile);
    writeScript('edited', 'newer');
    expect(load(file, cacheFile)).toEqual({ cacheUsed: false, answer: ['newer', 'beside', path.dirname(file)] });
    expect(load(file, cacheFile)).toEqual({ cacheUsed: true, answer: ['newer', 'beside', path.dirname(file)] });
  });

  it('compiles anew from a damaged or cut cache and rewrites it', () => {
    const { file, cacheFile } = writeScript('damaged', 'intact');
    load(file, cacheFile);
    const bytes = readFileSync(cacheFile);
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 5] ^= 0xff;
    for (const damaged of [flipped, bytes.subarray(0, bytes.length - 9), bytes.subarray(0, 10)]) {
      writeFileSync(cacheFile, damaged);
      expect(load(file, cacheFile)).toEqual({ cacheUsed: false, answer: ['intact', 'beside', path.dirname(file)] });
      expect(load(file, cacheFile).cacheUsed).toBe(true);
    }
  });

  it('runs without a cache where none can be written, leaving nothing behind', () => {
    const { file } = writeScript('unwritable', 'still runs');
    const cacheFile = path.join(scratch, 'unwritable', 'no such folder', 'script.code-cache');
    expect(load(file, cacheFile)).toEqual({ cacheUsed: false, answer: ['still runs', 'beside', path.dirname(file)] });
    expect(existsSync(path.dirname(cacheFile))).toBe(false);
    expect(readdirSync(path.join(scratch, 'unwritable')).sort()).toEqual(['beside.js', 'script.cjs']);
  });
});
