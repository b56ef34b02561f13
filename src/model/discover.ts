import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import which from 'which';
import { loadModels, type LoadModelsOptions } from './load.js';
import type { ModelIndex } from './types.js';

/** Where a run's service models come from, in the order they are looked for after `--models`. */
export type ModelsSource = 'flag' | 'config' | 'checkout' | 'installed-cli' | 'python' | 'debian' | 'embedded';

/** The service models of a run, as reports (check, replay, coverage) show them. */
export interface ModelsUsed {
  source: ModelsSource;
  /** The botocore data folder: relative to the working folder when inside it; absent for the embedded model. */
  path?: string;
  /** `aws-cli 2.9.19` or `botocore 1.43.11`, when the install says. */
  version?: string;
  /** One line for people: `models: <path> (<version>, <where it was found>)`, or that none was found. */
  summary: string;
}

/** The models a run uses, as every report names them. */
export interface ModelsOrigin {
  source: ModelsSource;
  /** The botocore data folder (absolute); absent for the embedded model. */
  dir?: string;
  /** `aws-cli 2.9.19` or `botocore 1.43.11`, when the install says. */
  version?: string;
}

export interface Discovery {
  origin: ModelsOrigin;
  /** Absent when nothing was found (the embedded model is the caller's fallback). */
  models?: ModelIndex;
  /** Candidates that were there but could not be used. */
  skipped: SkippedCandidate[];
}

export interface SkippedCandidate {
  /** The folder, or the program that did not answer. */
  where: string;
  /** What it is (`an aws-cli checkout`, `the AWS CLI at /usr/local/bin/aws`, ...). */
  what: string;
  reason: string;
}

export interface DiscoveryOptions {
  /** The checked paths (absolute): an aws-cli checkout holding them is looked for from each upward. */
  paths: string[];
  /** The environment whose PATH is searched for `aws` and `python3` (default: this process's). */
  env?: NodeJS.ProcessEnv;
  /** Debian's Python package folder (a parameter so that tests can lay a fake one). */
  debianPackages?: string;
  /** How long `python3` may take to say where botocore is. */
  pythonTimeoutMs?: number;
  load?: LoadModelsOptions;
}

export const DEBIAN_PACKAGES = '/usr/lib/python3/dist-packages';

interface Candidate {
  dir: string;
  /** What the folder is, for a note when it cannot be used. */
  what: string;
}

/**
 * botocore data found without set-up, in this order: an aws-cli checkout holding the checked files, the AWS CLI on
 * the PATH, Python's botocore, Debian's awscli package. The first folder that loads wins; one that is there but
 * cannot be used is skipped with a note. Cheap: a few stats per source, and `python3` only when nothing came before.
 */
export async function discoverModels(options: DiscoveryOptions): Promise<Discovery> {
  const env = options.env ?? process.env;
  const skipped: SkippedCandidate[] = [];
  const sources: Array<[ModelsSource, () => Candidate[] | Promise<Candidate[]>]> = [
    ['checkout', () => checkoutCandidates(options.paths)],
    ['installed-cli', () => installedCliCandidates(env)],
    ['python', () => pythonCandidates(env, options.pythonTimeoutMs ?? 5000, skipped)],
    ['debian', () => packageCandidates(options.debianPackages ?? DEBIAN_PACKAGES, "Debian's awscli package")],
  ];
  for (const [source, candidatesOf] of sources) {
    for (const candidate of await candidatesOf()) {
      try {
        const models = loadModels(candidate.dir, options.load);
        const version = versionOfDataFolder(candidate.dir);
        return { origin: { source, dir: candidate.dir, ...(version ? { version } : {}) }, models, skipped };
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message.replace(`: ${candidate.dir}`, '');
        skipped.push({ where: candidate.dir, what: candidate.what, reason });
      }
    }
  }
  return { origin: { source: 'embedded' }, skipped };
}

/**
 * `awscli/botocore/data` (aws-cli v2, which bundles botocore) or `botocore/data` beside `awscli` (v1, where botocore is
 * a sibling package) in a folder holding the checked files or above it, up to the repository's top or the root.
 */
function checkoutCandidates(paths: string[]): Candidate[] {
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  for (const checked of paths) {
    let folder = isFolder(checked) ? checked : path.dirname(checked);
    for (;;) {
      if (seen.has(folder)) break;
      seen.add(folder);
      candidates.push(...packageCandidates(folder, 'an aws-cli checkout', true));
      const parent = path.dirname(folder);
      if (parent === folder || exists(path.join(folder, '.git'))) break;
      folder = parent;
    }
  }
  return candidates;
}

