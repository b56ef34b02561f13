import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { corpusDir, describeWithCorpus } from '../support/shared.js';
import { runCli } from '../cli/run-cli.js';

const scenariosDir = fileURLToPath(new URL('../../scenarios', import.meta.url));

interface JsonReport {
  notes: string[];
  files: Array<{ path: string; messages: Array<{ ruleId: string; severity: string; message: string }> }>;
}

/** pass: replayed end to end with no error; skipped: the target cannot answer it; failed: an error finding. */
function classify(report: JsonReport) {
  const outcome = new Map<string, 'pass' | 'skipped' | 'failed'>();
  const skipReasons = new Map<string, number>();
  for (const file of report.files) {
    const name = path.basename(file.path);
    const errors = file.messages.filter((message) => message.severity === 'error');
    const skipped = file.messages.filter((message) => message.ruleId === 'not-replayed' && message.message.startsWith('not replayed live: '));
    if (errors.length > 0) {
      outcome.set(name, 'failed');
      // Every failure says what differed or why the call failed.
      for (const error of errors) expect(error.message).toMatch(/^live replay: \S.{10,}/);
    } else if (skipped.length > 0) {
      outcome.set(name, 'skipped');
      for (const message of skipped) {
        const reason = message.message.slice('not replayed live: '.length).replace(/ [A-Z]\w+$/, ' <operation>');
        skipReasons.set(reason, (skipReasons.get(reason) ?? 0) + 1);
      }
    } else outcome.set(name, 'pass');
  }
  return { outcome, skipReasons };
}

async function replayCorpus(extra: string[]): Promise<JsonReport> {
  const run = await runCli(['replay', path.join(corpusDir, 'cognito-idp'), '--target', 'cognito-local', '--only', 'replay-mismatch', '--only', 'not-replayed', '--format', 'json', ...extra]);
  expect(run.stderr).toBe('');
  expect([0, 1]).toContain(run.code);
  return JSON.parse(run.stdout) as JsonReport;
}

describeWithCorpus('the upstream cognito-idp examples against cognito-local', () => {
  it('replays at least 25 files end to end with zero-config bindings; every other file says why', async () => {
    const report = await replayCorpus([]);
    const { outcome, skipReasons } = classify(report);
    const count = (kind: string) => [...outcome.values()].filter((value) => value === kind).length;
    expect(outcome.size).toBe(107);
    expect(count('pass')).toBeGreaterThanOrEqual(25);
    for (const name of ['admin-create-user.rst', 'create-group.rst', 'delete-user-pool-client.rst', 'associate-software-token.rst', 'update-user-pool.rst']) {
      expect(outcome.get(name), name).toBe('pass');
    }
    // Operations cognito-local lacks, and codes only email or SMS delivers.
    expect(skipReasons.get('cognito-local does not implement <operation>')).toBeGreaterThanOrEqual(50);
    expect(outcome.get('confirm-sign-up.rst')).toBe('skipped');
    expect(report.notes[0]).toMatch(/live replay: \d+ command\(s\), harness overhead [\d.]+ ms\/command/);
  }, 120_000);

  it('scenario files in --scenarios make the examples they describe pass', async () => {
    const { outcome } = classify(await replayCorpus(['--scenarios', scenariosDir]));
    expect(outcome.get('get-group.rst')).toBe('pass');
    expect(outcome.get('admin-list-groups-for-user.rst')).toBe('pass');
    expect([...outcome.values()].filter((value) => value === 'pass').length).toBeGreaterThanOrEqual(27);
  }, 120_000);
});
