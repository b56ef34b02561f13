import type { Finding } from '../rules/types.js';
import { summarize, type RunReport } from './types.js';

/** A finding as `schemas/report.schema.json` describes a message (`extract` prints the same). */
export function jsonMessage(finding: Finding) {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    line: finding.start.line,
    column: finding.start.column,
    endLine: finding.end.line,
    endColumn: finding.end.column,
  };
}

/** The machine-readable report, described by `schemas/report.schema.json`. */
export function formatJson(report: RunReport): string {
  const body = {
    summary: summarize(report),
    notes: report.notes,
    ...(report.models ? { models: report.models } : {}),
    files: report.files.map((file) => ({
      path: file.path,
      messages: file.findings.map((finding) => ({
        ...jsonMessage(finding),
        ...(finding.fingerprint ? { fingerprint: finding.fingerprint } : {}),
        ...(finding.related?.length && {
          related: finding.related.map((related) => ({ message: related.message, line: related.start.line, column: related.start.column, endLine: related.end.line, endColumn: related.end.column })),
        }),
      })),
    })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
