import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];
// Registered once per test file (vitest evaluates this module per file): the file's scratch folders go with it.
afterAll(() => {
  for (const folder of made.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A fresh folder in the OS temp folder, removed when the test file ends. */
export function scratchFolder(name: string): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), `docs-harness-${name}-`));
  made.push(folder);
  return folder;
}

/** Writes `content` to `relative` under `folder`, making the folders it needs; returns the file's path. */
export function writeUnder(folder: string, relative: string, content: string | Buffer): string {
  const file = path.join(folder, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}
