import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentFromText, readDocument } from '../../src/document/read.js';
import { embeddedModels, loadModels } from '../../src/model/load.js';
import type { ModelIndex } from '../../src/model/types.js';
import { parseExamples } from '../../src/pipeline.js';
import { applyBaseline, createBaseline } from '../../src/reports/baseline.js';
import { formatJson } from '../../src/reports/json.js';
import type { RunReport } from '../../src/reports/types.js';
import { formatSarif } from '../../src/reports/sarif.js';
import { collectFindings, groupFindings, runRules } from '../../src/rules/engine.js';
import { allRules } from '../../src/rules/index.js';
import type { Finding } from '../../src/rules/types.js';
import { corpusFiles } from '../model/input-support.js';
import { corpusDir, describeWithCorpus, modelsDir } from '../support/shared.js';

/** Every `file:line:rule` a finding stands at, its related locations included. */
function placesOf(file: string, findings: readonly Finding[]): Set<string> {
  const places = new Set<string>();
  for (const finding of findings) {
    for (const place of [finding, ...(finding.related ?? [])]) places.add(`${file}:${place.start.line}:${finding.ruleId}`);
  }
  return places;
}

describeWithCorpus('grouping over the aws-cli corpus', () => {
  const raw: Finding[][] = [];
  const grouped: Finding[][] = [];
  const files: string[] = [];

  beforeAll(async () => {
    const models = loadModels(modelsDir);
    for (const file of corpusFiles(corpusDir)) {
      const { file: vfile, problem } = await readDocument(file);
      if (problem !== undefined) continue;
      const findings = await collectFindings(parseExamples(file, vfile), { rules: allRules, models, treeRoot: corpusDir });
      files.push(path.relative(corpusDir, file));
      raw.push(findings);
      grouped.push(groupFindings(findings));
    }
  }, 600_000);

  it('loses no (file, line, rule) of the ungrouped findings: each is the grouped finding or one of its related locations', () => {
    let lost = 0;
    files.forEach((file, index) => {
      const after = placesOf(file, grouped[index]!);
      for (const place of placesOf(file, raw[index]!)) if (!after.has(place)) lost++;
    });
    expect(lost).toBe(0);
  });

  it('says each grouped defect once: warnings fall by at least 40 %', () => {
    const warnings = (lists: Finding[][]) => lists.flat().filter((finding) => finding.severity === 'warning').length;
    const before = warnings(raw);
    const after = warnings(grouped);
    console.log(`[grouping] warnings ${before} -> ${after}, findings ${raw.flat().length} -> ${grouped.flat().length}`);
    expect(after).toBeLessThanOrEqual(before * 0.6);
  });

  it('keeps a grouped finding in one severity, with a fingerprint free of line numbers', () => {
    for (const findings of grouped) {
      for (const finding of findings) {
        if (!finding.related) continue;
        expect(finding.group).toBeUndefined();
        expect(finding.fingerprint).not.toMatch(/\bline \d+|\d+:\d+/);
      }
    }
  });
});

