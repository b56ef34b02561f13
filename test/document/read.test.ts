import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { documentFromText, readDocument } from '../../src/document/read.js';

const folder = mkdtempSync(path.join(tmpdir(), 'docs-harness-read-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
function write(name: string, content: string | Uint8Array): string {
  const filePath = path.join(folder, name);
  writeFileSync(filePath, content);
  return filePath;
}

describe('readDocument', () => {
  it('keeps CRLF, lone CR and mixed line endings exactly and strips a BOM', async () => {
    const text = 'a\r\nb\rc\nd';
    const { file, problem } = await readDocument(write('endings.rst', '\uFEFF' + text));
    expect(problem).toBeUndefined();
    expect(file.value).toBe(text);
  });

  it('reports an empty file', async () => {
    const { problem } = await readDocument(write('empty.rst', ''));
    expect(problem).toEqual({ message: 'the file is empty: nothing to check', severity: 'warning' });
  });

  it('reports binary content', async () => {
    const { problem, file } = await readDocument(write('binary.rst', new Uint8Array([0x61, 0x0a, 0x62, 0, 0x62])));
    expect(problem).toEqual({
      message: 'a NUL byte at line 2, column 2 (byte 3): a binary file, not a text document',
      severity: 'error',
      at: { line: 2, column: 2, offset: 3 },
    });
    expect(file.value).toBe('');
  });

  it('reports invalid UTF-8 with the line and byte', async () => {
    const { problem } = await readDocument(write('latin1.rst', new Uint8Array([0x61, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x0a])));
    expect(problem).toEqual({
      message: 'not valid UTF-8: byte 0xE9 at line 2, column 4 (byte 5) starts no valid sequence; save the file as UTF-8',
      severity: 'error',
      at: { line: 2, column: 4, offset: 5 },
    });
  });

  it.each([
    ['an overlong encoding', [0xc0, 0xaf], 0],
    ['a surrogate', [0x61, 0xed, 0xa0, 0x80], 1],
    ['a truncated sequence at the end', [0x61, 0x62, 0xe2, 0x82], 2],
    ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
  ])('places %s at its first byte', async (_, bytes, offset) => {
    const { problem } = await readDocument(write('bad-utf8.rst', new Uint8Array(bytes)));
    expect(problem?.at?.offset).toBe(offset);
  });

  it('refuses a file over the size limit from its size alone', async () => {
    const filePath = write('huge.rst', '');
    truncateSync(filePath, 50 * 1024 * 1024); // sparse: 50 MB without writing them
    const { problem } = await readDocument(filePath);
    expect(problem?.message).toBe('the file is 50.0 MiB, over the 10.0 MiB limit for a document');
    const small = await readDocument(write('small.rst', 'x'.repeat(100)), { maxBytes: 10 });
    expect(small.problem?.message).toMatch(/100 bytes, over the 10 bytes limit/);
  });

  it('reports a missing file without throwing', async () => {
    const { problem } = await readDocument(path.join(folder, 'missing.rst'));
    expect(problem?.message).toBe('the file cannot be read (ENOENT)');
  });
});

describe('documentFromText', () => {
  it('strips a BOM and reports empty text', () => {
    expect(documentFromText('a.rst', '\uFEFFtext').file.value).toBe('text');
    expect(documentFromText('a.rst', '').problem?.message).toMatch(/empty/);
  });
});
