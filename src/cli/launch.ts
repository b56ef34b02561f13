import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import vm from 'node:vm';
import type { main } from './main.js';

/**
 * How the `docs-harness` process starts (bin/docs-harness.js, and bench/measure.js that stands for it); never
 * called by the library, whose host process is not ours to tune.
 *
 * Measured on the aws-cli corpus (5,868 files, whole-corpus check):
 * - V8 runs without TurboFan inlining: a run is short and spent a third of its CPU time compiling the readers'
 *   large functions with their callees inlined, again after each deoptimization; without, 18 % less CPU time.
 * - The CLI is one script (dist/cli.cjs, bundled by scripts/build.js) compiled with V8's code cache: Node 20
 *   loads hundreds of ES modules one by one and compiles each on every run (it has no compile cache for them), which
 *   cost a run 8–10 % of its wall time.
 */
export function launchCli(): { main: typeof main; saveCodeCache(): void } {
  setFlagsFromString('--no-turbo-inlining');
  const bundle = fileURLToPath(new URL('../cli.cjs', import.meta.url));
  const loaded = loadWithCodeCache(bundle, path.join(path.dirname(bundle), 'cli.code-cache'));
  return { main: (loaded.exports as { main: typeof main }).main, saveCodeCache: loaded.saveCodeCache };
}

export interface LoadedScript {
  exports: unknown;
  /** Whether V8 took the compiled code from the cache file. */
  cacheUsed: boolean;
  /** Writes the code compiled so far to the cache file when it had none for this script; call after the run. */
  saveCodeCache(): void;
}

/**
 * Runs a CommonJS script with V8's code cache. The cache file starts with the SHA-256 of the script and of the
 * cached code: V8 itself checks only its own version, its flags and the script's length (an edited script of the
 * same length would run the old code), and a damaged cache it has not refused would run damaged code.
 */
export function loadWithCodeCache(file: string, cacheFile: string): LoadedScript {
  const source = readFileSync(file, 'utf8');
  const digest = sha256(source);
  const cached = readCache(cacheFile, digest);
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData: cached });
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, path.dirname(file));
  const cacheUsed = cached !== undefined && !script.cachedDataRejected;
  return {
    exports: module.exports,
    cacheUsed,
    saveCodeCache() {
      if (cacheUsed) return;
      // Write then rename, so a concurrent run never reads half a file.
      const temporary = `${cacheFile}.${process.pid}.tmp`;
      try {
        const code = script.createCachedData();
        writeFileSync(temporary, Buffer.concat([digest, sha256(code), code]));
        renameSync(temporary, cacheFile);
      } catch {
        // An installed copy the user cannot write: every run compiles, as without a cache.
        rmSync(temporary, { force: true });
      }
    },
  };
}

function readCache(cacheFile: string, digest: Buffer): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  const code = bytes.subarray(2 * digest.length);
  return bytes.subarray(0, digest.length).equals(digest) && bytes.subarray(digest.length, 2 * digest.length).equals(sha256(code)) ? code : undefined;
}

function sha256(data: string | Buffer): Buffer {
  return createHash('sha256').update(data).digest();
}
