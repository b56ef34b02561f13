import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Point } from '../document/types.js';
import type { Severity } from '../rules/types.js';
import type { RunReport } from './types.js';

const levels: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note' };

/** SARIF 2.1.0, for code scanning uploads. */
export function formatSarif(report: RunReport, toolVersion: string): string {
  const rules = [...report.rules].sort((a, b) => a.id.localeCompare(b.id));
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'docs-harness',
            version: toolVersion,
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description.split(/(?<=\.)\s/)[0] },
              fullDescription: { text: rule.description },
              defaultConfiguration: { level: levels[rule.severity] },
            })),
          },
        },
        ...(report.models ? { properties: { models: report.models } } : {}),
        results: report.files.flatMap((file) =>
          file.findings.map((finding) => ({
            ruleId: finding.ruleId,
            ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {}),
            level: levels[finding.severity],
            message: { text: finding.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: artifactUri(file.path) },
                  region: regionOf(finding),
                },
              },
            ],
            ...(finding.related?.length && {
              relatedLocations: finding.related.map((related, index) => ({
                id: index + 1,
                physicalLocation: { artifactLocation: { uri: artifactUri(file.path) }, region: regionOf(related) },
                message: { text: related.message },
              })),
            }),
            ...(finding.fingerprint ? { partialFingerprints: { 'docsHarness/v1': finding.fingerprint } } : {}),
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

function regionOf(place: { start: Point; end: Point }) {
  return { startLine: place.start.line, startColumn: place.start.column, endLine: place.end.line, endColumn: place.end.column };
}

/** SARIF wants URIs: a relative reference for paths under the working folder, a `file:` URL for those outside it. */
function artifactUri(filePath: string): string {
  return filePath === '..' || filePath.startsWith('../') ? pathToFileURL(path.resolve(filePath)).href : encodeURI(filePath);
}
