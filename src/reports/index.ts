import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatPretty } from './pretty.js';
import { formatSarif } from './sarif.js';
import type { RunReport } from './types.js';

export const REPORT_FORMATS = ['pretty', 'json', 'junit', 'sarif', 'github'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function formatReport(report: RunReport, format: ReportFormat, options: { colour: boolean; version: string }): string {
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
  }
}

export type { FileReport, RunReport, Summary } from './types.js';
export { summarize } from './types.js';
