import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

export interface ScenarioStep {
  name?: string;
  operation: string;
  input?: Record<string, unknown>;
}

/** Set-up and explicit bindings for replaying one document live (schemas/scenario.schema.json). */
export interface Scenario {
  /** The scenario file, absolute. */
  file: string;
  document?: string;
  setup: ScenarioStep[];
  bindings: Record<string, string>;
  teardown: ScenarioStep[];
}

export type ScenarioLookup = { scenario: Scenario } | { problem: string } | undefined;

let validator: ValidateFunction | undefined;

function validate(value: unknown): string | undefined {
  validator ??= new Ajv2020({ allErrors: false }).compile(JSON.parse(readFileSync(new URL('../../../schemas/scenario.schema.json', import.meta.url), 'utf8')) as object);
  if (validator(value)) return undefined;
  const error = validator.errors![0]!;
  return `${error.instancePath || '/'} ${error.message ?? 'is invalid'}${error.params && 'additionalProperty' in error.params ? ` (${String(error.params.additionalProperty)})` : ''}`;
}

/** Reads and validates a scenario file for `documentPath`; a problem is one line, never a throw. */
export function loadScenario(file: string, documentPath: string): ScenarioLookup {
  const shown = path.basename(file);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { problem: `scenario ${shown} is not readable JSON: ${(error as Error).message.split('\n')[0]}` };
  }
  const problem = validate(value);
  if (problem) return { problem: `scenario ${shown} does not match schemas/scenario.schema.json: ${problem}` };
  const raw = value as Omit<Scenario, 'file' | 'setup' | 'bindings' | 'teardown'> & Partial<Scenario>;
  if (raw.document !== undefined && path.resolve(path.dirname(file), raw.document) !== path.resolve(documentPath)) {
    return { problem: `scenario ${shown} is for ${raw.document}, not this document` };
  }
  return { scenario: { file, ...(raw.document ? { document: raw.document } : {}), setup: raw.setup ?? [], bindings: raw.bindings ?? {}, teardown: raw.teardown ?? [] } };
}

/**
 * Finds the scenario of a document: `<operation>.scenario.json` beside it, else `<service>/<operation>.scenario.json`
 * anywhere under one of the scenario folders.
 */
export function createScenarioFinder(folders: string[]): (documentPath: string) => ScenarioLookup {
  const byServiceOperation = new Map<string, string>();
  for (const folder of folders) {
    for (const file of walk(folder)) {
      const key = `${path.basename(path.dirname(file))}/${path.basename(file, '.scenario.json')}`;
      if (!byServiceOperation.has(key)) byServiceOperation.set(key, file);
    }
  }
  return (documentPath) => {
    const operation = path.basename(documentPath).replace(/\.(rst|md|txt)$/, '');
    const beside = path.join(path.dirname(documentPath), `${operation}.scenario.json`);
    const file = existsSync(beside) ? beside : byServiceOperation.get(`${path.basename(path.dirname(documentPath))}/${operation}`);
    return file ? loadScenario(file, documentPath) : undefined;
  };
}

function walk(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.scenario.json'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** Replaces `${step.Member.Path}` references in every string of `value`; a reference to nothing is an error. */
export function resolveReferences(value: unknown, captured: Record<string, unknown>): unknown {
  if (typeof value === 'string') {
    const whole = /^\$\{([^}]+)\}$/.exec(value);
    if (whole) return lookup(whole[1]!, captured);
    return value.replace(/\$\{([^}]+)\}/g, (_, reference: string) => String(lookup(reference, captured)));
  }
  if (Array.isArray(value)) return value.map((item) => resolveReferences(item, captured));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolveReferences(item, captured)]));
  }
  return value;
}

function lookup(reference: string, captured: Record<string, unknown>): unknown {
  let current: unknown = captured;
  for (const segment of reference.split('.')) {
    if (current === null || typeof current !== 'object' || !(segment in current)) throw new Error(`\${${reference}} refers to nothing`);
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
