import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Code } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/document/index.js';
import { documentFromText } from '../../src/document/read.js';
import { codeNodes, positionProblems } from './support.js';
import { corpusDir, describeWithCorpus, seedsDir } from '../support/shared.js';

/** The words of a command block, continuations joined (enough to compare commands here). */
const commandWords = (code: Code) => code.value.replace(/\\\n/g, ' ').split(/\s+/).filter(Boolean);

const flattened =
  'stray words\n/\nhome\n' +
  '**Example 1: To list things** The following ``list-things`` example lists things. :: aws demo list-things \\ --max-items 5 \\ --name "a b" ' +
  'Output:: { "Things": [ { "Name": "a b", "Id": "t-1" } ], "NextToken": "x" } For more information, see `Things <https://example.com/things>`__ in the *Guide*. ' +
  '**Example 2: To get a thing** The following ``get-thing`` example gets a thing without continuations. :: aws demo get-thing --thing-id t-1 --verbose Output:: { "Id": "t-1" }\n';

describe('flattened documents', () => {
  it('rebuilds titles, commands and outputs and maps every position to the original text', () => {
    const { file } = documentFromText('demo/list-things.rst', flattened);
    const { tree, format } = parseDocument(file);
    expect(format).toBe('flattened');
    const codes = codeNodes(tree);
    expect(codes.map((code) => code.value)).toEqual([
      'aws demo list-things \\\n    --max-items 5 \\\n    --name "a b"',
      '{ "Things": [ { "Name": "a b", "Id": "t-1" } ], "NextToken": "x" }',
      'aws demo get-thing --thing-id t-1 --verbose',
      '{ "Id": "t-1" }',
    ]);
    expect(codes.map((code) => code.data?.introducer)).toEqual(['The following ``list-things`` example lists things.', 'Output:', 'The following ``get-thing`` example gets a thing without continuations.', 'Output:']);
    expect(codes[0]!.data?.lines?.map((line) => line.text)).toEqual(['aws demo list-things \\', '--max-items 5 \\', '--name "a b"']);
    expect(positionProblems(tree, flattened)).toEqual([]);
    expect(file.data.recovery?.strayText).toMatchObject({ start: { line: 1, column: 1 }, end: { line: 3, column: 5 } });
    expect(file.data.recovery?.flattenedAt.start).toMatchObject({ line: 4, column: 1 });
  });

  it('leaves normal documents with long lines alone', () => {
    const long = 'The following example does something. '.repeat(20);
    const text = `**Example 1: A title**\n\n${long}::\n\n    aws demo list-things\n\nOutput::\n\n    {}\n`;
    expect(parseDocument(documentFromText('demo/x.rst', text).file).format).toBe('rst');
  });
});

describeWithCorpus('the flattened seed document', () => {
  it('recovers the three examples with the upstream commands and outputs', () => {
    const seed = readFileSync(path.join(seedsDir, 'respond-to-auth-challenge.flattened.txt'), 'utf8');
    const upstream = readFileSync(path.join(corpusDir, 'cognito-idp/respond-to-auth-challenge.rst'), 'utf8');
    const { file } = documentFromText('respond-to-auth-challenge.rst', seed);
    const { tree, format } = parseDocument(file);
    expect(format).toBe('flattened');
    expect(positionProblems(tree, seed)).toEqual([]);
    const recovered = codeNodes(tree);
    const expected = codeNodes(parseDocument(documentFromText('upstream.rst', upstream).file).tree);
    expect(recovered).toHaveLength(6);
    recovered.forEach((code, index) => {
      const original = expected[index]!;
      if (code.value.startsWith('aws ')) expect(commandWords(code)).toEqual(commandWords(original));
      else expect(JSON.parse(code.value)).toEqual(JSON.parse(original.value));
    });
    const titles = tree.children.filter((node) => node.type === 'paragraph' && node.children[0]?.type === 'strong');
    expect(titles).toHaveLength(3);
    expect(file.data.recovery?.strayText?.start.line).toBe(1);
  });
});
