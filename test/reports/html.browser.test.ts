/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The page functions below run in the browser: they see its DOM.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import replayResponse from '../../src/rules/replay-response.js';
import { runCli } from '../cli/run-cli.js';
import { chromiumPath, describeWithBrowser } from '../support/browser.js';
import { scratchFolder, writeUnder } from '../support/scratch.js';

// A document that tries to run script in the report: in its title, in a link, in a documented output.
const hostile = `**To list users <script>window.__pwned = 'title'</script>**

The following \`\`list-users\`\` example lists users, see http://example.com/"><img src=x onerror="window.__pwned='img'">. ::

    aws cognito-idp list-users \\
        --user-pool-id us-west-2_EXAMPLE

Output::

    {
        "Users": [
            {
                "Username": "testuser",
                "UserStatus": "CONFIRMED",
                "Enabled": "\\"><img src=x onerror=\\"window.__pwned='output'\\"><script>window.__pwned='script'</script>"
            }
        ]
    }
`;

interface Summary {
  files: number;
  examples: number;
  errors: number;
  warnings: number;
  infos: number;
}

describeWithBrowser('the HTML report, as a person sees it in Chromium', () => {
  let folder: string;
  let report: string;
  let summary: Summary;
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  // Screenshots for debugging: kept in DOCS_HARNESS_SCREENSHOTS when set, else in the scratch folder (removed).
  let screenshots: string;
  let tempBefore: Set<string>;

  beforeAll(async () => {
    folder = scratchFolder('html-report');
    const docs = path.join(folder, 'docs');
    writeUnder(docs, 'cognito-idp/initiate-auth.rst', replayResponse.examples.notOk[0]!.text);
    writeUnder(docs, 'cognito-idp/list-users.rst', hostile);
    writeUnder(docs, 'ec2/describe-instances.rst', '**To describe instances**\n\n::\n\n    aws ec2 describe-instances\n');
    report = path.join(folder, 'report.html');
    const html = await runCli(['replay', docs, '--target', 'mock', '--format', 'html', '--output', report]);
    expect(html).toMatchObject({ code: 1, stderr: '' });
    const json = await runCli(['replay', docs, '--target', 'mock', '--format', 'json']);
    summary = JSON.parse(json.stdout).summary;
    screenshots = process.env.DOCS_HARNESS_SCREENSHOTS ? path.resolve(process.env.DOCS_HARNESS_SCREENSHOTS) : path.join(folder, 'screenshots');
    mkdirSync(screenshots, { recursive: true });
    console.info(`[docs-harness tests] HTML report screenshots: ${screenshots}${process.env.DOCS_HARNESS_SCREENSHOTS ? '' : ' (removed at the end; set DOCS_HARNESS_SCREENSHOTS=DIR to keep them)'}`);
    tempBefore = new Set(readdirSync(os.tmpdir()));
    browser = await puppeteer.launch({ executablePath: chromiumPath!, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    page = await browser.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    await page.setViewport({ width: 1200, height: 900 });
    await page.goto(pathToFileURL(report).href, { waitUntil: 'load' });
    await page.screenshot({ path: path.join(screenshots, 'report.png'), fullPage: true });
  });

  afterAll(async () => {
    const profile = browser?.process()?.spawnargs.find((arg) => arg.startsWith('--user-data-dir='));
    await browser?.close();
    // No browser process outlives the test: none runs with this browser's profile folder any more.
    if (profile && existsSync('/proc')) expect(processesWith(profile)).toEqual([]);
    // Chromium leaves the folder of its singleton socket in TMPDIR (.org.chromium.Chromium.*; a TMPDIR of the
    // test's own is no way out: the socket's path would pass the 107 characters a socket path may have).
    for (const entry of readdirSync(os.tmpdir())) {
      if (!tempBefore.has(entry) && entry.startsWith('.org.chromium.Chromium.')) rmSync(path.join(os.tmpdir(), entry), { recursive: true, force: true });
    }
  });

  it('shows the summary numbers of the run', async () => {
    const cards = await page.$$eval('.summary div', (divs) => Object.fromEntries(divs.map((div) => [div.querySelector('dt')!.textContent, div.querySelector('dd')!.textContent])));
    expect(cards).toMatchObject({
      files: String(summary.files),
      examples: String(summary.examples),
      commands: '3',
      '✖ errors': String(summary.errors),
      '▲ warnings': String(summary.warnings),
      'ℹ infos': String(summary.infos),
      'replays passed': '0',
      'replays failed': '2',
    });
  });

  it("marks a finding's span in its numbered excerpt", async () => {
    const finding = await page.$$eval('.finding[data-rule="replay-response"]', (articles) =>
      articles.map((article) => ({
        where: article.querySelector('h3 a')!.textContent,
        marked: article.querySelector('.excerpt mark')?.textContent,
        markedLine: article.querySelector('.excerpt mark')?.closest('code')?.textContent?.split('\n').find((line) => line.includes('"Scope"'))?.trim().split(/\s+/)[0],
        background: getComputedStyle(article.querySelector('.excerpt mark')!).backgroundColor,
      })),
    );
    const scope = finding.find((item) => item.where?.endsWith('initiate-auth.rst:17:13'));
    expect(scope).toMatchObject({ marked: '"Scope"', markedLine: '17' });
    expect(scope!.background).not.toBe('rgba(0, 0, 0, 0)');
  });

  it('hides the findings a filter leaves out, and says how many are shown', async () => {
    const total = summary.errors + summary.warnings + summary.infos;
    await page.select('select[name="severity"]', 'warning');
    const visible = await page.$$eval('.finding', (articles) => articles.filter((article) => article.checkVisibility()).map((article) => article.getAttribute('data-severity')));
    expect(visible.length).toBe(summary.warnings);
    expect(new Set(visible)).toEqual(new Set(['warning']));
    expect(await page.$eval('#shown', (status) => status.textContent)).toBe(`${summary.warnings} of ${total} findings shown`);
    await page.select('select[name="severity"]', '');
    await page.type('input[name="text"]', 'describe-instances');
    const byText = await page.$$eval('.finding', (articles) => articles.filter((article) => article.checkVisibility()).map((article) => article.querySelector('h3 a')!.textContent));
    expect(byText.length).toBeGreaterThan(0);
    expect(byText.every((where) => where!.includes('ec2/describe-instances.rst'))).toBe(true);
    await page.screenshot({ path: path.join(screenshots, 'filtered.png') });
    await page.click('button[type="reset"]');
    await page.waitForFunction((count) => document.querySelectorAll('.finding:not([hidden])').length === count, {}, total);
  });

  it("shows a service's findings from its name in the service table", async () => {
    await page.click('#services tbody a[data-filter="service=ec2"]');
    const shown = await page.$$eval('.finding', (articles) => articles.filter((article) => article.checkVisibility()).map((article) => article.getAttribute('data-service')));
    expect(shown.length).toBeGreaterThan(0);
    expect(new Set(shown)).toEqual(new Set(['ec2']));
    expect(await page.$eval('select[name="service"]', (select) => (select as HTMLSelectElement).value)).toBe('ec2');
    await page.click('button[type="reset"]');
  });

  it('shows the documented and the replayed output side by side, the differing paths marked', async () => {
    const replay = await page.$$eval('article.replay', (articles) =>
      articles.map((article) => ({
        heading: article.querySelector('h3')!.textContent,
        sides: [...article.querySelectorAll('.side')].map((side) => ({
          caption: side.querySelector('figcaption')!.textContent,
          marked: [...side.querySelectorAll('mark.diff')].map((mark) => mark.textContent!.replace(/\s+/g, '')),
          top: Math.round(side.getBoundingClientRect().top),
        })),
        paths: [...article.querySelectorAll('.differences tbody th')].map((cell) => cell.textContent),
      })),
    );
    const signIn = replay.find((item) => item.heading.includes('initiate-auth.rst'));
    expect(signIn?.sides.map((side) => side.caption)).toEqual(['documented', 'replayed']);
    // Side by side: both columns start at the same height.
    expect(signIn!.sides[0]!.top).toBe(signIn!.sides[1]!.top);
    expect(signIn!.sides[0]!.marked).toEqual(['≠"ExpiresIn":"3600",', '≠"Scope":"openid"']);
    expect(signIn!.sides[1]!.marked).toEqual(['≠"ExpiresIn":"3600",']);
    expect(signIn!.paths).toEqual(['/AuthenticationResult/ExpiresIn', '/AuthenticationResult/Scope']);
    await (await page.$('article.replay'))!.screenshot({ path: path.join(screenshots, 'replay.png') });
  });

  it("shows a document's markup as text and never runs it", async () => {
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
    // No element came from the document: one script (the page's own), no image.
    expect(await page.$$eval('script', (scripts) => scripts.length)).toBe(1);
    expect(await page.$$eval('img', (images) => images.length)).toBe(0);
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).toContain(`"><img src=x onerror="window.__pwned='img'">`);
    expect(text).toContain(`<script>window.__pwned='script'</script>`);
  });

  it('moves between findings with the keyboard', async () => {
    await page.focus('body');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    const [focused, second] = await page.evaluate(() => [document.activeElement?.id, document.querySelectorAll('.finding')[1]?.id]);
    expect(focused).toBe(second);
  });

  it('sorts the service table by a column', async () => {
    const order = () => page.$$eval('#services tbody th', (cells) => cells.map((cell) => cell.textContent));
    expect(await order()).toEqual(['cognito-idp', 'ec2']);
    const infos = await page.$$('#services thead button');
    await infos[5]!.click(); // ℹ infos: the most first
    expect(await page.$eval('#services thead th[aria-sort]', (cell) => [cell.textContent, cell.getAttribute('aria-sort')])).toEqual(['ℹ infos', 'descending']);
    expect(await order()).toEqual(['ec2', 'cognito-idp']);
  });

  it('fits a phone screen: only tables and code scroll sideways, never the page', async () => {
    await page.setViewport({ width: 375, height: 740, isMobile: true });
    await page.reload({ waitUntil: 'load' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: path.join(screenshots, 'phone.png') });
    await page.setViewport({ width: 1200, height: 900 });
  });

  it('reads without JavaScript: every table row and finding is there', async () => {
    const plain = await browser.newPage();
    await plain.setJavaScriptEnabled(false);
    await plain.goto(pathToFileURL(report).href, { waitUntil: 'load' });
    const shown = await plain.$$eval('.finding', (articles) => articles.filter((article) => article.checkVisibility()).length);
    expect(shown).toBe(summary.errors + summary.warnings + summary.infos);
    expect(await plain.$$eval('#services tbody tr', (rows) => rows.length)).toBe(2);
    await plain.close();
    expect(readFileSync(report, 'utf8')).toContain('<caption>Files, commands and findings per service (2)</caption>');
  });
});

/** Live processes (not zombies: their command line is gone) whose command line holds `text`. */
function processesWith(text: string): string[] {
  return readdirSync('/proc').filter((entry) => {
    if (!/^\d+$/.test(entry)) return false;
    try {
      return readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(text);
    } catch {
      return false;
    }
  });
}
