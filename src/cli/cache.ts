import crypto, { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheFolder } from '../model/cache-folder.js';
import type { Finding } from '../rules/types.js';
import type { CommandSummary } from '../reports/types.js';
import type { ExampleSummary } from './types.js';

/** A file a result depends on, as it was: size -1 when it did not exist. */
interface FileStamp {
  path: string;
  size: number;
  mtimeMs: number;
}

interface CacheEntry {
  /** sha1 of the document's text. */
  hash: string;
  treeRoot: string;
  /** Named on the command line (such files are read whatever their name). */
  explicit: boolean;
  findings: Finding[];
  examples: ExampleSummary[];
  commands: CommandSummary[];
  /** The document's text as reports show it, when masking its secrets changed it. */
  source?: string;
  /** Files the document's commands name (`file://`), as they were when the findings were made. */
  consulted: FileStamp[];
}

/**
 * `check --cache`: each file's findings kept between runs, as ESLint's cache does, so a run re-checks
 * only what changed. An entry holds when the document's bytes, the files its commands name, and the run's
 * signature (this build, the rules and their severities, the models, the replay) are what they were.
 */
export class ResultCache {
  private changed = false;

  private constructor(
    private readonly file: string,
    private readonly entries: Record<string, CacheEntry>,
  ) {}

  static open(signature: string, folder = cacheFolder('results')): ResultCache {
    const file = path.join(folder, `${signature.slice(0, 24)}.json`);
    let entries: Record<string, CacheEntry> = {};
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      if (isRecord(parsed)) entries = parsed as Record<string, CacheEntry>;
    } catch {
      // No cache yet, or an unreadable one: start empty.
    }
    return new ResultCache(file, entries);
  }

  /** The cached findings for a document with these bytes, when nothing they depend on changed. */
  lookup(filePath: string, hash: string, treeRoot: string, explicit: boolean): CacheEntry | undefined {
    const entry = Object.hasOwn(this.entries, filePath) ? this.entries[filePath] : undefined;
    // A corrupt entry is a miss: the file is checked again and the entry rewritten.
    if (!isEntry(entry) || entry.hash !== hash || entry.treeRoot !== treeRoot || entry.explicit !== explicit) return undefined;
    return entry.consulted.every((stamp) => sameStamp(stamp, stampOf(stamp.path))) ? entry : undefined;
  }

  store(filePath: string, entry: Omit<CacheEntry, 'consulted'> & { consulted: string[] }): void {
    this.entries[filePath] = { ...entry, consulted: [...new Set(entry.consulted)].sort().map(stampOf) };
    this.changed = true;
  }

  /** Writes the cache when it changed (atomically: a run that stops half-way leaves the old one). */
  save(): void {
    if (!this.changed) return;
    mkdirSync(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.entries));
    renameSync(temporary, this.file);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isPoint = (value: unknown) => isRecord(value) && typeof value.line === 'number' && typeof value.column === 'number';

/** An entry as `store` writes it, down to what the reports read of each finding. */
function isEntry(value: unknown): value is CacheEntry {
  return (
    isRecord(value) &&
    typeof value.hash === 'string' &&
    Array.isArray(value.examples) &&
    Array.isArray(value.commands) &&
    (value.source === undefined || typeof value.source === 'string') &&
    Array.isArray(value.consulted) &&
    value.consulted.every((stamp) => isRecord(stamp) && typeof stamp.path === 'string' && typeof stamp.size === 'number') &&
    Array.isArray(value.findings) &&
    value.findings.every(
      (finding) => isRecord(finding) && typeof finding.ruleId === 'string' && typeof finding.message === 'string' && typeof finding.severity === 'string' && isPoint(finding.start) && isPoint(finding.end),
    )
  );
}

/** sha1 of a document's text; the one-shot form where Node has it (20.12 on): a hash object per document costs more than the hashing. */
export const hashText: (text: string) => string =
  typeof crypto.hash === 'function' ? (text) => crypto.hash('sha1', text) : (text) => createHash('sha1').update(text).digest('hex');

/** A run's signature: what, besides the documents, decides the findings. */
export function runSignature(parts: Record<string, unknown>): string {
  return createHash('sha256')
    .update(JSON.stringify({ build: buildStamp(), ...parts }))
    .digest('hex');
}

function stampOf(filePath: string): FileStamp {
  try {
    const { size, mtimeMs } = statSync(filePath);
    return { path: filePath, size, mtimeMs };
  } catch {
    return { path: filePath, size: -1, mtimeMs: 0 };
  }
}

function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/** This build of docs-harness: every compiled file's size and time, so a rebuilt tool never reuses old findings. */
function buildStamp(): string {
  const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
  const stamps: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.js') || entry.name.endsWith('.ts') || entry.name.endsWith('.json')) {
        const { size, mtimeMs } = statSync(full);
        stamps.push(`${path.relative(root, full)}:${size}:${mtimeMs}`);
      }
    }
  };
  walk(root);
  return createHash('sha256').update(stamps.sort().join('\n')).digest('hex');
}
