import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentFromText, readDocument } from '../../src/document/read.js';

const folder = mkdtempSync(path.join(tmpdir(), 'docs-harness-read-'));
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
    expect(problem).toMatch(/empty\.rst is empty$/);
  });

  it('reports binary content', async () => {
    const { problem, file } = await readDocument(write('binary.rst', new Uint8Array([0x61, 0, 0x62])));
    expect(problem).toMatch(/binary\.rst holds a NUL byte at offset 1: a binary file/);
    expect(file.value).toBe('');
  });

  it('reports invalid UTF-8', async () => {
    const { problem } = await readDocument(write('latin1.rst', new Uint8Array([0x63, 0x61, 0x66, 0xe9])));
    expect(problem).toMatch(/latin1\.rst is not valid UTF-8/);
  });

  it('refuses a file over the size limit from its size alone', async () => {
    const filePath = write('huge.rst', '');
    truncateSync(filePath, 50 * 1024 * 1024); // sparse: 50 MB without writing them
    const { problem } = await readDocument(filePath);
    expect(problem).toMatch(/huge\.rst is 50\.0 MiB, over the 10\.0 MiB limit/);
    const small = await readDocument(write('small.rst', 'x'.repeat(100)), { maxBytes: 10 });
    expect(small.problem).toMatch(/100 bytes, over the 10 bytes limit/);
  });

  it('reports a missing file without throwing', async () => {
    const { problem } = await readDocument(path.join(folder, 'missing.rst'));
    expect(problem).toMatch(/missing\.rst cannot be read \(ENOENT\)/);
  });
});

describe('documentFromText', () => {
  it('strips a BOM and reports empty text', () => {
    expect(documentFromText('a.rst', '\uFEFFtext').file.value).toBe('text');
    expect(documentFromText('a.rst', '').problem).toMatch(/empty/);
  });
});
