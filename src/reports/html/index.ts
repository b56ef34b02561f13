import type { CoverageReport } from '../../coverage/index.js';
import type { Severity } from '../../rules/types.js';
import { summarize, type FileReport, type RunReport } from '../types.js';
import { coverageCard, coverageSection } from './coverage.js';
import { capped, escapeHtml } from './escape.js';
import { excerptHtml, linesOf } from './excerpt.js';
import { replayDiffHtml } from './json-diff.js';
import { bar, ICONS, MESSAGE_LIMIT, pageHtml, percent, plural, SEVERITIES } from './page.js';

export interface HtmlOptions {
  /** The command the report is of (`check`, `replay`, `coverage`): the page's title. */
  command: string;
  version: string;
  /** The `coverage` command's report: a coverage column, a card and a section of what has no example. */
  coverage?: CoverageReport;
}

interface ServiceRow {
  service: string;
  files: number;
  commands: number;
  counts: Record<Severity, number>;
  replayed: number;
  passed: number;
  operations?: number;
  covered?: number;
}

/**
 * One self-contained page: summary, per-rule and per-service tables, every finding with its excerpt, replay
 * outputs side by side. Every table and finding is in the markup (it reads without JavaScript); the script only
 * sorts and filters.
 */
export function formatHtml(report: RunReport, options: HtmlOptions): string {
  const summary = summarize(report);
  const fileServices = report.files.map(serviceOf);
  const services = serviceRows(report, fileServices, options.coverage);
  const commands = report.files.reduce((sum, file) => sum + (file.commands?.length ?? 0), 0);
  const replays = report.files.flatMap((file) => (file.commands ?? []).flatMap((command) => (command.replay ? [command.replay] : [])));
  const cards: Array<{ label: string; value: string | number; severity?: Severity }> = [
    { label: 'files', value: summary.files },
    { label: 'examples', value: summary.examples },
    { label: 'commands', value: commands },
    ...SEVERITIES.map((severity) => ({ label: plural(severity), value: summary[plural(severity) as 'errors'], severity })),
  ];
  if (replays.length > 0) {
    const count = (status: string) => replays.filter((replay) => replay.status === status).length;
    cards.push({ label: 'replays passed', value: count('passed') }, { label: 'replays failed', value: count('failed') }, { label: 'not replayed', value: count('not-replayed') });
  }
  if (options.coverage) cards.push(coverageCard(options.coverage));
  // The coverage command runs no rule: no severity cards, no rule or finding sections that would read as 'none found'.
  const checked = options.command !== 'coverage';
  if (!checked) cards.splice(3, SEVERITIES.length);
  return pageHtml({
    title: `docs-harness ${options.command} report`,
    version: options.version,
    ...(report.models ? { models: report.models.summary } : {}),
    notes: report.notes,
    cards,
    sections: [
      ...(checked ? [{ id: 'rules', name: 'rules', html: rulesSection(report) }] : []),
      { id: 'services', name: 'services', html: servicesSection(services, replays.length > 0, options.coverage !== undefined, checked) },
      ...(options.coverage ? [{ id: 'coverage', name: 'coverage', html: coverageSection(options.coverage) }] : []),
      ...(checked ? [{ id: 'findings', name: 'findings', html: findingsSection(report, fileServices, services) }] : []),
      ...(replays.length ? [{ id: 'replays', name: 'replays', html: replaysSection(report, fileServices) }] : []),
    ],
  });
}

/** The service a file is about: the one most of its commands run, else its folder's name (aws-cli's layout). */
function serviceOf(file: FileReport): string {
  const counts = new Map<string, number>();
  for (const command of file.commands ?? []) if (command.service) counts.set(command.service, (counts.get(command.service) ?? 0) + 1);
  const [most] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (most) return most[0];
  const folders = file.path.split('/');
  return folders.length > 1 ? folders.at(-2)! : '(none)';
}

