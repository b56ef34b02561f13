// The README's CI recipe, run as written (#11.15): docs-harness packed with `npm pack`, installed into an empty
// project the way the recipe installs it, and the recipe's own `npx docs-harness` lines run there.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { scratchFolder } from '../support/scratch.js';

const readme = readFileSync('README.md', 'utf8');
const recipe = /```yaml\n([\s\S]*?)```/.exec(readme)![1]!;
/** The recipe's `run:` lines that call docs-harness, as argument lists (they hold no quoting). */
const harnessRuns = [...recipe.matchAll(/^\s*- run: npx docs-harness (.+)$/gm)].map((match) => match[1]!.trim().split(/\s+/));

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'ignore' });
}

const clean = '**To delete a group**\n\n::\n\n    aws cognito-idp delete-group \\\n        --user-pool-id us-west-2_EXAMPLE \\\n        --group-name admins\n\nThis command produces no output.\n';

it('installs from a packed tarball into an empty project and runs the recipe’s commands there', () => {
  expect(recipe).toMatch(/^\s*- run: npm install --no-save git\+https:\/\/\S+$/m);
  expect(harnessRuns.length).toBe(2);
  const scratch = scratchFolder('recipe');
  // dist/ is fresh (the suite's global setup builds it): no prepare script rewriting it under other tests' feet.
  const packed = execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', scratch], { encoding: 'utf8' }).trim().split('\n').at(-1)!;
  const project = path.join(scratch, 'docs');
  mkdirSync(path.join(project, 'awscli/examples/cognito-idp'), { recursive: true });
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'docs', private: true }));
  writeFileSync(path.join(project, '.gitignore'), 'node_modules/\n');
  writeFileSync(path.join(project, 'awscli/examples/cognito-idp/delete-group.rst'), clean);
  git(project, 'init', '-q', '-b', 'main');
  git(project, 'add', '.');
  git(project, 'commit', '-q', '-m', 'docs');
  // As the recipe's install step does, with the tarball in place of the repository it names.
  execFileSync('npm', ['install', '--no-save', '--prefer-offline', '--no-audit', '--no-fund', path.join(scratch, packed)], { cwd: project, stdio: 'ignore' });
  const npx = (args: string[]) => spawnSync('npx', ['docs-harness', ...args], { cwd: project, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  expect(npx(['check', 'awscli/examples', '--update-baseline', '--baseline', 'docs-harness.baseline.json']).status).toBe(0);
  git(project, 'add', '.');
  git(project, 'commit', '-q', '-m', 'baseline');
  // A pull request that breaks one example.
  git(project, 'checkout', '-q', '-b', 'pull-request');
  writeFileSync(path.join(project, 'awscli/examples/cognito-idp/delete-group.rst'), clean.replace('EXAMPLE \\\n', 'EXAMPLE\n'));
  git(project, 'commit', '-q', '-a', '-m', 'break it');

  const annotations = npx(harnessRuns[0]!);
  expect(annotations.status, annotations.stderr).toBe(1);
  expect(annotations.stdout).toMatch(/^::error file=awscli\/examples\/cognito-idp\/delete-group\.rst,line=6,/m);
  const sarifRun = npx(harnessRuns[1]!);
  expect(sarifRun.status, sarifRun.stderr).toBe(1);
  const sarif = JSON.parse(readFileSync(path.join(project, 'docs-harness.sarif'), 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
  expect(sarif.runs[0]!.results.map((result) => result.ruleId)).toContain('shell-continuation');
}, 300_000);
