import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { exampleResults, exampleTests, type ExampleResult } from '../../src/vitest.js';
import { scratchFolder } from '../support/scratch.js';

/** A folder with a file-level warning (an http link before the first example) and an example with a wrong type. */
function documents(enabled: string): string {
  const dir = scratchFolder('vitest');
  mkdirSync(path.join(dir, 'cognito-idp'));
  writeFileSync(
    path.join(dir, 'cognito-idp/admin-get-user.rst'),
    [
      'See `the guide <http://docs.example.com/guide>`__ first.',
      '',
      '**To look up a user**',
      '',
      'The following ``admin-get-user`` example returns a user. ::',
      '',
      '    aws cognito-idp admin-get-user \\',
      '        --user-pool-id us-west-2_EXAMPLE \\',
      '        --username testuser',
      '',
      'Output::',
      '',
      '    {',
      '        "Username": "testuser",',
      `        "Enabled": ${enabled}`,
      '    }',
      '',
    ].join('\n'),
  );
  writeFileSync(path.join(dir, 'cognito-idp/get-user.rst'), 'The following ``get-user`` example gets the user. ::\n\n    aws cognito-idp get-user --access-token eyJra456defEXAMPLE\n');
  return dir;
}

const byName = (results: ExampleResult[], name: string) => {
  const result = results.find((candidate) => candidate.name === name);
  expect(result, name).toBeDefined();
  return result!;
};

describe('exampleTests', () => {
  test('one test per file and per example, named <file> › <title> relative to the working folder', async () => {
    const dir = documents('true');
    expect((await exampleTests(dir, { cwd: dir })).map((found) => found.name)).toEqual([
      'cognito-idp/admin-get-user.rst',
      'cognito-idp/admin-get-user.rst › To look up a user',
      'cognito-idp/get-user.rst',
      'cognito-idp/get-user.rst › (untitled)',
    ]);
  });
});

describe('exampleResults (mock replay)', () => {
  test("a broken example fails with its findings as the message; the other examples and files pass", async () => {
    const dir = documents('"yes"');
    const results = await exampleResults(dir, { cwd: dir });
    const broken = byName(results, 'cognito-idp/admin-get-user.rst › To look up a user');
    const lines = broken.message.split('\n');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBe(broken.failures.length);
    for (const line of lines) expect(line).toMatch(/^cognito-idp\/admin-get-user\.rst:15:20 error \/Enabled: .+ [a-z-]+$/);
    expect(broken.failures.map((finding) => finding.ruleId)).toContain('replay-response');
    expect(byName(results, 'cognito-idp/admin-get-user.rst').failures).toEqual([]);
    expect(byName(results, 'cognito-idp/get-user.rst › (untitled)').failures).toEqual([]);
  });

  test('the same example with the right type passes', async () => {
    const dir = documents('true');
    const results = await exampleResults(dir, { cwd: dir });
    expect(results.filter((result) => result.failures.length > 0).map((result) => result.message)).toEqual([]);
  });

  test("findings outside every example go to the file's test; failOn warning fails on them", async () => {
    const dir = documents('true');
    const results = await exampleResults(dir, { cwd: dir, failOn: 'warning' });
    const file = byName(results, 'cognito-idp/admin-get-user.rst');
    expect(file.message).toMatch(/^cognito-idp\/admin-get-user\.rst:1:\d+ warning .+ http-link$/);
    expect(byName(results, 'cognito-idp/admin-get-user.rst › To look up a user').findings.map((finding) => finding.ruleId)).not.toContain('http-link');
  });
});

describe('the config file (#11.16)', () => {
  test('is read as the CLI reads it: severities and exclude globs apply', async () => {
    const dir = documents('true');
    writeFileSync(path.join(dir, 'docs-harness.config.json'), JSON.stringify({ rules: { 'http-link': 'error' }, exclude: ['cognito-idp/get-user.rst'] }));
    expect((await exampleTests(dir, { cwd: dir })).map((found) => found.file)).not.toContain('cognito-idp/get-user.rst');
    const file = byName(await exampleResults(dir, { cwd: dir }), 'cognito-idp/admin-get-user.rst');
    expect(file.message).toMatch(/^cognito-idp\/admin-get-user\.rst:1:\d+ error .+ http-link$/);
  });

  test('an explicit config path wins over the nearest one', async () => {
    const dir = documents('true');
    writeFileSync(path.join(dir, 'docs-harness.config.json'), JSON.stringify({ rules: { 'http-link': 'error' } }));
    writeFileSync(path.join(dir, 'quiet.json'), JSON.stringify({ rules: { 'http-link': 'off' } }));
    const file = byName(await exampleResults(dir, { cwd: dir, config: path.join(dir, 'quiet.json') }), 'cognito-idp/admin-get-user.rst');
    expect(file.findings.map((finding) => finding.ruleId)).not.toContain('http-link');
  });
});
