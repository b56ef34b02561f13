import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseJsonText } from '../document/json-text.js';
import { fingerprintOf } from '../rules/fingerprint.js';
import type { Finding } from '../rules/types.js';

export { fingerprintOf } from '../rules/fingerprint.js';

/** A known finding: `count` identical ones (same rule and fingerprint) in one file, 1 when absent. */
export interface BaselineEntry {
  rule: string;
  fingerprint: string;
  count?: number;
}

export interface Baseline {
  /** The folder file paths are relative to (the baseline file's folder once read). */
  baseDir: string;
  /** Relative path (`/` separators) → entries. */
  files: Record<string, BaselineEntry[]>;
}

/** One checked document: its path (absolute or relative to the working folder), findings and text. */
export interface CheckedDocument {
  path: string;
  findings: Finding[];
  text: string;
}

export class BaselineError extends Error {
  override name = 'BaselineError';
}

const BASELINE_VERSION = 1;

/**
 * A baseline holding every finding of `results`, paths relative to `baseDir`. With `previous`, the
 * entries of files not in `results` are kept, so a changed-files or shard run can update it.
 */
export function createBaseline(results: readonly CheckedDocument[], baseDir: string, previous?: Baseline): Baseline {
  const files: Record<string, BaselineEntry[]> = {};
  for (const [name, entries] of Object.entries(previous?.files ?? {})) files[relativePath(baseDir, path.resolve(previous!.baseDir, name))] = entries;
  for (const result of results) {
    const file = relativePath(baseDir, result.path);
    delete files[file];
    const counts = countByKey(result);
    if (counts.size === 0) continue;
    files[file] = [...counts.values()].map(({ rule, fingerprint, findings }) => ({
      rule,
      fingerprint,
      ...(findings.length > 1 ? { count: findings.length } : {}),
    }));
  }
  return { baseDir: path.resolve(baseDir), files };
}

/** Writes sorted, pretty JSON (stable across runs, small diffs); paths are rebased on the file's folder. */
export function writeBaseline(file: string, baseline: Baseline): void {
  const targetDir = path.dirname(path.resolve(file));
  const files: Record<string, BaselineEntry[]> = {};
  const rebased = Object.keys(baseline.files).map((name) => [relativePath(targetDir, path.resolve(baseline.baseDir, name)), baseline.files[name]!] as const);
  for (const [name, entries] of rebased.sort(([a], [b]) => compare(a, b))) {
    files[name] = [...entries]
      .sort((a, b) => compare(a.rule, b.rule) || compare(a.fingerprint, b.fingerprint))
      .map(({ rule, fingerprint, count }) => ({ rule, fingerprint, ...(count !== undefined && count > 1 ? { count } : {}) }));
  }
  mkdirSync(targetDir, { recursive: true });
  writeFileSync(file, formatBaselineJson(files));
}

/** Reads a baseline file; a missing, broken or foreign file is a `BaselineError` with a one-line message. */
export function readBaseline(file: string): Baseline {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BaselineError(code === 'ENOENT' ? `${file}: baseline file not found (create it with --update-baseline)` : `${file}: cannot read the baseline (${code ?? String(error)})`);
  }
  const parsed = parseJsonText(text);
  if ('error' in parsed) throw new BaselineError(`${file}: invalid JSON at ${parsed.error}`);
  const problem = baselineProblem(parsed.value);
  if (problem) throw new BaselineError(`${file}: not a docs-harness baseline: ${problem}`);
  return { baseDir: path.dirname(path.resolve(file)), files: (parsed.value as { files: Baseline['files'] }).files };
}

/**
 * Removes the findings the baseline knows (the first `count` of each rule + fingerprint in a file,
 * in document order) and lists the baseline entries that no longer occur (fixed since). Files not
 * in `results` (a changed-files or shard run) are neither matched nor counted as fixed.
 */
