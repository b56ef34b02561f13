// Hostile input to the command line: what a pull request can put in a repository that docs-harness checks in CI.
// Run on its own with `npx vitest run test/hostile`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { REPORT_FORMATS } from '../../src/reports/index.js';
import { runCli } from '../cli/run-cli.js';
import { scratchFolder, writeUnder } from '../support/scratch.js';

const scratch = scratchFolder('hostile-cli');

const write = (relative: string, content: string | Buffer) => writeUnder(scratch, relative, content);

/** A document with one `--fix`-able defect (a missing `\`). */
const fixable =
  '**To delete a group**\n\n::\n\n    aws cognito-idp delete-group\n        --user-pool-id us-west-2_EXAMPLE \\\n        --group-name admins\n\nThis command produces no output.\n';

describe('never outside the tree (#11.1)', () => {
  it('skips a symlinked document that resolves outside the checked folder, once at info, and never writes through it', async () => {
    const outside = write('outside/secret.rst', fixable);
    write('tree/cognito-idp/delete-group.rst', fixable);
    symlinkSync(outside, path.join(scratch, 'tree/cognito-idp/linked.rst'));
    const tree = path.join(scratch, 'tree');
    const result = await runCli(['check', tree, '--fix', '--format', 'json']);
    const report = JSON.parse(result.stdout) as { files: { path: string; messages: { ruleId: string; severity: string; message: string }[] }[] };
    const linked = report.files.find((file) => file.path.endsWith('linked.rst'))!;
    expect(linked.messages).toEqual([expect.objectContaining({ ruleId: 'unreadable-file', severity: 'info', message: 'skipped: resolves outside the checked folder' })]);
    expect(readFileSync(outside, 'utf8')).toBe(fixable);
    // The document inside the tree was fixed: --fix itself ran.
    expect(readFileSync(path.join(tree, 'cognito-idp/delete-group.rst'), 'utf8')).not.toBe(fixable);
  });

  it('update never writes through a symlink that leads out of the tree', async () => {
    const outside = write('update-outside/get-user.rst', '**To get a user**\n\n::\n\n    aws cognito-idp get-user --access-token eyJraEXAMPLE\n\nOutput::\n\n    {\n        "Username": "old"\n    }\n');
    mkdirSync(path.join(scratch, 'update-tree/cognito-idp'), { recursive: true });
    symlinkSync(outside, path.join(scratch, 'update-tree/cognito-idp/get-user.rst'));
    const before = readFileSync(outside, 'utf8');
    const result = await runCli(['update', path.join(scratch, 'update-tree'), '--target', 'mock']);
    expect(result.stderr).toContain('get-user.rst: skipped: resolves outside the checked folder');
    expect(readFileSync(outside, 'utf8')).toBe(before);
  });

  it('--output refuses to overwrite a checked document', async () => {
    const document = write('output-over/cognito-idp/delete-group.rst', fixable);
    const result = await runCli(['check', path.join(scratch, 'output-over'), '--output', document]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^docs-harness: --output .*delete-group\.rst is one of the checked documents: refusing to overwrite it\n$/);
    expect(readFileSync(document, 'utf8')).toBe(fixable);
  });
});

describe('terminal control characters (#11.3)', () => {
  it('are escaped in every report format', async () => {
    // An ESC sequence that would erase the line in a terminal or CI log, and a bidi override.
    const document = write('controls/cognito-idp/get-user.rst', '**To get a user**\n\n::\n\n    aws cognito-idp get-user --access-tokn\u001b[2K\u202eX eyJraEXAMPLE\n');
    for (const format of REPORT_FORMATS) {
      const result = await runCli(['check', document, '--format', format]);
      expect(result.stdout, format).toMatch(/access-tokn/);
      expect(result.stdout, format).not.toMatch(/[\u001b\u202e]/);
    }
    const pretty = await runCli(['check', document]);
    expect(pretty.stdout).toContain('--access-tokn\\u001b[2K\\u202eX');
  });
});

