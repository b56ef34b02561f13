import path from 'node:path';
import type { AwsCommand } from '../commands/types.js';
import type { Example } from '../examples/types.js';
import { translateCommand } from '../model/input/index.js';
import type { ModelIndex } from '../model/types.js';
import { jsonMessage } from '../reports/json.js';
import { formatReport } from '../reports/index.js';
import { visible } from '../reports/visible.js';
import type { FileResult } from '../pipeline.js';
import type { RunReport } from '../reports/types.js';

export type ExtractFormat = 'pretty' | 'json';

/** What `extract` prints: the examples of every file (JSON described by `schemas/extract.schema.json`). */
export function formatExtract(result: { report: RunReport; outcomes: { extract?: ExtractedFile }[] }, format: ExtractFormat): string {
  const files = result.outcomes.map((outcome, index) => ({ path: result.report.files[index]!.path, ...outcome.extract! }));
  if (format === 'json') return `${JSON.stringify({ ...(result.report.models && { models: result.report.models }), files }, null, 2)}\n`;
  const lines: string[] = [];
  for (const file of files) {
    lines.push(`${file.path} (${file.format}, ${file.examples.length} example${file.examples.length === 1 ? '' : 's'})`);
    for (const example of file.examples) {
      lines.push(`  ${example.line}: ${example.title ?? '(untitled)'}`);
      for (const command of example.commands) {
        const operation = command.apiOperation ? ` → ${command.apiOperation}` : '';
        lines.push(`    ${command.line}-${command.endLine}: ${command.argv.map(quoteForDisplay).join(' ')}${operation}`);
      }
      for (const output of example.outputs) lines.push(`    ${output.line}-${output.endLine}: output (${output.kind}${output.cue ? `, ${output.cue}` : ''})`);
    }
  }
  return `${lines.map(visible).join('\n')}\n${formatReport(result.report, 'pretty', { colour: false, version: '' })}`;
}

export type ExtractedFile = ReturnType<typeof describeFile>;

/** One file as `extract` prints it (without its path, which depends on where the report is read). */
export function describeFile(result: FileResult, models: ModelIndex | undefined) {
  const { document } = result;
  const documentDir = path.dirname(path.resolve(result.path));
  return {
    format: document.format,
    examples: document.examples.map((example) => describeExample(example, models, documentDir)),
    messages: result.findings.map(jsonMessage),
  };
}

function describeExample(example: Example, models: ModelIndex | undefined, documentDir: string) {
  return {
    title: example.title,
    line: example.position.start.line,
    commands: example.commands.map((command) => describeCommand(command, models, documentDir)),
    outputs: example.outputs.map((output) => ({
      line: output.position.start.line,
      endLine: output.position.end.line,
      kind: output.kind,
      ...(output.cue ? { cue: output.cue } : {}),
      raw: output.raw,
      ...(output.value !== undefined ? { value: output.value } : {}),
    })),
  };
}

interface DescribedCommand {
  line: number;
  endLine: number;
  text: string;
  argv: string[];
  intendedArgv?: string[];
  service: string | null;
  operation: string | null;
  apiOperation?: string;
  input?: unknown;
}

function describeCommand(command: AwsCommand, models: ModelIndex | undefined, documentDir: string): DescribedCommand {
  const { shell } = command;
  const intendedArgv = command.words.map((word) => word.value);
  const described: DescribedCommand = {
    line: shell.position.start.line,
    endLine: shell.position.end.line,
    text: shell.text,
    argv: shell.argv,
    ...(intendedArgv.join('\u0000') !== shell.argv.join('\u0000') ? { intendedArgv } : {}),
    service: command.service ?? null,
    operation: command.operation ?? null,
  };
  // Only commands of a service the models know have an API operation to show.
  if (models && command.service !== undefined && models.get(command.service)) {
    const translation = translateCommand(command, { models, documentDir, treeRoot: documentDir });
    if (translation.operationName) described.apiOperation = translation.operationName;
    if (translation.input) described.input = jsonSafe(translation.input);
  }
  return described;
}

/** Timestamps as ISO strings, blobs as base64: the input as JSON can carry it. */
function jsonSafe(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, jsonSafe(item)]));
  return value;
}

function quoteForDisplay(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
