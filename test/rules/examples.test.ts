import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentFromText } from '../../src/document/read.js';
import { embeddedModels } from '../../src/model/load.js';
import { analyzeVFile } from '../../src/pipeline.js';
import { extendWithReplay } from '../../src/replay/index.js';
import { extendWithLiveReplay, openLiveSession, type LiveSession } from '../../src/replay/live/index.js';
import { allRules } from '../../src/rules/index.js';
import type { EngineOptions } from '../../src/rules/engine.js';
import { formatFinding, type Rule, type RuleExample } from '../../src/rules/types.js';

// Every rule documents itself with ok / not-ok documents and their exact findings; this runs them all
// through the real pipeline (reader, parser, examples, translator, engine, replay).
const models = embeddedModels();
let liveSession: LiveSession | undefined;

beforeAll(async () => {
  if (allRules.some((rule) => rule.replay === 'live')) liveSession = await openLiveSession('cognito-local');
});

afterAll(async () => {
  await liveSession?.close();
});

function replayFor(rule: Rule): EngineOptions['extend'] {
  if (rule.replay === 'mock') return extendWithReplay;
  if (rule.replay === 'live') return extendWithLiveReplay(liveSession!);
  return undefined;
}

async function findingsOf(rule: Rule, example: RuleExample, extend = replayFor(rule)): Promise<string[]> {
  const { file, problem } = documentFromText(example.name, example.text);
  const result = await analyzeVFile(example.name, file, problem, { rules: [rule], models, treeRoot: '.', ...(extend ? { extend } : {}) });
  return result.findings.map(formatFinding);
}

describe.each(allRules.map((rule) => [rule.id, rule] as const))('rule %s', (id, rule) => {
  it('has a kebab-case id, a description and examples of both kinds', () => {
    expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(rule.description.length).toBeGreaterThan(40);
    expect(rule.examples.ok.length).toBeGreaterThan(0);
    expect(rule.examples.notOk.length).toBeGreaterThan(0);
    for (const example of rule.examples.notOk) expect(example.messages.length).toBeGreaterThan(0);
  });

  it.each(rule.examples.ok.map((example, index) => [index + 1, example] as const))('ok example %i has no findings', async (_, example) => {
    expect(await findingsOf(rule, example)).toEqual([]);
  });

  it.each(rule.examples.notOk.map((example, index) => [index + 1, example] as const))(
    'not-ok example %i has exactly the documented findings',
    async (_, example) => {
      expect(await findingsOf(rule, example)).toEqual(example.messages);
    },
  );

  if (rule.replay) {
    it('reports nothing when the run does not replay', async () => {
      for (const example of rule.examples.notOk) expect(await findingsOf(rule, example, () => undefined)).toEqual([]);
    });
  }
});

describe('rule ids', () => {
  it('are unique', () => {
    const ids = allRules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
