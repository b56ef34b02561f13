import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ModelIndex } from '../model/types.js';
import { summarizeUpdates, unifiedDiff, updateDocument, type FileUpdate } from '../update/index.js';
import type { ReplayConfig } from './config.js';
import { UsageError } from './errors.js';
import { collectDocuments, displayPath } from './files.js';
import { openReplayTarget } from './replay-target.js';

export interface UpdateCommandOptions {
  models: ModelIndex;
  /** Which models the run used (path and version), and candidates skipped: said first, as every report does. */
  modelNotes?: string[];
  replay: ReplayConfig;
  /** As `openReplayTarget` takes them (`allowRemote`...). */
  target: Parameters<typeof openReplayTarget>[1];
  /** Print a unified diff instead of writing. */
  dryRun: boolean;
  cwd?: string;
}

interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/**
 * `docs-harness update`: rewrites documented JSON outputs from a replay (mock, cognito-local or an endpoint).
 * Exit code 0 when nothing needed to change, 1 when files were (or with `dryRun` would be) changed.
 */
export async function runUpdate(paths: string[], options: UpdateCommandOptions, io: Io): Promise<number> {
  if (paths.length === 0) throw new UsageError('update needs at least one file or folder (see --help)');
  if (options.replay.target === undefined || options.replay.target === 'off') throw new UsageError('update needs a replay --target: mock, cognito-local or endpoint');
  const cwd = options.cwd ?? process.cwd();
  const collected = collectDocuments(paths.map((input) => path.resolve(cwd, input)));
  const skipped = [
    ...collected.skipped.map((folder) => `skipped ${displayPath(folder.path, cwd)}: ${folder.reason}`),
    ...collected.documents.flatMap((document) => (document.skip ? [`${displayPath(document.path, cwd)}: ${document.skip.message}`] : [])),
  ];
  // Never written: documents that lead out of the checked folder, folders that could not be read.
  const documents = collected.documents.filter((document) => !document.skip);
  const target = await openReplayTarget(options.replay, options.target);
  const updates: FileUpdate[] = [];
  try {
    for (const document of documents) {
      const roots = paths.map((input) => path.resolve(cwd, input));
      const treeRoot = roots.find((root) => document.path.startsWith(root + path.sep)) ?? path.dirname(document.path);
      const update = await updateDocument(document.path, { models: options.models, extend: target!.extend, treeRoot });
      updates.push(update);
      if (update.updated === update.original) continue;
      if (options.dryRun) io.stdout.write(unifiedDiff(displayPath(update.path, cwd), update.original, update.updated));
      else writeFileSync(update.path, update.updated);
    }
  } finally {
    await target?.close();
  }
  io.stderr.write(`${(options.modelNotes ?? []).map((line) => `${line}\n`).join('')}${target!.note}\n${skipped.map((line) => `${line}\n`).join('')}${summarizeUpdates(updates, (filePath) => displayPath(filePath, cwd))}`);
  return updates.some((update) => update.updated !== update.original) ? 1 : 0;
}
