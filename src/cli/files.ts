import { readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import type { ReadProblem } from '../document/read.js';
import { UsageError } from './errors.js';

export interface DocumentPath {
  path: string;
  /** Named on the command line (read whatever its name) rather than found in a folder. */
  explicit: boolean;
  /** Why the document is not read at all (it resolves outside the checked folder, its folder cannot be read). */
  skip?: ReadProblem;
}

/** A folder the walk passed over on purpose, said at info level so nothing is left out silently. */
export interface SkippedFolder {
  path: string;
  reason: string;
}

export interface Collected {
  documents: DocumentPath[];
  skipped: SkippedFolder[];
}

// Data files beside examples (`file://` inputs, scenario files) are not documents and not worth a finding.
const dataExtensions = new Set(['.json', '.yaml', '.yml']);
// Never documents, and too common to be worth a note.
const silentlySkipped = new Set(['node_modules', '.git']);

/** Files to check: named files as they are, folders walked in sorted order for stable reports. */
export function collectDocuments(inputs: string[]): Collected {
  const collected: Collected = { documents: [], skipped: [] };
  for (const input of inputs) {
    const info = statOrUndefined(input);
    if (!info) throw new UsageError(`no such file or folder: ${input}`);
    if (info.isDirectory()) walk(input, realpathSync(input), collected);
    else collected.documents.push({ path: input, explicit: true });
  }
  return collected;
}

/** A path's stats, following links; undefined where it cannot be read (a broken link, a missing file). */
function statOrUndefined(filePath: string): Stats | undefined {
  try {
    return statSync(filePath);
  } catch {
    return undefined;
  }
}

/**
 * Walks a folder with the synchronous calls: a tree of a few hundred folders is listed in a few milliseconds, where
 * each awaited call would wait its turn on libuv's thread pool.
 */
function walk(folder: string, realRoot: string, collected: Collected): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    collected.documents.push({ path: folder, explicit: false, skip: { message: `the folder cannot be read (${code}): its documents are not checked`, severity: 'error' } });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (silentlySkipped.has(entry.name)) continue;
    const full = path.join(folder, entry.name);
    const isFolder = entry.isDirectory() || (entry.isSymbolicLink() && statOrUndefined(full)?.isDirectory());
    if (entry.name.startsWith('.')) {
      if (isFolder) collected.skipped.push({ path: full, reason: 'a hidden folder (name it on the command line to check it)' });
      continue;
    }
    if (isFolder && entry.isSymbolicLink()) {
      // Links to folders can loop or lead out of the tree.
      collected.skipped.push({ path: full, reason: 'a symbolic link to a folder (not followed)' });
    } else if (isFolder) {
      walk(full, realRoot, collected);
    } else if (dataExtensions.has(path.extname(entry.name).toLowerCase())) {
      continue;
    } else if (entry.isFile()) {
      collected.documents.push({ path: full, explicit: false });
    } else if (entry.isSymbolicLink() && statOrUndefined(full)?.isFile()) {
      // A link to a file is read like the file, unless it leads out of the folder being checked.
      const target = realpathSync(full);
      const inside = target === realRoot || target.startsWith(realRoot + path.sep);
      collected.documents.push({ path: full, explicit: false, ...(inside ? {} : { skip: { message: 'skipped: resolves outside the checked folder', severity: 'info' } }) });
    }
  }
}

/** How a path is shown in reports: relative to the working folder, with `/` separators (never the machine's absolute path). */
/** A path with a `.` or `..` segment or an empty one, which only path.relative may shorten. */
const UNNORMALIZED = /(?:^|[\\/])\.{1,2}(?:[\\/]|$)|[\\/]{2}/;

export function displayPath(filePath: string, cwd: string): string {
  // A normal path under the working folder (every document a run found) is its own tail: no resolving needed.
  const under = path.isAbsolute(cwd) && filePath.startsWith(cwd) && filePath[cwd.length] === path.sep && !UNNORMALIZED.test(filePath);
  // Not for the working folder or one above it, which are not shown as a folder's name after the folder's path.
  const aboveOrSelf = filePath === cwd || cwd.startsWith(filePath.endsWith(path.sep) ? filePath : filePath + path.sep);
  if (!under && !aboveOrSelf && path.isAbsolute(filePath) && path.isAbsolute(cwd) && !UNNORMALIZED.test(filePath)) {
    // Elsewhere (`../docs/...`), a normal path is shown as its folder is, and a run's documents share few folders.
    const cut = filePath.lastIndexOf(path.sep);
    const folder = cut > 0 ? filePath.slice(0, cut) : undefined;
    if (folder !== undefined) {
      const key = `${cwd}\0${folder}`;
      let shown = shownFolders.get(key);
      if (shown === undefined) {
        shown = displayPath(folder, cwd);
        shownFolders.set(key, shown);
      }
      const name = filePath.slice(cut + 1);
      return shown === '.' ? name : `${shown}/${name}`;
    }
  }
  const relative = under ? filePath.slice(cwd.length + 1) : path.relative(cwd, path.resolve(cwd, filePath));
  return (relative === '' ? '.' : relative).split(path.sep).join('/');
}

/** How each folder of a run is shown, by working folder and folder. */
const shownFolders = new Map<string, string>();
