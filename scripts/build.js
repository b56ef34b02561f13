// `npm run build` (and `npm install`, through `prepare`): compiles src/ to dist/ with tsc, then bundles the CLI
// into one script, dist/cli.cjs, and runs it once on the bundled examples so that V8's code cache for it exists
// before the first real run (see src/cli/launch.ts for why the CLI starts from a bundle).
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const dist = path.join(root, 'dist');

// From nothing, so no file of an older build (a module since removed) stays to be bundled or shipped.
rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });

// A compiled module that reads a file beside itself (`new URL('../../schemas/x.json', import.meta.url)`) keeps its
// own URL in the bundle: dist/<its path>, found from the bundle's folder at run time, so the package can move.
const ownModuleUrls = {
  name: 'own-module-urls',
  setup(builder) {
    builder.onLoad({ filter: /\.js$/ }, (args) => {
      if (!args.path.startsWith(dist + path.sep)) return undefined;
      const source = readFileSync(args.path, 'utf8');
      const relative = path.relative(dist, args.path).split(path.sep).join('/');
      return { contents: source.replaceAll('import.meta.url', `__docsHarnessModuleUrl(${JSON.stringify(relative)})`), loader: 'js' };
    });
  },
};

await build({
  entryPoints: [path.join(dist, 'cli/main.js')],
  outfile: path.join(dist, 'cli.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // The bundle is compiled with vm.Script, which has no module loader for import(): each becomes a require().
  supported: { 'dynamic-import': false },
  banner: { js: "const __docsHarnessModuleUrl = (file) => require('node:url').pathToFileURL(require('node:path').join(__dirname, file)).href;" },
  plugins: [ownModuleUrls],
  // Any import.meta left unmapped would be empty in CommonJS: a build error, never a broken path at run time.
  logOverride: { 'empty-import-meta': 'error' },
  logLevel: 'warning',
});

// Writes dist/cli.code-cache. Findings (exit 1) are not wanted, only the code the run compiled; exit 2 is a broken build.
const warmUp = spawnSync(process.execPath, [path.join(root, 'bin/docs-harness.js'), 'check', path.join(root, 'examples'), '--format', 'json'], {
  cwd: root,
  encoding: 'utf8',
  env: { ...process.env, DOCS_HARNESS_DISCOVERY: 'off' },
});
if (warmUp.status !== 0 && warmUp.status !== 1) {
  process.stderr.write(`build: the bundled CLI failed on the bundled examples (exit ${warmUp.status ?? warmUp.signal})\n${warmUp.stderr}`);
  process.exit(1);
}