function serviceRows(report: RunReport, fileServices: string[], coverage: CoverageReport | undefined): ServiceRow[] {
  const rows = new Map<string, ServiceRow>();
  const row = (service: string) => {
    let found = rows.get(service);
    if (!found) rows.set(service, (found = { service, files: 0, commands: 0, counts: { error: 0, warning: 0, info: 0 }, replayed: 0, passed: 0 }));
    return found;
  };
  report.files.forEach((file, index) => {
    const entry = row(fileServices[index]!);
    entry.files++;
    entry.commands += file.commands?.length ?? 0;
    for (const finding of file.findings) entry.counts[finding.severity]++;
    for (const command of file.commands ?? []) {
      if (!command.replay || command.replay.status === 'not-replayed') continue;
      entry.replayed++;
      if (command.replay.status === 'passed') entry.passed++;
    }
  });
  for (const covered of coverage?.services ?? []) Object.assign(row(covered.service), { operations: covered.operations, covered: covered.covered.length });
  return [...rows.values()].sort((a, b) => a.service.localeCompare(b.service));
}

function servicesSection(rows: ServiceRow[], replayed: boolean, withCoverage: boolean, withFindings: boolean): string {
  const columns: Array<{ label: string; className: string; value: (row: ServiceRow) => number; text?: (row: ServiceRow) => string; scale?: number }> = [
    { label: 'files', className: 'files', value: (row) => row.files },
    { label: 'commands', className: 'commands', value: (row) => row.commands },
    ...(withFindings ? SEVERITIES.map((severity) => ({ label: `${ICONS[severity]} ${plural(severity)}`, className: plural(severity), value: (row: ServiceRow) => row.counts[severity] })) : []),
  ];
  if (replayed) {
    columns.push({ label: 'replay pass rate', className: 'pass-rate', value: (row) => (row.replayed ? row.passed / row.replayed : -1), text: (row) => (row.replayed ? `${percent(row.passed, row.replayed)} (${row.passed}/${row.replayed})` : '—'), scale: 1 });
  }
  if (withCoverage) {
    columns.push({ label: 'coverage', className: 'coverage', value: (row) => (row.operations ? row.covered! / row.operations : -1), text: (row) => (row.operations ? `${percent(row.covered!, row.operations)} (${row.covered}/${row.operations})` : '—'), scale: 1 });
  }
  const maxima = columns.map((column) => column.scale ?? Math.max(1, ...rows.map(column.value)));
  const head = `<tr><th scope="col" aria-sort="ascending"><button type="button">service</button></th>${columns.map((column) => `<th scope="col" class="num"><button type="button">${column.label}</button></th>`).join('')}</tr>`;
  const body = rows
    .map((row) => {
      const cells = columns.map((column, index) => {
        const value = column.value(row);
        return `<td class="num ${column.className}" data-value="${value}">${column.text ? column.text(row) : value}${bar(value, maxima[index]!)}</td>`;
      });
      const name = escapeHtml(row.service);
      // Only a service with findings is in the filter's list: the others have nothing to show.
      const found = SEVERITIES.some((severity) => row.counts[severity] > 0);
      const link = withFindings && found ? `<a href="#findings" data-filter="service=${name}">${name}</a>` : name;
      return `<tr><th scope="row" data-value="${name}">${link}</th>${cells.join('')}</tr>`;
    })
    .join('\n');
  return `<section id="services" aria-labelledby="services-heading">
<h2 id="services-heading">Services</h2>
<p class="hint">Select a column heading to sort${withFindings ? "; a service's name shows its findings" : ''}.</p>
<div class="scroll"><table class="sortable"><caption>Files, commands${withFindings ? ' and findings' : ' and coverage'} per service (${rows.length})</caption><thead>${head}</thead><tbody>
${body}
</tbody></table></div>
</section>`;
}

