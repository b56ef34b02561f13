import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * vitest global setup: tests that run docs-harness as a real process (bin/docs-harness.js, servers killed from
 * outside) need dist/ to match src/. `npm install` builds it; this rebuilds it (scripts/build.js) when a source file or
 * the build script is newer than the CLI's bundle.
 */
export default function setup(): void {
  const built = statSync('dist/cli.cjs', { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (Math.max(newestSource('src'), statSync('scripts/build.js').mtimeMs) > built) execFileSync(process.execPath, [path.resolve('scripts/build.js')], { stdio: 'inherit' });
}

function newestSource(folder: string): number {
  return Math.max(
    0,
    ...readdirSync(folder, { withFileTypes: true }).map((entry) => {
      const full = path.join(folder, entry.name);
      return entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs;
    }),
  );
}
