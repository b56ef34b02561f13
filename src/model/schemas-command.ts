import { loadModels, ModelLoadError } from './load.js';
import { writeServiceSchemas, type WrittenSchemas } from './schema.js';

export interface SchemasCommandOptions {
  /** CLI service names; all the models folder holds when absent. */
  service?: string | string[];
  /** The botocore data folder. */
  models: string;
  /** Output folder, e.g. `schemas/aws`. */
  out: string;
  cacheDir?: string;
}

export interface SchemasCommandSummary {
  written: WrittenSchemas[];
  /** One line per service, for the terminal. */
  lines: string[];
}

/** `docs-harness schemas --service cognito-idp --models DIR --out schemas/aws`; throws ModelLoadError on bad input. */
export function runSchemasCommand(options: SchemasCommandOptions): SchemasCommandSummary {
  const models = loadModels(options.models, options.cacheDir ? { cacheDir: options.cacheDir } : {});
  const requested = options.service === undefined ? models.serviceNames() : [options.service].flat();
  const available = new Set(models.serviceNames());
  const unknown = requested.filter((service) => !available.has(service));
  if (unknown.length > 0) throw new ModelLoadError(`no model for service ${unknown.map((s) => `'${s}'`).join(', ')} in ${options.models}`);
  const written = requested.map((service) => writeServiceSchemas(models, service, options.out));
  const lines = written.map(
    (entry) =>
      `${entry.service}: ${entry.operations} operations, ${entry.shapes} shapes` +
      (entry.droppedPatterns.length ? `, ${entry.droppedPatterns.length} Java-only patterns left out` : ''),
  );
  return { written, lines };
}