function rulesSection(report: RunReport): string {
  const known = new Map(report.rules.map((rule) => [rule.id, rule]));
  const counts = new Map<string, Record<Severity, number>>();
  for (const file of report.files) {
    for (const finding of file.findings) {
      let count = counts.get(finding.ruleId);
      if (!count) counts.set(finding.ruleId, (count = { error: 0, warning: 0, info: 0 }));
      count[finding.severity]++;
    }
  }
  const total = (count: Record<Severity, number>) => count.error + count.warning + count.info;
  const counted = [...counts].sort((a, b) => total(b[1]) - total(a[1]) || a[0].localeCompare(b[0]));
  const max = Math.max(1, ...counted.map(([, count]) => total(count)));
  const body = counted
    .map(([id, count]) => {
      const rule = known.get(id);
      const name = escapeHtml(id);
      // Its first sentence, cut short: `docs-harness rules` has the whole description.
      const description = rule ? escapeHtml(shortened(rule.description.split(/(?<=\.)\s/)[0]!, 160)) : '';
      // One bar per rule, in a segment per severity; the numbers beside it say the same without colour.
      const segments = SEVERITIES.filter((severity) => count[severity] > 0).map(
        (severity) => `<span class="bar ${severity}" style="width:${Math.max(0.5, (count[severity] / max) * 100).toFixed(1)}%" title="${count[severity]} ${plural(severity)}"></span>`,
      );
      const split = SEVERITIES.filter((severity) => count[severity] > 0).map((severity) => `${count[severity]} ${ICONS[severity]}`).join(' ');
      return `<tr><th scope="row" data-value="${name}"><a href="#findings" data-filter="rule=${name}">${name}</a></th><td class="num" data-value="${total(count)}">${total(count)}</td><td class="chart" data-value="${total(count)}"><span class="stack">${segments.join('')}</span><span class="split">${split}</span></td><td class="what">${description}</td></tr>`;
    })
    .join('\n');
  return `<section id="rules" aria-labelledby="rules-heading">
<h2 id="rules-heading">Rules</h2>
${counted.length ? `<div class="scroll"><table class="sortable rules"><caption>Findings per rule, by severity (✖ error, ▲ warning, ℹ info)</caption><thead><tr><th scope="col"><button type="button">rule</button></th><th scope="col" class="num" aria-sort="descending"><button type="button">findings</button></th><th scope="col">by severity</th><th scope="col">what it finds</th></tr></thead><tbody>
${body}
</tbody></table></div>` : '<p>No findings.</p>'}
</section>`;
}

function findingsSection(report: RunReport, fileServices: string[], services: ServiceRow[]): string {
  const total = report.files.reduce((sum, file) => sum + file.findings.length, 0);
  const rules = [...new Set(report.files.flatMap((file) => file.findings.map((finding) => finding.ruleId)))].sort();
  const option = (value: string) => `<option value="${escapeHtml(value)}">${escapeHtml(value)}</option>`;
  const articles: string[] = [];
  report.files.forEach((file, fileIndex) => {
    if (file.findings.length === 0) return;
    const lines = linesOf(file.source ?? '');
    const service = escapeHtml(fileServices[fileIndex]!);
    for (const finding of file.findings) {
      const id = `f${articles.length + 1}`;
      const where = `${file.path}:${finding.start.line}:${finding.start.column}`;
      const related = finding.related?.length
        ? `<ul class="related">${finding.related.map((place) => `<li>line ${place.start.line}:${place.start.column}: ${escapeHtml(capped(place.message, MESSAGE_LIMIT))}</li>`).join('')}</ul>`
        : '';
      articles.push(
        `<article class="finding ${finding.severity}" id="${id}" tabindex="-1" data-service="${service}" data-rule="${escapeHtml(finding.ruleId)}" data-severity="${finding.severity}">` +
          `<h3><span class="sev sev-${finding.severity}">${ICONS[finding.severity]} ${finding.severity}</span> <a href="#${id}">${escapeHtml(where)}</a> <code class="rule">${escapeHtml(finding.ruleId)}</code></h3>` +
          `<p class="message">${escapeHtml(capped(finding.message, MESSAGE_LIMIT))}</p>` +
          excerptHtml(lines, finding.start, finding.end) +
          (finding.fix ? fixHtml(file.source ?? '', finding.fix) : '') +
          related +
          `</article>`,
      );
    }
  });
  return `<section id="findings" aria-labelledby="findings-heading">
<h2 id="findings-heading">Findings</h2>
<form class="filters" id="filters" role="search" aria-label="filter findings">
<label>service<select name="service"><option value="">all</option>${services.filter((row) => SEVERITIES.some((severity) => row.counts[severity] > 0)).map((row) => option(row.service)).join('')}</select></label>
<label>rule<select name="rule"><option value="">all</option>${rules.map(option).join('')}</select></label>
<label>severity<select name="severity"><option value="">all</option>${SEVERITIES.map(option).join('')}</select></label>
<label>text<input type="search" name="text" placeholder="words in path, message or excerpt"></label>
<button type="reset">clear</button>
</form>
<p id="shown" role="status" aria-live="polite">${total} findings</p>
<p class="hint">Keys: <kbd>j</kbd> / <kbd>k</kbd> next / previous finding, <kbd>/</kbd> the text filter.</p>
${articles.join('\n')}
</section>`;
}

