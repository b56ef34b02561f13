import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export class ChangedFilesError extends Error {
  override name = 'ChangedFilesError';
}

/** Refs tried, in order, for the default branch when no base is given. */
export const DEFAULT_BASE_CANDIDATES = ['origin/HEAD', 'main', 'master', 'origin/main', 'origin/master'];

/** `<service>/<api-version>/<model file>` below any folder, or below `modelsDir` when given. */
const modelFile = /(?:^|\/)([^/]+)\/[^/]+\/(?:service-2|paginators-1|waiters-2)\.json(?:\.gz)?$/;

export interface ChangedFiles {
  /** Absolute paths of files that differ from the base and still exist: committed, staged, unstaged, untracked. */
  files: string[];
  /** The commit compared with (the merge base with the default branch when no base was given). */
  base: string;
  /** botocore folder names of services whose model, paginators or waiters changed (deleted ones too). */
  modelServices: string[];
}

/**
 * The files of the repository around `repoDir` that differ from `base` (default: the merge base of
 * HEAD with `origin/HEAD`, `main` or `master`, whichever exists first), including uncommitted and
 * untracked ones, and the services whose models changed (under `options.modelsDir` when given).
 * git runs through execFile, never a shell.
 */
export async function changedFiles(repoDir: string, base?: string, options: { modelsDir?: string } = {}): Promise<ChangedFiles> {
  const top = (await git(repoDir, ['rev-parse', '--show-toplevel']).catch(() => {
    throw new ChangedFilesError(`${repoDir} is not inside a git repository`);
  })).trim();
  const baseCommit = base === undefined ? await defaultBase(top) : await resolveCommit(top, base);
  if (baseCommit === undefined) throw new ChangedFilesError(`unknown git base "${base}": no such branch, tag or commit in ${top}`);

  const changed = splitNul(await git(top, ['diff', '--name-only', '--no-renames', '-z', baseCommit, '--']));
  const untracked = splitNul(await git(top, ['ls-files', '--others', '--exclude-standard', '-z']));
  const names = [...new Set([...changed, ...untracked])].sort();
  const files = names.map((name) => path.join(top, name)).filter((file) => existsSync(file));

  const modelsPrefix = options.modelsDir === undefined ? undefined : `${path.relative(top, path.resolve(options.modelsDir)).split(path.sep).join('/')}/`;
  const modelServices = new Set<string>();
  for (const name of names) {
    if (modelsPrefix !== undefined && !name.startsWith(modelsPrefix)) continue;
    const match = modelFile.exec(modelsPrefix === undefined ? name : name.slice(modelsPrefix.length - 1));
    if (match) modelServices.add(match[1]!);
  }
  return { files, base: baseCommit, modelServices: [...modelServices].sort() };
}

async function defaultBase(top: string): Promise<string> {
  if ((await resolveCommit(top, 'HEAD')) === undefined) throw new ChangedFilesError(`${top} has no commits yet: nothing to compare with`);
  for (const candidate of DEFAULT_BASE_CANDIDATES) {
    if ((await resolveCommit(top, candidate)) === undefined) continue;
    return (await git(top, ['merge-base', 'HEAD', candidate]).catch(() => {
      throw new ChangedFilesError(`HEAD and ${candidate} have no common ancestor: pass a base`);
    })).trim();
  }
  throw new ChangedFilesError(`no default branch found (tried ${DEFAULT_BASE_CANDIDATES.join(', ')}): pass a base`);
}

async function resolveCommit(top: string, ref: string): Promise<string | undefined> {
  if (ref.startsWith('-')) return undefined;
  try {
    return (await git(top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).trim();
  } catch {
    return undefined;
  }
}

async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' } });
  return stdout;
}

const splitNul = (output: string) => output.split('\0').filter((name) => name !== '');
