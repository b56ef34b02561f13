import { formatGithub } from './github.js';
import type { CoverageReport } from '../coverage/index.js';
import { visibleCoverage } from './coverage.js';
import { formatHtml } from './html/index.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatPretty } from './pretty.js';
import { formatSarif } from './sarif.js';
import type { RunReport } from './types.js';
import { visible } from './visible.js';

export const REPORT_FORMATS = ['pretty', 'json', 'junit', 'sarif', 'github', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportOptions {
  colour: boolean;
  version: string;
  /** The command the report is of (the HTML page's title). */
  command?: string;
  /** The `coverage` command's report, for the HTML page. */
  coverage?: CoverageReport;
}

export function formatReport(shown: RunReport, format: ReportFormat, options: ReportOptions): string {
  const report = withVisibleText(shown);
  switch (format) {
    case 'pretty':
      return formatPretty(report, options);
    case 'json':
      return formatJson(report);
    case 'junit':
      return formatJunit(report);
    case 'sarif':
      return formatSarif(report, options.version);
    case 'github':
      return formatGithub(report);
    case 'html':
      return formatHtml(report, { command: options.command ?? 'check', version: options.version, ...(options.coverage ? { coverage: visibleCoverage(options.coverage) } : {}) });
  }
}

/** Every text a document can put in a report (messages, paths, notes), with control characters made visible. */
function withVisibleText(report: RunReport): RunReport {
  return {
    ...report,
    notes: report.notes.map(visible),
    // A models path comes from the machine or the config file, never a document; still one line of plain text.
    ...(report.models ? { models: { ...report.models, summary: visible(report.models.summary) } } : {}),
    files: report.files.map((file) => ({
      ...file,
      path: visible(file.path),
      findings: file.findings.map((finding) => {
        const message = visible(finding.message);
        const fingerprint = finding.fingerprint === undefined ? undefined : visible(finding.fingerprint);
        return message === finding.message && fingerprint === finding.fingerprint ? finding : { ...finding, message, ...(fingerprint === undefined ? {} : { fingerprint }) };
      }),
    })),
  };
}

export type { CommandSummary, FileReport, ModelsUsed, RunReport, Summary } from './types.js';
export { summarize } from './types.js';
