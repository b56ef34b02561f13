import { existsSync, mkdirSync, readFileSync, realpathSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { buildCoverageReport, CoverageCollector } from '../coverage/index.js';
import { ModelLoadError } from '../model/load.js';
import { runSchemasCommand } from '../model/schemas-command.js';
import { COVERAGE_FORMATS, formatCoverage, type CoverageFormat } from '../reports/coverage.js';
import { BaselineError, applyBaseline, createBaseline, readBaseline, writeBaseline } from '../reports/baseline.js';
import { REPORT_FORMATS, formatReport, type ReportFormat } from '../reports/index.js';
import { allRules, documentRules, modelRules } from '../rules/index.js';
import type { Rule } from '../rules/types.js';
import { ResultCache, runSignature } from './cache.js';
import { ChangedFilesError } from './changed.js';
import { ConfigError, loadConfig, mergeOptions, type Config, type ReplayConfig } from './config.js';
import { UsageError } from './errors.js';
import { formatExtract, type ExtractFormat } from './extract.js';
import { openReplayTarget, REPLAY_TARGETS, type ReplayTarget, type TargetOptions } from './replay-target.js';
import { displayPath } from './files.js';
import { chooseModels, type ChosenModels } from './models.js';
import { fixFiles, runFiles, type RunResult, type Selection } from './run.js';
import { ShardSpecError } from './shard.js';

/** Every flag's help line, by flag; each command's help lists its own. */
const FLAG_HELP: Record<string, string> = {
  models: '--models DIR            botocore data folder (<service>/<api-version>/service-2.json[.gz]); default: the\n                          config file\'s models, else found: an aws-cli checkout holding the files, the AWS CLI\n                          on the PATH, Python\'s botocore, Debian\'s awscli; else the embedded cognito-idp model',
  format: `--format FORMAT         ${REPORT_FORMATS.join('|')} (default pretty)`,
  'format-list': '--format FORMAT         pretty|json (default pretty)',
  'format-coverage': `--format FORMAT         ${COVERAGE_FORMATS.join('|')} (default pretty)`,
  'all-services': '--all-services          every service of the models, not only those the documents use',
  'min-coverage': '--min-coverage PCT      exit 1 when less than PCT % of the operations have an example\n                          (overrides the config file\'s coverage.minimum; coverage.services sets one per service)',
  output: '--output FILE           write the report to FILE instead of standard output (never a checked document)',
  config: '--config FILE           use FILE instead of the nearest docs-harness.config.json',
  only: '--only RULE             run only this rule (repeatable)',
  target: `--target TARGET         replay against ${REPLAY_TARGETS.join('|')}`,
  'endpoint-url': '--endpoint-url URL      with --target endpoint: the server (loopback only unless --allow-remote)',
  'allow-remote': '--allow-remote          let --target endpoint reach a non-loopback address',
  'allow-aws': '--allow-aws             let --target aws create and delete resources in your AWS account (needs --region)',
  scenarios: '--scenarios DIR         folder of <service>/<operation>.scenario.json files for live replay',
  region: '--region REGION         region for replay clients',
  baseline: '--baseline FILE         report only findings that are not in FILE',
  'update-baseline': '--update-baseline       write the current findings to the --baseline FILE and exit 0',
  changed: '--changed[=BASE]        check only files changed since BASE (default: the merge base with the default branch)',
  shard: '--shard I/N             check only the I-th of N deterministic shards',
  fix: '--fix                   write safe fixes in place (line endings and everything else kept)',
  cache: '--cache                 keep each file\'s findings between runs and re-check only what changed\n                          (not with a live replay target)',
  'cache-location': '--cache-location DIR    where --cache keeps them (default node_modules/.cache/docs-harness/results)',
  'allow-empty': '--allow-empty           exit 0 when the paths hold no document (default: a usage error, exit 2)',
  'dry-run': '--dry-run               print a unified diff instead of writing',
  service: '--service NAME          the service (CLI name, e.g. cognito-idp)',
  out: '--out DIR               the folder to write the schemas to',
  help: '-h, --help              show this help',
};

const SELECTION_FLAGS = ['config', 'models', 'only', 'changed', 'shard', 'allow-empty'];
const REPLAY_FLAGS = ['target', 'endpoint-url', 'allow-remote', 'allow-aws', 'scenarios', 'region'];
const REPORT_FLAGS = ['format', 'output', 'baseline', 'update-baseline', 'cache', 'cache-location'];
const CHECK_EXIT = 'Exit codes: 0 no error-level findings, 1 error-level findings, 2 usage or internal error.';

/** Each command: its synopsis, what it does, its flags and its exit codes. */
const COMMANDS: Record<string, { synopsis: string; summary: string; flags: string[]; exit: string }> = {
  check: {
    synopsis: 'check <paths...>',
    summary: 'check documents, commands and outputs against the rules and the service models (never replays)',
    flags: [...SELECTION_FLAGS, ...REPORT_FLAGS, 'fix', 'help'],
    exit: CHECK_EXIT,
  },
  replay: {
    synopsis: 'replay <paths...>',
    summary: 'check, and replay every command through the real SDK client (--target, default mock)',
    flags: [...SELECTION_FLAGS, ...REPLAY_FLAGS, ...REPORT_FLAGS, 'help'],
    exit: CHECK_EXIT,
  },
  extract: {
    synopsis: 'extract <paths...>',
    summary: 'print the examples found: titles, commands as bash reads them, outputs',
    flags: [...SELECTION_FLAGS, 'format-list', 'output', 'help'],
    exit: CHECK_EXIT,
  },
  update: {
    synopsis: 'update <paths...>',
    summary: 'rewrite documented JSON outputs from a replay (--target, default mock)',
    flags: ['config', 'models', ...REPLAY_FLAGS, 'dry-run', 'help'],
    exit: 'Exit codes: 0 nothing needed to change, 1 files were changed (or, with --dry-run, would be), 2 usage or internal error.',
  },
  schemas: {
    synopsis: 'schemas --service NAME --models DIR --out DIR',
    summary: 'write the JSON Schemas (2020-12) of a service',
    flags: ['service', 'models', 'out', 'help'],
    exit: 'Exit codes: 0 written, 2 usage or internal error.',
  },
  coverage: {
    synopsis: 'coverage <paths...>',
    summary: 'which operations of the service models the documents give an example of, and which they do not',
    flags: ['config', 'models', 'all-services', 'min-coverage', 'allow-empty', 'format-coverage', 'output', 'help'],
    exit: 'Exit codes: 0 every coverage minimum met (or none set), 1 a minimum not met, 2 usage or internal error.',
  },
  rules: {
    synopsis: 'rules',
    summary: 'list the rules with their ids, default severities and descriptions',
    flags: ['format-list', 'output', 'help'],
    exit: 'Exit codes: 0 listed, 2 usage or internal error.',
  },
};

const usage =
  'Usage: docs-harness <command> [options] <paths...>\n\nCommands:\n' +
  Object.values(COMMANDS)
    .map((command) => `  ${command.synopsis.split(' ')[0]!.padEnd(10)} ${command.summary}`)
    .join('\n') +
  "\n\nRun 'docs-harness <command> --help' for a command's options.\n  --version               print the version\n\n" +
  `${CHECK_EXIT}\n`;

function commandUsage(name: string): string {
  const command = COMMANDS[name]!;
  return `Usage: docs-harness ${command.synopsis} [options]\n\n${command.summary}\n\nOptions:\n${command.flags.map((flag) => `  ${FLAG_HELP[flag]!.replace(/\n/g, '\n  ')}`).join('\n')}\n\n${command.exit}\n`;
}

const options = {
  models: { type: 'string' },
  format: { type: 'string' },
  output: { type: 'string' },
  config: { type: 'string' },
  only: { type: 'string', multiple: true },
  target: { type: 'string' },
  'endpoint-url': { type: 'string' },
  'allow-remote': { type: 'boolean' },
  'allow-aws': { type: 'boolean' },
  scenarios: { type: 'string', multiple: true },
  region: { type: 'string' },
  baseline: { type: 'string' },
  'update-baseline': { type: 'boolean' },
  changed: { type: 'string' },
  shard: { type: 'string' },
  fix: { type: 'boolean' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  'dry-run': { type: 'boolean' },
  'all-services': { type: 'boolean' },
  'min-coverage': { type: 'string' },
  'allow-empty': { type: 'boolean' },
  service: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} satisfies ParseArgsConfig['options'];

interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

// Mistakes the user can fix: one line on stderr, exit 2, no stack trace.
const userErrors = [UsageError, ModelLoadError, ConfigError, BaselineError, ChangedFilesError, ShardSpecError];

/** Runs the CLI and returns the exit code. Never throws. */
export async function main(argv: string[], io: Io = process): Promise<number> {
  try {
    const { values, positionals } = parseCommandLine(argv);
    const [command, ...paths] = positionals;
    if (values.version) {
      io.stdout.write(`${packageVersion()}\n`);
      return 0;
    }
    if (command === 'help' && paths[0] !== undefined && COMMANDS[paths[0]]) {
      io.stdout.write(commandUsage(paths[0]));
      return 0;
    }
    if (values.help && command !== undefined && COMMANDS[command]) {
      io.stdout.write(commandUsage(command));
      return 0;
    }
    if (values.help || command === undefined || command === 'help') {
      io.stdout.write(usage);
      return command === undefined && !values.help ? 2 : 0;
    }
    if (COMMANDS[command]) refuseForeignFlags(command, values);
    switch (command) {
      case 'check':
        return await check(paths, values, io, undefined);
      case 'replay':
        return await check(paths, values, io, 'mock');
      case 'extract':
        return await extract(paths, values, io);
      case 'update':
        return await update(paths, values, io);
      case 'coverage':
        return await coverage(paths, values, io);
      case 'schemas':
        return schemas(values, io);
      case 'rules':
        await emit(listRules(chooseFormat(values.format, ['pretty', 'json'] as const, 'pretty')), values, io);
        return 0;
      default:
        throw new UsageError(`unknown command '${command}': expected check, replay, extract, update, coverage, schemas or rules (see --help)`);
    }
  } catch (error) {
    if (userErrors.some((kind) => error instanceof kind)) {
      io.stderr.write(`docs-harness: ${(error as Error).message}\n`);
      return 2;
    }
    const detail = process.env.DEBUG ? `\n${(error as Error).stack}` : ' (set DEBUG=1 for details)';
    io.stderr.write(`docs-harness: internal error: ${(error as Error).message}${detail}\n`);
    return 2;
  }
}

type Values = ReturnType<typeof parseCommandLine>['values'];

/** A flag the command does not take is a mistake to point out, not something to ignore silently. */
function refuseForeignFlags(command: string, values: Values): void {
  const accepted = new Set(COMMANDS[command]!.flags.map((flag) => (flag.startsWith('format-') ? 'format' : flag)));
  accepted.add('version');
  for (const [flag, value] of Object.entries(values)) {
    if (value === undefined || accepted.has(flag)) continue;
    const why = command === 'check' && REPLAY_FLAGS.includes(flag) ? ": check never replays; use 'docs-harness replay'" : '';
    throw new UsageError(`${command} does not take --${flag}${why} (see 'docs-harness ${command} --help')`);
  }
}

function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({ args: normalizeChanged(argv), options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]} (see --help)`);
  }
}

/** `--changed` takes an optional base: `--changed`, `--changed=BASE`, or `--changed BASE` when BASE is not a path. */
function normalizeChanged(argv: string[]): string[] {
  const normalized: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const word = argv[index]!;
    if (word !== '--changed') {
      normalized.push(word);
      continue;
    }
    const next = argv[index + 1];
    if (next !== undefined && !next.startsWith('-') && !existsSync(next) && !isCommandName(next)) {
      normalized.push(`--changed=${next}`);
      index++;
    } else normalized.push('--changed=');
  }
  return normalized;
}

function isCommandName(word: string): boolean {
  return ['check', 'replay', 'extract', 'update', 'coverage', 'schemas', 'rules', 'help'].includes(word);
}

function chooseFormat<T extends string>(value: string | undefined, choices: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value)) {
    throw new UsageError(`unknown --format '${value}': choose one of ${choices.join(', ')}`);
  }
  return value as T;
}

function requirePaths(paths: string[], command: string): void {
  if (paths.length === 0) throw new UsageError(`${command} needs at least one file or folder (see --help)`);
}

/** The configuration file with the command line's flags on top. */
function effectiveConfig(values: Values, defaultTarget: ReplayTarget | undefined): Config {
  const { config } = loadConfig(process.cwd(), values.config);
  const replay: ReplayConfig = {};
  const target = values.target ?? (defaultTarget && (!config.replay.target || config.replay.target === 'off') ? defaultTarget : undefined);
  if (target !== undefined) replay.target = target as ReplayConfig['target'];
  if (values['endpoint-url'] !== undefined) replay.endpointUrl = values['endpoint-url'];
  if (values.region !== undefined) replay.region = values.region;
  return mergeOptions(config, {
    ...(values.models !== undefined ? { models: path.resolve(values.models) } : {}),
    replay,
  });
}

/** What the command line allows a replay target: remote endpoints, real AWS, scenario folders. */
function targetOptions(values: Values): TargetOptions {
  return {
    allowRemote: Boolean(values['allow-remote']),
    allowAws: Boolean(values['allow-aws']),
    scenarios: (values.scenarios ?? []).map((folder) => path.resolve(folder)),
  };
}

function modelsFor(config: Config, values: Values, paths: string[]): Promise<ChosenModels> {
  return chooseModels(config, { fromFlag: values.models !== undefined, paths, cwd: process.cwd() });
}

/** The rules a command runs, narrowed by `--only`. */
function chooseRules(values: Values, command: 'check' | 'replay' | 'extract'): readonly Rule[] {
  const rules = command === 'replay' ? allRules : command === 'check' ? [...documentRules, ...modelRules] : documentRules;
  if (!values.only) return rules;
  for (const id of values.only) {
    if (!allRules.some((rule) => rule.id === id)) throw new UsageError(`unknown rule '${id}' in --only (see 'docs-harness rules')`);
    if (!rules.some((rule) => rule.id === id)) throw new UsageError(`rule '${id}' does not run in ${command}: it needs ${command === 'extract' ? "the service models (use 'check')" : "a replay (use 'replay')"}`);
  }
  return rules.filter((rule) => values.only!.includes(rule.id));
}

function selection(values: Values, config: Config, models: ChosenModels): Selection {
  return {
    filter: config,
    ...(values['allow-empty'] ? { allowEmpty: true } : {}),
    ...(values.changed !== undefined ? { changed: { base: values.changed || undefined, modelsDir: models.dir } } : {}),
    ...(values.shard !== undefined ? { shard: values.shard } : {}),
  };
}

async function check(paths: string[], values: Values, io: Io, defaultTarget: ReplayTarget | undefined): Promise<number> {
  requirePaths(paths, defaultTarget ? 'replay' : 'check');
  const format: ReportFormat = chooseFormat(values.format, REPORT_FORMATS, 'pretty');
  if (values['update-baseline'] && !values.baseline) throw new UsageError('--update-baseline needs --baseline FILE');
  const config = effectiveConfig(values, defaultTarget);
  const chosen = await modelsFor(config, values, paths);
  const { models } = chosen;
  // `check` never replays, whatever the config file says: replaying is `replay`'s job.
  const target = defaultTarget === undefined ? undefined : await openReplayTarget(config.replay, targetOptions(values));
  try {
    const rules = chooseRules(values, target === undefined ? 'check' : 'replay');
    // A live target answers differently from run to run, so only checks and mock replays are cached.
    const cacheable = values.cache && !values.fix && (target === undefined || config.replay.target === 'mock');
    const cache = cacheable
      ? ResultCache.open(
          runSignature({ rules: rules.map((rule) => rule.id), severities: config.rules, models: models.signature(), replay: config.replay.target ?? 'off' }),
          values['cache-location'] === undefined ? undefined : path.resolve(values['cache-location']),
        )
      : undefined;
    // The HTML page shows example coverage beside the findings, fed by the same pipeline; not from a cache (cached
    // files are not analysed) nor --fix (a fixed file is analysed again).
    const collector = format === 'html' && !cache && !values.fix ? new CoverageCollector(models) : undefined;
    const run = {
      rules,
      models,
      severities: config.rules,
      selection: selection(values, config, chosen),
      ...(target ? { extend: target.extend } : {}),
      ...(cache ? { cache } : {}),
      ...(collector ? { observe: collector.observe } : {}),
      progress: progressReporter(io),
    };
    const result = values.fix ? await fixFiles(paths, run) : await runFiles(paths, run);
    result.report.models = chosen.used;
    result.report.notes.unshift(...chosen.notes);
    if (target) result.report.notes.unshift(target.note, ...ignoredTargetFlags(values, config.replay.target));
    if (values.cache && !cache) result.report.notes.push('--cache: not used with --fix or a live replay target');
    if (values.baseline) {
      const done = baselineStep(result, values.baseline, Boolean(values['update-baseline']));
      if (done !== undefined) {
        io.stderr.write(done);
        return 0;
      }
    }
    const coverage = collector && buildCoverageReport(collector, models, { files: result.outcomes.length, shownPath: (file) => displayPath(file, process.cwd()), models: chosen.used });
    const text = formatReport(result.report, format, {
      colour: colourWanted(values, io),
      version: packageVersion(),
      command: defaultTarget ? 'replay' : 'check',
      ...(coverage ? { coverage } : {}),
    });
    await emit(text, values, io, result.outcomes.map((outcome) => outcome.path));
    return exitCode(result);
  } finally {
    await target?.close();
  }
}

/** Replay flags the chosen target does not use: said, so that a user who meant them to count finds out. */
function ignoredTargetFlags(values: Values, target: ReplayConfig['target']): string[] {
  const usedBy: Record<string, ReadonlyArray<ReplayConfig['target']>> = {
    'endpoint-url': ['endpoint'],
    'allow-remote': ['endpoint'],
    'allow-aws': ['aws'],
    scenarios: ['local', 'cognito-local', 'endpoint', 'aws'],
  };
  return Object.entries(usedBy)
    .filter(([flag, targets]) => values[flag as keyof Values] !== undefined && !targets.includes(target))
    .map(([flag]) => `warning: --${flag} is ignored by --target ${target ?? 'mock'}`);
}

/** Applies or writes the baseline; returns a message when the run is done (the baseline was written). */
function baselineStep(result: RunResult, file: string, update: boolean): string | undefined {
  const checked = result.outcomes.map(({ path, findings, text }) => ({ path, findings, text }));
  const baseDir = path.dirname(path.resolve(file));
  if (update) {
    const previous = existsSync(file) ? readBaseline(file) : undefined;
    const baseline = createBaseline(checked, baseDir, previous);
    writeBaseline(file, baseline);
    const entries = Object.values(baseline.files).reduce((sum, list) => sum + list.reduce((count, entry) => count + (entry.count ?? 1), 0), 0);
    return `docs-harness: wrote ${entries} known finding(s) in ${Object.keys(baseline.files).length} file(s) to ${file}\n`;
  }
  const { results, fixedEntries } = applyBaseline(checked, readBaseline(file));
  results.forEach((fileResult, index) => {
    result.outcomes[index]!.findings = fileResult.findings;
    result.report.files[index]!.findings = fileResult.findings;
  });
  result.report.notes.push(`baseline ${file}: only findings not in it are reported`);
  if (fixedEntries.length > 0) {
    result.report.notes.push(`${fixedEntries.length} baseline entr${fixedEntries.length === 1 ? 'y no longer occurs' : 'ies no longer occur'} (run --update-baseline to shrink it):`);
    for (const entry of fixedEntries.slice(0, 20)) result.report.notes.push(`  ${entry.file}: ${entry.rule}: ${entry.fingerprint}`);
    if (fixedEntries.length > 20) result.report.notes.push(`  ... and ${fixedEntries.length - 20} more`);
  }
  return undefined;
}

async function extract(paths: string[], values: Values, io: Io): Promise<number> {
  requirePaths(paths, 'extract');
  const format: ExtractFormat = chooseFormat(values.format, ['pretty', 'json'] as const, 'pretty');
  const config = effectiveConfig(values, undefined);
  const chosen = await modelsFor(config, values, paths);
  const result = await runFiles(paths, {
    rules: chooseRules(values, 'extract'),
    models: chosen.models,
    severities: config.rules,
    selection: selection(values, config, chosen),
    progress: progressReporter(io),
    describe: true,
  });
  result.report.models = chosen.used;
  result.report.notes.unshift(...chosen.notes);
  await emit(formatExtract(result, format), values, io, result.outcomes.map((outcome) => outcome.path));
  return exitCode(result);
}

/** `update`: exit 0 when nothing needed to change, 1 when files were (or would be) changed. */
async function update(paths: string[], values: Values, io: Io): Promise<number> {
  const config = effectiveConfig(values, 'mock');
  const { runUpdate } = await import('./update.js');
  const chosen = await modelsFor(config, values, paths);
  return runUpdate(paths, { models: chosen.models, modelNotes: [chosen.used.summary, ...chosen.notes], replay: config.replay, target: targetOptions(values), dryRun: Boolean(values['dry-run']) }, io);
}

/** `coverage`: the operations the documents give examples of, read through the same pipeline as `check`. */
async function coverage(paths: string[], values: Values, io: Io): Promise<number> {
  requirePaths(paths, 'coverage');
  const format: CoverageFormat = chooseFormat(values.format, COVERAGE_FORMATS, 'pretty');
  const flagMinimum = values['min-coverage'] === undefined ? undefined : percentage(values['min-coverage']);
  const config = effectiveConfig(values, undefined);
  const chosen = await modelsFor(config, values, paths);
  const { models } = chosen;
  const collector = new CoverageCollector(models);
  // No rule runs: coverage reads the commands' translations and outputs as the pipeline analyses each document.
  const result = await runFiles(paths, { rules: [], models, selection: selection(values, config, chosen), progress: progressReporter(io), observe: collector.observe });
  const minimum = flagMinimum ?? config.coverage?.minimum;
  const report = buildCoverageReport(collector, models, {
    files: result.outcomes.length,
    allServices: Boolean(values['all-services']),
    ...(minimum === undefined ? {} : { minimum: { percent: minimum, source: flagMinimum === undefined ? 'config' : 'flag' } }),
    ...(config.coverage?.services ? { serviceMinimums: config.coverage.services } : {}),
    shownPath: (file) => displayPath(file, process.cwd()),
    models: chosen.used,
    notes: [...chosen.notes, ...result.report.notes],
  });
  const text =
    format === 'html'
      ? formatReport({ ...result.report, models: chosen.used, notes: report.notes }, 'html', { colour: false, version: packageVersion(), command: 'coverage', coverage: report })
      : formatCoverage(report, format);
  await emit(text, values, io, result.outcomes.map((outcome) => outcome.path));
  return report.thresholds.every((threshold) => threshold.met) ? 0 : 1;
}

/** A percentage from the command line: `80`, `72.5` or `80%`, from 0 to 100. */
function percentage(text: string): number {
  const match = /^(\d+(?:\.\d+)?)%?$/.exec(text.trim());
  const value = match ? Number(match[1]) : NaN;
  if (!(value >= 0 && value <= 100)) throw new UsageError(`--min-coverage takes a percentage from 0 to 100, not '${text}'`);
  return value;
}

function schemas(values: Values, io: Io): number {
  if (!values.service || !values.models || !values.out) {
    throw new UsageError('schemas needs --service NAME --models DIR --out DIR');
  }
  const summary = runSchemasCommand({ service: values.service, models: values.models, out: values.out });
  io.stdout.write(`${summary.lines.join('\n')}\n`);
  return 0;
}

function listRules(format: 'pretty' | 'json'): string {
  if (format === 'json') {
    const rules = allRules.map((rule) => ({ id: rule.id, severity: rule.severity, description: rule.description, needsModels: rule.needsModels ?? false, replay: rule.replay ?? null }));
    return `${JSON.stringify(rules, null, 2)}\n`;
  }
  return allRules.map((rule) => `${rule.id.padEnd(28)} ${rule.severity.padEnd(8)} ${rule.description}`).join('\n') + '\n';
}

function exitCode(result: RunResult): number {
  return result.report.files.some((file) => file.findings.some((finding) => finding.severity === 'error')) ? 1 : 0;
}

/** Writes the report to standard output or `--output`, which may never be one of the documents just checked. */
async function emit(text: string, values: Values, io: Io, checked: string[] = []): Promise<void> {
  if (!values.output) {
    io.stdout.write(text);
    return;
  }
  const target = realpathOrSelf(path.resolve(values.output));
  // Only documents of the same name can be the same file: the others need no realpath (a stat per folder level).
  const name = path.basename(target);
  if (checked.some((document) => path.basename(document) === name && realpathOrSelf(path.resolve(document)) === target)) {
    throw new UsageError(`--output ${values.output} is one of the checked documents: refusing to overwrite it`);
  }
  try {
    // As ESLint's --output-file does, the report's folder is made when it is missing.
    makeFolders(path.dirname(path.resolve(values.output)));
    await writeFile(values.output, text);
  } catch (error) {
    throw new UsageError(`cannot write the report to ${values.output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function realpathOrSelf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

/** Creates `folder` and its missing parents one by one (Node's recursive mkdir never returns under /proc). */
function makeFolders(folder: string): void {
  const missing: string[] = [];
  for (let current = folder; !existsSync(current); current = path.dirname(current)) missing.unshift(current);
  for (const each of missing) mkdirSync(each);
}

function colourWanted(values: Values, io: Io): boolean {
  return !values.output && !process.env.NO_COLOR && Boolean((io.stdout as NodeJS.WriteStream).isTTY);
}

/** A one-line progress counter on a terminal; nothing in CI or when stderr is piped. */
function progressReporter(io: Io): ((done: number, total: number) => void) | undefined {
  const stream = io.stderr as NodeJS.WriteStream;
  if (!stream.isTTY || process.env.CI) return undefined;
  return (done, total) => {
    if (done === total) stream.write('\r\u001b[K');
    else if (done % 25 === 0) stream.write(`\r\u001b[K${done}/${total} files ${'#'.repeat(Math.round((30 * done) / total)).padEnd(30, '.')}`);
  };
}

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

