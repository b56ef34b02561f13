import { cpSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { corpusDir, describeWithCorpus, modelsDir } from '../support/shared.js';
import { scratchFolder } from '../support/scratch.js';

describeWithCorpus('update --target mock over the corpus cognito-idp examples (a temp copy)', () => {
  test('rewritten outputs still parse, and a second run changes nothing', async () => {
    const dir = scratchFolder('update-corpus');
    cpSync(path.join(corpusDir, 'cognito-idp'), path.join(dir, 'cognito-idp'), { recursive: true });
    const syntax = async () => (await runCli(['check', 'cognito-idp', '--models', modelsDir, '--only', 'output-json', '--format', 'json'], dir)).stdout;
    const before = await syntax();
    const first = await runCli(['update', 'cognito-idp', '--models', modelsDir], dir);
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(/\n[1-9]\d* of \d+ output\(s\) updated/);
    expect(await syntax()).toBe(before);
    const second = await runCli(['update', '--dry-run', 'cognito-idp', '--models', modelsDir], dir);
    expect(second.stdout).toBe('');
    expect(second.code).toBe(0);
  });

  test("our own examples need no update: what the SDK adds or drops only in form (a streamed body, a dropped null) is never written", async () => {
    const dir = scratchFolder('update-examples');
    cpSync(path.resolve('examples'), path.join(dir, 'examples'), { recursive: true });
    const run = await runCli(['update', '--dry-run', 'examples', '--models', modelsDir], dir);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(0);
  });
});
