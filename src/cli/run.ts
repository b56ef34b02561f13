import path from 'node:path';
import { VFile } from 'vfile';
import type { ModelIndex } from '../model/types.js';
import { analyzeFile, analyzeVFile, type FileResult } from '../pipeline.js';
import type { RunReport } from '../reports/types.js';
import fileName, { notAnExampleReason } from '../rules/file-name.js';
import type { Rule } from '../rules/types.js';
import type { SeveritySetting } from '../rules/engine.js';
import { collectDocuments, displayPath } from './files.js';

export interface RunOptions {
  rules: readonly Rule[];
  models?: ModelIndex;
  severities?: Readonly<Record<string, SeveritySetting>>;
  cwd?: string;
}

export interface RunResult {
  report: RunReport;
  results: FileResult[];
}

/** Checks every document under the given paths, one file at a time, in a stable order. */
export async function runFiles(inputs: string[], options: RunOptions): Promise<RunResult> {
  const cwd = options.cwd ?? process.cwd();
  const documents = await collectDocuments(inputs.map((input) => path.resolve(cwd, input)));
  const results: FileResult[] = [];
  for (const { path: filePath, explicit } of documents) {
    const treeRoot = rootOf(filePath, inputs, cwd);
    const engine = { rules: options.rules, treeRoot, ...(options.models ? { models: options.models } : {}), ...(options.severities ? { severities: options.severities } : {}) };
    if (!explicit && notAnExampleReason(filePath)) {
      // Not read at all: only the finding that says why.
      results.push(await analyzeVFile(filePath, new VFile({ path: filePath, value: '' }), undefined, { ...engine, rules: [fileName] }));
      continue;
    }
    const result = await analyzeFile(filePath, engine, { namedExplicitly: explicit });
    results.push(result);
  }
  return {
    results,
    report: {
      rules: options.rules,
      notes: [],
      files: results.map((result) => ({
        path: displayPath(result.path, cwd),
        findings: result.findings,
        examples: result.document.examples.length,
      })),
    },
  };
}

/** The input folder a file was found under (file:// values are never read outside it). */
function rootOf(filePath: string, inputs: string[], cwd: string): string {
  for (const input of inputs) {
    const root = path.resolve(cwd, input);
    if (filePath === root) return path.dirname(root);
    if (filePath.startsWith(root + path.sep)) return root;
  }
  return path.dirname(filePath);
}
