import type { CoverageReport, ServiceCoverage } from '../../coverage/index.js';
import { escapeHtml } from './escape.js';
import { percent } from './page.js';

/** The summary's coverage figure. */
export function coverageCard(coverage: CoverageReport): { label: string; value: string } {
  const { covered, operations } = coverage.totals;
  return { label: 'operations covered', value: `${covered} / ${operations} (${percent(covered, operations)})` };
}

/** What has no example, per service (folded: a corpus has thousands), and what coverage does not count. */
export function coverageSection(coverage: CoverageReport): string {
  const list = (items: readonly string[]) => `<ul class="names">${items.map((item) => `<li><code>${escapeHtml(item)}</code></li>`).join('')}</ul>`;
  const thresholds = coverage.thresholds.map((threshold) => {
    const what = threshold.scope === 'selection' ? 'all services' : escapeHtml(threshold.service ?? '');
    const outcome = threshold.met ? '<span class="sev sev-info">✔ met</span>' : '<span class="sev sev-error">✖ not met</span>';
    return `<li>${outcome}: ${what} ${threshold.percent ?? '—'}% against a minimum of ${threshold.minimum}% (${threshold.source === 'flag' ? '--min-coverage' : 'config file'})</li>`;
  });
  const services = coverage.services.filter((service) => service.uncovered.length > 0 || service.paginators.withoutExample.length > 0 || service.waiters.withoutExample.length > 0 || Object.values(service.details).some((detail) => detail.input.neverPassed.length > 0 || detail.output.neverShown.length > 0));
  const unmodelled = coverage.servicesWithoutModel.map((service) => `<li><code>${escapeHtml(service.service)}</code>: ${escapeHtml(service.reason)}${service.commands ? ` (${service.commands} commands in ${service.files} files)` : ''}</li>`);
  const mismatches = coverage.fileMismatches.map((mismatch) => `<li>${escapeHtml(`${mismatch.file}:${mismatch.line}:${mismatch.column}`)}: documents <code>${escapeHtml(mismatch.documented)}</code> but runs <code>${escapeHtml(mismatch.runs)}</code></li>`);
  return `<section id="coverage" aria-labelledby="coverage-heading">
<h2 id="coverage-heading">Coverage</h2>
<p>${coverage.totals.covered} of ${coverage.totals.operations} operations of ${coverage.totals.services} services have an example (${percent(coverage.totals.covered, coverage.totals.operations)}).</p>
${thresholds.length ? `<ul class="thresholds">${thresholds.join('')}</ul>` : ''}
${services.map((service) => serviceCoverageHtml(service, list)).join('\n')}
${unmodelled.length ? `<h3>Not counted: services without a model</h3><ul>${unmodelled.join('')}</ul>` : ''}
${mismatches.length ? `<h3>Files named after another command</h3><ul>${mismatches.join('')}</ul>` : ''}
</section>`;
}

function serviceCoverageHtml(service: ServiceCoverage, list: (items: readonly string[]) => string): string {
  const newOperations = new Set(service.newOperations ?? []);
  const uncovered = service.uncovered.map((name) => (newOperations.has(name) ? `${name} (new since ${service.previousApiVersion})` : name));
  const partial = Object.entries(service.details).filter(([, detail]) => !detail.customized && (detail.input.neverPassed.length > 0 || detail.output.neverShown.length > 0));
  const rows = partial.map(
    ([operation, detail]) =>
      `<tr><th scope="row"><code>${escapeHtml(operation)}</code></th><td class="num">${detail.input.passed}/${detail.input.members}</td><td>${detail.input.neverPassed.map((option) => `<code>${escapeHtml(option)}</code>`).join(', ')}</td>` +
      `<td class="num">${detail.output.shown}/${detail.output.members}</td><td>${detail.output.outputsRead ? detail.output.neverShown.map((member) => `<code>${escapeHtml(member)}</code>`).join(', ') : 'no JSON output documented'}</td></tr>`,
  );
  const name = escapeHtml(service.service);
  return `<details class="service-coverage"><summary><code>${name}</code>: ${service.covered.length} of ${service.operations} operations (${percent(service.covered.length, service.operations)}), ${service.uncovered.length} without an example</summary>
${uncovered.length ? `<h3>Operations without an example</h3>${list(uncovered)}` : ''}
${rows.length ? `<div class="scroll"><table><caption>Members the examples of ${name} never pass or show</caption><thead><tr><th scope="col">operation</th><th scope="col" class="num">input passed</th><th scope="col">never passed</th><th scope="col" class="num">output shown</th><th scope="col">never shown</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>` : ''}
${service.paginators.withoutExample.length ? `<h3>Paginators no example pages through (--max-items, --page-size, --starting-token)</h3>${list(service.paginators.withoutExample)}` : ''}
${service.waiters.withoutExample.length ? `<h3>Waiters without a <code>wait</code> example</h3>${list(service.waiters.withoutExample)}` : ''}
</details>`;
}
