import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ModelLoadError, embeddedModels, loadModels } from '../model/load.js';
import type { ModelIndex } from '../model/types.js';
import { REPORT_FORMATS, formatReport, type ReportFormat } from '../reports/index.js';
import { allRules, documentRules } from '../rules/index.js';
import { UsageError } from './errors.js';
import { formatExtract, type ExtractFormat } from './extract.js';
import { runFiles, type RunResult } from './run.js';
import { runSchemasCommand } from '../model/schemas-command.js';

const usage = `Usage: docs-harness <command> [options] <paths...>

Commands:
  check <paths...>     check commands and outputs against the documents' rules and the service models
  extract <paths...>   print the examples found: titles, commands as bash reads them, outputs
  schemas              write JSON Schemas for a service (--service NAME --models DIR --out DIR)
  rules                list the rules with their ids, severities and descriptions

Options:
  --models DIR         botocore data folder (<service>/<api-version>/service-2.json[.gz]);
                       default: the embedded cognito-idp model
  --format FORMAT      check: ${REPORT_FORMATS.join('|')}; extract: pretty|json
  --output FILE        write the report to FILE instead of standard output
  -h, --help           show this help

Exit codes: 0 no error-level findings, 1 error-level findings, 2 usage or internal error.
`;

const options = {
  models: { type: 'string' },
  format: { type: 'string' },
  output: { type: 'string' },
  service: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} satisfies ParseArgsConfig['options'];

/** Runs the CLI and returns the exit code. Never throws: user mistakes are one line on stderr and exit 2. */
export async function main(argv: string[], io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream } = process): Promise<number> {
  try {
    const { values, positionals } = parseCommandLine(argv);
    const [command, ...paths] = positionals;
    if (values.help || command === undefined || command === 'help') {
      io.stdout.write(usage);
      return command === undefined && !values.help ? 2 : 0;
    }
    switch (command) {
      case 'check':
        return await check(paths, values, io);
      case 'extract':
        return await extract(paths, values, io);
      case 'schemas':
        return schemas(values, io);
      case 'rules':
        io.stdout.write(listRules());
        return 0;
      default:
        throw new UsageError(`unknown command '${command}': expected check, extract, schemas or rules (see --help)`);
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof ModelLoadError) {
      io.stderr.write(`docs-harness: ${error.message}\n`);
      return 2;
    }
    const detail = process.env.DEBUG ? `\n${(error as Error).stack}` : ' (set DEBUG=1 for details)';
    io.stderr.write(`docs-harness: internal error: ${(error as Error).message}${detail}\n`);
    return 2;
  }
}

type Values = ReturnType<typeof parseCommandLine>['values'];

function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]} (see --help)`);
  }
}

function chooseFormat<T extends string>(value: string | undefined, choices: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value)) {
    throw new UsageError(`unknown --format '${value}': choose one of ${choices.join(', ')}`);
  }
  return value as T;
}

function chooseModels(values: Values): ModelIndex {
  return values.models === undefined ? embeddedModels() : loadModels(values.models);
}

function requirePaths(paths: string[], command: string): void {
  if (paths.length === 0) throw new UsageError(`${command} needs at least one file or folder (see --help)`);
}

async function check(paths: string[], values: Values, io: { stdout: NodeJS.WritableStream }): Promise<number> {
  requirePaths(paths, 'check');
  const format: ReportFormat = chooseFormat(values.format, REPORT_FORMATS, 'pretty');
  const result = await runFiles(paths, { rules: allRules, models: chooseModels(values) });
  const text = formatReport(result.report, format, { colour: colourWanted(values, io), version: packageVersion() });
  await emit(text, values, io);
  return exitCode(result);
}

async function extract(paths: string[], values: Values, io: { stdout: NodeJS.WritableStream }): Promise<number> {
  requirePaths(paths, 'extract');
  const format: ExtractFormat = chooseFormat(values.format, ['pretty', 'json'] as const, 'pretty');
  const models = values.models === undefined ? undefined : loadModels(values.models);
  const result = await runFiles(paths, { rules: documentRules, ...(models ? { models } : {}) });
  await emit(formatExtract(result, format, models), values, io);
  return exitCode(result);
}

function schemas(values: Values, io: { stdout: NodeJS.WritableStream }): number {
  if (!values.service || !values.models || !values.out) {
    throw new UsageError('schemas needs --service NAME --models DIR --out DIR');
  }
  const summary = runSchemasCommand({ service: values.service, models: values.models, out: values.out });
  io.stdout.write(`${typeof summary === 'string' ? summary : JSON.stringify(summary)}\n`);
  return 0;
}

function listRules(): string {
  return allRules.map((rule) => `${rule.id.padEnd(28)} ${rule.severity.padEnd(8)} ${rule.description}`).join('\n') + '\n';
}

function exitCode(result: RunResult): number {
  return result.report.files.some((file) => file.findings.some((finding) => finding.severity === 'error')) ? 1 : 0;
}

async function emit(text: string, values: Values, io: { stdout: NodeJS.WritableStream }): Promise<void> {
  if (values.output) await writeFile(values.output, text);
  else io.stdout.write(text);
}

function colourWanted(values: Values, io: { stdout: NodeJS.WritableStream }): boolean {
  return !values.output && !process.env.NO_COLOR && Boolean((io.stdout as NodeJS.WriteStream).isTTY);
}

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}
