import { describe, expect, test } from 'vitest';
import { documentFromText } from '../../src/document/read.js';
import { analyzeVFile } from '../../src/pipeline.js';
import { applyFixes } from '../../src/rules/fix.js';
import shellContinuation from '../../src/rules/shell-continuation.js';
import type { Rule } from '../../src/rules/types.js';

async function check(rule: Rule, name: string, text: string) {
  const { file, problem } = documentFromText(name, text);
  return (await analyzeVFile(name, file, problem, { rules: [rule], treeRoot: '.' })).findings;
}

describe('shell-continuation fixes', () => {
  const document = (eol: string) =>
    ['**To publish**', '', 'Publishes. ::', '', '    aws sns publish  ', '        --topic-arn t \\ \t', '        --message m', ''].join(eol);

  test.each(['\n', '\r\n'])('applying the fixes gives a command bash reads whole, keeping %j line endings', async (eol) => {
    const text = document(eol);
    const findings = await check(shellContinuation, 'sns/publish.rst', text);
    expect(findings).toHaveLength(2);
    const fixed = applyFixes(text, findings.map((finding) => finding.fix!));
    expect(fixed.text).toBe(['**To publish**', '', 'Publishes. ::', '', '    aws sns publish \\', '        --topic-arn t \\', '        --message m', ''].join(eol));
    expect(await check(shellContinuation, 'sns/publish.rst', fixed.text)).toEqual([]);
  });

  test('a continuation inside single quotes has no automatic fix', async () => {
    const [finding] = await check(shellContinuation, 'sns/publish.rst', shellContinuation.examples.notOk[1]!.text);
    expect(finding?.fix).toBeUndefined();
  });
});
