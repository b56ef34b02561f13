import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from './errors.js';

export interface DocumentPath {
  path: string;
  /** Named on the command line (read whatever its name) rather than found in a folder. */
  explicit: boolean;
}

// Data files beside examples (`file://` inputs, scenario files) are not documents and not worth a finding.
const dataExtensions = new Set(['.json', '.yaml', '.yml']);
const skippedFolders = new Set(['node_modules', '.git']);

/** Files to check: named files as they are, folders walked in sorted order for stable reports. */
export async function collectDocuments(inputs: string[]): Promise<DocumentPath[]> {
  const found: DocumentPath[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (!info) throw new UsageError(`no such file or folder: ${input}`);
    if (info.isDirectory()) await walk(input, found);
    else found.push({ path: input, explicit: true });
  }
  return found;
}

async function walk(folder: string, found: DocumentPath[]): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || skippedFolders.has(entry.name)) continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) await walk(full, found);
    // A link to a file is read like the file; links to folders are not followed (they can loop).
    else if ((entry.isFile() || (entry.isSymbolicLink() && (await stat(full).catch(() => undefined))?.isFile())) && !dataExtensions.has(path.extname(entry.name).toLowerCase())) {
      found.push({ path: full, explicit: false });
    }
  }
}

/** How a path is shown in reports: relative to the working folder, with `/` separators. */
export function displayPath(filePath: string, cwd: string): string {
  const relative = path.relative(cwd, path.resolve(cwd, filePath));
  const shown = relative.startsWith('..') || path.isAbsolute(relative) ? path.resolve(cwd, filePath) : relative;
  return shown.split(path.sep).join('/');
}