describe('grouped findings', () => {
  const models: ModelIndex = embeddedModels();
  const output = (users: string) =>
    `**To list users**\n\nThe following example lists users. ::\n\n    aws cognito-idp list-users --user-pool-id us-west-2_EXAMPLE\n\nOutput::\n\n    {\n        "Users": [\n${users}\n        ]\n    }\n`;
  const user = (name: string) => `            {\n                "Username": "${name}",\n                "UserCreateDate": 1548108509.537,\n                "Enabled": true\n            }`;
  const text = output([user('a'), user('b')].join(',\n'));

  async function check(documentText: string): Promise<Finding[]> {
    const { file } = documentFromText('cognito-idp/list-users.rst', documentText);
    return runRules(parseExamples('cognito-idp/list-users.rst', file), { rules: allRules, models, treeRoot: '.' });
  }

  it('keep their fingerprints when lines move', async () => {
    const before = (await check(text)).filter((finding) => finding.related);
    const moved = (await check(text.replace('The following example', 'Some words.\n\nThe following example'))).filter((finding) => finding.related);
    expect(before).toHaveLength(1);
    expect(moved.map((finding) => finding.fingerprint)).toEqual(before.map((finding) => finding.fingerprint));
    expect(moved[0]!.start.line).toBe(before[0]!.start.line + 2);
  });

  it('stay known to a baseline when lines move, and a new member makes a new finding', async () => {
    const moved = text.replace('The following example', 'Some words.\n\nThe following example');
    const baseline = createBaseline([{ path: 'cognito-idp/list-users.rst', findings: await check(text), text }], '.');
    const again = applyBaseline([{ path: 'cognito-idp/list-users.rst', findings: await check(moved), text: moved }], baseline);
    expect(again.results[0]!.findings).toEqual([]);
    expect(again.fixedEntries).toEqual([]);
    const third = output([user('a'), user('b'), user('c')].join(',\n'));
    const grown = applyBaseline([{ path: 'cognito-idp/list-users.rst', findings: await check(third), text: third }], baseline);
    expect(grown.results[0]!.findings.map((finding) => finding.message)).toEqual([expect.stringMatching(/^3 timestamps are epoch numbers/)]);
  });

  it('show their other places as SARIF relatedLocations', async () => {
    const findings = await check(text);
    const rule = allRules.find((candidate) => candidate.id === 'output-schema')!;
    const sarif = JSON.parse(formatSarif({ files: [{ path: 'cognito-idp/list-users.rst', findings, examples: 1 }], rules: [rule], notes: [] } satisfies RunReport, '0.0.0'));
    const result = sarif.runs[0].results.find((candidate: { relatedLocations?: unknown[] }) => candidate.relatedLocations);
    expect(result.message.text).toMatch(/^2 timestamps are epoch numbers/);
    expect(result.relatedLocations).toEqual([
      { id: 1, physicalLocation: { artifactLocation: { uri: 'cognito-idp/list-users.rst' }, region: { startLine: 18, startColumn: 35, endLine: 18, endColumn: 49 } }, message: { text: '/Users/1/UserCreateDate' } },
    ]);
  });

  it('include every line-end backslash inside single quotes of one command, the first as the finding', async () => {
    const documentText =
      "**To launch an instance**\n\nThe following example launches an instance. ::\n\n    aws ec2 run-instances \\\n        --image-id ami-0abcdef1234567890 \\\n" +
      "        --tag-specifications 'ResourceType=instance, \\\n            Tags=[{Key=Name,Value=a}]' \\\n        --block-device-mappings '[{ \\\n            \"DeviceName\": \"/dev/sdh\" }]'\n";
    const { file } = documentFromText('ec2/run-instances.rst', documentText);
    const findings = await runRules(parseExamples('ec2/run-instances.rst', file), { rules: allRules, models, treeRoot: '.' });
    const quoted = findings.filter((finding) => finding.ruleId === 'shell-continuation');
    expect(quoted).toHaveLength(1);
    expect([quoted[0]!.start, ...(quoted[0]!.related ?? []).map((place) => place.start)].map((point) => `${point.line}:${point.column}`)).toEqual(['7:54', '9:37']);
  });

  it('list their other places in the JSON report, as schemas/report.schema.json describes', async () => {
    const findings = await check(text);
    const report = JSON.parse(formatJson({ files: [{ path: 'cognito-idp/list-users.rst', findings, examples: 1 }], rules: allRules, notes: [] } satisfies RunReport));
    const schema = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../schemas/report.schema.json'), 'utf8'));
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    const grouped = report.files[0].messages.find((message: { related?: unknown }) => message.related);
    expect(grouped.related).toEqual([{ message: '/Users/1/UserCreateDate', line: 18, column: 35, endLine: 18, endColumn: 49 }]);
  });
});
