import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { NESTED_TOO_DEEP, tooDeepAt } from '../../document/json-text.js';

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
    const text = readFileSync(file, 'utf8');
    // Never parsed: every step's values are walked (bindings, captures, the SDK's serializer).
    if (tooDeepAt(text) >= 0) return { problem: `scenario ${shown} is ${NESTED_TOO_DEEP}` };
    value = JSON.parse(text);
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

/**
 * What a scenario step may do against a target that is not a throwaway server (`--target aws`, a non-loopback
 * endpoint), where a pull request could have written the scenario: read, or act on what this run created. A step
 * is allowed when its operation only reads (Get/Describe/List), when it creates something named with the run's
 * prefix, or when every pool, client and token it names came from this run (the fixture's, or a step's that
 * created them). Outputs of reading steps confer nothing: listing an account's pools does not make them the run's.
 */
export class ScenarioGuard {
  private readonly owned = new Set<string>();

  constructor(
    private readonly namePrefix: string,
    fixtureValues: Record<string, string>,
  ) {
    for (const key of ['UserPoolId', 'ClientId']) if (fixtureValues[key]) this.owned.add(fixtureValues[key]);
  }

  /** Why the step may not run here, or undefined when it may. */
  refusal(step: ScenarioStep, input: Record<string, unknown>): string | undefined {
    if (READ_ONLY.test(step.operation.replace(/^Admin/, ''))) return undefined;
    const scope = SCOPE_MEMBERS.filter((member) => typeof input[member] === 'string');
    const foreign = scope.filter((member) => !this.owned.has(input[member] as string));
    if (scope.length > 0 && foreign.length === 0) return undefined;
    if (scope.length === 0 && /^Create/.test(step.operation) && namesOf(input).length > 0 && namesOf(input).every((name) => name.startsWith(this.namePrefix))) return undefined;
    const why = foreign.length > 0 ? `its ${foreign.join(', ')} is not one this run created` : `it names nothing this run created (names must start with ${this.namePrefix})`;
    return `refused: ${step.operation} changes something, and ${why}; against this target a scenario step may only read or act on the run's own resources`;
  }

  /** Takes the identifiers a permitted creating step returned as the run's own. */
  record(step: ScenarioStep, output: unknown): void {
    if (!/^(Create|AdminCreate|SignUp|InitiateAuth|RespondToAuthChallenge|AdminInitiateAuth)/.test(step.operation)) return;
    for (const value of identifiersIn(output)) this.owned.add(value);
  }
}

const READ_ONLY = /^(Get|Describe|List)[A-Z]/;
/** The members that say which pool, client or signed-in user a call acts on. */
const SCOPE_MEMBERS = ['UserPoolId', 'ClientId', 'AccessToken', 'RefreshToken', 'Session'];

function namesOf(input: Record<string, unknown>): string[] {
  return Object.entries(input).flatMap(([key, value]) => (/Name$/.test(key) && typeof value === 'string' ? [value] : []));
}

/** Ids, tokens and sessions anywhere in a call's output. */
function identifiersIn(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return /(Id|Token|Session)$/.test(key) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((item) => identifiersIn(item, key));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([childKey, child]) => identifiersIn(child, childKey));
  return [];
}
