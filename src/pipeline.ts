import type { VFile } from 'vfile';
import { parseDocument } from './document/index.js';
import { readDocument, type ReadProblem, type ReadResult } from './document/read.js';
import { buildExampleDocument } from './examples/index.js';
import type { ExampleDocument } from './examples/types.js';
import { runRules, type EngineOptions } from './rules/engine.js';
import type { Finding } from './rules/types.js';

/** The flow for one file: read → parse → examples → rules. */
export interface FileResult {
  path: string;
  document: ExampleDocument;
  findings: Finding[];
}

/** Reads, parses and checks one file. User mistakes become findings; only internal errors throw. */
export async function analyzeFile(
  filePath: string,
  options: EngineOptions,
  data: { namedExplicitly?: boolean } = {},
  read?: ReadResult,
): Promise<FileResult> {
  const { file, problem } = read ?? (await readDocument(filePath));
  if (data.namedExplicitly) file.data.namedExplicitly = true;
  return analyzeVFile(filePath, file, problem, options);
}

/** The same flow for a document already in memory (rule examples, editors, tests). */
export async function analyzeVFile(
  filePath: string,
  file: VFile,
  readProblem: ReadProblem | undefined,
  options: EngineOptions,
): Promise<FileResult> {
  const document = readProblem === undefined ? parseExamples(filePath, file) : unreadable(filePath, file, readProblem);
  const findings = await runRules(document, options);
  return { path: filePath, document, findings };
}

export function parseExamples(filePath: string, file: VFile): ExampleDocument {
  const { tree, format } = parseDocument(file);
  return buildExampleDocument(filePath, file, tree, format);
}

/** A file that could not be read as text: an empty document that carries the reason for `unreadable-file`. */
function unreadable(filePath: string, file: VFile, problem: ReadProblem): ExampleDocument {
  file.data.readProblem = problem;
  return { path: filePath, format: 'rst', file, tree: { type: 'root', children: [] }, examples: [] };
}

declare module 'vfile' {
  interface DataMap {
    /** Why the file could not be read as a text document. */
    readProblem: ReadProblem;
  }
}
