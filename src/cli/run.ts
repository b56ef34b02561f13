import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { cliServiceName } from '../model/names.js';
import { maskSecrets } from '../model/secrets.js';
import type { ModelIndex } from '../model/types.js';
import { readDocument, type ReadResult } from '../document/read.js';
import { ReadAhead } from '../document/read-ahead.js';
import { analyzeFile, analyzeVFile, parseExamples, type FileResult } from '../pipeline.js';
import type { AwsCommand } from '../commands/types.js';
import type { Example } from '../examples/types.js';
import type { CommandSummary, RunReport } from '../reports/types.js';
import type { CommandReplay } from '../rules/replay-results.js';
import type { EngineOptions, SeveritySetting } from '../rules/engine.js';
import fileName, { notAnExampleReason } from '../rules/file-name.js';
import unreadableFile from '../rules/unreadable-file.js';
import { applyFixes } from '../rules/fix.js';
import type { Rule } from '../rules/types.js';
import { hashText, type ResultCache } from './cache.js';
import { changedFiles } from './changed.js';
import { createPathFilter, type Config } from './config.js';
import { describeFile } from './extract.js';
import { collectDocuments, displayPath, type DocumentPath } from './files.js';
import { UsageError } from './errors.js';
import { selectShard } from './shard.js';
import type { FileOutcome, RunResult } from './types.js';

export type { ExampleSummary, FileOutcome, RunResult } from './types.js';

/** Which of the found documents a run checks. */
export interface Selection {
  /** include / exclude globs, relative to `root`. */
  filter?: Pick<Config, 'root' | 'include' | 'exclude'>;
  /** Only files changed since `base` (default: the merge base with the default branch), plus the examples of services whose model changed. */
  changed?: { base: string | undefined; modelsDir: string | undefined };
  /** `i/n`: only this deterministic share of the files. */
  shard?: string;
  /** No document found is a clean run rather than a usage error. */
  allowEmpty?: boolean;
}

export interface RunOptions {
  rules: readonly Rule[];
  models?: ModelIndex;
  severities?: Readonly<Record<string, SeveritySetting>>;
  extend?: EngineOptions['extend'];
  selection?: Selection;
  progress?: ((done: number, total: number) => void) | undefined;
  cwd?: string;
  /** Describe each file's examples for `extract` (`FileOutcome.extract`). */
  describe?: boolean;
  /** Findings kept between runs (`check --cache`). */
  cache?: ResultCache;
  /** Told of each analysed document with its rules' context (`coverage`); never used with `cache`, which skips analyses. */
  observe?: EngineOptions['observe'];
}

/** Checks every selected document under the given paths, one at a time, in a stable order. */
export async function runFiles(inputs: string[], options: RunOptions): Promise<RunResult> {
  const cwd = options.cwd ?? process.cwd();
  const { documents, notes } = await selectDocuments(inputs, options.selection, cwd);
  const roots = inputs.map((input) => path.resolve(cwd, input));
  const outcomes: FileOutcome[] = [];
  const reader = new ReadAhead(documents.filter(isRead).map((document) => document.path));
  try {
    for (const [index, document] of documents.entries()) {
      options.progress?.(index, documents.length);
      if (options.cache) outcomes.push(await analyzeCached(document, roots, options, options.cache, reader));
      else outcomes.push(outcomeOf(await analyzeOne(document, roots, options, isRead(document) ? await reader.read(document.path) : undefined), options.describe ?? false, options.models));
    }
  } finally {
    reader.close();
  }
  options.progress?.(documents.length, documents.length);
  options.cache?.save();
  return { outcomes, report: reportOf(outcomes, options.rules, notes, cwd) };
}

/** One file through the result cache: its cached findings when nothing they depend on changed, else a fresh analysis. */
async function analyzeCached(document: DocumentPath, roots: string[], options: RunOptions, cache: ResultCache, reader: ReadAhead): Promise<FileOutcome> {
  // Files that are not examples, or not to be read, are never read; unreadable ones are cheap to report again.
  if (!isRead(document)) return outcomeOf(await analyzeOne(document, roots, options), false, options.models);
  const read = await reader.read(document.path);
  if (read.problem !== undefined) return outcomeOf(await analyzeOne(document, roots, options, read), false, options.models);
  const text = String(read.file.value);
  const hash = hashText(text);
  const treeRoot = rootOf(document.path, roots);
  const hit = cache.lookup(document.path, hash, treeRoot, document.explicit);
  if (hit) {
    const source = hit.source ?? (hit.findings.length > 0 ? text : undefined);
    return { path: document.path, findings: hit.findings, examples: hit.examples, commands: hit.commands, text, ...(source !== undefined ? { source } : {}) };
  }
  const consulted: string[] = [];
  const outcome = outcomeOf(await analyzeOne(document, roots, { ...options, consulted: (file) => consulted.push(file) }, read), false, options.models);
  cache.store(document.path, {
    hash,
    treeRoot,
    explicit: document.explicit,
    findings: outcome.findings,
    examples: outcome.examples,
    commands: outcome.commands,
    // The masked text only where masking changed it (rare): the document's bytes are read again on a hit.
    ...(outcome.source !== undefined && outcome.source !== text ? { source: outcome.source } : {}),
    consulted,
  });
  return outcome;
}

