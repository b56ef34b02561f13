import type { Severity } from '../rules/types.js';
import { summarize, type RunReport } from './types.js';

const colours: Record<Severity, string> = { error: '\u001b[31m', warning: '\u001b[33m', info: '\u001b[36m' };
const reset = '\u001b[0m';
const dim = '\u001b[2m';

/** For people: `file:line:col  severity  message  rule-id`, grouped by file, and a summary line. */
export function formatPretty(report: RunReport, options: { colour: boolean }): string {
  const paint = (text: string, code: string) => (options.colour ? `${code}${text}${reset}` : text);
  const lines: string[] = [...(report.models ? [report.models.summary] : []), ...report.notes];
  for (const file of report.files) {
    for (const finding of file.findings) {
      const where = `${file.path}:${finding.start.line}:${finding.start.column}`;
      const severity = paint(finding.severity.padEnd(7), colours[finding.severity]);
      lines.push(`${where}  ${severity}  ${finding.message}  ${paint(finding.ruleId, dim)}`);
    }
  }
  const summary = summarize(report);
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  lines.push(
    `${plural(summary.files, 'file')}, ${plural(summary.examples, 'example')}: ` +
      `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${plural(summary.infos, 'info')}`,
  );
  return `${lines.join('\n')}\n`;
}
