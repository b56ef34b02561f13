import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * vitest global setup: the whole suite runs with a fresh TMPDIR of its own, and fails if anything is left in
 * it at the end (a test's scratch folder, a server's data folder, a cache fallback): the suite must clean up
 * after itself on a user's machine too.
 */
export default function setup(): () => void {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'docs-harness-suite-'));
  // CLI runs in a scratch folder (no node_modules there) keep their caches in the user's cache folder: the
  // suite's own, beside TMPDIR, so they are neither leftovers nor written into the real one.
  const cache = mkdtempSync(path.join(os.tmpdir(), 'docs-harness-suite-cache-'));
  process.env.TMPDIR = folder;
  process.env.XDG_CACHE_HOME = cache;
  return () => {
    const left = readdirSync(folder);
    rmSync(folder, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
    if (left.length === 0) return;
    // vitest reports a teardown error but keeps its exit code: set ours, so the leak fails the run.
    process.exitCode = 1;
    throw new Error(`the test suite left ${left.length} entr${left.length === 1 ? 'y' : 'ies'} in TMPDIR: ${left.sort().join(', ')}`);
  };
}
