import { describe, expect, it } from 'vitest';
import { documentFromText } from '../../src/document/read.js';
import { analyzeVFile } from '../../src/pipeline.js';
import commandAsText from '../../src/rules/command-as-text.js';
import { applyFixes } from '../../src/rules/fix.js';

async function analyze(name: string, text: string) {
  const { file } = documentFromText(name, text);
  return analyzeVFile(name, file, undefined, { rules: [commandAsText], treeRoot: '.' });
}

describe('command-as-text fixes', () => {
  it.each([
    ['a `::` with no blank line after it', 'Intro ::\n    aws cognito-idp list-groups \\\n        --user-pool-id us-west-2_EXAMPLE\n', 'Intro ::\n\n    aws cognito-idp list-groups \\\n        --user-pool-id us-west-2_EXAMPLE\n'],
    ['a block quote after a sentence', 'The example:\r\n\r\n    aws cognito-idp list-groups --user-pool-id us-west-2_EXAMPLE\r\n', 'The example::\r\n\r\n    aws cognito-idp list-groups --user-pool-id us-west-2_EXAMPLE\r\n'],
    ['a block quote after a title', '**To list groups**\n\n    aws cognito-idp list-groups --user-pool-id us-west-2_EXAMPLE\n', '**To list groups** ::\n\n    aws cognito-idp list-groups --user-pool-id us-west-2_EXAMPLE\n'],
  ])('%s: the fix makes a literal block of the command, and nothing else changes', async (_, text, expected) => {
    const before = await analyze('cognito-idp/list-groups.rst', text);
    const fixed = applyFixes(text, before.findings.flatMap((finding) => (finding.fix ? [finding.fix] : [])));
    expect(fixed.text).toBe(expected);
    const after = await analyze('cognito-idp/list-groups.rst', fixed.text);
    expect(after.findings).toEqual([]);
    const commands = after.document.examples.flatMap((example) => example.commands.map((command) => command.shell.intendedWords.map((word) => word.value)));
    expect(commands).toEqual([['aws', 'cognito-idp', 'list-groups', '--user-pool-id', 'us-west-2_EXAMPLE']]);
  });

  it('offers no fix where the block before the command is not a paragraph', async () => {
    const result = await analyze('cognito-idp/list-groups.rst', 'Title\n=====\n\n    aws cognito-idp list-groups --user-pool-id us-west-2_EXAMPLE\n');
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.fix).toBeUndefined();
  });
});