/** The plain-data outcome of one analysed file. */
function outcomeOf(result: FileResult, describe: boolean, models: ModelIndex | undefined): FileOutcome {
  const { document } = result;
  const text = String(document.file.value ?? '');
  const { secrets, replays } = document.file.data;
  return {
    path: result.path,
    findings: result.findings,
    examples: document.examples.map((example) => ({
      index: example.index,
      title: example.title,
      startLine: example.position.start.line,
      endLine: example.position.end.line,
    })),
    commands: commandSummaries(document.examples, replays),
    text,
    ...(result.findings.length > 0 ? { source: maskSecrets(text, secrets ?? new Set()) } : {}),
    ...(describe ? { extract: describeFile(result, models) } : {}),
  };
}

function commandSummaries(examples: readonly Example[], replays: ReadonlyMap<AwsCommand, CommandReplay> | undefined): CommandSummary[] {
  const summaries: CommandSummary[] = [];
  for (const example of examples) {
    for (const command of example.commands) {
      const summary: CommandSummary = { line: command.shell.position.start.line };
      if (command.service !== undefined) summary.service = command.service;
      if (command.operation !== undefined) summary.operation = command.operation;
      const replay = replays?.get(command);
      if (replay) summary.replay = replay;
      summaries.push(summary);
    }
  }
  return summaries;
}

/**
 * `check --fix`: analyses each file, writes its safe fixes, and analyses again until nothing more applies
 * (overlapping fixes wait for the next pass). The report is that of the fixed files.
 */
export async function fixFiles(inputs: string[], options: RunOptions): Promise<RunResult> {
  const cwd = options.cwd ?? process.cwd();
  const { documents, notes } = await selectDocuments(inputs, options.selection, cwd);
  const roots = inputs.map((input) => path.resolve(cwd, input));
  const outcomes: FileOutcome[] = [];
  let fixedFiles = 0;
  let fixCount = 0;
  for (const [index, document] of documents.entries()) {
    options.progress?.(index, documents.length);
    let result = await analyzeOne(document, roots, options);
    const original = String(result.document.file.value ?? '');
    let text = original;
    // The reader drops a BOM from the text; it is written back as it was.
    const bom = original !== '' && (await readFile(document.path)).subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])) ? '\uFEFF' : '';
    for (let pass = 0; pass < 10; pass++) {
      const fixes = result.findings.flatMap((finding) => (finding.fix ? [finding.fix] : []));
      if (fixes.length === 0) break;
      const fixed = applyFixes(text, fixes);
      if (fixed.applied === 0 || fixed.text === text) break;
      try {
        await writeFile(document.path, bom + fixed.text);
      } catch (error) {
        // A read-only file: said at the file, and the run goes on with the others.
        const at = { line: 1, column: 1, offset: 0 };
        const code = (error as NodeJS.ErrnoException).code ?? String(error);
        result.findings.unshift({ ruleId: unreadableFile.id, severity: 'error', message: `the fixes cannot be written (${code}): the file is left as it was`, start: at, end: at });
        break;
      }
      fixCount += fixed.applied;
      text = fixed.text;
      result = await analyzeOne(document, roots, options);
    }
    if (text !== original) fixedFiles++;
    outcomes.push(outcomeOf(result, false, options.models));
  }
  options.progress?.(documents.length, documents.length);
  notes.push(`--fix: ${fixCount} fix(es) written in ${fixedFiles} file(s)`);
  return { outcomes, report: reportOf(outcomes, options.rules, notes, cwd) };
}

/** Whether a document is read at all: skipped ones and files that are not examples get only the finding that says why. */
function isRead(document: DocumentPath): boolean {
  return !document.skip && (document.explicit || notAnExampleReason(document.path) === undefined);
}

