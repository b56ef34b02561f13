import { describe, expect, it } from 'vitest';
import { documentFromText } from '../../src/document/read.js';
import { embeddedModels } from '../../src/model/load.js';
import { analyzeVFile } from '../../src/pipeline.js';
import { allRules } from '../../src/rules/index.js';

const text = '**To list users**\n\nSee http://example.com. ::\n\n    aws cognito-idp list-users --user-pool-id us-west-2_EXAMPLE --limit ten\n';

describe('findings as vfile messages', () => {
  it('records each finding on the document\'s vfile, with its rule, place and severity, for unified tooling', async () => {
    const { file } = documentFromText('cognito-idp/list-users.rst', text);
    const { findings } = await analyzeVFile('cognito-idp/list-users.rst', file, undefined, { rules: allRules, models: embeddedModels(), treeRoot: '.' });
    expect(findings.length).toBeGreaterThan(1);
    expect(file.messages.map((message) => [message.ruleId, message.line, message.column, message.fatal, message.reason])).toEqual(
      findings.map((finding) => [finding.ruleId, finding.start.line, finding.start.column, finding.severity === 'error' ? true : finding.severity === 'warning' ? false : undefined, finding.message]),
    );
  });

  it('records none where the caller reports from the findings itself', async () => {
    const { file } = documentFromText('cognito-idp/list-users.rst', text);
    const { findings } = await analyzeVFile('cognito-idp/list-users.rst', file, undefined, { rules: allRules, models: embeddedModels(), treeRoot: '.', recordMessages: false });
    expect(findings.length).toBeGreaterThan(1);
    expect(file.messages).toEqual([]);
  });
});
