import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type { SeveritySetting } from '../rules/engine.js';
import { parseJsonText } from '../document/json-text.js';
import { didYouMean } from '../model/suggest.js';
import { allRules, ruleById } from '../rules/index.js';

export const CONFIG_FILE_NAME = 'docs-harness.config.json';

export interface ReplayConfig {
  target?: 'off' | 'mock' | 'local' | 'cognito-local' | 'endpoint' | 'aws';
  endpointUrl?: string;
  region?: string;
}

/** A validated configuration, paths resolved. */
export interface Config {
  /** The config file's folder (the working folder without one): `include`/`exclude` globs are relative to it. */
  root: string;
  /** Rule id → setting; rules not named keep their default severity. */
  rules: Record<string, SeveritySetting>;
  /** Absolute path of the models folder. */
  models?: string;
  /** Globs of documents to check (all when empty). */
  include: string[];
  /** Globs of documents never to check. */
  exclude: string[];
  replay: ReplayConfig;
  /** Minimum example coverage (`docs-harness coverage`); absent when the file sets none. */
  coverage?: CoverageConfig;
}

/** Percentages below which `coverage` exits 1: for the whole selection, and per service (CLI name). */
export interface CoverageConfig {
  minimum?: number;
  services?: Record<string, number>;
}

/** Command-line flags that override the configuration; paths already absolute. */
export interface ConfigOverrides {
  rules?: Record<string, SeveritySetting>;
  models?: string;
  include?: string[];
  exclude?: string[];
  replay?: ReplayConfig;
}

/** A configuration that cannot be used; the message is one line naming the file and the bad key. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * The configuration for a run: `explicitPath` (relative to `cwd`) when given, else the first
 * `docs-harness.config.json` found in `cwd` or a folder above it, else the defaults.
 */
export function loadConfig(cwd: string, explicitPath?: string): { config: Config; path?: string } {
  const file = explicitPath === undefined ? findConfigFile(cwd) : path.resolve(cwd, explicitPath);
  if (file === undefined) return { config: defaultConfig(path.resolve(cwd)) };
  const shownName = path.relative(cwd, file) || file;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(code === 'ENOENT' ? `${shownName}: config file not found` : `${shownName}: cannot read the config file (${code ?? String(error)})`);
  }
  return { config: parseConfig(text, file, shownName), path: file };
}

/**
 * The nearest `docs-harness.config.json` in `cwd` or above, up to the repository's top (the folder holding
 * `.git`) or the filesystem root: a config file outside the repository is no part of it.
 */
export function findConfigFile(cwd: string): string | undefined {
  for (let folder = path.resolve(cwd); ; folder = path.dirname(folder)) {
    const candidate = path.join(folder, CONFIG_FILE_NAME);
    if (statSync(candidate, { throwIfNoEntry: false })?.isFile()) return candidate;
    if (statSync(path.join(folder, '.git'), { throwIfNoEntry: false }) || path.dirname(folder) === folder) return undefined;
  }
}

/** Validates a config file's text; `file` (absolute) anchors relative paths, `shownName` prefixes errors. */
export function parseConfig(text: string, file: string, shownName = path.basename(file)): Config {
  const parsed = parseJsonText(text);
  if ('error' in parsed) throw new ConfigError(`${shownName}: invalid JSON at ${parsed.error}`);
  const validate = configValidator();
  // Keys may hold line breaks: keep the message on one line.
  if (!validate(parsed.value)) throw new ConfigError(`${shownName}: ${describeSchemaError(validate.errors![0]!).replace(/[\r\n]+/g, ' ')}`);
  const raw = parsed.value as Omit<Partial<Config>, 'root'>;
  for (const id of Object.keys(raw.rules ?? {})) {
    if (!ruleById(id)) throw new ConfigError(`${shownName}: /rules: unknown rule '${id}'.${didYouMean(id, allRules.map((rule) => rule.id))} Run 'docs-harness rules' for the list.`);
  }
  if (raw.replay?.target === 'endpoint' && raw.replay.endpointUrl === undefined) {
    throw new ConfigError(`${shownName}: /replay/endpointUrl is required when /replay/target is endpoint`);
  }
  const root = path.dirname(file);
  return {
    root,
    rules: { ...raw.rules },
    ...(raw.models === undefined ? {} : { models: path.resolve(root, raw.models) }),
    include: raw.include ?? [],
    exclude: raw.exclude ?? [],
    replay: { ...raw.replay },
    ...(raw.coverage === undefined ? {} : { coverage: raw.coverage }),
  };
}

