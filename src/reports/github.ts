import type { Severity } from '../rules/types.js';
import type { RunReport } from './types.js';

const commands: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** GitHub Actions workflow commands: one annotation per finding. */
export function formatGithub(report: RunReport): string {
  // A notice without a file: shown in the run's summary, so a reader knows which models judged the commands.
  const lines: string[] = report.models ? [`::notice title=docs-harness models::${escapeData(report.models.summary)}`] : [];
  for (const file of report.files) {
    for (const finding of file.findings) {
      const properties = [
        `file=${escapeProperty(file.path)}`,
        `line=${finding.start.line}`,
        `col=${finding.start.column}`,
        `endLine=${finding.end.line}`,
        `endColumn=${finding.end.column}`,
        `title=${escapeProperty(finding.ruleId)}`,
      ].join(',');
      lines.push(`::${commands[finding.severity]} ${properties}::${escapeData(finding.message)}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

// The escapes GitHub's toolkit applies (`escapeData` / `escapeProperty` in @actions/core).
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
