import path from 'node:path';
import { discoverModels, versionOfDataFolder, type DiscoveryOptions, type ModelsOrigin } from '../model/discover.js';
import { embeddedModels, loadModels } from '../model/load.js';
import type { ModelIndex } from '../model/types.js';
import type { ModelsUsed } from '../reports/types.js';
import type { Config } from './config.js';

/** Set to `off` for runs that must not depend on the machine: only `--models`, the config's `models` or the embedded model. */
export const DISCOVERY_VARIABLE = 'DOCS_HARNESS_DISCOVERY';

export interface ChosenModels {
  models: ModelIndex;
  /** The botocore data folder (absolute); absent for the embedded model. */
  dir?: string;
  /** What every report says about them. */
  used: ModelsUsed;
  /** Candidates found but not usable, one line each. */
  notes: string[];
}

const sourceNames: Record<ModelsOrigin['source'], string> = {
  flag: '--models',
  config: "the config file's models",
  checkout: 'the aws-cli checkout holding the checked files',
  'installed-cli': 'the AWS CLI on the PATH',
  python: "Python's botocore",
  debian: "Debian's awscli package",
  embedded: 'embedded',
};

/**
 * The models for a run: `--models`, else the config file's `models` (both must load), else botocore data found on
 * this machine (see discoverModels), else the embedded cognito-idp model.
 */
export async function chooseModels(
  config: Config,
  options: { fromFlag: boolean; paths: string[]; cwd: string; env?: NodeJS.ProcessEnv; discovery?: Pick<DiscoveryOptions, 'debianPackages'> },
): Promise<ChosenModels> {
  const env = options.env ?? process.env;
  if (config.models !== undefined) {
    const version = versionOfDataFolder(config.models);
    const origin: ModelsOrigin = { source: options.fromFlag ? 'flag' : 'config', dir: config.models, ...(version ? { version } : {}) };
    return { models: loadModels(config.models), dir: config.models, used: describe(origin, options.cwd), notes: [] };
  }
  if (env[DISCOVERY_VARIABLE] === 'off') {
    const models = embeddedModels();
    return { models, used: { source: 'embedded', summary: `models: the embedded ${models.serviceNames().join(', ')} model only (${DISCOVERY_VARIABLE}=off)` }, notes: [] };
  }
  const found = await discoverModels({ ...options.discovery, paths: options.paths.map((file) => path.resolve(options.cwd, file)), env });
  const notes = found.skipped.map((skipped) => `models: skipped ${shownPath(skipped.where, options.cwd)} (${skipped.what}): ${skipped.reason}`);
  if (found.models) return { models: found.models, dir: found.origin.dir!, used: describe(found.origin, options.cwd), notes };
  const models = embeddedModels();
  return {
    models,
    used: {
      source: 'embedded',
      summary:
        `models: none found (no aws-cli checkout holding the files, AWS CLI, Python botocore or Debian awscli package): ` +
        `the embedded ${models.serviceNames().join(', ')} model only; install the AWS CLI or pass --models DIR`,
    },
    notes,
  };
}

function describe(origin: ModelsOrigin, cwd: string): ModelsUsed {
  const shown = shownPath(origin.dir!, cwd);
  return {
    source: origin.source,
    path: shown,
    ...(origin.version ? { version: origin.version } : {}),
    summary: `models: ${shown} (${origin.version ? `${origin.version}, ` : ''}${sourceNames[origin.source]})`,
  };
}

/** Relative to the working folder when inside it; an install elsewhere on the machine has only its absolute path. */
function shownPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  if (relative === '') return '.';
  return relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
}