export function defaultConfig(root: string): Config {
  return { root, rules: {}, include: [], exclude: [], replay: {} };
}

/** Flags win: rules and replay settings key by key, `models` and `include` replace, `exclude` adds. */
export function mergeOptions(config: Config, flags: ConfigOverrides): Config {
  return {
    ...config,
    rules: { ...config.rules, ...flags.rules },
    ...(flags.models === undefined ? {} : { models: flags.models }),
    include: flags.include ?? config.include,
    exclude: [...config.exclude, ...(flags.exclude ?? [])],
    replay: { ...config.replay, ...flags.replay },
  };
}

/** Whether a document (absolute, or relative to the working folder) is selected by `include`/`exclude`. */
export function createPathFilter(config: Pick<Config, 'root' | 'include' | 'exclude'>): (file: string) => boolean {
  const include = config.include.map(globToRegExp);
  const exclude = config.exclude.map(globToRegExp);
  if (include.length === 0 && exclude.length === 0) return () => true;
  return (file) => {
    const relative = path.relative(config.root, path.resolve(file)).split(path.sep).join('/');
    return (include.length === 0 || include.some((glob) => glob.test(relative))) && !exclude.some((glob) => glob.test(relative));
  };
}

/**
 * A glob as a RegExp over `/`-separated relative paths: `**` (whole segments), `*`, `?`, `{a,b}`.
 * Hand-written because `path.matchesGlob` is experimental in Node 20 (absent before 20.17, warns on use).
 * Patterns match the whole path: `*.rst` is top-level only, `**\/*.rst` anywhere.
 */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  let braceDepth = 0;
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === '*') {
      let end = i;
      while (glob[end] === '*') end++;
      const wholeSegment = end - i >= 2 && (i === 0 || glob[i - 1] === '/') && (end === glob.length || glob[end] === '/');
      if (wholeSegment && glob[end] === '/') {
        source += '(?:[^/]*/)*';
        i = end;
      } else {
        source += wholeSegment ? '.*' : '[^/]*';
        i = end - 1;
      }
    } else if (char === '?') source += '[^/]';
    else if (char === '{') {
      braceDepth++;
      source += '(?:';
    } else if (char === '}' && braceDepth > 0) {
      braceDepth--;
      source += ')';
    } else if (char === ',' && braceDepth > 0) source += '|';
    else source += char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}${')'.repeat(braceDepth)}$`);
}


let compiledValidator: ValidateFunction | undefined;

function configValidator(): ValidateFunction {
  if (!compiledValidator) {
    const schema = JSON.parse(readFileSync(new URL('../../schemas/config.schema.json', import.meta.url), 'utf8')) as object;
    // Loaded on first use: most runs have no configuration file to validate.
    const { Ajv2020: Ajv } = createRequire(import.meta.url)('ajv/dist/2020.js') as { Ajv2020: typeof Ajv2020 };
    compiledValidator = new Ajv({ verbose: true }).compile(schema);
  }
  return compiledValidator;
}

const articles: Record<string, string> = { object: 'an object', array: 'an array', string: 'a string' };

function describeSchemaError(error: ErrorObject): string {
  const where = error.instancePath || 'the top level';
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty).replace(/~/g, '~0').replace(/\//g, '~1');
      const known = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
      return `${error.instancePath}/${key} is not a known option: expected one of ${known.join(', ')}`;
    }
    case 'enum':
      return `${where} must be one of ${(error.params.allowedValues as unknown[]).join(', ')}`;
    case 'type':
      return `${where} must be ${articles[String(error.params.type)] ?? String(error.params.type)}`;
    case 'minLength':
      return `${where} must not be empty`;
    case 'pattern':
      return error.propertyName === undefined
        ? `${where} must match ${String(error.params.pattern)}`
        : `${error.instancePath}/${error.propertyName} is not a valid name: expected kebab-case (${String(error.params.pattern)})`;
    default:
      return `${where} ${error.message ?? 'is invalid'}`;
  }
}
