import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/rules/fix.js';
import { applySuppressions, findSuppressionComments } from '../../src/rules/suppressions.js';
import { formatFinding, type Finding } from '../../src/rules/types.js';

/** A finding of `ruleId` starting on `line`. */
function at(ruleId: string, line: number): Finding {
  return { ruleId, severity: 'error', message: `${ruleId} on ${line}`, start: { line, column: 5 }, end: { line, column: 9 } };
}

const rst = [
  '**Example 1: To sign in**', // 1
  '', // 2
  '.. docs-harness-disable-next-line shell-continuation, shell-syntax -- the pipe is shown on purpose', // 3
  '', // 4
  'The following ``sign-in`` example signs in. ::', // 5
  '', // 6
  '    aws cognito-idp initiate-auth \\', // 7
  '        --client-id 1example | jq', // 8
  '', // 9
  'Output::', // 10
  '', // 11
  '    {}', // 12
].join('\r\n');

describe('applySuppressions', () => {
  it('disable-next-line covers the next paragraph and the literal block it introduces', () => {
    const findings = [at('shell-continuation', 7), at('shell-syntax', 8), at('shell-syntax', 10), at('output-json', 8), at('shell-syntax', 1)];
    const result = applySuppressions(rst, 'rst', findings);
    expect(result.suppressed).toEqual([findings[0], findings[1]]);
    expect(result.kept).toEqual([findings[2], findings[3], findings[4]]);
    expect(result.unused).toEqual([]);
  });

  it('reports each rule of a suppression that suppressed nothing, with its reason parsed apart', () => {
    const result = applySuppressions(rst, 'rst', [at('shell-syntax', 8)]);
    expect(result.unused.map(formatFinding)).toEqual(['3:1-3:99: warning: suppression of shell-continuation suppressed nothing']);
    expect(result.unused[0]!.fix).toBeUndefined();
    expect(findSuppressionComments(rst, 'rst')[0]).toMatchObject({ ruleIds: ['shell-continuation', 'shell-syntax'], reason: 'the pipe is shown on purpose', coveredLines: { from: 5, to: 8 } });
  });

  it('reports unknown rule ids when the known ids are given', () => {
    const text = '.. docs-harness-disable-next-line shell-sintax\n\n    aws s3 ls\n';
    const result = applySuppressions(text, 'rst', [at('shell-syntax', 3)], { knownRuleIds: ['shell-syntax'] });
    expect(result.kept).toHaveLength(1);
    expect(result.unused.map(formatFinding)).toEqual(['1:1-1:47: warning: unknown rule "shell-sintax" in suppression']);
    expect(applySuppressions(text, 'rst', [], { knownRuleIds: ['shell-syntax'], severity: 'error' }).unused.map((finding) => finding.severity)).toEqual(['error']);
    expect(applySuppressions(text, 'rst', [], { severity: 'off' }).unused).toEqual([]);
  });

  it('offers a fix that removes a wholly unused one-line comment, keeping other line endings', () => {
    const text = 'Intro.\r\n\r\n.. docs-harness-disable-next-line shell-syntax\r\n\r\nText.\r\n';
    const { unused } = applySuppressions(text, 'rst', []);
    expect(unused).toHaveLength(1);
    expect(applyFixes(text, unused.map((finding) => finding.fix!)).text).toBe('Intro.\r\n\r\n\r\nText.\r\n');
  });

  it('disable/enable ranges, per rule and for all rules; an unmatched enable is reported', () => {
    const text = [
      '.. docs-harness-disable shell-syntax', // 1
      'a', // 2
      '.. docs-harness-enable shell-syntax', // 3
      'b', // 4
      '.. docs-harness-disable', // 5
      'c', // 6
      '.. docs-harness-enable', // 7
      'd', // 8
      '.. docs-harness-enable output-json', // 9
      '.. docs-harness-disable output-json -- rest of file', // 10
      'e', // 11
    ].join('\n');
    const findings = [at('shell-syntax', 2), at('shell-syntax', 4), at('output-json', 6), at('shell-syntax', 8), at('output-json', 11), at('output-json', 8)];
    const result = applySuppressions(text, 'rst', findings);
    expect(result.suppressed).toEqual([findings[0], findings[2], findings[4]]);
    expect(result.kept).toEqual([findings[1], findings[3], findings[5]]);
    expect(result.unused.map(formatFinding)).toEqual(['9:1-9:35: warning: docs-harness-enable output-json matches no open docs-harness-disable']);
  });

  it('reads the same words in Markdown HTML comments and covers a whole fenced block', () => {
    const text = [
      '<!-- docs-harness-disable-next-line shell-syntax -- shown as typed -->', // 1
      '```sh', // 2
      'aws s3 ls', // 3
      '', // 4
      'aws s3 ls | sort', // 5
      '```', // 6
      'aws s3 ls | wc', // 7
      '<!-- docs-harness-disable -->', // 8
    ].join('\n');
    const result = applySuppressions(text, 'markdown', [at('shell-syntax', 5), at('shell-syntax', 7)]);
    expect(result.suppressed.map((finding) => finding.start.line)).toEqual([5]);
    expect(result.kept.map((finding) => finding.start.line)).toEqual([7]);
    expect(result.unused.map(formatFinding)).toEqual(['8:1-8:30: warning: suppression of all rules suppressed nothing']);
    expect(findSuppressionComments(text, 'markdown')[0]).toMatchObject({ reason: 'shown as typed', coveredLines: { from: 2, to: 6 } });
    // RST comment syntax means nothing in Markdown.
    expect(findSuppressionComments('.. docs-harness-disable\n', 'markdown')).toEqual([]);
  });

  it('skips an RST comment body and other comments before the covered block, and a paragraph without :: ends at the blank line', () => {
    const text = [
      '.. docs-harness-disable-next-line example-title -- a long reason that', // 1
      '   goes on over a second line', // 2
      '.. an ordinary comment', // 3
      '', // 4
      '**Example 1**', // 5
      '', // 6
      '    indented', // 7
    ].join('\n');
    expect(findSuppressionComments(text, 'rst')[0]).toMatchObject({ coveredLines: { from: 5, to: 5 }, multiLine: true });
    const { unused } = applySuppressions(text, 'rst', []);
    expect(unused[0]!.fix).toBeUndefined();
  });

  it('covers a directive and its body; a comment at the end of the file covers nothing', () => {
    const text = '.. docs-harness-disable-next-line shell-syntax\n.. code-block:: sh\n\n    aws s3 ls | wc\n\nNext.\n.. docs-harness-disable-next-line shell-syntax\n';
    const comments = findSuppressionComments(text, 'rst');
    expect(comments.map((comment) => comment.coveredLines)).toEqual([{ from: 2, to: 4 }, undefined]);
    expect(applySuppressions(text, 'rst', [at('shell-syntax', 4)]).unused.map((finding) => finding.start.line)).toEqual([7]);
  });

  it('reads both comment forms in a flattened document', () => {
    const text = 'x\n.. docs-harness-disable-next-line a\ny\n<!-- docs-harness-disable-next-line b -->\nz\n';
    expect(findSuppressionComments(text, 'flattened').map((comment) => [comment.ruleIds, comment.coveredLines])).toEqual([
      [['a'], { from: 3, to: 3 }],
      [['b'], { from: 5, to: 5 }],
    ]);
  });

  it('never suppresses its own warnings', () => {
    const text = '.. docs-harness-disable\n';
    const own: Finding = { ...at('unused-suppression', 1) };
    expect(applySuppressions(text, 'rst', [own]).kept).toEqual([own]);
  });
});
