// How fast a browser opens an HTML report: loads the file in headless chromium (the system's, through
// puppeteer-core) and prints, as JSON, the time to DOMContentLoaded and to load, the first contentful paint,
// the page's element count and the file's size. Optionally keeps a screenshot.
//   node bench/html-open.js REPORT.html [--screenshot FILE.png] [--runs N]
import { statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { screenshot: { type: 'string' }, runs: { type: 'string', default: '3' }, browser: { type: 'string', default: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' } } });
const report = positionals[0];
if (!report) {
  console.error('usage: node bench/html-open.js REPORT.html [--screenshot FILE.png] [--runs N]');
  process.exit(2);
}
const url = pathToFileURL(path.resolve(report)).href;
const browser = await puppeteer.launch({ executablePath: values.browser, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const runs = [];
  for (let run = 0; run < Number(values.runs); run++) {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    const started = performance.now();
    await page.goto(url, { waitUntil: 'load' });
    const loadMs = performance.now() - started;
    const timing = await page.evaluate(() => {
      const [navigation] = performance.getEntriesByType('navigation');
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      return { domContentLoadedMs: navigation.domContentLoadedEventEnd, loadEventMs: navigation.loadEventEnd, firstContentfulPaintMs: paint?.startTime, elements: document.getElementsByTagName('*').length };
    });
    runs.push({ run: run + 1, wallLoadMs: Math.round(loadMs), ...Object.fromEntries(Object.entries(timing).map(([key, value]) => [key, Math.round(value ?? -1)])) });
    if (values.screenshot && run === 0) await page.screenshot({ path: values.screenshot });
    await page.close();
  }
  console.log(JSON.stringify({ report, bytes: statSync(report).size, runs }, null, 2));
} finally {
  await browser.close();
}
