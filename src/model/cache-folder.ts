import { accessSync, constants, lstatSync, mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Where docs-harness keeps a kind of cache (model digests, results): `node_modules/.cache/docs-harness/<kind>`
 * of the working folder when that can be written, else the user's own cache folder (`$XDG_CACHE_HOME` or
 * `~/.cache`), else a folder of this user's in the OS temp folder. A cache feeds findings, so it is never read
 * from a place another user could have written: the temp folder is checked for its owner and permissions, and a
 * fresh private one is used when the check fails.
 */
export function cacheFolder(kind: string): string {
  const nodeModules = path.resolve('node_modules');
  if (writable(nodeModules)) return path.join(nodeModules, '.cache', 'docs-harness', kind);
  const userCache = process.env.XDG_CACHE_HOME || (os.homedir() && path.join(os.homedir(), '.cache'));
  if (userCache && path.isAbsolute(userCache) && (writable(userCache) || makePrivate(userCache))) return path.join(userCache, 'docs-harness', kind);
  return path.join(privateTempFolder(), kind);
}

function writable(folder: string): boolean {
  try {
    accessSync(folder, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function makePrivate(folder: string): boolean {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    return true;
  } catch {
    return false;
  }
}

/** `<tmp>/docs-harness-<uid>`, made private on first use; a private one-off folder when it is not ours alone. */
function privateTempFolder(): string {
  const uid = process.getuid?.() ?? 0;
  const folder = path.join(os.tmpdir(), `docs-harness-${uid}`);
  makePrivate(folder);
  try {
    const info = lstatSync(folder);
    if (info.isDirectory() && info.uid === uid && (info.mode & 0o022) === 0) return folder;
  } catch {
    // Not there and not makeable: fall through to a one-off folder.
  }
  return mkdtempSync(path.join(os.tmpdir(), 'docs-harness-cache-'));
}
