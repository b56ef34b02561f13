import type { CoverageReport, ServiceCoverage } from '../coverage/index.js';
import { visible } from './visible.js';

/** `html` is the check report's page with the coverage in it (`formatReport`); the others are formatted here. */
export const COVERAGE_FORMATS = ['pretty', 'json', 'html'] as const;
export type CoverageFormat = (typeof COVERAGE_FORMATS)[number];

/** Past this many services, `pretty` prints the table only: the operation lists are what `--format json` is for. */
const DETAILED_SERVICES = 10;
const BAR_WIDTH = 20;

export function formatCoverage(shown: CoverageReport, format: Exclude<CoverageFormat, 'html'>): string {
  const report = visibleCoverage(shown);
  return format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatPrettyCoverage(report);
}

/** For people: a per-service table (covered / total, percentage, a bar), then what needs attention. */
function formatPrettyCoverage(report: CoverageReport): string {
  const lines: string[] = [...(report.models ? [report.models.summary] : []), ...report.notes];
  const rows = report.services.map((service) => [service.service, String(service.covered.length), String(service.operations), percentText(service.percent), bar(service.percent)]);
  const total = [`all ${plural(report.totals.services, 'service')}`, String(report.totals.covered), String(report.totals.operations), percentText(report.totals.percent), bar(report.totals.percent)];
  const header = ['service', 'covered', 'total', '%', ''];
  const widths = header.map((title, column) => Math.max(title.length, ...[...rows, total].map((row) => row[column]!.length)));
  const line = (row: string[]) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : column === 4 ? cell : cell.padStart(widths[column]!))).join('  ').trimEnd();
  if (rows.length > 0) lines.push(line(header), ...rows.map(line), line(total));
  else lines.push('no service with a model is used by the checked documents');

  if (report.services.length <= DETAILED_SERVICES) for (const service of report.services) lines.push(...serviceDetails(service));
  else lines.push(`(uncovered operations, member details, paginators and waiters of ${report.services.length} services: --format json)`);

  if (report.servicesWithoutModel.length > 0) {
    lines.push('', `not counted: ${plural(report.servicesWithoutModel.length, 'service')} without a model`);
    for (const service of report.servicesWithoutModel) {
      lines.push(`  ${service.service}: ${service.reason}${service.commands ? ` (${plural(service.commands, 'command')} in ${plural(service.files, 'file')})` : ''}`);
    }
  }
  if (report.fileMismatches.length > 0) {
    lines.push('', `${plural(report.fileMismatches.length, 'file')} named after another command:`);
    for (const mismatch of report.fileMismatches) lines.push(`  ${mismatch.file}:${mismatch.line}:${mismatch.column}  documents '${mismatch.documented}' but runs '${mismatch.runs}'`);
  }
  for (const threshold of report.thresholds) {
    const what = threshold.scope === 'selection' ? 'coverage' : `${threshold.service} coverage`;
    const from = threshold.source === 'flag' ? '--min-coverage' : 'config file';
    lines.push(`${threshold.met ? 'ok' : 'FAILED'}: ${what} ${percentText(threshold.percent)} ${threshold.met ? 'meets' : 'is below'} the minimum of ${threshold.minimum}% (${from})`);
  }
  lines.push(`${plural(report.files, 'file')}: ${report.totals.covered} of ${report.totals.operations} operations covered (${percentText(report.totals.percent)})`);
  return `${lines.join('\n')}\n`;
}

function serviceDetails(service: ServiceCoverage): string[] {
  const lines = ['', `${service.service} (API ${service.apiVersion}): ${service.covered.length} of ${service.operations} operations covered`];
  const newOperations = new Set(service.newOperations ?? []);
  if (service.uncovered.length > 0) {
    const marked = service.uncovered.map((name) => (newOperations.has(name) ? `${name} (new since ${service.previousApiVersion})` : name));
    lines.push(...wrapped(`uncovered (${service.uncovered.length})`, marked));
  }
  const partial = Object.entries(service.details).filter(([, detail]) => detail.customized || detail.input.neverPassed.length > 0 || detail.output.neverShown.length > 0);
  for (const [operation, detail] of partial) {
    if (detail.customized) {
      lines.push(`  ${operation}: a CLI customization replaces the operation: its input and output are not read`);
      continue;
    }
    const parts = [`input ${detail.input.passed}/${detail.input.members}`];
    if (detail.output.members > 0) parts.push(`output ${detail.output.shown}/${detail.output.members}${detail.output.outputsRead === 0 ? ' (no JSON output documented)' : ''}`);
    lines.push(`  ${operation}: ${parts.join('; ')}`);
    if (detail.input.neverPassed.length > 0) lines.push(...wrapped('  never passed', detail.input.neverPassed));
    if (detail.output.neverShown.length > 0 && detail.output.outputsRead > 0) lines.push(...wrapped('  never shown', detail.output.neverShown));
  }
  if (service.paginators.withoutExample.length > 0) lines.push(...wrapped('paginators without --max-items, --page-size or --starting-token in an example', service.paginators.withoutExample));
  if (service.waiters.withoutExample.length > 0) lines.push(...wrapped(`waiters without an example (aws ${service.service} wait ...)`, service.waiters.withoutExample));
  return lines;
}

/** `  label: a, b, c` wrapped at about 100 columns, continuation lines indented under the label. */
function wrapped(label: string, items: string[]): string[] {
  const lines: string[] = [];
  let line = `  ${label}:`;
  for (const [index, item] of items.entries()) {
    const word = `${item}${index < items.length - 1 ? ',' : ''}`;
    if (line.length + 1 + word.length > 100 && line.trim().length > label.length + 1) {
      lines.push(line);
      line = '     ';
    }
    line += ` ${word}`;
  }
  return [...lines, line];
}

function percentText(percent: number | null): string {
  return percent === null ? '-' : `${percent.toFixed(1)}%`;
}

function bar(percent: number | null): string {
  if (percent === null) return '';
  const filled = Math.round((percent / 100) * BAR_WIDTH);
  return `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}]`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Text that comes from documents (service words, paths, commands), with control characters made visible. */
export function visibleCoverage(report: CoverageReport): CoverageReport {
  return {
    ...report,
    notes: report.notes.map(visible),
    servicesWithoutModel: report.servicesWithoutModel.map((service) => ({ ...service, service: visible(service.service) })),
    fileMismatches: report.fileMismatches.map((mismatch) => ({ ...mismatch, file: visible(mismatch.file), documented: visible(mismatch.documented), runs: visible(mismatch.runs) })),
  };
}
