import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { corpusDir, describeWithCorpus, modelsDir } from '../support/shared.js';

/** The JSON report's shape, as far as these tests read it. */
interface JsonReport {
  notes: string[];
  files: { path: string; messages: { ruleId: string; line: number; fingerprint: string }[] }[];
}

/** Services copied: one with fixable continuations (missing `\`, blanks after it), one with `\` inside single quotes and JSON comma fixes. */
const SERVICES = ['guardduty', 'apigatewayv2'];
const FIXABLE_KINDS = ['missing-continuation', 'space-after-continuation'];

function git(repo: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: repo,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, GIT_AUTHOR_NAME: 'test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'test', GIT_COMMITTER_EMAIL: 'test@example.com' },
  });
}

/** Removed and added lines of `git diff -U0`, paired hunk by hunk (every fix here rewrites lines one for one). */
function changedLinePairs(repo: string): { before: string; after: string }[] {
  const pairs: { before: string; after: string }[] = [];
  for (const hunk of git(repo, 'diff', '-U0', '--no-color').split(/^@@.*$/m).slice(1)) {
    const lines = hunk.split('\n').filter((line) => !line.startsWith('diff ') && !line.startsWith('index ') && !line.startsWith('--- ') && !line.startsWith('+++ '));
    const removed = lines.filter((line) => line.startsWith('-')).map((line) => line.slice(1));
    const added = lines.filter((line) => line.startsWith('+')).map((line) => line.slice(1));
    expect(added.length, `hunk rewrites lines one for one:\n${hunk}`).toBe(removed.length);
    removed.forEach((before, index) => pairs.push({ before, after: added[index]! }));
  }
  return pairs;
}

/**
 * A continuation fix: ` \` added at the end of the line (its trailing blanks replaced), the blanks after a final `\`
 * removed, or (inside single-quoted JSON) the final `\` dropped with the blanks before it.
 */
const isContinuationFix = ({ before, after }: { before: string; after: string }) =>
  (!/\\[ \t]*$/.test(before) && after === `${before.replace(/[ \t]+$/, '')} \\`) ||
  (/\\[ \t]+$/.test(before) && after === before.replace(/[ \t]+$/, '')) ||
  (before.endsWith('\\') && after === before.replace(/[ \t]*\\$/, ''));

/** Splits the line ending off, so the text and the ending can be compared apart. */
const splitEnding = (line: string) => (line.endsWith('\r') ? { text: line.slice(0, -1), ending: '\r' } : { text: line, ending: '' });

