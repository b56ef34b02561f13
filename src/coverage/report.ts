import { CUSTOM_SERVICES } from '../model/input/cli-table.js';
import { inputMemberOptions } from '../model/input/index.js';
import { shapeOf } from '../model/input/values.js';
import { knownCliServices } from '../model/cli-services.js';
import { operationCliName, xformName } from '../model/names.js';
import type { ModelsUsed } from '../model/discover.js';
import type { ModelIndex, ServiceModel } from '../model/types.js';
import type { CoverageCollector, OperationUsage, ServiceUsage } from './collect.js';
import type { CoverageReport, CoverageThreshold, OperationCoverage, ServiceCoverage, UnmodelledService } from './types.js';

export interface CoverageOptions {
  /** Documents read. */
  files: number;
  /** Every service of the models, not only those the documents use. */
  allServices?: boolean;
  /** The whole selection's minimum percentage, and where it comes from. */
  minimum?: { percent: number; source: 'flag' | 'config' };
  /** Minimum percentage per service (CLI name), from the config file. */
  serviceMinimums?: Readonly<Record<string, number>>;
  /** A path as the report shows it (relative to the working folder). */
  shownPath(file: string): string;
  /** The models used, as reports name them. */
  models?: ModelsUsed;
  notes?: string[];
}

/** The coverage of the models by what the collector saw, with the thresholds asked for checked. */
export function buildCoverageReport(collected: CoverageCollector, models: ModelIndex, options: CoverageOptions): CoverageReport {
  const notes = [...(options.notes ?? [])];
  const names = new Set(collected.services.keys());
  const unmodelled = new Map(collected.unmodelled);
  if (options.allServices) {
    for (const name of models.serviceNames()) {
      if (models.get(name)) names.add(name);
      else if (!unmodelled.has(name)) unmodelled.set(name, { files: new Set(), commands: 0 });
    }
  }
  const services = [...names].sort().map((name) => serviceCoverage(models.get(name)!, collected.services.get(name)));
  const operations = services.reduce((sum, service) => sum + service.operations, 0);
  const covered = services.reduce((sum, service) => sum + service.covered.length, 0);
  const totals = { services: services.length, operations, covered, percent: percentOf(covered, operations) };

  const thresholds: CoverageThreshold[] = [];
  if (options.minimum) {
    const { percent, source } = options.minimum;
    thresholds.push({ scope: 'selection', source, minimum: percent, percent: totals.percent, met: meets(covered, operations, percent) });
  }
  for (const [service, minimum] of Object.entries(options.serviceMinimums ?? {}).sort(([a], [b]) => byText(a, b))) {
    const entry = services.find((each) => each.service === service);
    if (!entry) {
      notes.push(`coverage minimum for '${service}' not checked: ${unmodelled.has(service) ? 'it has no model here' : 'no checked document uses it'}`);
      continue;
    }
    thresholds.push({ scope: 'service', service, source: 'config', minimum, percent: entry.percent, met: meets(entry.covered.length, entry.operations, minimum) });
  }

  return {
    ...(options.models ? { models: options.models } : {}),
    files: options.files,
    totals,
    services,
    servicesWithoutModel: [...unmodelled].sort(([a], [b]) => byText(a, b)).map(([service, usage]): UnmodelledService => ({
      service,
      reason: missingModelReason(models, service),
      files: usage.files.size,
      commands: usage.commands,
    })),
    fileMismatches: collected.mismatches
      .map((mismatch) => ({ ...mismatch, file: options.shownPath(mismatch.file) }))
      .sort((a, b) => byText(a.file, b.file) || a.line - b.line),
    thresholds,
    notes,
  };
}

function serviceCoverage(model: ServiceModel, usage: ServiceUsage | undefined): ServiceCoverage {
  const apiNames = Object.keys(model.operations);
  const covered = apiNames.filter((name) => usage?.operations.has(name));
  const uncovered = apiNames.filter((name) => !usage?.operations.has(name));
  const previous = model.previousVersion ? new Set(model.previousVersion.operations) : undefined;
  const isNew = (name: string) => previous !== undefined && !previous.has(name);
  const details: Record<string, OperationCoverage> = {};
  for (const name of covered) details[operationCliName(name)] = operationCoverage(model, name, usage!.operations.get(name)!);
  return {
    service: model.cliName,
    apiVersion: model.metadata.apiVersion,
    ...(model.previousVersion ? { previousApiVersion: model.previousVersion.apiVersion } : {}),
    operations: apiNames.length,
    covered: sortedCliNames(covered),
    uncovered: [...sortedCliNames(uncovered.filter(isNew)), ...sortedCliNames(uncovered.filter((name) => !isNew(name)))],
    ...(previous ? { newOperations: sortedCliNames(apiNames.filter(isNew)) } : {}),
    percent: percentOf(covered.length, apiNames.length),
    files: usage?.files.size ?? 0,
    commands: usage?.commands ?? 0,
    details,
    paginators: {
      total: Object.keys(model.paginators).length,
      withoutExample: Object.keys(model.paginators)
        .filter((name) => model.operations[name] && !usage?.operations.get(name)?.paginated)
        .map(operationCliName)
        .sort(byText),
    },
    waiters: {
      total: Object.keys(model.waiters).length,
      withoutExample: Object.keys(model.waiters)
        .filter((name) => !usage?.waiters.has(name))
        .map((name) => xformName(name))
        .sort(byText),
    },
  };
}

function operationCoverage(model: ServiceModel, operationName: string, usage: OperationUsage): OperationCoverage {
  const inputOptions = inputMemberOptions(model, operationName);
  const neverPassed = [...inputOptions].filter(([member]) => !usage.inputMembers.has(member)).map(([, option]) => option);
  const operation = model.operations[operationName]!;
  const paginator = model.paginators[operationName];
  // The CLI merges a paginated operation's pages: its continuation token shows only with --max-items.
  const merged = new Set(paginator ? [paginator.output_token, paginator.more_results ?? []].flat() : []);
  const outputMembers = Object.keys(operation.output ? (shapeOf(model, operation.output).members ?? {}) : {}).filter((member) => !merged.has(member));
  const neverShown = outputMembers.filter((member) => !usage.outputMembers.has(member));
  return {
    commands: usage.commands,
    files: usage.files.size,
    ...(usage.customized ? { customized: true as const } : {}),
    input: { members: inputOptions.size, passed: inputOptions.size - neverPassed.length, neverPassed },
    output: { members: outputMembers.length, shown: outputMembers.length - neverShown.length, neverShown, outputsRead: usage.outputsRead, outputsSkipped: usage.outputsSkipped },
  };
}

function missingModelReason(models: ModelIndex, service: string): string {
  const problem = models.problem?.(service);
  if (problem) return `its model cannot be used: ${problem}`;
  if (CUSTOM_SERVICES.has(service)) return 'CLI customization commands only: no API model';
  if (knownCliServices().has(service)) return 'the models used have none for it (pass --models DIR)';
  return 'not a service the AWS CLI knows';
}

/** API operation names as CLI names, alphabetical. */
function sortedCliNames(apiNames: string[]): string[] {
  return apiNames.map(operationCliName).sort(byText);
}

/** Code-point order: the same on every machine, whatever its locale. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function percentOf(covered: number, total: number): number | null {
  return total === 0 ? null : Math.round((covered / total) * 10000) / 100;
}

/** Compared on the exact ratio, not the rounded percentage. */
function meets(covered: number, total: number, minimum: number): boolean {
  return total === 0 || covered * 100 >= minimum * total;
}
