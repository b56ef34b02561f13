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
  const filePath = document.path;
  // Asked by several rules for every document: once per path.
  let known = exampleDocuments.get(filePath);
  if (known === undefined) {
    known = pathLooksLikeCliExample(filePath) && (showsItsFolderCommands(filePath, String(document.file.value ?? '')) || inCliExampleTree(filePath));
    exampleDocuments.set(filePath, known);
  }
  return known;
}

/**
 * The document itself runs `aws <its folder's name>` (`ec2/describe-vpcs.rst` shows `aws ec2 ...`): its folder is a
 * service folder, known without reading the folder's other files.
 */
function showsItsFolderCommands(filePath: string, text: string): boolean {
  // Asked once per document: resolving only a relative path (resolving normalizes, a cost for every document).
  const folder = path.dirname(path.isAbsolute(filePath) ? filePath : path.resolve(filePath));
  // Once a document of the folder showed it, the folder is known.
  if (foldersShowingCommands.has(folder)) return true;
  const name = path.basename(folder);
  // Most documents of other folders never name the folder's service: one plain test before the pattern.
  if (!LOWERCASE_NAME.test(name) || !text.includes(`aws ${name}`) || !new RegExp(`^\\s*aws ${name}\\s`, 'm').test(text)) return false;
  foldersShowingCommands.add(folder);
  serviceFolders.set(path.resolve(folder), true);
  return true;
}

/** Folders, as the checked paths name them, that a document showed to be service folders. */
const foldersShowingCommands = new Set<string>();
const exampleDocuments = new Map<string, boolean>();

/** A file's folder and name, the last two parts of its path. */
const FOLDER_AND_NAME = /([^\\/]+)[\\/]+([^\\/]+)$/;
const EXAMPLE_NAME = /^[a-z0-9_][a-z0-9_-]*$/;

function pathLooksLikeCliExample(filePath: string): boolean {
  const match = FOLDER_AND_NAME.exec(filePath);
  if (!match || !/\.rst$/i.test(match[2]!)) return false;
  const base = match[2]!.slice(0, -'.rst'.length);
  return LOWERCASE_NAME.test(match[1]!) && EXAMPLE_NAME.test(base) && !NOT_EXAMPLES.test(base);
}

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
  const command = new RegExp(`^\\s*aws ${path.basename(folder)}\\s`, 'm');
  const examples = entriesOf(folder)
    .filter((entry) => entry.isFile() && /^[a-z0-9][a-z0-9-]*\.rst$/.test(entry.name))
    .slice(0, 3);
  return examples.some((entry) => {
    try {
      return command.test(readFileSync(path.join(folder, entry.name), 'utf8'));
    } catch {
      return false;
    }
  });
}

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
