// Before/after: two `check --format json` reports of the same files compared per rule and severity, and the
// findings (file, line, rule) that one has and the other lacks. Used for issue #10's whole-corpus table
// (errors must not rise except through new readings; warnings fall by ≥ 40 % with no true finding lost).
//
//   node bench/compare-reports.js <before.json> <after.json> [--list error|warning|info|all] [--root DIR]
// --root strips a folder from the paths so reports made from different checkouts compare.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};
const [beforeFile, afterFile] = args.filter((arg, index) => !arg.startsWith('--') && !args[index - 1]?.startsWith('--'));
if (!beforeFile || !afterFile || !existsSync(beforeFile) || !existsSync(afterFile)) {
  console.log('compare-reports skipped: give two existing check --format json reports');
  process.exit(0);
}
const list = option('list');
const root = option('root');

function load(file) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const findings = [];
  for (const entry of report.files) {
    const name = root ? path.relative(root, entry.path) : entry.path;
    for (const message of entry.messages) {
      findings.push({ file: name, ...message });
      // A grouped finding names its other members as related locations: they count as sites it still reports.
      for (const member of message.related ?? []) findings.push({ file: name, ...message, line: member.line, column: member.column, related: undefined, member: true });
    }
  }
  return findings;
}
const before = load(beforeFile);
const after = load(afterFile);

const tally = (findings) => {
  const counts = new Map();
  for (const finding of findings) {
    const key = `${finding.ruleId}\t${finding.severity}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
};
const beforeCounts = tally(before.filter((finding) => !finding.member));
const afterCounts = tally(after.filter((finding) => !finding.member));
const keys = [...new Set([...beforeCounts.keys(), ...afterCounts.keys()])].sort();
console.log(`| rule | severity | before | after | change |\n| --- | --- | ---: | ---: | ---: |`);
for (const key of keys) {
  const [rule, severity] = key.split('\t');
  const b = beforeCounts.get(key) ?? 0;
  const a = afterCounts.get(key) ?? 0;
  console.log(`| ${rule} | ${severity} | ${b} | ${a} | ${a - b > 0 ? '+' : ''}${a - b} |`);
}
for (const severity of ['error', 'warning', 'info']) {
  const b = before.filter((finding) => finding.severity === severity && !finding.member).length;
  const a = after.filter((finding) => finding.severity === severity && !finding.member).length;
  const change = b ? `${(((a - b) / b) * 100).toFixed(1)} %` : '-';
  console.log(`| **all** | ${severity} | ${b} | ${a} | ${a - b > 0 ? '+' : ''}${a - b} (${change}) |`);
}

// (file, line, rule) sets, related locations of grouped findings included: what the after report no longer
// says anywhere on that line, and what it newly says.
const site = (finding) => `${finding.file}:${finding.line}\t${finding.ruleId}`;
const afterSites = new Set(after.map(site));
const beforeSites = new Set(before.map(site));
const lost = new Map();
for (const finding of before) if (!afterSites.has(site(finding))) lost.set(site(finding), finding);
const added = new Map();
for (const finding of after) if (!beforeSites.has(site(finding))) added.set(site(finding), finding);
const bySeverity = (map) => Object.entries([...map.values()].reduce((acc, finding) => ({ ...acc, [finding.severity]: (acc[finding.severity] ?? 0) + 1 }), {}))
  .map(([severity, n]) => `${n} ${severity}`)
  .join(', ');
console.log(`\n(file, line, rule) sites only before: ${lost.size} (${bySeverity(lost) || 'none'}); only after: ${added.size} (${bySeverity(added) || 'none'})`);
if (list) {
  const shown = (finding) => list === 'all' || finding.severity === list;
  for (const [label, map] of [['only before', lost], ['only after', added]]) {
    for (const finding of map.values()) if (shown(finding)) console.log(`${label}\t${finding.file}:${finding.line}:${finding.column}\t${finding.severity}\t${finding.ruleId}\t${finding.message.slice(0, 200)}`);
  }
}
