import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { cacheFolder } from './cache-folder.js';
import { botocoreServiceName, cliServiceName } from './names.js';
import type { ModelIndex, OperationModel, Paginator, ServiceModel, Shape, Waiter } from './types.js';

/** A models folder or file that cannot be used; its message is one line, fit to show the user as is. */
export class ModelLoadError extends Error {
  override name = 'ModelLoadError';
}

export interface LoadModelsOptions {
  /** Where digested models are kept; default `node_modules/.cache/docs-harness/models` (or the OS temp folder). */
  cacheDir?: string;
}

/** Bump when the digest's shape changes, so old caches are not read. */
const digestVersion = 3;
const documentationKeys = ['documentation', 'documentationUrl', 'deprecatedMessage'];
const sourceKinds = ['service-2', 'paginators-1', 'waiters-2', 'service-2.sdk-extras', 'paginators-1.sdk-extras'] as const;
/** `previous`: the service-2 file of the API version before the newest, whose operations tell which ones are new. */
type SourceKind = (typeof sourceKinds)[number] | 'previous';

interface SourceFile {
  path: string;
  size: number;
  mtimeMs: number;
}

/**
 * Models in a botocore data folder (`<dir>/<service>/<api-version>/service-2.json[.gz]`), loaded lazily per service:
 * each service is digested once (documentation dropped, sdk-extras merged) into a cache keyed by its source files.
 */
export function loadModels(dir: string, options: LoadModelsOptions = {}): ModelIndex {
  const modelsDir = path.resolve(dir);
  const folders = serviceFolders(modelsDir);
  if (!folders.some((folder) => newestVersion(modelsDir, folder))) {
    throw new ModelLoadError(`models folder holds no service-2.json files: ${dir}`);
  }
  const cacheDir = path.join(options.cacheDir ?? cacheFolder('models'), hash(modelsDir).slice(0, 16));
  const loaded = new Map<string, ServiceModel | undefined>();
  const broken = new Map<string, string>();
  const cliNames = folders.map(cliServiceName).sort();
  const known = new Set(cliNames);
  // Listed once: a `--cache` run's signature lists every service's files, and loading a service needs its own again.
  const listed = new Map<string, Partial<Record<SourceKind, SourceFile>> | undefined>();
  const sourcesOf = (folder: string) => {
    if (!listed.has(folder)) listed.set(folder, sourceFiles(modelsDir, folder));
    return listed.get(folder);
  };

  return {
    serviceNames: () => [...cliNames],
    get(cliService) {
      if (!known.has(cliService)) return undefined;
      if (!loaded.has(cliService)) {
        // One broken service costs findings on its own commands, never the run.
        try {
          loaded.set(cliService, loadService(cliService, sourcesOf(botocoreServiceName(cliService)), cacheDir));
        } catch (error) {
          if (!(error instanceof ModelLoadError)) throw error;
          loaded.set(cliService, undefined);
          broken.set(cliService, error.message);
        }
      }
      return loaded.get(cliService);
    },
    problem: (cliService) => broken.get(cliService),
    signature: () => hash(JSON.stringify([digestVersion, modelsDir, folders.map((folder) => [folder, sourcesOf(folder)])])),
  };
}

/** The digested models committed in `schemas/aws/<service>.model.json`, used when no models folder is given. */
export function loadEmbeddedModel(cliService: string): ServiceModel | undefined {
  const file = path.join(embeddedSchemasDir(), `${cliService}.model.json`);
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as ServiceModel;
}

/** A ModelIndex over the embedded models. */
export function embeddedModels(): ModelIndex {
  const names = readdirSync(embeddedSchemasDir())
    .filter((name) => name.endsWith('.model.json'))
    .map((name) => name.slice(0, -'.model.json'.length))
    .sort();
  const loaded = new Map<string, ServiceModel | undefined>();
  return {
    serviceNames: () => [...names],
    get(cliService) {
      if (!names.includes(cliService)) return undefined;
      if (!loaded.has(cliService)) loaded.set(cliService, loadEmbeddedModel(cliService));
      return loaded.get(cliService);
    },
    signature: () => {
      const stamps = names.map((name) => statSync(path.join(embeddedSchemasDir(), `${name}.model.json`))).map(({ size, mtimeMs }) => [size, mtimeMs]);
      return hash(JSON.stringify(['embedded', names, stamps]));
    },
  };
}

/** `schemas/aws` in the package (the folder is shipped beside `dist`). */
export function embeddedSchemasDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new ModelLoadError('cannot find the docs-harness package folder for its embedded schemas');
    dir = parent;
  }
  return path.join(dir, 'schemas', 'aws');
}