/**
 * The AWS CLI on the PATH, its links followed: the v2 installer's (and macOS package's) `dist/awscli/botocore/data`
 * beside the binary, or a Python install's (pip, Homebrew) `lib/python3.*\/site-packages` above it.
 */
function installedCliCandidates(env: NodeJS.ProcessEnv): Candidate[] {
  const found = findOnPath('aws', env);
  if (found === undefined) return [];
  let binary: string;
  try {
    binary = realpathSync(found);
  } catch {
    return [];
  }
  const folder = path.dirname(binary);
  const bundled = path.join(folder, 'awscli', 'botocore', 'data');
  const what = `the AWS CLI at ${found}`;
  const candidates: Candidate[] = isFolder(bundled) ? [{ dir: bundled, what }] : [];
  const lib = path.join(folder, '..', 'lib');
  for (const python of listFolder(lib).filter((name) => name.startsWith('python3'))) {
    candidates.push(...packageCandidates(path.join(lib, python, 'site-packages'), what, true));
  }
  return candidates;
}

/**
 * Where `python3` on the PATH imports botocore from. `find_spec` locates the package without running its code; the
 * interpreter starts in the filesystem root so that no folder being checked is on its module path.
 */
async function pythonCandidates(env: NodeJS.ProcessEnv, timeout: number, skipped: SkippedCandidate[]): Promise<Candidate[]> {
  const python = findOnPath('python3', env);
  if (python === undefined) return [];
  const script = 'import importlib.util as u\ns = u.find_spec("botocore")\nprint(s.origin if s and s.origin else "")';
  const answer = await new Promise<string | undefined>((resolve) => {
    execFile(python, ['-c', script], { cwd: path.parse(process.cwd()).root, env, timeout, maxBuffer: 64 * 1024, encoding: 'utf8' }, (error, stdout) => {
      if (error?.killed) skipped.push({ where: python, what: "Python's botocore", reason: `no answer within ${timeout / 1000} s` });
      resolve(error ? undefined : stdout.trim());
    });
  });
  if (!answer) return [];
  return [{ dir: path.join(path.dirname(answer), 'data'), what: `Python's botocore (${python})` }];
}

/** In a Python package folder: aws-cli v2's bundled `awscli/botocore/data`, then `botocore/data` (beside `awscli` only when asked). */
function packageCandidates(folder: string, what: string, besideAwscliOnly = false): Candidate[] {
  const awscli = path.join(folder, 'awscli');
  if (besideAwscliOnly && !isFolder(awscli)) return [];
  return [path.join(awscli, 'botocore', 'data'), path.join(folder, 'botocore', 'data')].filter(isFolder).map((dir) => ({ dir, what }));
}

/**
 * The version of the install a botocore data folder belongs to: aws-cli's for `awscli/botocore/data` (its
 * `__init__.py`, or the v2 installer's `<version>/dist` folder), botocore's for `botocore/data`.
 */
export function versionOfDataFolder(dir: string): string | undefined {
  const botocore = path.dirname(dir);
  if (path.basename(dir) !== 'data' || path.basename(botocore) !== 'botocore') return undefined;
  const awscli = path.dirname(botocore);
  if (path.basename(awscli) === 'awscli') {
    const version = versionIn(path.join(awscli, '__init__.py'));
    if (version) return `aws-cli ${version}`;
    const dist = path.dirname(awscli);
    const installed = path.basename(path.dirname(dist));
    return path.basename(dist) === 'dist' && /^\d+\.\d+\.\d+$/.test(installed) ? `aws-cli ${installed}` : undefined;
  }
  const version = versionIn(path.join(botocore, '__init__.py'));
  return version ? `botocore ${version}` : undefined;
}

function versionIn(initFile: string): string | undefined {
  try {
    return /^__version__\s*=\s*['"]([^'"]+)['"]/m.exec(readFileSync(initFile, 'utf8'))?.[1];
  } catch {
    return undefined;
  }
}

/** A program on the PATH; relative PATH entries are ignored, so that no folder being checked can supply one. */
function findOnPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  const searched = (env.PATH ?? '').split(path.delimiter).filter((entry) => path.isAbsolute(entry));
  if (searched.length === 0) return undefined;
  return which.sync(name, { path: searched.join(path.delimiter), nothrow: true }) ?? undefined;
}

function isFolder(file: string): boolean {
  return statOf(file)?.isDirectory() ?? false;
}

function exists(file: string): boolean {
  return statOf(file) !== undefined;
}

/** A folder above the checked files may be unreadable: that is no reason to stop. */
function statOf(file: string) {
  try {
    return statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

function listFolder(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}
