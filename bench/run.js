// `npm run bench`: whole-corpus figures (files/s, wall, peak memory) for each stage of the flow.
// Needs ../shared beside the checkout; timings live here, never in tests.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const shared = path.resolve(root, '../shared/corpus/aws-cli');
const corpus = path.join(shared, 'examples');
const models = path.join(shared, 'botocore-data');
if (!existsSync(corpus)) {
  console.log(`bench skipped: ${corpus} is absent`);
  process.exit(0);
}

function countFiles(folder) {
  let count = 0;
  for (const entry of readdirSync(folder)) {
    const full = path.join(folder, entry);
    count += statSync(full).isDirectory() ? countFiles(full) : 1;
  }
  return count;
}

// Every figure but one is taken with model discovery off, so that it does not depend on the botocore installs of the
// machine (runs without --models use the embedded model, as before discovery existed).
const fixedModels = { ...process.env, DOCS_HARNESS_DISCOVERY: 'off' };

function measure(label, args, files, env = fixedModels) {
  const run = spawnSync(process.execPath, [path.join(root, 'bench/measure.js'), ...args], { cwd: root, encoding: 'utf8', env });
  // measure.js prints its figures as one JSON line; a library's warning may follow it on stderr.
  const figuresLine = run.stderr
    .trim()
    .split('\n')
    .findLast((line) => line.startsWith('{"code":'));
  let figures;
  try {
    figures = JSON.parse(figuresLine ?? '');
  } catch {
    console.log(`${label}: failed\n${run.stderr}`);
    process.exitCode = 1;
    return;
  }
  const seconds = figures.wallMs / 1000;
  console.log(
    `${label.padEnd(34)} ${String(files).padStart(5)} files  ${seconds.toFixed(2).padStart(6)} s wall  ${(figures.cpuMs / 1000).toFixed(2).padStart(6)} s cpu  ` +
      `${Math.round(files / seconds).toString().padStart(6)} files/s  ${figures.peakMiB.toFixed(0).padStart(4)} MiB peak  exit ${figures.code}`,
  );
}

const allFiles = countFiles(corpus);
const cognito = path.join(corpus, 'cognito-idp');
const cognitoFiles = countFiles(cognito);
console.log(`node ${process.version}, corpus ${corpus}`);
measure('extract (whole corpus)', ['extract', corpus, '--format', 'json'], allFiles);
// The first check starts without the digested-model cache, as on a fresh clone.
rmSync(path.join(root, 'node_modules/.cache/docs-harness'), { recursive: true, force: true });
measure('check (whole corpus, no model cache)', ['check', corpus, '--models', models, '--format', 'json'], allFiles);
measure('check (whole corpus, warm cache)', ['check', corpus, '--models', models, '--format', 'json'], allFiles);
// --cache keeps each file's findings: the first run fills it, the second re-checks nothing that did not change.
rmSync(path.join(root, 'node_modules/.cache/docs-harness/results'), { recursive: true, force: true });
measure('check --cache (filling the cache)', ['check', corpus, '--models', models, '--format', 'json', '--cache'], allFiles);
measure('check --cache (nothing changed)', ['check', corpus, '--models', models, '--format', 'json', '--cache'], allFiles);
measure('coverage (whole corpus, json)', ['coverage', corpus, '--models', models, '--format', 'json'], allFiles);
measure('coverage (whole corpus, html)', ['coverage', corpus, '--models', models, '--format', 'html'], allFiles);
measure('check cognito-idp (embedded model)', ['check', cognito, '--format', 'json'], cognitoFiles);
// The same with discovery: its cost, and the models a new user's run would find here (the embedded one when none).
measure('check cognito-idp (models found)', ['check', cognito, '--format', 'json'], cognitoFiles, { ...process.env, DOCS_HARNESS_DISCOVERY: '' });
measure('replay --target mock, cognito-idp', ['replay', cognito, '--target', 'mock', '--format', 'json'], cognitoFiles);
// Every service and protocol through the SDK (issue #13: target ≤ 15 s wall in one process).
measure('replay --target mock (whole corpus)', ['replay', corpus, '--target', 'mock', '--models', models, '--format', 'json'], allFiles);
// Live replay: the harness's own time per command beyond the SDK calls (binding, comparing, masking); issue target ≤ 20 ms.
for (const [label, folder] of [['replay --target cognito-local, examples/', path.join(root, 'examples')], ['replay --target cognito-local, cognito-idp', cognito]]) {
  const live = spawnSync(process.execPath, [path.join(root, 'bin/docs-harness.js'), 'replay', folder, '--target', 'cognito-local', '--format', 'json'], { cwd: root, encoding: 'utf8', env: fixedModels });
  const note = JSON.parse(live.stdout || '{"notes":[]}').notes.find((text) => text.includes('harness overhead'));
  console.log(`${label.padEnd(34)} ${note ? note.slice(note.indexOf('live replay:')) : `failed: ${live.stderr.trim().split('\n').at(-1)}`}`);
}
