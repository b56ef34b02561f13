import { formatFinding } from '../rules/types.js';
import type { RunReport } from './types.js';

/** JUnit XML for CI dashboards: one test case per file, failing when it has error-level findings. */
export function formatJunit(report: RunReport): string {
  const cases = report.files.map((file) => {
    const errors = file.findings.filter((finding) => finding.severity === 'error');
    const others = file.findings.filter((finding) => finding.severity !== 'error');
    const describe = (list: typeof file.findings) => list.map((finding) => `${file.path}:${formatFinding(finding)} (${finding.ruleId})`).join('\n');
    const failure = errors.length
      ? `\n      <failure message="${escapeXml(`${errors.length} error(s)`)}" type="docs-harness">${escapeXml(describe(errors))}</failure>`
      : '';
    const output = others.length ? `\n      <system-out>${escapeXml(describe(others))}</system-out>` : '';
    const body = failure || output ? `${failure}${output}\n    ` : '';
    return `    <testcase classname="docs-harness" name="${escapeXml(file.path)}">${body}</testcase>`;
  });
  const failures = report.files.filter((file) => file.findings.some((finding) => finding.severity === 'error')).length;
  const models = report.models;
  const properties = models
    ? [['models', models.path], ['models.version', models.version], ['models.source', models.source], ['models.summary', models.summary]]
        .filter((pair): pair is [string, string] => pair[1] !== undefined)
        .map(([name, value]) => `      <property name="docs-harness.${name}" value="${escapeXml(value)}"/>`)
    : [];
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="docs-harness" tests="${report.files.length}" failures="${failures}">\n` +
    `  <testsuite name="docs-harness" tests="${report.files.length}" failures="${failures}">\n` +
    (properties.length ? `    <properties>\n${properties.join('\n')}\n    </properties>\n` : '') +
    (cases.length ? `${cases.join('\n')}\n` : '') +
    '  </testsuite>\n</testsuites>\n'
  );
}

function escapeXml(text: string): string {
  // Characters XML 1.0 cannot hold at all are dropped; the rest are escaped.
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
