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

  test('line-end backslashes inside single-quoted JSON between tokens: the fix drops them, and bash then reads the JSON meant', async () => {
    const text = shellContinuation.examples.notOk.find((example) => example.name === 'ec2/run-instances.rst')!.text;
    const [finding] = await check(shellContinuation, 'ec2/run-instances.rst', text);
    expect(finding?.fix).toBeUndefined(); // the shorthand value is no JSON: no fix for the command
    const json = ['**To publish**', '', 'Publishes. ::', '', "    aws sns publish --message '{ \\", '        "a": [1, \\', '        2] }\' --subject \'[ \\', '        "s" ]\'', ''].join('\n');
    const findings = await check(shellContinuation, 'sns/publish.rst', json);
    expect(findings).toHaveLength(1);
    const fixed = applyFixes(json, [findings[0]!.fix!]);
    expect(fixed.text).toBe(['**To publish**', '', 'Publishes. ::', '', "    aws sns publish --message '{", '        "a": [1,', '        2] }\' --subject \'[', '        "s" ]\'', ''].join('\n'));
    expect(await check(shellContinuation, 'sns/publish.rst', fixed.text)).toEqual([]);
  });

  test('a line-end backslash inside a JSON string or number has no automatic fix', async () => {
    for (const value of ['{"a": "b \\\n c"}', '{"a": 12\\\n34}']) {
      const text = ['**To publish**', '', 'Publishes. ::', '', `    aws sns publish --message '${value.replace('\n', '\n    ')}'`, ''].join('\n');
      const [finding] = await check(shellContinuation, 'sns/publish.rst', text);
      expect(finding).toBeDefined();
      expect(finding!.fix).toBeUndefined();
    }
  });

  test("another shell's continuation in a PowerShell block: the fix puts a backtick in its place", async () => {
    const text = shellContinuation.examples.notOk.find((example) => example.text.includes('```powershell'))!.text;
    const findings = await check(shellContinuation, 'guide.md', text);
    expect(findings).toHaveLength(2);
    const fixed = applyFixes(text, findings.map((finding) => finding.fix!));
    expect(fixed.text).toBe(text.replace('publish \\\n', 'publish `\n').replace('my-topic ^\n', 'my-topic `\n'));
    expect(await check(shellContinuation, 'guide.md', fixed.text)).toEqual([]);
  });

  test.each([
    ['cmd', '\\', '^'],
    ['powershell', '\\', '`'],
    ['powershell', '^', '`'],
    ['cmd', '`', '^'],
  ])("another shell's `%s` at every line end of a %s command is one finding, whose fix puts %s on each line", async (dialect, written, own) => {
    const lines = ['aws sns publish', '  --topic-arn arn:aws:sns:us-west-2:123456789012:my-topic', '  --subject hello', '  --message hello'];
    const block = (mark: string) => `# Publish\n\n\`\`\`${dialect}\n${lines.map((line, index) => (index + 1 < lines.length ? `${line} ${mark}` : line)).join('\n')}\n\`\`\`\n`;
    const findings = await check(shellContinuation, 'guide.md', block(written));
    expect(findings.map((finding) => [finding.start.line, finding.related?.map((related) => related.start.line)])).toEqual([[4, [5, 6]]]);
    const fixed = applyFixes(block(written), findings.map((finding) => finding.fix!));
    expect(fixed.text).toBe(block(own));
    expect(await check(shellContinuation, 'guide.md', fixed.text)).toEqual([]);
  });

  test.each([
    ['bash', '\\'],
    ['powershell', '`'],
  ])('in a %s block, the value lines after an option that lost its continuation are its values too: the fixes join them all', async (dialect, mark) => {
    const lines = ['aws cloudformation create-stack --stack-name s', '    --parameters', '      ParameterKey=A,ParameterValue=1', '      ParameterKey=B,ParameterValue=2'];
    const block = (ends: string[]) => `# Launch\n\n\`\`\`${dialect}\n${lines.map((line, index) => line + (ends[index] ?? '')).join('\n')}\n\`\`\`\n`;
    const text = block([` ${mark}`, '', '']);
    const findings = await check(shellContinuation, 'guide.md', text);
    // One habit, one finding: the lines after its first are named in it, and its one fix covers them all.
    expect(findings.map((finding) => finding.start.line)).toEqual([5]);
    const fixed = applyFixes(text, findings.map((finding) => finding.fix!));
    expect(fixed.text).toBe(block([` ${mark}`, ` ${mark}`, ` ${mark}`]));
    expect(await check(shellContinuation, 'guide.md', fixed.text)).toEqual([]);
  });

  test('continuations left out on several lines of one command are one finding that names the others, with one fix', async () => {
    const text = '# Publish\n\n```bash\naws sns publish\n  --topic-arn arn:aws:sns:us-west-2:123456789012:my-topic\n  --message hello\n```\n';
    const findings = await check(shellContinuation, 'guide.md', text);
    expect(findings.map((finding) => [finding.start.line, finding.message.endsWith('The same holds for line 5.')])).toEqual([[4, true]]);
    expect(applyFixes(text, findings.map((finding) => finding.fix!)).text).toBe(text.replace('publish\n', 'publish \\\n').replace('my-topic\n', 'my-topic \\\n'));
  });
});
