import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { loadModels } from '../../src/model/load.js';
import { analyzeFile } from '../../src/pipeline.js';
import { documentedOutcome } from '../../src/replay/index.js';
import type { DocumentedOutcome, ReplayResult } from '../../src/replay/types.js';
import invalidParameterValue from '../../src/rules/invalid-parameter-value.js';
import notReplayed from '../../src/rules/not-replayed.js';
import replayError from '../../src/rules/replay-error.js';
import replayRequest from '../../src/rules/replay-request.js';
import replayResponse from '../../src/rules/replay-response.js';
import type { Finding } from '../../src/rules/types.js';
import { corpusDir, describeWithCorpus, modelsDir } from '../support/shared.js';
import { recordingReplay } from './recording.js';

interface Replayed {
  file: string;
  documented?: DocumentedOutcome;
  result: ReplayResult;
}

/** Every documented key path (`/A/B/0/C`) of a JSON value. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => [`${prefix}/${key}`, ...keyPaths(item, `${prefix}/${key}`)]);
}

describeWithCorpus('replay over the cognito-idp corpus', () => {
  const folder = path.join(corpusDir, 'cognito-idp');
  const replayed: Replayed[] = [];
  const findings: Array<Finding & { file: string }> = [];
  /** What `invalid-parameter-value` says of the same files. */
  const checked: Array<Finding & { file: string }> = [];

  beforeAll(async () => {
    const models = loadModels(modelsDir);
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.rst')).sort()) {
      // Record each command's result as the rules ask for it.
      const extend = recordingReplay(({ command, example, result, context }) => {
        const translation = context.translation(command, example);
        const documented = translation && documentedOutcome(context.document, example, example.commands.indexOf(command), translation);
        replayed.push({ file, result, ...(documented ? { documented } : {}) });
      });
      const result = await analyzeFile(path.join(folder, file), { rules: [replayRequest, replayResponse, replayError, notReplayed], models, treeRoot: corpusDir, extend });
      findings.push(...result.findings.map((finding) => ({ ...finding, file })));
      const check = await analyzeFile(path.join(folder, file), { rules: [invalidParameterValue], models, treeRoot: corpusDir });
      checked.push(...check.findings.map((finding) => ({ ...finding, file })));
    }
  }, 60_000);

  it('replays every command of the 107 files, and says why an output is not compared', () => {
    const tally = new Map<string, number>();
    for (const { result, documented } of replayed) {
      const key = !result.replayed ? `not replayed: ${result.reason}` : result.unchecked ? `output not compared: ${result.unchecked}` : `compared: ${documented?.kind}`;
      tally.set(key, (tally.get(key) ?? 0) + 1);
    }
    console.log(`[replay corpus] ${replayed.length} commands in ${new Set(replayed.map((entry) => entry.file)).size} files:`, Object.fromEntries(tally));
    expect(new Set(replayed.map((entry) => entry.file)).size).toBe(107);
    expect(replayed.filter((entry) => !entry.result.replayed)).toEqual([]);
    const reasons = findings.filter((finding) => finding.ruleId === 'not-replayed').map((finding) => finding.message);
    expect(reasons.length).toBe(replayed.filter((entry) => entry.result.replayed && entry.result.unchecked).length);
  });

  it('finds no disagreement between the documents and the client but input members botocore also rejects', () => {
    // A member the client drops is one the model does not have: `check` reports it too (invalid-parameter-value).
    const dropped = /^--cli-input-json: the client dropped (\w+): \w+ has no such member$/;
    const failures = findings
      .filter((finding) => finding.ruleId !== 'not-replayed')
      .filter((finding) => {
        const member = dropped.exec(finding.message)?.[1];
        return !(finding.ruleId === 'replay-request' && member && checked.some((other) => other.file === finding.file && other.start.line === finding.start.line && other.message.startsWith(`Unknown parameter in input: "${member}"`)));
      })
      .map((finding) => `${finding.file}:${finding.start.line}: ${finding.ruleId}: ${finding.message}`);
    expect(failures).toEqual([]);
  });

  it('gives back every documented key of every compared output', () => {
    const compared = replayed.filter((entry) => entry.result.replayed && entry.documented?.kind === 'json' && !entry.result.unchecked);
    expect(compared.length).toBeGreaterThan(0);
    for (const { file, result, documented } of compared) {
      if (!result.replayed || documented?.kind !== 'json') continue;
      expect({ file, keys: keyPaths(result.output).sort() }).toEqual({ file, keys: keyPaths(documented.value).sort() });
    }
  });
});
