#!/usr/bin/env node
// Runs the CLI as built by `npm install` (through the `prepare` script) or `npm run build`.
import { existsSync } from 'node:fs';

const launcher = new URL('../dist/cli/launch.js', import.meta.url);
if (!existsSync(launcher) || !existsSync(new URL('../dist/cli.cjs', import.meta.url))) {
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
const cli = (await import(launcher.href)).launchCli();
process.exitCode = await cli.main(process.argv.slice(2));
cli.saveCodeCache();
