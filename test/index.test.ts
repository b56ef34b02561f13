import { describe, expect, it } from 'vitest';
import { allRules, analyzeVFile, documentFromText, embeddedModels, formatFinding } from '../src/index.js';

describe('the library entry point', () => {
  it('runs the same flow as the CLI on a document in memory', async () => {
    const name = 'cognito-idp/get-user.rst';
    const { file, problem } = documentFromText(name, '**To get a user**\n\n::\n\n    aws cognito-idp get-user --access-tokn eyJraEXAMPLE\n');
    const result = await analyzeVFile(name, file, problem, { rules: allRules.filter((rule) => !rule.replay), models: embeddedModels(), treeRoot: '.' });
    expect(result.findings.map(formatFinding)).toContain(
      "5:30-5:43: error: Unknown parameter '--access-tokn' for 'aws cognito-idp get-user'. Did you mean '--access-token'?",
    );
  });
});
