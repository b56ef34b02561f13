// --changed after a model change (#11.14): the documents whose commands use that service, wherever they are.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { scratchFolder } from '../support/scratch.js';

function git(repo: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8' }).trim();
}

function write(repo: string, file: string, content: string): void {
  mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
  writeFileSync(path.join(repo, file), content);
}

const model = (version: string) => JSON.stringify({ version: '2.0', metadata: { apiVersion: '2016-04-18', serviceId: 'Cognito Identity Provider', protocol: 'json', docs: version }, operations: {}, shapes: {} });

it('picks the documents whose commands use a service whose model changed, not by folder name', async () => {
  const repo = path.join(scratchFolder('changed-by-service'), 'repo');
  mkdirSync(repo);
  git(repo, 'init', '-q', '-b', 'main');
  write(repo, 'guides/sign-in.md', '# Sign in\n\n```sh\naws cognito-idp initiate-auth --auth-flow USER_PASSWORD_AUTH --client-id 1example23456789\n```\n');
  write(repo, 'guides/buckets.md', '# Buckets\n\n```sh\naws s3api list-buckets\n```\n');
  write(repo, 'cognito-idp/notes.md', '# Notes\n\nNo commands here.\n');
  write(repo, 'models/cognito-idp/2016-04-18/service-2.json', model('one'));
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'base');
  git(repo, 'checkout', '-q', '-b', 'model-update');
  write(repo, 'models/cognito-idp/2016-04-18/service-2.json', model('two'));
  git(repo, 'commit', '-q', '-a', '-m', 'new model');
  const result = await runCli(['check', 'guides', 'cognito-idp', '--changed', 'main', '--models', 'models', '--format', 'json'], repo);
  const report = JSON.parse(result.stdout) as { notes: string[]; files: { path: string }[] };
  expect(report.files.map((file) => file.path)).toEqual(['guides/sign-in.md']);
  expect(report.notes.join('\n')).toMatch(/models changed: cognito-idp/);
});
