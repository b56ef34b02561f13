import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedFiles, ChangedFilesError } from '../../src/cli/changed.js';

const workDir = mkdtempSync(path.join(tmpdir(), 'docs-harness-changed-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function git(repo: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8' }).trim();
}

function write(repo: string, file: string, content: string): void {
  mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
  writeFileSync(path.join(repo, file), content);
}

function newRepo(name: string, branch = 'main'): string {
  const repo = path.join(workDir, name);
  mkdirSync(repo);
  git(repo, 'init', '-q', '-b', branch);
  return repo;
}

describe('changedFiles', () => {
  let repo: string;
  let mainCommit: string;

  beforeAll(() => {
    repo = newRepo('repo');
    write(repo, 'examples/s3/ls.rst', 'a\n');
    write(repo, 'examples/s3/cp.rst', 'a\n');
    write(repo, 'examples/ec2/run.rst', 'a\n');
    write(repo, 'models/s3/2006-03-01/service-2.json.gz', 'x');
    write(repo, 'models/ec2/2016-11-15/waiters-2.json', '{}');
    write(repo, 'models/iam/2010-05-08/service-2.json', '{}');
    write(repo, '.gitignore', 'ignored.rst\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'base');
    mainCommit = git(repo, 'rev-parse', 'HEAD');
    git(repo, 'checkout', '-q', '-b', 'feature');
    write(repo, 'examples/s3/ls.rst', 'committed change\n');
    write(repo, 'models/s3/2006-03-01/service-2.json.gz', 'y');
    git(repo, 'rm', '-q', 'models/iam/2010-05-08/service-2.json');
    git(repo, 'commit', '-q', '-am', 'feature');
    write(repo, 'examples/s3/cp.rst', 'staged change\n');
    git(repo, 'add', 'examples/s3/cp.rst');
    write(repo, 'examples/ec2/run.rst', 'unstaged change\n');
    write(repo, 'examples/new file.rst', 'untracked\n');
    write(repo, 'ignored.rst', 'ignored\n');
    write(repo, 'models/ec2/2016-11-15/waiters-2.json', '{"changed": true}');
  });

  it('lists committed, staged, unstaged and untracked changes against the merge base with main', async () => {
    const result = await changedFiles(path.join(repo, 'examples'));
    expect(result.base).toBe(mainCommit);
    expect(result.files).toEqual(
      ['examples/ec2/run.rst', 'examples/new file.rst', 'examples/s3/cp.rst', 'examples/s3/ls.rst', 'models/ec2/2016-11-15/waiters-2.json', 'models/s3/2006-03-01/service-2.json.gz'].map((file) => path.join(repo, file)),
    );
    expect(result.modelServices).toEqual(['ec2', 'iam', 's3']);
  });

  it('uses the merge base, not the tip, of a default branch that moved on', async () => {
    git(repo, 'branch', '-q', 'master', 'main');
    git(repo, 'update-ref', 'refs/heads/main', git(repo, 'commit-tree', '-p', mainCommit, '-m', 'main moved', `${mainCommit}^{tree}`));
    expect((await changedFiles(repo)).base).toBe(mainCommit);
  });

  it('compares with an explicit base and limits model services to the models folder', async () => {
    const result = await changedFiles(repo, 'feature', { modelsDir: path.join(repo, 'models') });
    expect(result.base).toBe(git(repo, 'rev-parse', 'feature'));
    expect(result.files.map((file) => path.relative(repo, file).split(path.sep).join('/'))).toEqual(['examples/ec2/run.rst', 'examples/new file.rst', 'examples/s3/cp.rst', 'models/ec2/2016-11-15/waiters-2.json']);
    expect(result.modelServices).toEqual(['ec2']);
    expect((await changedFiles(repo, 'feature', { modelsDir: path.join(repo, 'examples') })).modelServices).toEqual([]);
  });

  it('rejects an unknown base, one that looks like an option, and a folder outside git', async () => {
    await expect(changedFiles(repo, 'no-such-branch')).rejects.toThrow(new ChangedFilesError(`unknown git base "no-such-branch": no such branch, tag or commit in ${repo}`));
    await expect(changedFiles(repo, '--output=x')).rejects.toThrow('unknown git base "--output=x"');
    const plain = path.join(workDir, 'plain');
    mkdirSync(plain);
    await expect(changedFiles(plain)).rejects.toThrow(new ChangedFilesError(`${plain} is not inside a git repository`));
  });

  it('says when there is no default branch or no commit', async () => {
    const empty = newRepo('empty');
    await expect(changedFiles(empty)).rejects.toThrow(`${empty} has no commits yet: nothing to compare with`);
    const other = newRepo('other', 'trunk');
    write(other, 'a.rst', 'a');
    git(other, 'add', '.');
    git(other, 'commit', '-q', '-m', 'first');
    await expect(changedFiles(other)).rejects.toThrow('no default branch found (tried origin/HEAD, main, master, origin/main, origin/master): pass a base');
    unlinkSync(path.join(other, 'a.rst'));
    expect(await changedFiles(other, 'trunk')).toMatchObject({ files: [], modelServices: [] });
  });
});
