import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AwsCommand } from '../commands/types.js';
import { documentFromText } from '../document/read.js';
import type { Example, ExampleDocument, Output } from '../examples/types.js';
import { translateCommand } from '../model/input/index.js';
import type { CommandTranslation } from '../model/input/types.js';
import type { ModelIndex } from '../model/types.js';
import { parseExamples } from '../pipeline.js';
import { documentedOutcome, type ReplayResult } from '../replay/index.js';
import type { LiveCommandResult } from '../replay/live/index.js';
import type { RuleContext } from '../rules/types.js';
import { livePolicy, mergeOutput, mockPolicy, sameJson, withModelTypes, type MergePolicy } from './merge.js';
import { renderOutputEdit, type BlockEdit } from './render.js';

export { unifiedDiff } from './diff.js';

export interface UpdateOptions {
  models: ModelIndex;
  /** The replay to take outputs from: `extendWithReplay` (mock), or a live session's `extendWithLiveReplay` (as `openReplayTarget` gives). */
  extend: (context: RuleContext) => void;
  /** The folder being updated: `file://` values are never read outside it. */
  treeRoot?: string;
}

/** What happened to one documented output. */
export interface OutputUpdate {
  /** 1-based line of the output block. */
  line: number;
  status: 'updated' | 'unchanged' | 'skipped';
  /** Why a skipped output was left untouched. */
  reason?: string;
}

export interface FileUpdate {
  path: string;
  /** The file's text as read (a BOM kept) and as it should be written. */
  original: string;
  updated: string;
  outputs: OutputUpdate[];
}

/**
 * Replays every command of a document and rewrites the JSON outputs that differ from what came back.
 * Commands are replayed in document order (a live fixture's state follows the examples). Writes nothing.
 */
export async function updateDocument(filePath: string, options: UpdateOptions): Promise<FileUpdate> {
  const original = readFileSync(filePath, 'utf8');
  const { file, problem } = documentFromText(filePath, original);
  if (problem !== undefined) return { path: filePath, original, updated: original, outputs: [] };
  const bom = original.length - String(file.value).length === 1 ? '\uFEFF' : '';
  const document = parseExamples(filePath, file);
  const context = replayContext(document, options);
  const edits: BlockEdit[] = [];
  const outputs: OutputUpdate[] = [];
  for (const example of document.examples) {
    for (const [commandIndex, command] of example.commands.entries()) {
      // Every command is replayed, in order: a live fixture's state follows the examples.
      const replayed = context.liveReplay ? await context.liveReplay(command, example) : await context.replay?.(command, example);
      const output = example.outputs.find((candidate) => candidate.commandIndex === commandIndex && candidate.kind !== 'none');
      if (!output) continue;
      const line = output.position.start.line;
      const outcome = updatedValue(context.translation(command, example), document, example, commandIndex, output, replayed);
      if ('reason' in outcome) {
        outputs.push({ line, status: 'skipped', reason: outcome.reason });
        continue;
      }
      if (sameJson(outcome.value, output.value)) {
        outputs.push({ line, status: 'unchanged' });
        continue;
      }
      const edit = renderOutputEdit(String(file.value), output, outcome.value);
      if ('reason' in edit) outputs.push({ line, status: 'skipped', reason: edit.reason });
      else {
        edits.push(edit);
        outputs.push({ line, status: 'updated' });
      }
    }
  }
  return { path: filePath, original, updated: bom + applyEdits(String(file.value), edits), outputs };
}

/** A rule context with the chosen replay attached, so replay decides what it replays exactly as `check` does. */
function replayContext(document: ExampleDocument, options: UpdateOptions): RuleContext {
  const translations = new Map<AwsCommand, CommandTranslation>();
  const documentDir = path.dirname(path.resolve(document.path));
  const context: RuleContext = {
    document,
    models: options.models,
    report: () => undefined,
    translation(command) {
      let translation = translations.get(command);
      if (!translation) {
        translation = translateCommand(command, { models: options.models, documentDir, treeRoot: options.treeRoot ?? documentDir });
        translations.set(command, translation);
      }
      return translation;
    },
  };
  options.extend(context);
  return context;
}

function updatedValue(
  translation: CommandTranslation | undefined,
  document: ExampleDocument,
  example: Example,
  commandIndex: number,
  output: Output,
  replayed: ReplayResult | LiveCommandResult | undefined,
): { value: unknown } | { reason: string } {
  if (!translation) return { reason: 'no service model for this command' };
  const documented = documentedOutcome(document, example, commandIndex, translation);
  if (documented.kind === 'error') return { reason: 'the output documents an error' };
  if (documented.kind !== 'json') return { reason: documented.kind === 'unchecked' ? documented.reason : 'no output is documented' };
  if (!replayed) return { reason: 'not replayed' };
  let policy: MergePolicy;
  let replayedOutput: unknown;
  if ('replayed' in replayed) {
    if (!replayed.replayed) return { reason: `not replayed: ${replayed.reason}` };
    if (replayed.output === undefined) return { reason: 'the client could not read the documented output' };
    const { model, operationName } = translation;
    replayedOutput = withModelTypes(model!, model!.operations[operationName!]?.output, replayed.output);
    policy = mockPolicy(replayed.responseProblems);
  } else {
    if (replayed.output === undefined) return { reason: `not replayed: ${replayed.reason ?? replayed.error?.message ?? replayed.status}` };
    replayedOutput = replayed.output;
    policy = livePolicy(replayed.differences, replayed.bindings);
  }
  const merged = mergeOutput(documented.value, replayedOutput, policy);
  // An output none of whose members the operation returns documents something else (another operation, an input
  // file): emptying it would lose the example, so it is left for a person, as replay's findings there say.
  if (isEmptyObject(merged) && !isEmptyObject(documented.value)) return { reason: 'the operation returns none of the documented members (see the replay findings there)' };
  return { value: withCliMembers(merged, output.value, documented.value) };
}

function isEmptyObject(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0;
}

/** Members the CLI adds that the API output lacks (the paginator's `NextToken`) are documented as they were. */
function withCliMembers(merged: unknown, documented: unknown, apiOutput: unknown): unknown {
  if (documented === apiOutput || typeof documented !== 'object' || documented === null) return merged;
  const cliOnly = Object.entries(documented).filter(([key]) => !(key in (apiOutput as object)));
  return { ...(merged as object), ...Object.fromEntries(cliOnly) };
}

function applyEdits(text: string, edits: BlockEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

/** One line per file and output: what was updated, and what was left untouched and why. */
export function summarizeUpdates(updates: FileUpdate[], displayPath: (filePath: string) => string): string {
  const lines: string[] = [];
  let updated = 0;
  let changedFiles = 0;
  for (const update of updates) {
    if (update.updated !== update.original) changedFiles++;
    for (const output of update.outputs) {
      if (output.status === 'updated') updated++;
      if (output.status !== 'unchanged') lines.push(`${displayPath(update.path)}:${output.line}: ${output.status === 'updated' ? 'updated' : `left untouched: ${output.reason}`}`);
    }
  }
  const outputs = updates.reduce((sum, update) => sum + update.outputs.length, 0);
  lines.push(`${updated} of ${outputs} output(s) updated in ${changedFiles} of ${updates.length} file(s)`);
  return `${lines.join('\n')}\n`;
}