/** A safe fix as a reader checks it: the text it replaces and the text it writes. */
function fixHtml(source: string, fix: { start: number; end: number; text: string }): string {
  const replaced = source.slice(fix.start, fix.end);
  const shown = (text: string) => `<code>${escapeHtml(capped(text, 300))}</code>`;
  const edit =
    replaced === '' ? `insert <ins>${shown(fix.text)}</ins>` : fix.text === '' ? `delete <del>${shown(replaced)}</del>` : `replace <del>${shown(replaced)}</del> with <ins>${shown(fix.text)}</ins>`;
  return `<p class="fix">Fix (<code>--fix</code>): ${edit}</p>`;
}

function replaysSection(report: RunReport, fileServices: string[]): string {
  const blocks: string[] = [];
  const reasons = new Map<string, number>();
  report.files.forEach((file, fileIndex) => {
    for (const command of file.commands ?? []) {
      const replay = command.replay;
      if (!replay) continue;
      if (replay.status === 'not-replayed') {
        const reason = replay.reason ?? 'not replayed';
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        continue;
      }
      if (replay.status === 'passed' && replay.differences.length === 0) continue;
      const where = `${file.path}:${command.line}`;
      const status = replay.status === 'passed' ? '✔ passed' : '✖ failed';
      blocks.push(
        `<article class="replay" data-service="${escapeHtml(fileServices[fileIndex]!)}"><h3><span class="sev ${replay.status === 'passed' ? 'sev-info' : 'sev-error'}">${status}</span> ${escapeHtml(where)} <code>${escapeHtml(`${command.service ?? ''} ${command.operation ?? ''}`)}</code></h3>` +
          (replay.reason ? `<p>${escapeHtml(capped(replay.reason, MESSAGE_LIMIT))}</p>` : '') +
          replayDiffHtml(replay) +
          `</article>`,
      );
    }
  });
  const reasonRows = [...reasons].sort((a, b) => b[1] - a[1]).map(([reason, count]) => `<tr><th scope="row">${escapeHtml(capped(reason, MESSAGE_LIMIT))}</th><td class="num">${count}</td></tr>`);
  return `<section id="replays" aria-labelledby="replays-heading">
<h2 id="replays-heading">Replays</h2>
<p>Commands whose replay differs from the document: the documented output beside the replayed one, differing lines marked ≠.</p>
${blocks.join('\n') || '<p>Every replayed command gave back what its document shows.</p>'}
${reasonRows.length ? `<div class="scroll"><table><caption>Why commands were not replayed</caption><thead><tr><th scope="col">reason</th><th scope="col" class="num">commands</th></tr></thead><tbody>${reasonRows.join('')}</tbody></table></div>` : ''}
</section>`;
}

/** A text cut at a word boundary near `limit` characters, with an ellipsis. */
function shortened(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), limit / 2))}…`;
}
