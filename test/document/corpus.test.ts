import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { parseDocument } from '../../src/document/index.js';
import { documentFromText } from '../../src/document/read.js';
import { corpusDir, describeWithCorpus } from '../support/shared.js';
import { codeNodes, positionProblems } from './support.js';

describeWithCorpus('the aws-cli corpus', () => {
  it('parses every file as RST and finds the 12,884 literal blocks docutils 0.19 finds', () => {
    const files = readdirSync(corpusDir, { recursive: true, encoding: 'utf8' }).filter((name) => /\.(rst|txt)$/.test(name));
    expect(files.length).toBeGreaterThan(5800);
    let literalBlocks = 0;
    let blockQuoteCommands = 0;
    const formats = new Set<string>();
    const problems: string[] = [];
    for (const name of files) {
      const { file } = documentFromText(name, readFileSync(path.join(corpusDir, name), 'utf8'));
      const { tree, format } = parseDocument(file);
      formats.add(format);
      for (const code of codeNodes(tree)) {
        if (code.data?.blockKind === 'block-quote') blockQuoteCommands++;
        else literalBlocks++;
      }
      if (problems.length < 5) problems.push(...positionProblems(tree, String(file.value)).map((problem) => `${name}: ${problem}`));
    }
    expect(problems).toEqual([]);
    expect([...formats]).toEqual(['rst']);
    expect(literalBlocks).toBe(12884);
    expect(blockQuoteCommands).toBe(26);
  });
});
