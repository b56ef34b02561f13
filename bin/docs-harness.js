#!/usr/bin/env node
// Runs the compiled CLI (built by `npm install` through the `prepare` script).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('docs-harness: not built yet: run `npm install` (or `npm run build`) in the project folder\n');
  process.exit(2);
}
// The SDK warns that its releases after January 2027 need Node 22; ours is pinned by the lockfile, so the
// warning tells our users nothing they can act on.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// A reader that stops early (`docs-harness check . | head`) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
// Before the CLI's code runs (see src/cli/engine-tuning.ts).
(await import(new URL('../dist/cli/engine-tuning.js', import.meta.url).href)).tuneEngineForRun();
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
