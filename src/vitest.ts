import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadConfig, type Config } from './cli/config.js';
import { openReplayTarget, type OpenTarget } from './cli/replay-target.js';
import { chooseModels } from './cli/models.js';
import { runFiles } from './cli/run.js';
import type { ExampleSummary, RunResult } from './cli/types.js';
import { allRules } from './rules/index.js';
import type { Finding, Rule } from './rules/types.js';

export interface ExampleTestOptions {
  /** botocore data folder; default: the config file's `models`, else one found as the CLI finds it, else the embedded cognito-idp model. */
  models?: string;
  /** Replay every command through the SDK client (`mock`, the default) or against a cognito-local started for the run. */
  target?: 'mock' | 'cognito-local';
  /**
   * The config file, as the CLI reads it (rule severities, `models`, include / exclude, the replay target);
   * default: the nearest `docs-harness.config.json` in the working folder or above (inside the repository).
   */
  config?: string;
  /** How long checking and replaying the whole tree may take in `beforeAll` (default 10 minutes: a large tree is slow). */
  hookTimeout?: number;
  /** The rules to run; default: every rule. */
  rules?: readonly Rule[];
  /** The lowest severity that fails a test (default `error`). */
  failOn?: 'error' | 'warning';
  /** Test names and messages show paths relative to this folder (default: the working folder). */
  cwd?: string;
}

/** One registered test: an example of a file, or the file itself for findings that belong to no example. */
export interface ExampleTest {
  /** `<file> › <title>` for an example (`(untitled)` without a title), `<file>` for the file. */
  name: string;
  file: string;
  /** The example's index in the file; absent for the file's own test. */
  exampleIndex?: number;
}

export interface ExampleResult extends ExampleTest {
  findings: Finding[];
  /** Findings at or above `failOn`: the test fails when there is one. */
  failures: Finding[];
  /** The failures, one `file:line:col severity message rule-id` a line. */
  message: string;
}

/** The tests for the documents under `paths`, from reading them (nothing replayed): the names vitest registers. */
export async function exampleTests(paths: string | string[], options: Pick<ExampleTestOptions, 'cwd' | 'config'> = {}): Promise<ExampleTest[]> {
  const config = configOf(options);
  const run = await runFiles(toList(paths), { rules: [], selection: { filter: config }, ...(options.cwd ? { cwd: options.cwd } : {}) });
  return testsOf(run).map(({ test }) => test);
}

/**
 * Checks and replays the documents under `paths` and gives each example its findings (by where they stand),
 * and each file the findings that stand outside every example. `target`: an already open replay target
 * (`registerExampleTests` opens it in `beforeAll`); without one, a target is opened and closed here.
 */
export async function exampleResults(paths: string | string[], options: ExampleTestOptions = {}, target?: OpenTarget): Promise<ExampleResult[]> {
  const open = target ?? (await openTarget(options));
  const config = configOf(options);
  const modelsDir = options.models === undefined ? config.models : path.resolve(options.models);
  try {
    const { models } = await chooseModels(
      { ...config, ...(modelsDir === undefined ? {} : { models: modelsDir }) },
      { fromFlag: options.models !== undefined, paths: toList(paths), cwd: options.cwd ?? process.cwd() },
    );
    const run = await runFiles(toList(paths), {
      rules: options.rules ?? allRules,
      models,
      severities: config.rules,
      selection: { filter: config },
      extend: open.extend,
      ...(options.cwd ? { cwd: options.cwd } : {}),
    });
    const failing = options.failOn === 'warning' ? new Set(['error', 'warning']) : new Set(['error']);
    return testsOf(run).map(({ test, findings }) => {
      const failures = findings.filter((finding) => failing.has(finding.severity));
      const message = failures.map((finding) => `${test.file}:${finding.start.line}:${finding.start.column} ${finding.severity} ${finding.message} ${finding.ruleId}`).join('\n');
      return { ...test, findings, failures, message };
    });
  } finally {
    if (!target) await open.close();
  }
}

/**
 * Registers one vitest test per example of the documents under `paths` (and one per file), failing with the
 * example's findings. Call it with top-level `await` in a test file: the documents are read to name the tests
 * while vitest collects them; checking and replay (and a cognito-local server) run in `beforeAll`.
 */
export async function registerExampleTests(paths: string | string[], options: ExampleTestOptions = {}): Promise<void> {
  const tests = await exampleTests(paths, options);
  let target: OpenTarget | undefined;
  let results: Map<string, ExampleResult> | undefined;
  beforeAll(async () => {
    target = await openTarget(options);
    results = new Map((await exampleResults(paths, options, target)).map((result) => [keyOf(result), result]));
  }, options.hookTimeout ?? DEFAULT_HOOK_TIMEOUT_MS);
  afterAll(async () => {
    await target?.close();
  });
  for (const exampleTest of tests) {
    test(exampleTest.name, () => {
      const result = results?.get(keyOf(exampleTest));
      if (!result) expect.fail(`${exampleTest.name}: no result (the documents changed while the tests ran?)`);
      if (result.failures.length > 0) expect.fail(result.message);
    });
  }
}

const DEFAULT_HOOK_TIMEOUT_MS = 10 * 60_000;

function configOf(options: Pick<ExampleTestOptions, 'cwd' | 'config'>): Config {
  return loadConfig(options.cwd ?? process.cwd(), options.config).config;
}

/** The option's target, else the config file's when it is one a test run can start (mock, cognito-local), else mock. */
function openTarget(options: ExampleTestOptions): Promise<OpenTarget> {
  const configured = configOf(options).replay.target;
  const target = options.target ?? (configured === 'mock' || configured === 'cognito-local' ? configured : 'mock');
  return openReplayTarget({ target }, { allowRemote: false }) as Promise<OpenTarget>;
}

function toList(paths: string | string[]): string[] {
  return typeof paths === 'string' ? [paths] : paths;
}

function keyOf(exampleTest: ExampleTest): string {
  return `${exampleTest.file}#${exampleTest.exampleIndex ?? ''}`;
}

/** Each file's test and its examples' tests, with the findings that stand inside each. */
function testsOf(run: RunResult): Array<{ test: ExampleTest; findings: Finding[] }> {
  return run.outcomes.flatMap((result, index) => {
    const file = run.report.files[index]!.path;
    const { examples } = result;
    const owner = (finding: Finding) => examples.find((example) => contains(example, finding));
    const fileTest = { test: { name: file, file }, findings: result.findings.filter((finding) => owner(finding) === undefined) };
    const exampleTests = examples.map((example) => ({
      test: { name: `${file} › ${example.title ?? '(untitled)'}`, file, exampleIndex: example.index },
      findings: result.findings.filter((finding) => owner(finding) === example),
    }));
    return [fileTest, ...exampleTests];
  });
}

function contains(example: ExampleSummary, finding: Finding): boolean {
  return finding.start.line >= example.startLine && finding.start.line <= example.endLine;
}