export function applyBaseline(
  results: readonly CheckedDocument[],
  baseline: Baseline,
): { results: CheckedDocument[]; fixedEntries: (BaselineEntry & { file: string })[] } {
  const fixedEntries: (BaselineEntry & { file: string })[] = [];
  const newResults = results.map((result) => {
    const file = relativePath(baseline.baseDir, result.path);
    const known = new Map((baseline.files[file] ?? []).map((entry) => [keyOf(entry.rule, entry.fingerprint), entry]));
    const current = countByKey(result);
    const old = new Set<Finding>();
    for (const [key, { findings }] of current) {
      findings.slice(0, known.get(key)?.count ?? (known.has(key) ? 1 : 0)).forEach((finding) => old.add(finding));
    }
    for (const [key, entry] of known) {
      const remaining = (entry.count ?? 1) - (current.get(key)?.findings.length ?? 0);
      if (remaining > 0) fixedEntries.push({ file, rule: entry.rule, fingerprint: entry.fingerprint, ...(remaining > 1 ? { count: remaining } : {}) });
    }
    return { ...result, findings: result.findings.filter((finding) => !old.has(finding)) };
  });
  return { results: newResults, fixedEntries };
}

/** Findings of a document grouped by rule + fingerprint, each group in document order. */
function countByKey(result: CheckedDocument): Map<string, { rule: string; fingerprint: string; findings: Finding[] }> {
  const groups = new Map<string, { rule: string; fingerprint: string; findings: Finding[] }>();
  const ordered = [...result.findings].sort((a, b) => a.start.line - b.start.line || a.start.column - b.start.column);
  const lines = result.text.split(/\r\n|\r|\n/);
  for (const finding of ordered) {
    const fingerprint = fingerprintOf(finding, lines);
    const key = keyOf(finding.ruleId, fingerprint);
    const group = groups.get(key) ?? { rule: finding.ruleId, fingerprint, findings: [] };
    group.findings.push(finding);
    groups.set(key, group);
  }
  return groups;
}

/** Pretty JSON with one entry per line: small, and a fixed or new finding is a one-line diff. */
function formatBaselineJson(files: Record<string, BaselineEntry[]>): string {
  const fileBlocks = Object.entries(files).map(([name, entries]) => {
    const lines = entries.map(
      ({ rule, fingerprint, count }) => `      { "rule": ${JSON.stringify(rule)}, "fingerprint": ${JSON.stringify(fingerprint)}${count === undefined ? '' : `, "count": ${count}`} }`,
    );
    return `    ${JSON.stringify(name)}: [\n${lines.join(',\n')}\n    ]`;
  });
  const body = fileBlocks.length === 0 ? '{}' : `{\n${fileBlocks.join(',\n')}\n  }`;
  return `{\n  "version": ${BASELINE_VERSION},\n  "files": ${body}\n}\n`;
}

const keyOf = (rule: string, fingerprint: string) => `${rule}\u0000${fingerprint}`;
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const relativePath = (baseDir: string, file: string) => path.relative(baseDir, path.resolve(file)).split(path.sep).join('/');

function baselineProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'the top level must be an object';
  const { version, files } = value as { version?: unknown; files?: unknown };
  if (version !== BASELINE_VERSION) return `/version must be ${BASELINE_VERSION}`;
  if (typeof files !== 'object' || files === null || Array.isArray(files)) return '/files must be an object';
  for (const [name, entries] of Object.entries(files)) {
    const where = `/files/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (!Array.isArray(entries)) return `${where} must be an array`;
    for (const [index, entry] of entries.entries()) {
      const { rule, fingerprint, count } = (entry ?? {}) as Partial<Record<keyof BaselineEntry, unknown>>;
      if (typeof rule !== 'string' || typeof fingerprint !== 'string') return `${where}/${index} must have string rule and fingerprint`;
      if (count !== undefined && !(Number.isInteger(count) && (count as number) >= 1)) return `${where}/${index}/count must be a positive integer`;
    }
  }
  return undefined;
}
