import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/document/index.js';
import { documentFromText } from '../../src/document/read.js';
import { codeNodes, positionProblems } from './support.js';

describe('Markdown documents', () => {
  it('gives fenced code the same CodeData as RST literal blocks', () => {
    const text = '# Example\r\n\r\nOutput:\r\n\r\n  ```json\r\n  {\r\n    "A": 1\r\n  }\r\n  ```\r\n\r\n```sh\r\n$ aws s3 ls\r\n```';
    const { tree, format } = parseDocument(documentFromText('doc.md', text).file);
    expect(format).toBe('markdown');
    const [output, command] = codeNodes(tree);
    expect(output).toMatchObject({ lang: 'json', value: '{\n  "A": 1\n}', data: { blockKind: 'fenced', introducer: 'Output:' } });
    expect(output!.data?.lines?.map((line) => [line.text, line.line, line.column])).toEqual([
      ['{', 6, 3],
      ['  "A": 1', 7, 3],
      ['}', 8, 3],
    ]);
    expect(command).toMatchObject({ lang: 'sh', value: '$ aws s3 ls', data: { blockKind: 'fenced' } });
    expect(command!.data?.introducer).toBeUndefined();
    expect(positionProblems(tree, text)).toEqual([]);
  });
});
