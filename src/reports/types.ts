import type { ModelsUsed } from '../model/discover.js';
import type { CommandReplay } from '../rules/replay-results.js';
import type { Finding, Rule, Severity } from '../rules/types.js';

export type { ModelsUsed } from '../model/discover.js';

/** One command of a document, as summaries count it. */
export interface CommandSummary {
  line: number;
  /** The CLI service name (`cognito-idp`) and operation (`admin-get-user`), as written. */
  service?: string;
  operation?: string;
  /** How its replay went, when the run replays. */
  replay?: CommandReplay;
}

/** What a run found in one file, as reporters see it. */
export interface FileReport {
  /** The path as the user should see it: relative to the working folder, `/` separators. */
  path: string;
  findings: Finding[];
  /** Examples the file holds (for summaries and test-case reporters). */
  examples: number;
  /** The commands the file runs (for per-service summaries). */
  commands?: CommandSummary[];
  /** The document's text with its secrets masked, for reporters that show excerpts; only for files with findings. */
  source?: string;
}

export interface RunReport {
  files: FileReport[];
  rules: readonly Rule[];
  /** Lines the run wants the reader to know (the target, the baseline used, the files a changed-files run chose). */
  notes: string[];
  /** The service models the run used: every format names them. */
  models?: ModelsUsed;
}

export interface Summary {
  files: number;
  filesWithErrors: number;
  examples: number;
  errors: number;
  warnings: number;
  infos: number;
  byRule: Record<string, number>;
}

export function summarize(report: RunReport): Summary {
  const count: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const byRule: Record<string, number> = {};
  let filesWithErrors = 0;
  let examples = 0;
  for (const file of report.files) {
    examples += file.examples;
    if (file.findings.some((finding) => finding.severity === 'error')) filesWithErrors++;
    for (const finding of file.findings) {
      count[finding.severity]++;
      byRule[finding.ruleId] = (byRule[finding.ruleId] ?? 0) + 1;
    }
  }
  const sortedByRule = Object.fromEntries(Object.entries(byRule).sort(([a], [b]) => a.localeCompare(b)));
  return {
    files: report.files.length,
    filesWithErrors,
    examples,
    errors: count.error,
    warnings: count.warning,
    infos: count.info,
    byRule: sortedByRule,
  };
}