function serviceFolders(modelsDir: string): string[] {
  let stats;
  try {
    stats = statSync(modelsDir);
  } catch {
    throw new ModelLoadError(`models folder not found: ${modelsDir}`);
  }
  if (!stats.isDirectory()) throw new ModelLoadError(`models path is not a folder: ${modelsDir}`);
  return readdirSync(modelsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
}

/** `<base>.json` or `<base>.json.gz` in a folder, from the folder's listing (one read of the folder for all its files). */
function findJson(dir: string, base: string, listing: ReadonlySet<string> = listFolder(dir)): string | undefined {
  for (const name of [`${base}.json`, `${base}.json.gz`]) {
    if (listing.has(name)) return path.join(dir, name);
  }
  return undefined;
}

function listFolder(dir: string): Set<string> {
  try {
    return new Set(readdirSync(dir));
  } catch {
    return new Set();
  }
}

/** The newest API version folder that holds a service-2 file (versions are dates, so they sort as text). */
function newestVersion(modelsDir: string, folder: string): string | undefined {
  return modelVersions(modelsDir, folder, 1)[0]?.version;
}

/**
 * The newest `count` API version folders that hold a service-2 file, newest first, each with its folder's listing:
 * older folders are never listed.
 */
function modelVersions(modelsDir: string, folder: string, count: number): { version: string; listing: Set<string> }[] {
  const serviceDir = path.join(modelsDir, folder);
  // Names only: an entry that is no folder has no listing, so no service-2 file, and is passed over below.
  const versions = readdirSync(serviceDir).sort().reverse();
  const found: { version: string; listing: Set<string> }[] = [];
  for (const version of versions) {
    if (found.length === count) break;
    const listing = listFolder(path.join(serviceDir, version));
    if (findJson(path.join(serviceDir, version), 'service-2', listing)) found.push({ version, listing });
  }
  return found;
}

function sourceFiles(modelsDir: string, botocoreName: string): Partial<Record<SourceKind, SourceFile>> | undefined {
  const [newest, previous] = modelVersions(modelsDir, botocoreName, 2);
  if (!newest) return undefined;
  const sources: Partial<Record<SourceKind, SourceFile>> = {};
  const add = (kind: SourceKind, file: string | undefined) => {
    if (!file) return;
    const stats = statSync(file);
    sources[kind] = { path: file, size: stats.size, mtimeMs: stats.mtimeMs };
  };
  const versionDir = path.join(modelsDir, botocoreName, newest.version);
  for (const kind of sourceKinds) add(kind, findJson(versionDir, kind, newest.listing));
  if (previous) add('previous', findJson(path.join(modelsDir, botocoreName, previous.version), 'service-2', previous.listing));
  return sources;
}

function loadService(cliService: string, sources: Partial<Record<SourceKind, SourceFile>> | undefined, cacheDir: string): ServiceModel | undefined {
  if (!sources) return undefined;
  const key = JSON.stringify({ digestVersion, sources });
  const cacheFile = path.join(cacheDir, `${cliService}.json`);
  const cached = readCache(cacheFile, key);
  if (cached) return cached;
  const model = digest(cliService, sources);
  writeCache(cacheFile, `${key}\n${JSON.stringify(model)}`);
  return model;
}

/**
 * Cache files are the key on the first line and the model on the second, so a stale key costs no model parse.
 * (Parsing shapes on first use was measured twice: one by one, and in chunks per operation. A whole-corpus check
 * reads a third of the shape bytes, but JSON.parse costs twice as much per byte on small texts, so neither saved time.)
 */
function readCache(file: string, key: string): ServiceModel | undefined {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const newline = text.indexOf('\n');
  if (newline < 0 || text.slice(0, newline) !== key) return undefined;
  try {
    const model = JSON.parse(text.slice(newline + 1)) as unknown;
    // A corrupt entry is a miss: the model is digested again and the entry rewritten. Shape references were checked
    // when the digest was made (and the cache folder is the user's own): checking them on every read costs 2 %.
    return isObject(model) && isObject(model.metadata) && isObject(model.operations) && isObject(model.shapes) && isObject(model.paginators) && isObject(model.waiters)
      ? (model as unknown as ServiceModel)
      : undefined;
  } catch {
    return undefined;
  }
}

function writeCache(file: string, text: string): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    // Write then rename, so a concurrent run never reads half a file.
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  } catch {
    // A cache that cannot be written only costs the next run a re-digest.
  }
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function readJson(file: SourceFile | undefined): Record<string, unknown> | undefined {
  if (!file) return undefined;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file.path);
    if (file.path.endsWith('.gz')) bytes = gunzipSync(bytes);
  } catch (error) {
    throw new ModelLoadError(`cannot read ${shown(file.path)}: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new ModelLoadError(`broken JSON in ${shown(file.path)}: ${(error as Error).message.split('\n')[0]}`);
  }
  if (!isObject(value)) throw new ModelLoadError(`broken model in ${shown(file.path)}: not a JSON object`);
  return value;
}

/** A model file as messages name it: relative to the working folder, like every path in a report. */
function shown(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The previous API version's model, or undefined when it cannot be read: it only orders coverage lists, never costs the service. */
function previousModel(file: SourceFile | undefined): Record<string, unknown> | undefined {
  try {
    return readJson(file);
  } catch (error) {
    if (error instanceof ModelLoadError) return undefined;
    throw error;
  }
}

/** botocore's `deep_merge` of `*.sdk-extras.json` `merge` sections into the model. */
function deepMerge(base: Record<string, unknown>, extra: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(extra)) {
    const existing = base[key];
    if (isObject(existing) && isObject(value)) deepMerge(existing, value);
    else base[key] = value;
  }
}

/**
 * Drops documentation text in place: the parsed source is serialized into the cache and then let go. Set to
 * undefined, which JSON.stringify leaves out, rather than deleted: a delete turns each of a model's hundreds of
 * thousands of objects into a slow dictionary, for the whole run that digested it.
 */
function dropDocumentation(value: object | undefined): void {
  if (!value) return;
  const record = value as Record<string, unknown>;
  for (const key of documentationKeys) if (record[key] !== undefined) record[key] = undefined;
}

/**
 * Drops the model's documentation text in place and finds what makes it unusable (operations or shapes that are not
 * objects, a reference to a shape it lacks), in one walk over every reference; the message is made only for the
 * reference that fails.
 */
function digestModel(model: Record<string, unknown>): string | undefined {
  if (!isObject(model.operations) || !isObject(model.shapes)) return 'operations or shapes missing';
  const { operations, shapes } = model;
  const lacks = (ref: unknown): boolean => {
    if (ref === undefined) return false;
    const target = typeof ref === 'object' && ref !== null ? (ref as { shape?: unknown }).shape : undefined;
    return typeof target !== 'string' || !isObject(shapes[target]);
  };
  const names = (owner: string, ref: unknown) => `${owner} names shape '${String(isObject(ref) ? ref.shape : undefined)}', which the model lacks`;
  for (const name in operations) {
    const operation = operations[name];
    if (!isObject(operation)) return `operation ${name} is not an object`;
    if (lacks(operation.input)) return names(`operation ${name}`, operation.input);
    if (lacks(operation.output)) return names(`operation ${name}`, operation.output);
    dropDocumentation(operation);
    dropDocumentation(operation.input as object | undefined);
    dropDocumentation(operation.output as object | undefined);
    // Error shapes are found by their code (the shape's name), never through the operation.
    if (operation.errors !== undefined) operation.errors = undefined;
  }
  for (const name in shapes) {
    const shape = shapes[name];
    if (!isObject(shape)) return `shape ${name} is not an object`;
    dropDocumentation(shape);
    if (lacks(shape.member)) return names(`shape ${name}`, shape.member);
    if (lacks(shape.key)) return names(`shape ${name}`, shape.key);
    if (lacks(shape.value)) return names(`shape ${name}`, shape.value);
    dropDocumentation(shape.member as object | undefined);
    dropDocumentation(shape.key as object | undefined);
    dropDocumentation(shape.value as object | undefined);
    const members = shape.members;
    if (!isObject(members)) continue;
    for (const member in members) {
      const ref = members[member];
      if (lacks(ref)) return names(`shape ${name}`, ref);
      dropDocumentation(ref as object);
    }
  }
  return undefined;
}

function digest(cliService: string, sources: Partial<Record<SourceKind, SourceFile>>): ServiceModel {
  const service = readJson(sources['service-2'])!;
  const serviceExtras = readJson(sources['service-2.sdk-extras']);
  if (isObject(serviceExtras?.merge)) deepMerge(service, serviceExtras.merge);
  const pagination = readJson(sources['paginators-1']) ?? {};
  const paginationExtras = readJson(sources['paginators-1.sdk-extras']);
  if (isObject(paginationExtras?.merge)) deepMerge(pagination, paginationExtras.merge);
  const waiters = readJson(sources['waiters-2']);
  const previous = previousModel(sources.previous);

  const file = shown(sources['service-2']!.path);
  if (!isObject(service.metadata)) throw new ModelLoadError(`broken model in ${file}: metadata missing`);
  const problem = digestModel(service);
  if (problem) throw new ModelLoadError(`broken model in ${file}: ${problem}`);
  const operations = service.operations as Record<string, OperationModel>;
  const shapes = service.shapes as Record<string, Shape>;
  const waiterModels = (isObject(waiters?.waiters) ? waiters.waiters : {}) as Record<string, Waiter>;
  return {
    cliName: cliService,
    metadata: service.metadata as unknown as ServiceModel['metadata'],
    operations,
    shapes,
    paginators: (isObject(pagination.pagination) ? pagination.pagination : {}) as Record<string, Paginator>,
    waiters: Object.fromEntries(
      Object.entries(waiterModels).map(([name, waiter]) => [name, { operation: waiter.operation, delay: waiter.delay, maxAttempts: waiter.maxAttempts, acceptors: waiter.acceptors }]),
    ),
    ...(previous && isObject(previous.operations)
      ? { previousVersion: { apiVersion: path.basename(path.dirname(sources.previous!.path)), operations: Object.keys(previous.operations) } }
      : {}),
  };
}
