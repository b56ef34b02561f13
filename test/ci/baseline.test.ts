import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyBaseline, BaselineError, createBaseline, fingerprintOf, readBaseline, writeBaseline, type CheckedDocument } from '../../src/reports/baseline.js';
import type { Finding } from '../../src/rules/types.js';

const workDir = mkdtempSync(path.join(tmpdir(), 'docs-harness-baseline-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function finding(ruleId: string, line: number, message: string, fingerprint?: string): Finding {
  return { ruleId, severity: 'error', message, start: { line, column: 1 }, end: { line, column: 2 }, ...(fingerprint ? { fingerprint } : {}) };
}

const text = ['Title', '', '    aws s3 ls  |  wc', '', '    aws s3 ls | sort', ''].join('\n');
/** The same document with two lines added above: every finding moves down by two. */
const moved = `New line\n\n${text}`;

function document(file: string, documentText: string, findings: Finding[]): CheckedDocument {
  return { path: path.join(workDir, file), text: documentText, findings };
}

describe('baselines', () => {
  it('fingerprints by the rule fingerprint, else the message without line numbers plus the source line', () => {
    expect(fingerprintOf(finding('r', 3, 'x', 'aws s3 ls'), text)).toBe('aws s3 ls');
    expect(fingerprintOf(finding('r', 3, 'pipe at 3:19 (see line 5, lines 2-4)'), text)).toBe('pipe at # (see line #, lines #) @ aws s3 ls | wc');
  });

  it('writes small sorted JSON, reads it back and matches findings after lines moved', () => {
    const before = [
      document('svc/b.rst', text, [finding('shell-syntax', 5, 'a pipe'), finding('shell-syntax', 3, 'a pipe'), finding('output-json', 1, 'bad', 'Output/0')]),
      document('svc/a.rst', text, [finding('shell-syntax', 3, 'a pipe')]),
      document('svc/clean.rst', text, []),
    ];
    const file = path.join(workDir, 'ci', 'docs-harness.baseline.json');
    writeBaseline(file, createBaseline(before, workDir));
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      version: 1,
      files: {
        '../svc/a.rst': [{ rule: 'shell-syntax', fingerprint: 'a pipe @ aws s3 ls | wc' }],
        '../svc/b.rst': [
          { rule: 'output-json', fingerprint: 'Output/0' },
          { rule: 'shell-syntax', fingerprint: 'a pipe @ aws s3 ls | sort' },
          { rule: 'shell-syntax', fingerprint: 'a pipe @ aws s3 ls | wc' },
        ],
      },
    });
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')).files)).toEqual(['../svc/a.rst', '../svc/b.rst']);

    const baseline = readBaseline(file);
    const after = [
      document('svc/b.rst', moved, [finding('shell-syntax', 5, 'a pipe'), finding('shell-syntax', 7, 'a pipe'), finding('output-json', 9, 'new', 'Output/1')]),
      document('svc/a.rst', moved, []),
    ];
    const { results, fixedEntries } = applyBaseline(after, baseline);
    expect(results.map((result) => result.findings.map((f) => f.message))).toEqual([['new'], []]);
    expect(fixedEntries).toEqual([
      { file: '../svc/b.rst', rule: 'output-json', fingerprint: 'Output/0' },
      { file: '../svc/a.rst', rule: 'shell-syntax', fingerprint: 'a pipe @ aws s3 ls | wc' },
    ]);
  });

  it('counts identical fingerprints: one more occurrence is new, one fewer is fixed', () => {
    const twice = document('c.rst', text, [finding('r', 3, 'same', 'fp'), finding('r', 5, 'same', 'fp')]);
    const baseline = createBaseline([twice], workDir);
    expect(baseline.files['c.rst']).toEqual([{ rule: 'r', fingerprint: 'fp', count: 2 }]);
    const thrice = document('c.rst', text, [finding('r', 5, 'same', 'fp'), finding('r', 1, 'same', 'fp'), finding('r', 3, 'same', 'fp')]);
    expect(applyBaseline([thrice], baseline).results[0]!.findings.map((f) => f.start.line)).toEqual([5]);
    const once = document('c.rst', text, [finding('r', 3, 'same', 'fp')]);
    expect(applyBaseline([once], baseline)).toEqual({ results: [{ ...once, findings: [] }], fixedEntries: [{ file: 'c.rst', rule: 'r', fingerprint: 'fp' }] });
  });

  it('updates only the files checked again when given the previous baseline', () => {
    const previous = createBaseline([document('x.rst', text, [finding('r', 3, 'old', 'x')]), document('y.rst', text, [finding('r', 3, 'old', 'y')])], workDir);
    const updated = createBaseline([document('y.rst', text, [])], path.join(workDir, 'sub'), previous);
    expect(updated).toEqual({ baseDir: path.join(workDir, 'sub'), files: { '../x.rst': [{ rule: 'r', fingerprint: 'x' }] } });
  });

  it('writes one entry per line, and an empty baseline as an empty files object', () => {
    const file = path.join(workDir, 'small.json');
    writeBaseline(file, createBaseline([document('d.rst', text, [finding('r', 3, 'x', 'say "hi"'), finding('r', 5, 'x', 'say "hi"')])], workDir));
    expect(readFileSync(file, 'utf8')).toBe('{\n  "version": 1,\n  "files": {\n    "d.rst": [\n      { "rule": "r", "fingerprint": "say \\"hi\\"", "count": 2 }\n    ]\n  }\n}\n');
    writeBaseline(file, createBaseline([document('d.rst', text, [])], workDir));
    expect(readFileSync(file, 'utf8')).toBe('{\n  "version": 1,\n  "files": {}\n}\n');
    expect(readBaseline(file).files).toEqual({});
  });

  it('says clearly when the file is missing, broken or not a baseline', () => {
    const missing = path.join(workDir, 'missing.json');
    expect(() => readBaseline(missing)).toThrow(new BaselineError(`${missing}: baseline file not found (create it with --update-baseline)`));
    const broken = path.join(workDir, 'broken.json');
    writeFileSync(broken, '{\n  "version": 1,\n  "files": {\n}');
    expect(() => readBaseline(broken)).toThrow(`${broken}: invalid JSON at line 4, column 2: unexpected end of file`);
    const foreign = path.join(workDir, 'foreign.json');
    writeFileSync(foreign, JSON.stringify({ version: 1, files: { 'a/b.rst': [{ rule: 'r' }] } }));
    expect(() => readBaseline(foreign)).toThrow(`${foreign}: not a docs-harness baseline: /files/a~1b.rst/0 must have string rule and fingerprint`);
    writeFileSync(foreign, JSON.stringify({ files: {} }));
    expect(() => readBaseline(foreign)).toThrow(`${foreign}: not a docs-harness baseline: /version must be 1`);
  });
});