describeWithCorpus('issue 6 acceptance on a git copy of two corpus services', () => {
  let repo: string;
  const check = async (...args: string[]) => {
    const result = await runCli(['check', ...args, '--models', modelsDir, '--format', 'json'], repo);
    expect(result.stderr).toBe('');
    return { code: result.code, report: JSON.parse(result.stdout) as JsonReport };
  };
  const findingsOf = (report: JsonReport) => report.files.flatMap((file) => file.messages.map((message) => ({ ...message, path: file.path })));
  const kindOf = (fingerprint: string) => fingerprint.slice(0, fingerprint.indexOf(':'));

  beforeAll(() => {
    repo = mkdtempSync(path.join(tmpdir(), 'docs-harness-acceptance-'));
    for (const service of SERVICES) cpSync(path.join(corpusDir, service), path.join(repo, 'examples', service), { recursive: true });
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'corpus copy');
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('baseline: a clean rerun exits 0, one injected defect is the one finding, findings moved down by blank lines stay known', async () => {
    const written = await runCli(['check', 'examples', '--models', modelsDir, '--update-baseline', '--baseline', 'baseline.json'], repo);
    expect(written.code).toBe(0);
    git(repo, 'add', 'baseline.json');
    git(repo, 'commit', '-q', '-m', 'baseline');
    const baseline = JSON.parse(readFileSync(path.join(repo, 'baseline.json'), 'utf8')) as { files: Record<string, unknown[]> };
    const baselinedFiles = Object.keys(baseline.files);
    expect(baselinedFiles.length).toBeGreaterThanOrEqual(10);

    const clean = await check('examples', '--baseline', 'baseline.json');
    expect(clean.code).toBe(0);
    expect(findingsOf(clean.report)).toEqual([]);

    // A file without known findings whose command continues a parameter line with ` \`: drop that `\`.
    const victim = git(repo, 'ls-files', 'examples')
      .split('\n')
      .filter((file) => file.endsWith('.rst') && !(file in baseline.files))
      .map((file) => ({ file, lines: readFileSync(path.join(repo, file), 'utf8').split('\n') }))
      .map(({ file, lines }) => ({ file, lines, at: lines.findIndex((line, index) => /^\s+--\S.* \\\r?$/.test(line) && /^\s+--/.test(lines[index + 1] ?? '')) }))
      .find(({ at }) => at >= 0);
    expect(victim).toBeDefined();
    const { file, lines, at } = victim!;
    lines[at] = lines[at]!.replace(/ \\(\r?)$/, '$1');
    writeFileSync(path.join(repo, file), lines.join('\n'));
    const injected = await check('examples', '--baseline', 'baseline.json');
    expect(injected.code).toBe(1);
    expect(findingsOf(injected.report).map(({ path: where, ruleId, line }) => ({ where, ruleId, line }))).toEqual([
      { where: file, ruleId: 'shell-continuation', line: at + 1 },
    ]);
    git(repo, 'checkout', '-q', '--', file);

    // Two blank lines after the title of every file with known findings (its own line ending) move every finding.
    for (const name of baselinedFiles) {
      const text = readFileSync(path.join(repo, name), 'utf8');
      const ending = text.includes('\r\n') ? '\r\n' : '\n';
      const afterTitle = text.indexOf(ending) + ending.length;
      writeFileSync(path.join(repo, name), text.slice(0, afterTitle) + ending + ending + text.slice(afterTitle));
    }
    expect(git(repo, 'diff', '--name-only').trim().split('\n')).toHaveLength(baselinedFiles.length);
    const moved = await check('examples', '--baseline', 'baseline.json');
    expect(findingsOf(moved.report)).toEqual([]);
    expect(moved.report.notes.filter((note) => note.includes('no longer occur'))).toEqual([]);
    expect(moved.code).toBe(0);
    git(repo, 'checkout', '-q', '--', '.');
  });

  it('--fix --only shell-continuation repairs exactly the fixable continuations, only those lines, and a second --fix changes nothing', async () => {
    const before = findingsOf((await check('examples', '--only', 'shell-continuation')).report);
    const fixable = before.filter((finding) => FIXABLE_KINDS.includes(kindOf(finding.fingerprint)));
    expect(fixable.length).toBeGreaterThan(0);
    expect(before.some((finding) => kindOf(finding.fingerprint) === 'continuation-in-single-quotes')).toBe(true);

    const fixed = await check('examples', '--only', 'shell-continuation', '--fix');
    const after = findingsOf((await check('examples', '--only', 'shell-continuation')).report);
    const key = (finding: { path: string; fingerprint: string }) => `${finding.path} ${finding.fingerprint}`;
    const gone = before.filter((finding) => !after.some((other) => key(other) === key(finding)));
    // Every missing `\` and blanks after one are fixed; `\` inside single quotes only where the value is JSON (one fix per command).
    expect(gone.map(key)).toEqual(expect.arrayContaining(fixable.map(key)));
    expect(after.map(({ fingerprint }) => kindOf(fingerprint)).filter((kind) => kind !== 'continuation-in-single-quotes')).toEqual([]);
    expect(fixed.report.notes).toContain(`--fix: ${gone.length} fix(es) written in ${new Set(gone.map((finding) => finding.path)).size} file(s)`);
    const pairs = changedLinePairs(repo);
    expect(pairs.length).toBeGreaterThanOrEqual(gone.length);
    for (const pair of pairs) {
      const [before, after] = [splitEnding(pair.before), splitEnding(pair.after)];
      expect(after.ending, 'line ending kept').toBe(before.ending);
      expect(isContinuationFix({ before: before.text, after: after.text }), `${pair.before} -> ${pair.after}`).toBe(true);
    }

    git(repo, 'commit', '-q', '-a', '-m', 'continuation fixes');
    const again = await check('examples', '--only', 'shell-continuation', '--fix');
    expect(again.report.notes).toContain('--fix: 0 fix(es) written in 0 file(s)');
    expect(git(repo, 'status', '--porcelain')).toBe('');
  });

  it('--fix with every rule changes only continuations, JSON commas at line ends and http schemes, and is stable', async () => {
    await check('examples', '--fix');
    const pairs = changedLinePairs(repo);
    expect(pairs.length).toBeGreaterThan(0);
    for (const pair of pairs) {
      const [before, after] = [splitEnding(pair.before), splitEnding(pair.after)];
      expect(after.ending, 'line ending kept').toBe(before.ending);
      const comma = after.text === `${before.text},` || before.text === `${after.text},` || before.text.replace(/,(\s*)$/, '$1') === after.text;
      const scheme = after.text === before.text.replaceAll('http://', 'https://');
      expect(comma || scheme || isContinuationFix({ before: before.text, after: after.text }), `${pair.before} -> ${pair.after}`).toBe(true);
    }
    git(repo, 'commit', '-q', '-a', '-m', 'all fixes');
    const again = await check('examples', '--fix');
    expect(again.report.notes).toContain('--fix: 0 fix(es) written in 0 file(s)');
    expect(git(repo, 'status', '--porcelain')).toBe('');
  });

  it('--changed on a branch that touches two files checks only those two and says so', async () => {
    git(repo, 'checkout', '-q', '-b', 'two-files');
    const touched = git(repo, 'ls-files', 'examples').split('\n').filter((file) => file.endsWith('.rst')).slice(0, 2);
    for (const file of touched) writeFileSync(path.join(repo, file), `${readFileSync(path.join(repo, file), 'utf8')}\n`);
    git(repo, 'commit', '-q', '-a', '-m', 'touch two files');
    const { report } = await check('--changed', '.');
    expect(report.files.map((file) => file.path).sort()).toEqual([...touched].sort());
    expect(report.notes.find((note) => note.startsWith('changed since'))).toMatch(/: 2 document\(s\) checked: /);
    git(repo, 'checkout', '-q', 'main');
  });
});

describe('output-json --fix on a stray quote', () => {
  let folder: string;
  beforeAll(() => (folder = mkdtempSync(path.join(tmpdir(), 'docs-harness-stray-quote-'))));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const documentWith = (output: string) =>
    `**To describe a user pool**\n\nThe following example describes a user pool. ::\n\n    aws cognito-idp describe-user-pool \\\n        --user-pool-id us-west-2_EXAMPLE\n\nOutput::\n\n${output.replace(/^/gm, '    ')}\n`;

  it('inserts a comma missing at a line end but leaves `"a""` on one line alone (a comma there would open a new string)', async () => {
    const strayQuote = path.join(folder, 'stray', 'cognito-idp', 'describe-user-pool.rst');
    const lineEnd = path.join(folder, 'line-end', 'cognito-idp', 'describe-user-pool.rst');
    const strayText = documentWith('{\n    "UserPool": {\n        "Id": "us-west-2_EXAMPLE"",\n        "Name": "pool"\n    }\n}');
    for (const [file, text] of [
      [strayQuote, strayText],
      [lineEnd, documentWith('{\n    "UserPool": {\n        "Id": "us-west-2_EXAMPLE"\n        "Name": "pool"\n    }\n}')],
    ] as const) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
    await runCli(['check', '--only', 'output-json', '--fix', strayQuote, lineEnd]);
    expect(readFileSync(strayQuote, 'utf8')).toBe(strayText);
    expect(readFileSync(lineEnd, 'utf8')).toContain('"Id": "us-west-2_EXAMPLE",\n');
  });
});
