import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CoverageReport, ServiceCoverage } from '../../src/coverage/index.js';
import { excerptHtml, linesOf } from '../../src/reports/html/excerpt.js';
import { formatHtml } from '../../src/reports/html/index.js';
import { runCli } from '../cli/run-cli.js';
import { scratchFolder, writeUnder } from '../support/scratch.js';

const at = (line: number, column: number) => ({ line, column });

describe('HTML excerpts', () => {
  it('numbers the lines around a span and marks the span, escaped', () => {
    const lines = linesOf('one\r\ntwo <b>\rthree\nfour\nfive\nsix');
    const html = excerptHtml(lines, at(3, 1), at(3, 6));
    expect(html).toContain('<span class="ln" aria-hidden="true">1</span>one');
    expect(html).toContain('<span class="ln" aria-hidden="true">2</span>two &lt;b&gt;');
    expect(html).toContain('<span class="ln" aria-hidden="true">3</span><mark>three</mark>');
    expect(html).toContain('<span class="ln" aria-hidden="true">5</span>five');
    expect(html).not.toContain('six');
  });

  it('marks an empty span as a point, and shows controls as escapes', () => {
    expect(excerptHtml(['a\u001bb'], at(1, 2), at(1, 2))).toContain('a<mark class="point" title="here"></mark>\\u001bb');
  });

  it('cuts a long line around the span and a long span after its first lines', () => {
    const long = `${'x'.repeat(5000)}TARGET${'y'.repeat(5000)}`;
    const html = excerptHtml([long], at(1, 5001), at(1, 5007));
    expect(html).toContain('<mark>TARGET</mark>');
    expect(html.length).toBeLessThan(600);
    const many = Array.from({ length: 100 }, (_, index) => `line ${index + 1}`);
    const spanning = excerptHtml(many, at(10, 1), at(90, 3));
    expect(spanning).toContain('… 73 more line(s) of the span');
    expect(spanning).not.toContain('line 30');
  });
});

/** A coverage report of one service, as the coverage command builds it. */
function coverageOf(service: Pick<ServiceCoverage, 'service' | 'operations' | 'covered' | 'uncovered'>): CoverageReport {
  const percent = (service.covered.length / service.operations) * 100;
  return {
    files: 1,
    totals: { services: 1, operations: service.operations, covered: service.covered.length, percent },
    services: [{ ...service, apiVersion: '2020-01-01', percent, files: 1, commands: 1, details: {}, paginators: { total: 0, withoutExample: [] }, waiters: { total: 0, withoutExample: [] } }],
    servicesWithoutModel: [],
    fileMismatches: [],
    thresholds: [],
    notes: [],
  };
}

describe('formatHtml', () => {
  it("allows only its own script (the policy's hash is the inline script's)", () => {
    const html = formatHtml({ files: [], rules: [], notes: [] }, { command: 'check', version: '0' });
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const hash = /script-src 'sha256-([^']+)'/.exec(html)![1];
    expect(hash).toBe(createHash('sha256').update(script).digest('base64'));
    expect(html).toContain('<p>No findings.</p>');
  });

  it('cuts a huge message and shows a coverage column when given one', () => {
    const finding = { ruleId: 'x', severity: 'error' as const, message: 'm'.repeat(100_000), start: at(1, 1), end: at(1, 2) };
    const html = formatHtml(
      { files: [{ path: 'a/b.rst', findings: [finding], examples: 1, source: 'hello', commands: [{ line: 1, service: 'a' }] }], rules: [], notes: [] },
      { command: 'check', version: '0', coverage: coverageOf({ service: 'a', operations: 4, covered: ['op-a'], uncovered: ['op-b', 'op-c', 'op-d'] }) },
    );
    expect(html.length).toBeLessThan(20_000);
    expect(html).toContain('… (98000 more characters)');
    expect(html).toContain('25% (1/4)');
    expect(html).toContain('1 / 4 (25%)');
  });
});

describe('fixes as a reader checks them', () => {
  it('says what --fix inserts, deletes or replaces', () => {
    const source = 'aws s3 ls  \nSee http://x.';
    const finding = (start: number, end: number, text: string) => ({ ruleId: 'r', severity: 'error' as const, message: 'm', start: at(1, 1), end: at(1, 2), fix: { start, end, text } });
    const html = formatHtml({ files: [{ path: 'a.rst', source, examples: 1, findings: [finding(10, 10, ' \\'), finding(9, 11, ''), finding(16, 20, 'https')] }], rules: [], notes: [] }, { command: 'check', version: '0' });
    expect(html).toContain('Fix (<code>--fix</code>): insert <ins><code> \\</code></ins>');
    expect(html).toContain('Fix (<code>--fix</code>): delete <del><code>  </code></del>');
    expect(html).toContain('Fix (<code>--fix</code>): replace <del><code>http</code></del> with <ins><code>https</code></ins>');
  });
});

describe('--format html on the command line', () => {
  it('writes a page for an empty selection with --allow-empty', async () => {
    const folder = scratchFolder('html-empty');
    const result = await runCli(['check', folder, '--allow-empty', '--format', 'html']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^<!doctype html>/);
    expect(result.stdout).toContain('<dt>files</dt><dd>0</dd>');
  });

  it("shows the example coverage of a check's selection beside its findings", async () => {
    const folder = scratchFolder('html-coverage');
    writeUnder(folder, 'cognito-idp/list-users.rst', '**To list users**\n\n::\n\n    aws cognito-idp list-users --user-pool-id us-west-2_EXAMPLE\n\nSee http://example.com.\n');
    const { stdout } = await runCli(['check', folder, '--format', 'html']);
    expect(stdout).toMatch(/<dt>operations covered<\/dt><dd>1 \/ \d+ \(\d+(\.\d)?%\)<\/dd>/);
    expect(stdout).toContain('<h2 id="coverage-heading">Coverage</h2>');
    expect(stdout).toContain('data-rule="http-link"');
  });

  it('masks secrets in the excerpts it shows, as in every report', async () => {
    const folder = scratchFolder('html-secret');
    writeUnder(
      folder,
      'cognito-idp/initiate-auth.rst',
      '**To sign in**\n\n::\n\n    aws cognito-idp initiate-auth \\\n        --auth-flow USER_PASSWORD_AUTH \\\n        --client-id 1example23456789 \\\n        --auth-parameters USERNAME=testuser,PASSWORD=Ex4mple-Pa55word \\\n        --bogus 1\n',
    );
    const result = await runCli(['check', folder, '--format', 'html']);
    expect(result.stdout).toContain('data-rule="unknown-parameter"');
    expect(result.stdout).toContain('PASSWORD=****');
    expect(result.stdout).not.toContain('Ex4mple-Pa55word');
  });
});
