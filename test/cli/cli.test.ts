import { mkdirSync, readFileSync, truncateSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { scratchFolder, writeUnder } from '../support/scratch.js';

const scratch = scratchFolder('cli');

const write = (relative: string, content: string | Buffer) => writeUnder(scratch, relative, content);

const clean =
  '**Example 1: To delete a group**\n\nThe following ``delete-group`` example deletes a group. ::\n\n' +
  '    aws cognito-idp delete-group \\\n        --user-pool-id us-west-2_EXAMPLE \\\n        --group-name admins\n\n' +
  'This command produces no output.\n';

describe('exit codes and usage errors', () => {
  it('exits 0 on a clean document and 1 on error-level findings', async () => {
    const good = write('codes/cognito-idp/delete-group.rst', clean);
    expect((await runCli(['check', good])).code).toBe(0);
    const bad = write('codes-bad/cognito-idp/delete-group.rst', clean.replace('EXAMPLE \\\n', 'EXAMPLE\n'));
    const result = await runCli(['check', bad]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/delete-group\.rst:6:\d+ {2}error {4}.*shell-continuation/);
  });

  it('names the valid choices for an unknown --format', async () => {
    const result = await runCli(['check', scratch, '--format', 'xml']);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe("docs-harness: unknown --format 'xml': choose one of pretty, json, junit, sarif, github, html\n");
  });

  it.each([
    ['a missing models folder', () => path.join(scratch, 'no-such-models')],
    ['an empty models folder', () => (mkdirSync(path.join(scratch, 'empty-models'), { recursive: true }), path.join(scratch, 'empty-models'))],
  ])('exits 2 with a one-line reason for %s', async (_, models) => {
    const document = write('models-case/cognito-idp/delete-group.rst', clean);
    const result = await runCli(['check', document, '--models', models()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^docs-harness: .+\n$/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints its version and its help with exit 0', async () => {
    expect(await runCli(['--version'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/) });
    expect(await runCli(['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: docs-harness') });
  });

  it('writes --output into a new folder, and says in one line why it cannot write one', async () => {
    const document = write('output-case/cognito-idp/delete-group.rst', clean);
    const report = path.join(scratch, 'reports/nested/report.json');
    expect(await runCli(['check', document, '--format', 'json', '--output', report])).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(JSON.parse(readFileSync(report, 'utf8')).summary).toMatchObject({ errors: 0 });
    const blocked = path.join(write('output-case/a-file', 'x'), 'report.json');
    expect(await runCli(['check', document, '--output', blocked])).toEqual({ code: 2, stdout: '', stderr: `docs-harness: cannot write the report to ${blocked}: ENOTDIR\n` });
  });

  it('narrows extract to --only rules, and says which command runs a rule extract or check cannot', async () => {
    const document = write('only-case/cognito-idp/delete-group.rst', clean.replace('    aws cognito-idp delete-group \\\n', '    aws cognito-idp delete-group\n') + '\nSee http://example.com.\n');
    const all = await runCli(['extract', document]);
    expect(all.stdout).toContain('shell-continuation');
    const only = await runCli(['extract', document, '--only', 'http-link']);
    expect(only.stdout).toContain('http-link');
    expect(only.stdout).not.toContain('shell-continuation');
    expect(await runCli(['extract', document, '--only', 'output-schema'])).toMatchObject({
      code: 2,
      stderr: "docs-harness: rule 'output-schema' does not run in extract: it needs the service models (use 'check')\n",
    });
    expect(await runCli(['check', document, '--only', 'replay-request'])).toMatchObject({
      code: 2,
      stderr: "docs-harness: rule 'replay-request' does not run in check: it needs a replay (use 'replay')\n",
    });
  });

  it('lists the rules as text or JSON', async () => {
    const listed = await runCli(['rules', '--format', 'json']);
    expect(listed.code).toBe(0);
    const rules = JSON.parse(listed.stdout) as { id: string; severity: string }[];
    expect(rules.find((rule) => rule.id === 'output-schema')).toMatchObject({ severity: 'error', needsModels: true });
    expect((await runCli(['rules', '--format', 'sarif'])).code).toBe(2);
  });

  it('rejects unknown commands, unknown options and missing paths with exit 2', async () => {
    expect((await runCli(['lint', scratch])).code).toBe(2);
    expect((await runCli(['check', scratch, '--frobnicate'])).code).toBe(2);
    const missing = await runCli(['check', path.join(scratch, 'nowhere')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file or folder');
  });
});

describe('bad files', () => {
  it('reports each unreadable file at the file (no absolute path in the message) and still checks the others', async () => {
    const folder = path.join(scratch, 'bad-files/cognito-idp');
    write('bad-files/cognito-idp/binary.rst', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    write('bad-files/cognito-idp/latin1.rst', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    write('bad-files/cognito-idp/empty.rst', '');
    const huge = write('bad-files/cognito-idp/huge.rst', '');
    truncateSync(huge, 50 * 1024 * 1024);
    write('bad-files/cognito-idp/delete-group.rst', clean.replace('EXAMPLE \\\n', 'EXAMPLE\n'));
    const result = await runCli(['check', folder, '--format', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { files: { path: string; messages: { ruleId: string; message: string }[] }[] };
    const byName = new Map(report.files.map((file) => [path.basename(file.path), file.messages]));
    for (const [name, reason] of [
      ['binary.rst', /^a NUL byte at line 1, column 5/],
      ['latin1.rst', /^not valid UTF-8: byte 0xE9 at line 1, column 4/],
      ['empty.rst', /^the file is empty/],
      ['huge.rst', /^the file is 50\.0 MiB/],
    ] as const) {
      const [message] = byName.get(name)!;
      expect(message!.ruleId).toBe('unreadable-file');
      expect(message!.message).toMatch(reason);
      expect(message!.message).not.toContain(scratch);
    }
    expect(byName.get('delete-group.rst')!.map((message) => message.ruleId)).toContain('shell-continuation');
  });
});
