import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/document/index.js';
import { documentFromText } from '../../src/document/read.js';
import httpLink from '../../src/rules/http-link.js';
import { formatFinding, type Finding, type Rule, type RuleExample } from '../../src/rules/types.js';

/** Runs one document rule on a document, with a context built from parseDocument alone (rule examples run in test/rules). */
function findings(rule: Rule, example: RuleExample): { messages: string[]; found: Finding[] } {
  const { file } = documentFromText(example.name, example.text);
  const { tree, format } = parseDocument(file);
  const found: Finding[] = [];
  void rule.check({
    document: { path: example.name, format, file, tree, examples: [] },
    report: (finding) => found.push({ ...finding, ruleId: rule.id, severity: finding.severity ?? rule.severity }),
    translation: () => undefined,
  });
  return { messages: found.map(formatFinding), found };
}

describe('http-link fixes', () => {
  it('changes only the scheme', () => {
    const example = httpLink.examples.notOk[0]!;
    for (const { fix } of findings(httpLink, example).found) {
      expect(example.text.slice(fix!.start, fix!.end)).toBe('http://');
      expect(fix!.text).toBe('https://');
    }
  });
});
