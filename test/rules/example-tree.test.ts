import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inCliExampleTree, isCliExampleDocument, runsAwsService } from '../../src/rules/example-tree.js';
import { notAnExampleReason } from '../../src/rules/file-name.js';

const root = mkdtempSync(path.join(tmpdir(), 'docs-harness-tree-'));
const write = (relative: string, text: string) => {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
};

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A document on disk as the rules get it: its path and text. */
const documentAt = (file: string) => ({ path: file, file: { value: readFileSync(file, 'utf8') } });

describe('aws-cli style example trees', () => {
  const example = (service: string, operation: string) => `**To run**\n\n::\n\n    aws ${service} ${operation} --name x\n`;
  const cp = write('aws-cli/examples/s3/cp.rst', example('s3', 'cp'));
  const concepts = write('aws-cli/examples/s3/_concepts.rst', 'Text.\n');
  const mv = write('aws-cli/examples/s3/mv/_description.rst', 'Text.\n');
  write('aws-cli/examples/acm/list-certificates.rst', example('acm', 'list-certificates'));
  const global = write('aws-cli/examples/global_options.rst', 'Text.\n');
  const login = write('aws-cli/examples/login/_examples.rst', 'Text.\n');
  const misplaced = write('aws-cli/examples/agenttoolkit/add-skill.rst', example('agent-toolkit', 'add-skill'));
  const readme = write('project/README.md', '# Project\n');
  const guide = write('project/docs/getting_started.rst', example('s3', 'cp'));
  const index = write('project/docs/index.rst', example('s3', 'cp'));
  const script = write('project/scripts/build.py', 'print(1)\n');

  it('finds the tree from the service folders at or around the file', () => {
    expect([cp, concepts, mv, global, login, misplaced].map(inCliExampleTree)).toEqual([true, true, true, true, true, true]);
    expect(isCliExampleDocument(documentAt(cp))).toBe(true);
    expect(isCliExampleDocument(documentAt(misplaced))).toBe(true);
  });

  it('does not take a project with READMEs, a Sphinx guide and scripts for one', () => {
    expect([readme, guide, index, script].map(inCliExampleTree)).toEqual([false, false, false, false]);
    expect([readme, guide, index].map((file) => isCliExampleDocument(documentAt(file)))).toEqual([false, false, false]);
  });

  it('skips descriptions only in such a tree; elsewhere a name with _ is a document like any other', () => {
    expect(notAnExampleReason(concepts)).toMatch(/names with '_' are descriptions/);
    expect(notAnExampleReason(guide)).toBeUndefined();
    expect(notAnExampleReason(script)).toMatch(/only \.rst, \.md and \.markdown files/);
  });
});

describe('a document that runs its folder service', () => {
  it('is told as /^\\s*aws <service>\\s/m tells it', () => {
    const piece = fc.constantFrom('aws ', 'aws s3', 'aws s3api', ' ', '\t', '\n', '\r', '\u2028', '\u00a0', 'x', '$ ', 's3', '-');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join('')), fc.constantFrom('s3', 's3api'), (text, service) => {
        expect(runsAwsService(text, service)).toBe(new RegExp(`^\\s*aws ${service}\\s`, 'm').test(text));
      }),
      { numRuns: 3000 },
    );
  });
});
