import { describe, expect, it } from 'vitest';
import { documentFromText } from '../../src/document/read.js';
import { embeddedModels } from '../../src/model/load.js';
import { analyzeVFile } from '../../src/pipeline.js';
import abbreviatedParameter from '../../src/rules/abbreviated-parameter.js';
import customization from '../../src/rules/customization.js';
import duplicateParameter from '../../src/rules/duplicate-parameter.js';
import invalidParameterValue from '../../src/rules/invalid-parameter-value.js';
import missingRequiredParameter from '../../src/rules/missing-required-parameter.js';
import operationFileMismatch from '../../src/rules/operation-file-mismatch.js';
import unknownOperation from '../../src/rules/unknown-operation.js';
import unknownParameter from '../../src/rules/unknown-parameter.js';
import unknownService from '../../src/rules/unknown-service.js';
import { formatFinding, type Rule, type RuleExample } from '../../src/rules/types.js';

const models = embeddedModels();
const rules: Rule[] = [unknownService, unknownOperation, unknownParameter, abbreviatedParameter, missingRequiredParameter, duplicateParameter, invalidParameterValue, customization, operationFileMismatch];

async function findingsOf(rule: Rule, example: RuleExample): Promise<string[]> {
  const { file, problem } = documentFromText(example.name, example.text);
  const result = await analyzeVFile(example.name, file, problem, { rules: [rule], models, treeRoot: '.' });
  return result.findings.map(formatFinding);
}

// The input rules' own examples, run through the real pipeline until the shared rule runner registers them.
describe.each(rules.map((rule) => [rule.id, rule] as const))('rule %s', (_, rule) => {
  it.each([...rule.examples.ok, ...rule.examples.notOk].map((example) => [example.name, example] as const))('%s gives the documented findings', async (_, example) => {
    expect(await findingsOf(rule, example)).toEqual(example.messages);
  });
});
