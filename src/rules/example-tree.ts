import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Whether a document belongs to an aws-cli style example tree (`<service>/<operation>.rst`,
 * `<service>/wait/<waiter>.rst`), where file names carry meaning: names with `_` are descriptions, the file name
 * is the command documented, `Example N` titles are numbered. READMEs, guides and tutorials are not.
 *
 * Decided from the file system when the folder exists: some folder at or above the file (up to two levels), or
 * one of the first folders below it, is a service folder — named in lowercase words and holding `.rst` files
 * with `aws <that name>` commands. A document that is not on disk (an editor buffer, a rule example) has only its path: a
 * folder named in lowercase words.
 */
export function inCliExampleTree(filePath: string): boolean {
  const folder = path.dirname(path.resolve(filePath));
  // Asked by several rules for every document: once per folder.
  let known = treeFolders.get(folder);
  if (known === undefined) {
    const parent = path.dirname(folder);
    known = existsSync(folder)
      ? [folder, parent, path.dirname(parent)].some(isServiceFolder) || [folder, parent].some(hasServiceSubfolder)
      : LOWERCASE_NAME.test(path.basename(folder));
    treeFolders.set(folder, known);
  }
  return known;
}

const treeFolders = new Map<string, boolean>();

const LOWERCASE_NAME = /^[a-z0-9][a-z0-9-]*$/;
const NOT_EXAMPLES = /^(?:readme|index|changelog|contributing|license|notes?|guide|tutorial|faq)$/i;

/** An example document of an aws-cli style tree: `<service>/<operation>.rst` in such a tree. */
export function isCliExampleDocument(document: { path: string; file: { value: unknown } }): boolean {
  // Asked by several rules for every document: once per document.
  let known = exampleDocuments.get(document);
  if (known === undefined) {
    const parts = exampleFileParts(document.path);
    known = parts !== undefined && (showsItsFolderCommands(parts, String(document.file.value ?? '')) || inCliExampleTree(document.path));
    exampleDocuments.set(document, known);
  }
  return known;
}

const exampleDocuments = new WeakMap<object, boolean>();

/** The folder (as the path writes it) and its name, when a path names an example file: `<lowercase folder>/<name>.rst`. */
function exampleFileParts(filePath: string): { folder: string; folderName: string } | undefined {
  const nameStart = Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\')) + 1;
  const name = filePath.slice(nameStart);
  if (nameStart === 0 || !/\.rst$/i.test(name)) return undefined;
  const base = name.slice(0, -'.rst'.length);
  if (!EXAMPLE_NAME.test(base) || NOT_EXAMPLES.test(base)) return undefined;
  // `a//b.rst` names the folder `a`, as splitting at separators and dropping empty parts does.
  let folderEnd = nameStart - 1;
  while (folderEnd > 0 && isSeparator(filePath[folderEnd - 1]!)) folderEnd--;
  const folderStart = Math.max(filePath.lastIndexOf('/', folderEnd - 1), filePath.lastIndexOf('\\', folderEnd - 1)) + 1;
  const folderName = folderEnd > 0 ? filePath.slice(folderStart, folderEnd) : '';
  return LOWERCASE_NAME.test(folderName) ? { folder: filePath.slice(0, folderEnd), folderName } : undefined;
}

const isSeparator = (char: string) => char === '/' || char === '\\';
const EXAMPLE_NAME = /^[a-z0-9_][a-z0-9_-]*$/;

/**
 * The document itself runs `aws <its folder's name>` (`ec2/describe-vpcs.rst` shows `aws ec2 ...`): its folder is a
 * service folder, known without reading the folder's other files.
 */
function showsItsFolderCommands({ folder, folderName }: { folder: string; folderName: string }, text: string): boolean {
  // Once a document of the folder showed it, the folder is known.
  if (foldersShowingCommands.has(folder)) return true;
  if (!runsAwsService(text, folderName)) return false;
  foldersShowingCommands.add(folder);
  serviceFolders.set(path.resolve(folder), true);
  return true;
}

/** Folders, as the checked paths write them, that a document showed to be service folders. */
const foldersShowingCommands = new Set<string>();

const serviceFolders = new Map<string, boolean>();
const subfolderChecks = new Map<string, boolean>();

function isServiceFolder(folder: string): boolean {
  let known = serviceFolders.get(folder);
  if (known === undefined) {
    known = LOWERCASE_NAME.test(path.basename(folder)) && holdsAwsExamples(folder);
    serviceFolders.set(folder, known);
  }
  return known;
}

/** A few lowercase `.rst` files of the folder (no `_`): do they show `aws <folder name>` commands? */
function holdsAwsExamples(folder: string): boolean {
  const service = path.basename(folder);
  const examples = entriesOf(folder)
    .filter((entry) => entry.isFile() && /^[a-z0-9][a-z0-9-]*\.rst$/.test(entry.name))
    .slice(0, 3);
  return examples.some((entry) => {
    try {
      return runsAwsService(readFileSync(path.join(folder, entry.name), 'utf8'), service);
    } catch {
      return false;
    }
  });
}

/**
 * Whether a line of `text` starts (after blanks) with `aws <service>` and a blank, as `/^\s*aws <service>\s/m`
 * would say: found with plain searches, as a pattern per folder costs a compile for each of hundreds of folders.
 */
export function runsAwsService(text: string, service: string): boolean {
  const words = `aws ${service}`;
  for (let at = text.indexOf(words); at !== -1; at = text.indexOf(words, at + 1)) {
    if (!BLANK.test(text[at + words.length] ?? '')) continue;
    let before = at - 1;
    while (before >= 0 && BLANK.test(text[before]!) && !LINE_BREAK.test(text[before]!)) before--;
    if (before < 0 || LINE_BREAK.test(text[before]!)) return true;
  }
  return false;
}

const BLANK = /\s/;
const LINE_BREAK = /[\n\r\u2028\u2029]/;

function hasServiceSubfolder(folder: string): boolean {
  let known = subfolderChecks.get(folder);
  if (known === undefined) {
    known = entriesOf(folder)
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
      .slice(0, 3)
      .some((entry) => isServiceFolder(path.join(folder, entry.name)));
    subfolderChecks.set(folder, known);
  }
  return known;
}

function entriesOf(folder: string) {
  try {
    return readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}
