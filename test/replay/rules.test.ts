import { describe, expect, it } from 'vitest';
import { documentFromText } from '../../src/document/read.js';
import { embeddedModels } from '../../src/model/load.js';
import { analyzeVFile } from '../../src/pipeline.js';
import { extendWithReplay } from '../../src/replay/index.js';
import notReplayed from '../../src/rules/not-replayed.js';
import replayError from '../../src/rules/replay-error.js';
import replayRequest from '../../src/rules/replay-request.js';
import replayResponse from '../../src/rules/replay-response.js';
import { formatFinding, type Rule, type RuleExample } from '../../src/rules/types.js';

// The replay rules' own ok / not-ok documents, run with replay switched on (the engine's `extend` hook).
const models = embeddedModels();
const replayRules = [replayRequest, replayResponse, replayError, notReplayed];

async function findingsOf(rule: Rule, example: RuleExample, extend = extendWithReplay): Promise<string[]> {
  const { file, problem } = documentFromText(example.name, example.text);
  const result = await analyzeVFile(example.name, file, problem, { rules: [rule], models, treeRoot: '.', extend });
  return result.findings.map(formatFinding);
}

describe.each(replayRules.map((rule) => [rule.id, rule] as const))('rule %s', (_, rule) => {
  it.each(rule.examples.ok.map((example, index) => [index + 1, example] as const))('ok example %i has no findings', async (_index, example) => {
    expect(await findingsOf(rule, example)).toEqual([]);
  });

  it.each(rule.examples.notOk.map((example, index) => [index + 1, example] as const))('not-ok example %i has exactly the documented findings', async (_index, example) => {
    expect(await findingsOf(rule, example)).toEqual(example.messages);
  });

  it('reports nothing when the run does not replay', async () => {
    for (const example of rule.examples.notOk) expect(await findingsOf(rule, example, () => undefined)).toEqual([]);
  });
});
