import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/document/read.js';
import { scratchFolder } from '../support/scratch.js';

// The compiled module: its worker is a compiled script beside it (the suite's global setup builds dist/).
const { ReadAhead } = (await import(path.resolve('dist/document/read-ahead.js'))) as typeof import('../../src/document/read-ahead.js');

/** What a reader gives for a path, as plain data. */
async function seen(read: Promise<Awaited<ReturnType<typeof readDocument>>>) {
  const { file, problem } = await read;
  return { value: String(file.value), problem };
}

/** Reads every path through a read-ahead, giving the main thread `busyMs` of other work per file as a run does. */
async function readAll(paths: string[], options: { maxBytes?: number; busyMs?: number } = {}) {
  const reader = new ReadAhead(paths, options.maxBytes);
  const results = [];
  try {
    for (const filePath of paths) {
      results.push(await seen(reader.read(filePath)));
      const end = performance.now() + (options.busyMs ?? 0.2);
      while (performance.now() < end);
    }
  } finally {
    reader.close();
  }
  return { results, workerReads: reader.workerReads };
}

describe('ReadAhead', () => {
  it('gives every document exactly as readDocument does, most of them read by its worker', async () => {
    const folder = scratchFolder('read-ahead');
    const paths: string[] = [];
    for (let index = 0; index < 400; index++) {
      const filePath = path.join(folder, `doc-${String(index).padStart(3, '0')}.rst`);
      // Sizes vary so that batches end on the byte limit as well as the count.
      writeFileSync(filePath, `Title ${index}\n${'='.repeat(8)}\n\n${'text '.repeat((index * 37) % 300)}\n`);
      paths.push(filePath);
    }
    // Every kind of problem, spread through the run.
    writeFileSync(paths[70]!, '');
    writeFileSync(paths[150]!, Buffer.from([0x61, 0x00, 0x62]));
    writeFileSync(paths[151]!, Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    writeFileSync(paths[152]!, '\uFEFFwith a BOM\r\n');
    mkdirSync(path.join(folder, 'folder.rst'));
    paths.splice(200, 0, path.join(folder, 'folder.rst'), path.join(folder, 'missing.rst'));
    symlinkSync('doc-001.rst', path.join(folder, 'link.rst'));
    paths.push(path.join(folder, 'link.rst'));

    const { results, workerReads } = await readAll(paths);
    const expected = await Promise.all(paths.map((filePath) => seen(readDocument(filePath))));
    expect(results).toEqual(expected);
    // The worker starts while the first files are read here; after that it is ahead.
    expect(workerReads).toBeGreaterThan(paths.length / 2);
  });

  it('refuses a file over the limit without reading it, as readDocument does', async () => {
    const folder = scratchFolder('read-ahead-limit');
    const paths = Array.from({ length: 100 }, (_, index) => {
      const filePath = path.join(folder, `doc-${index}.rst`);
      writeFileSync(filePath, 'x'.repeat(index * 10));
      return filePath;
    });
    const { results } = await readAll(paths, { maxBytes: 500 });
    expect(results[60]!.problem?.message).toBe('the file is 600 bytes, over the 500 bytes limit for a document');
    expect(results[50]!.value).toBe('x'.repeat(500));
  });

  it('reads a path asked for out of order on the main thread, and goes on in order after it', async () => {
    const folder = scratchFolder('read-ahead-order');
    const paths = Array.from({ length: 80 }, (_, index) => {
      const filePath = path.join(folder, `doc-${index}.rst`);
      writeFileSync(filePath, `document ${index}\n`);
      return filePath;
    });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: paths.length - 1 }), { maxLength: 120 }), async (asked) => {
        const reader = new ReadAhead(paths);
        try {
          for (const index of asked) expect(String((await reader.read(paths[index]!)).file.value)).toBe(`document ${index}\n`);
        } finally {
          reader.close();
        }
      }),
      { numRuns: 15 },
    );
  });
});