async function analyzeOne(
  document: DocumentPath,
  roots: string[],
  options: Pick<RunOptions, 'rules' | 'models' | 'severities' | 'extend' | 'observe'> & Pick<EngineOptions, 'consulted'>,
  read?: ReadResult,
): Promise<FileResult> {
  const engine: EngineOptions = {
    rules: options.rules,
    treeRoot: rootOf(document.path, roots),
    // Reports are made from the findings: vfile messages would be built for no reader.
    recordMessages: false,
    ...(options.models ? { models: options.models } : {}),
    ...(options.severities ? { severities: options.severities } : {}),
    ...(options.extend ? { extend: options.extend } : {}),
    ...(options.consulted ? { consulted: options.consulted } : {}),
    ...(options.observe ? { observe: options.observe } : {}),
  };
  if (document.skip) {
    // Never read (nor, with --fix, written): only the finding that says why.
    return analyzeVFile(document.path, new VFile({ path: document.path, value: '' }), document.skip, { ...engine, rules: [unreadableFile], extend: undefined });
  }
  if (!isRead(document)) {
    // Not an example file: only the finding that says why.
    return analyzeVFile(document.path, new VFile({ path: document.path, value: '' }), undefined, { ...engine, rules: [fileName], extend: undefined });
  }
  return analyzeFile(document.path, engine, { namedExplicitly: document.explicit }, read);
}

async function selectDocuments(inputs: string[], selection: Selection | undefined, cwd: string): Promise<{ documents: DocumentPath[]; notes: string[] }> {
  const collected = collectDocuments(inputs.map((input) => path.resolve(cwd, input)));
  let { documents } = collected;
  const notes = collected.skipped.map((folder) => `skipped ${displayPath(folder.path, cwd)}: ${folder.reason}`);
  if (selection?.filter) {
    const keep = createPathFilter(selection.filter);
    documents = documents.filter((document) => document.explicit || keep(document.path));
  }
  if (documents.length === 0 && !selection?.allowEmpty) {
    // As ESLint does: a run that checks nothing is more likely a wrong path or glob than a clean tree.
    throw new UsageError(
      `no documents found in ${inputs.map((input) => displayPath(input, cwd)).join(', ')}${selection?.filter && (selection.filter.include.length || selection.filter.exclude.length) ? ' (after include / exclude)' : ''}; pass --allow-empty to accept an empty selection`,
    );
  }
  if (selection?.changed) {
    const changed = await changedFiles(cwd, selection.changed.base, selection.changed.modelsDir ? { modelsDir: selection.changed.modelsDir } : {});
    const files = new Set(changed.files.map((file) => path.resolve(file)));
    const services = new Set(changed.modelServices.map(cliServiceName));
    const chosen: DocumentPath[] = [];
    // A changed model concerns every document whose commands use the service, wherever the document is.
    for (const document of documents) if (files.has(document.path) || (services.size > 0 && (await usesService(document, services)))) chosen.push(document);
    documents = chosen;
    const shown = documents.map((document) => displayPath(document.path, cwd));
    notes.push(
      `changed since ${changed.base.slice(0, 12)}: ${documents.length} document(s) checked` +
        (services.size ? ` (models changed: ${[...services].join(', ')})` : '') +
        (shown.length ? `: ${shown.slice(0, 10).join(', ')}${shown.length > 10 ? ', ...' : ''}` : ''),
    );
  }
  if (selection?.shard) {
    const chosen = new Set(selectShard(documents.map((document) => document.path), selection.shard));
    documents = documents.filter((document) => chosen.has(document.path));
    notes.push(`shard ${selection.shard}: ${documents.length} document(s)`);
  }
  return { documents, notes };
}

/** Whether any command of the document runs one of these services (CLI names). */
async function usesService(document: DocumentPath, services: ReadonlySet<string>): Promise<boolean> {
  if (document.skip) return false;
  const read = await readDocument(document.path);
  if (read.problem) return false;
  const { examples } = parseExamples(document.path, read.file);
  return examples.some((example) => example.commands.some((command) => command.service !== undefined && services.has(command.service)));
}

function reportOf(outcomes: FileOutcome[], rules: readonly Rule[], notes: string[], cwd: string): RunReport {
  return {
    rules,
    notes,
    files: outcomes.map((outcome) => ({
      path: displayPath(outcome.path, cwd),
      findings: outcome.findings,
      examples: outcome.examples.length,
      commands: outcome.commands,
      ...(outcome.source !== undefined ? { source: outcome.source } : {}),
    })),
  };
}

/** The input folder a file was found under (file:// values are never read outside it). */
function rootOf(filePath: string, roots: string[]): string {
  for (const root of roots) {
    if (filePath === root) return path.dirname(root);
    if (filePath.startsWith(root + path.sep)) return root;
  }
  return path.dirname(filePath);
}
