import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'docs-harness-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const document =
  '**To sign in**\n\n::\n\n    aws cognito-idp initiate-auth \\\n        --client-id 1example23456789 \\\n        --auth-flow USER_PASSWORD_AUTH \\\n' +
  '        --auth-parameters file://parameters.json\n\nThis command produces no output.\n';

function setUp(name: string): { docs: string; cacheDir: string; run: (...extra: string[]) => Promise<{ code: number; messages: string[] }> } {
  const docs = path.join(scratch, name, 'docs/cognito-idp');
  const cacheDir = path.join(scratch, name, 'cache');
  cpSync(path.resolve(import.meta.dirname, '../../examples/cognito-idp/get-user.rst'), path.join(docs, 'get-user.rst'));
  writeFileSync(path.join(docs, 'initiate-auth.rst'), document);
  writeFileSync(path.join(docs, 'parameters.json'), '{"USERNAME": "testuser", "PASSWORD": "Example-Passw0rd"}');
  const run = async (...extra: string[]) => {
    const result = await runCli(['check', docs, '--format', 'json', '--cache', '--cache-location', cacheDir, ...extra]);
    const report = JSON.parse(result.stdout) as { files: { path: string; messages: { ruleId: string; message: string; line: number }[] }[] };
    return { code: result.code, messages: report.files.flatMap((file) => file.messages.map((message) => `${path.basename(file.path)}:${message.line} ${message.ruleId}: ${message.message}`)) };
  };
  return { docs, cacheDir, run };
}

/** Rewrites every cached finding's message, so a run that reuses the cache can be told from one that does not. */
function markCachedFindings(cacheDir: string): void {
  for (const name of readdirSync(cacheDir)) {
    const file = path.join(cacheDir, name);
    const entries = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { findings: { message: string }[] }>;
    for (const entry of Object.values(entries)) for (const finding of entry.findings) finding.message = `CACHED ${finding.message}`;
    writeFileSync(file, JSON.stringify(entries));
  }
}

describe('check --cache', () => {
  it('reports the same findings from the cache as from a fresh check', async () => {
    const { docs, run } = setUp('same');
    writeFileSync(path.join(docs, 'initiate-auth.rst'), document.replace('USER_PASSWORD_AUTH', 'USER_PASSWORD'));
    const first = await run();
    expect(first.messages.length).toBeGreaterThan(0);
    expect(await run()).toEqual(first);
  });

  it('reuses the findings of files that did not change, and re-checks the one that did', async () => {
    const { docs, cacheDir, run } = setUp('reuse');
    writeFileSync(path.join(docs, 'initiate-auth.rst'), document.replace('USER_PASSWORD_AUTH', 'USER_PASSWORD'));
    await run();
    markCachedFindings(cacheDir);
    expect((await run()).messages.every((message) => message.includes('CACHED'))).toBe(true);
    writeFileSync(path.join(docs, 'initiate-auth.rst'), document);
    const after = await run();
    expect(after.messages.filter((message) => message.startsWith('initiate-auth.rst'))).toEqual([]);
  });

  it('re-checks a document when a file its command names changes', async () => {
    const { docs, cacheDir, run } = setUp('dependency');
    await run();
    markCachedFindings(cacheDir);
    writeFileSync(path.join(docs, 'parameters.json'), '["not", "a", "map"]');
    const after = await run();
    const own = after.messages.filter((message) => message.startsWith('initiate-auth.rst'));
    expect(own.some((message) => message.includes('invalid-parameter-value') && !message.includes('CACHED'))).toBe(true);
  });

  it('keeps results of another rule configuration apart', async () => {
    const { docs, run } = setUp('severity');
    writeFileSync(path.join(docs, 'initiate-auth.rst'), document.replace('USER_PASSWORD_AUTH', 'USER_PASSWORD'));
    const errors = await run();
    writeFileSync(path.join(scratch, 'severity', 'docs-harness.config.json'), JSON.stringify({ rules: { 'invalid-parameter-value': 'off' } }));
    const off = await runCli(['check', docs, '--format', 'json', '--cache', '--cache-location', path.join(scratch, 'severity', 'cache'), '--config', path.join(scratch, 'severity', 'docs-harness.config.json')]);
    expect(errors.code).toBe(1);
    expect(off.stdout).not.toContain('invalid-parameter-value');
  });
});

describe('check --cache and how a file is named', () => {
  it('keeps the findings of a file named on the command line apart from the same file found in a folder', async () => {
    const folder = path.join(scratch, 'named', 'cloudformation');
    const cacheDir = path.join(scratch, 'named', 'cache');
    cpSync(path.resolve(import.meta.dirname, '../../examples/cognito-idp/get-user.rst'), path.join(folder, '_deploy_description.rst'));
    // An aws-cli style tree: names with `_` are descriptions there.
    writeFileSync(path.join(folder, 'deploy.rst'), '**To deploy**\n\n::\n\n    aws cloudformation deploy --template-file t.yaml --stack-name s\n');
    const inFolder = await runCli(['check', folder, '--format', 'json', '--cache', '--cache-location', cacheDir]);
    const named = await runCli(['check', path.join(folder, '_deploy_description.rst'), '--format', 'json', '--cache', '--cache-location', cacheDir]);
    expect(inFolder.stdout).toContain('file-name');
    expect(named.stdout).not.toContain('file-name');
  });
});
