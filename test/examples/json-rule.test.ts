import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import type { SourceLine } from '../../src/document/types.js';
import { parseJsonBlock } from '../../src/examples/json/parse.js';
import type { Example, ExampleDocument, Output } from '../../src/examples/types.js';
import outputJson from '../../src/rules/output-json.js';
import { formatFinding, type Report, type RuleContext } from '../../src/rules/types.js';

/** A document holding one example whose only output is `text`, as lines starting at line 20, column 5. */
function documentWithOutput(text: string, cached: boolean): ExampleDocument {
  let offset = 100;
  const lines: SourceLine[] = text.split('\n').map((lineText, index) => {
    const line = { text: lineText, line: 20 + index, column: 5, offset };
    offset += lineText.length + 5;
    return line;
  });
  const position = { start: { line: 20, column: 5, offset: 100 }, end: { line: 20 + lines.length - 1, column: 1, offset } };
  const output: Output = { kind: 'json', position, raw: text, lines, commandIndex: 0 };
  if (cached) output.json = parseJsonBlock(lines);
  const example: Example = { index: 0, title: 'To do a thing', position, commands: [], outputs: [output], files: [], links: [], notes: [] };
  return { path: 'service/operation.rst', format: 'rst', file: new VFile(), tree: { type: 'root', children: [] }, examples: [example] };
}

function check(document: ExampleDocument): Array<Parameters<Report>[0]> {
  const findings: Array<Parameters<Report>[0]> = [];
  const context: RuleContext = { document, report: (finding) => findings.push(finding), translation: () => undefined };
  void outputJson.check(context);
  return findings;
}

describe('output-json on a built document', () => {
  it.each([true, false])('reports a syntax error with its hint and a fix (parse cached: %s)', (cached) => {
    const [finding, ...rest] = check(documentWithOutput('{\n    "A": 1\n    "B": 2\n}', cached));
    expect(rest).toEqual([]);
    expect(formatFinding({ severity: 'error', ...finding! })).toBe(
      "22:9-22:10: error: Output is not valid JSON: Expected ',' or '}' after a member: insert ',' at 21:15, after the previous member",
    );
    // Line 21 starts at offset 100 + 1 + 5, its text at column 5; `1` ends 10 characters in.
    expect(finding!.fix).toEqual({ start: 116, end: 116, text: ',' });
  });

  it('offers to delete a trailing comma', () => {
    const [finding] = check(documentWithOutput('[\n    1,\n]', true));
    expect(finding!.message).toBe("Output is not valid JSON: Trailing comma before ']': delete the ',' at 21:10");
    expect(finding!.fix).toEqual({ start: 111, end: 112, text: '' });
  });

  it('gives no fix where no safe edit exists', () => {
    const [finding] = check(documentWithOutput('{\n    "A": "open\n}', true));
    expect(finding!.message).toBe('Output is not valid JSON: Unterminated string: expected \'"\' before the end of the line');
    expect(finding!.fix).toBeUndefined();
  });

  it('notes each elision as information and stays quiet on valid JSON', () => {
    const findings = check(documentWithOutput('[\n    1,\n    ...\n]', true));
    expect(findings.map((finding) => formatFinding({ severity: 'error', ...finding }))).toEqual([
      "22:9-22:12: info: Output elided with '...': the parts left out are not checked",
    ]);
    expect(check(documentWithOutput('{"A": [1, 2]}', true))).toEqual([]);
  });

  it('ignores outputs that are not JSON', () => {
    const document = documentWithOutput('{ broken', true);
    document.examples[0]!.outputs[0]!.kind = 'text';
    expect(check(document)).toEqual([]);
  });
});
