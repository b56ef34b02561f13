import { describe, expect, it } from 'vitest';
import { documentFromText } from '../../src/document/read.js';
import { embeddedModels } from '../../src/model/load.js';
import { translateCommand } from '../../src/model/input/index.js';
import { parseExamples } from '../../src/pipeline.js';
import { documentedOutcome, replayDocument } from '../../src/replay/index.js';

const models = embeddedModels();

function firstCommand(text: string) {
  const { file } = documentFromText('cognito-idp/example.rst', text);
  const document = parseExamples('cognito-idp/example.rst', file);
  const example = document.examples[0]!;
  const translation = translateCommand(example.commands[0]!, { models, documentDir: '.', treeRoot: '.' });
  return { document, example, translation };
}

const command = (parameters: string) => `**Title**\n\n::\n\n    aws cognito-idp list-users --user-pool-id us-west-2_EXAMPLE ${parameters}\n\n`;

describe('documentedOutcome', () => {
  it('reads a documented error from a text output, with its message', () => {
    const { document, example, translation } = firstCommand(
      `${command('')}Output::\n\n    An error occurred (ResourceNotFoundException) when calling the ListUsers operation: User pool does not exist.\n`,
    );
    expect(documentedOutcome(document, example, 0, translation)).toEqual({ kind: 'error', code: 'ResourceNotFoundException', message: 'User pool does not exist.' });
  });

  it('reads a documented error from the prose after the command', () => {
    const { document, example, translation } = firstCommand(`${command('')}The command fails with \`\`An error occurred (ResourceNotFoundException) when calling the ListUsers operation\`\`.\n`);
    expect(documentedOutcome(document, example, 0, translation)).toMatchObject({ kind: 'error', code: 'ResourceNotFoundException' });
  });

  it('leaves projected, text and missing outputs unchecked, and takes "no output" as an empty answer', () => {
    const json = 'Output::\n\n    {\n        "Users": []\n    }\n';
    expect(documentedOutcome(...args(`${command('--query Users')}${json}`))).toEqual({ kind: 'unchecked', reason: 'the output is projected by --query' });
    expect(documentedOutcome(...args(`${command('--output text')}Output::\n\n    USERS  x\n`))).toEqual({ kind: 'unchecked', reason: 'the output is printed with --output text' });
    expect(documentedOutcome(...args(command('')))).toEqual({ kind: 'unchecked', reason: 'no output is documented' });
    expect(documentedOutcome(...args(`${command('')}This command produces no output.\n`))).toEqual({ kind: 'none' });
    expect(documentedOutcome(...args(`${command('')}${json}`))).toEqual({ kind: 'json', value: { Users: [] } });
  });

  it('sets aside the NextToken the CLI paginator adds with --max-items', () => {
    const output = 'Output::\n\n    {\n        "Users": [],\n        "NextToken": "eyJQYWdpbmF0aW9uVG9rZW4iOiBudWxsfQ=="\n    }\n';
    expect(documentedOutcome(...args(`${command('--max-items 1')}${output}`))).toEqual({ kind: 'json', value: { Users: [] } });
    expect(documentedOutcome(...args(`${command('')}${output}`))).toMatchObject({ value: { NextToken: 'eyJQYWdpbmF0aW9uVG9rZW4iOiBudWxsfQ==' } });
  });
});

describe('replayDocument', () => {
  it('replays each command once and says why one is not replayed', async () => {
    const text = `${command('')}Output::\n\n    {\n        "Users": []\n    }\n\n::\n\n    aws cognito-idp list-widgets\n`;
    const { document } = firstCommand(text);
    const results = await replayDocument(document, (each) => translateCommand(each, { models, documentDir: '.', treeRoot: '.' }));
    const [listUsers, listWidgets] = document.examples.flatMap((example) => example.commands);
    expect(results.get(listUsers!)).toMatchObject({ replayed: true, requestProblems: [], responseProblems: [], errorProblems: [], output: { Users: [] } });
    expect(results.get(listWidgets!)).toEqual({ replayed: false, reason: 'unknown operation' });
  });
});

function args(text: string) {
  const { document, example, translation } = firstCommand(text);
  return [document, example, 0, translation] as const;
}
