import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allRules } from '../src/rules/index.js';
import { REPORT_FORMATS } from '../src/reports/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('starts with the quick start a fresh machine can run', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(firstBlock).toBe('npm install && npm start\nnpm test\n');
  });

  it('documents every rule', () => {
    const missing = allRules.map((rule) => rule.id).filter((id) => !readme.includes(`\`${id}\``));
    expect(missing).toEqual([]);
  });

  it('names every report format', () => {
    for (const format of REPORT_FORMATS) expect(readme).toContain(`\`${format}\``);
  });
});