describe('one bad input never costs the whole report (#11.7)', () => {
  it('--fix on a read-only file is a finding at that file, and the other files are still fixed', async (context) => {
    const locked = write('readonly/cognito-idp/delete-group.rst', fixable);
    const other = write('readonly/cognito-idp/delete-user-pool.rst', fixable.replace('delete-group', 'delete-user-pool').replace(' \\\n        --group-name admins', ''));
    // Root writes through file modes, so the file is made immutable (ext4's chattr) where the machine allows it.
    try {
      execFileSync('chattr', ['+i', locked], { stdio: 'ignore' });
    } catch {
      console.warn('SKIPPED: chattr +i is not available here, so no file is read-only to this user');
      context.skip();
    }
    onTestFinished(() => {
      execFileSync('chattr', ['-i', locked], { stdio: 'ignore' });
    });
    const result = await runCli(['check', path.join(scratch, 'readonly'), '--fix', '--format', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { files: { path: string; messages: { ruleId: string; message: string }[] }[] };
    const lockedReport = report.files.find((file) => file.path.endsWith('delete-group.rst'))!;
    expect(lockedReport.messages[0]).toMatchObject({ ruleId: 'unreadable-file', message: expect.stringMatching(/^the fixes cannot be written \(E(PERM|ACCES|ROFS)\): the file is left as it was$/) });
    expect(readFileSync(locked, 'utf8')).toBe(fixable);
    expect(readFileSync(other, 'utf8')).toContain('delete-user-pool \\\n');
  });
});

describe('a new user needs no flags (#11.13, #11.17, #11.18)', () => {
  it('check never replays, whatever the config says; --target with check is a usage error', async () => {
    const folder = path.join(scratch, 'config-replay');
    write('config-replay/docs-harness.config.json', '{ "replay": { "target": "mock" } }');
    write('config-replay/docs/cognito-idp/get-user.rst', '**To get a user**\n\n::\n\n    aws cognito-idp get-user --access-token eyJraEXAMPLE\n\nOutput::\n\n    {\n        "Username": "a",\n        "UserAttributes": []\n    }\n');
    const checked = await runCli(['check', 'docs'], folder);
    expect(checked).toMatchObject({ code: 0, stderr: '' });
    expect(checked.stdout).not.toMatch(/replay/i);
    const replayed = await runCli(['replay', 'docs'], folder);
    expect(replayed.stdout).toMatch(/replay/i);
    const refused = await runCli(['check', 'docs', '--target', 'mock'], folder);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe("docs-harness: check does not take --target: check never replays; use 'docs-harness replay' (see 'docs-harness check --help')\n");
  });

  it('looks for the config file only inside the repository', async () => {
    write('outer/docs-harness.config.json', '{ "rules": { "shell-continuation": "off" } }');
    const repo = path.join(scratch, 'outer/repo');
    mkdirSync(path.join(repo, '.git'), { recursive: true });
    write('outer/repo/docs/cognito-idp/delete-group.rst', fixable);
    const result = await runCli(['check', 'docs'], repo);
    expect(result.stdout).toContain('shell-continuation');
    expect(result.code).toBe(1);
  });

  it('an unknown rule id in the config is a usage error with a did-you-mean', async () => {
    const folder = path.join(scratch, 'config-typo');
    write('config-typo/docs-harness.config.json', '{ "rules": { "shell-continuaton": "off" } }');
    write('config-typo/docs/cognito-idp/delete-group.rst', fixable);
    const result = await runCli(['check', 'docs'], folder);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe(
      "docs-harness: docs-harness.config.json: /rules: unknown rule 'shell-continuaton'. Did you mean 'shell-continuation'? Run 'docs-harness rules' for the list.\n",
    );
  });

  it('an empty selection is a usage error unless --allow-empty', async () => {
    const folder = path.join(scratch, 'empty-selection');
    write('empty-selection/data.json', '{}');
    expect(await runCli(['check', folder])).toMatchObject({ code: 2, stdout: '' });
    expect((await runCli(['check', folder])).stderr).toMatch(/^docs-harness: no documents found in .*empty-selection; pass --allow-empty to accept an empty selection\n$/);
    expect(await runCli(['check', folder, '--allow-empty'])).toMatchObject({ code: 0, stderr: '' });
  });

  it('reads .markdown files, names the hidden and symlinked folders it skipped, and shows paths relative to the working folder', async () => {
    const folder = path.join(scratch, 'walk');
    write('walk/guide.markdown', '# Guide\n\n```sh\naws cognito-idp get-user --access-tokn eyJraEXAMPLE\n```\n');
    write('walk/.github/workflow.md', '```sh\naws cognito-idp get-user --access-tokn eyJraEXAMPLE\n```\n');
    mkdirSync(path.join(scratch, 'elsewhere'), { recursive: true });
    symlinkSync(path.join(scratch, 'elsewhere'), path.join(folder, 'linked'));
    const result = await runCli(['check', '.', '--format', 'json'], folder);
    const report = JSON.parse(result.stdout) as { notes: string[]; files: { path: string; messages: { ruleId: string }[] }[] };
    expect(report.files.map((file) => file.path)).toEqual(['guide.markdown']);
    expect(report.files[0]!.messages.map((message) => message.ruleId)).toContain('unknown-parameter');
    expect(report.notes).toEqual([
      'skipped .github: a hidden folder (name it on the command line to check it)',
      'skipped linked: a symbolic link to a folder (not followed)',
    ]);
    const outsideCwd = await runCli(['check', path.join(folder, 'guide.markdown'), '--format', 'json'], path.join(scratch, 'elsewhere'));
    expect(JSON.parse(outsideCwd.stdout).files[0].path).toBe('../walk/guide.markdown');
    expect(outsideCwd.stdout).not.toContain(scratch);
  });

  it.each(['check', 'replay', 'extract', 'update', 'schemas', 'rules'])('`%s --help` lists that command’s own flags and its exit codes', async (command) => {
    const result = await runCli([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage: docs-harness ${command}\\b`));
    expect(result.stdout).toMatch(/Exit codes: 0 /);
    const flags = [...result.stdout.matchAll(/^ {2}(?:-h, )?(--[a-z-]+)/gm)].map((match) => match[1]);
    expect(flags).toContain('--help');
    // Each flag listed is one the command takes: passing it is no usage error about the flag itself.
    if (command === 'check') expect(flags).not.toContain('--target');
    if (command === 'update') expect(result.stdout).toContain('1 files were changed (or, with --dry-run, would be)');
  });

  it('a flag the command does not take is a usage error that names it', async () => {
    const result = await runCli(['extract', scratch, '--dry-run']);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe("docs-harness: extract does not take --dry-run (see 'docs-harness extract --help')\n");
  });
});

describe('replay targets (#11.4)', () => {
  it('take only http and https endpoints', async () => {
    const result = await runCli(['replay', scratch, '--target', 'endpoint', '--endpoint-url', 'file:///etc/passwd', '--allow-remote']);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe('docs-harness: --endpoint-url file:///etc/passwd: only http and https endpoints\n');
  });

  it('say which flags the chosen target ignores', async () => {
    const document = write('ignored-flags/cognito-idp/delete-group.rst', fixable.replace('delete-group\n', 'delete-group \\\n'));
    const result = await runCli(['replay', document, '--target', 'mock', '--endpoint-url', 'http://127.0.0.1:1', '--allow-aws', '--format', 'json']);
    expect(JSON.parse(result.stdout).notes).toEqual(expect.arrayContaining(['warning: --endpoint-url is ignored by --target mock', 'warning: --allow-aws is ignored by --target mock']));
  });
});
