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

describe('Markdown code positions (CommonMark containers)', () => {
  const linesOf = (text: string) => {
    const { tree } = parseDocument(documentFromText('doc.md', text).file);
    expect(positionProblems(tree, text)).toEqual([]);
    return codeNodes(tree).map((code) => code.data!.lines!.map((line) => [line.text, line.line, line.column]));
  };

  it('keeps a fence inside a list item without its backticks or the item indentation', () => {
    const text = '1. Create the pool:\n\n   ```bash\n   aws cognito-idp create-user-pool \\\n     --pool-name demo\n   ```\n\n2. Next.\n';
    expect(linesOf(text)).toEqual([
      [
        ['aws cognito-idp create-user-pool \\', 4, 4],
        ['  --pool-name demo', 5, 4],
      ],
    ]);
  });

  it('keeps each code line on its own source line where micromark merges blank lines (a lone CR before blanks)', () => {
    expect(linesOf('    aws s3 ls\r \n\n    aws s3 mb s3://b')).toEqual([
      [
        ['aws s3 ls', 1, 5],
        ['', 2, 2],
        ['aws s3 mb s3://b', 4, 5],
      ],
    ]);
  });

  it('removes block quote markers, also on blank lines', () => {
    expect(linesOf('> ```sh\n> aws s3 ls\n>\n> done\n> ```\n')).toEqual([
      [
        ['aws s3 ls', 2, 3],
        ['', 3, 2],
        ['done', 4, 3],
      ],
    ]);
  });

  it('reads ~~~ fences, longer fences, nested lists and indented code', () => {
    const text = '~~~~\n```\naws s3 ls\n~~~~\n\n- a\n  - b\n\n    ````console\n    $ aws s3 ls\n    ````\n\nText.\n\n        aws s3 mb s3://b\n';
    expect(linesOf(text)).toEqual([
      [
        ['```', 2, 1],
        ['aws s3 ls', 3, 1],
      ],
      [['$ aws s3 ls', 10, 5]],
      [['    aws s3 mb s3://b', 15, 5]],
    ]);
  });

  it("drops a shell block's opening fence typed twice, and keeps a fence of another kind, or in another block, as content", () => {
    expect(linesOf('```bash\n```bash\naws s3 ls\n```\n')).toEqual([[['aws s3 ls', 3, 1]]]);
    expect(linesOf('````md\n```bash\naws s3 ls\n````\n')).toEqual([
      [
        ['```bash', 2, 1],
        ['aws s3 ls', 3, 1],
      ],
    ]);
  });

  it('gives a line from a TAB that the list indentation consumed only in part', () => {
    expect(linesOf('-\t\tfoo\n')).toEqual([[['\tfoo', 1, 3]]]);
  });
});
