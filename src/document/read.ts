import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { VFile } from 'vfile';

export interface ReadResult {
  file: VFile;
  /** Why the file could not be read as a text document (one line naming the file); `file.value` is then ''. */
  problem?: string;
}

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Reads a document as UTF-8 text, line endings kept exactly as written and a BOM removed.
 * Never throws: unreadable, binary, non-UTF-8, empty and oversized files come back with a `problem`.
 */
export async function readDocument(filePath: string, options: { maxBytes?: number } = {}): Promise<ReadResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const unreadable = (reason: string): ReadResult => ({ file: new VFile({ path: filePath, value: '' }), problem: `${filePath} ${reason}` });
  let bytes: Uint8Array;
  // Synchronous calls: for thousands of small local files they cost a fraction of the promise round trips.
  try {
    const descriptor = openSync(filePath, 'r');
    try {
      // Stat before reading, so a huge file is refused without being read.
      const stat = fstatSync(descriptor);
      if (!stat.isFile()) return unreadable('is not a regular file');
      if (stat.size > maxBytes) return unreadable(`is ${formatBytes(stat.size)}, over the ${formatBytes(maxBytes)} limit for a document`);
      bytes = readAll(descriptor, stat.size);
    } finally {
      closeSync(descriptor);
    }
  } catch (error) {
    return unreadable(`cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (bytes.length === 0) return unreadable('is empty');
  const nul = bytes.indexOf(0);
  if (nul !== -1) return unreadable(`holds a NUL byte at offset ${nul}: a binary file, not a text document`);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return unreadable('is not valid UTF-8 text');
  }
  return documentFromText(filePath, text);
}

/**
 * An in-memory document (tests, rule examples, editors), checked as a read file is: a leading BOM is
 * removed; empty text or a NUL character is reported as the `problem`.
 */
export function documentFromText(filePath: string, text: string): ReadResult {
  const value = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const file = new VFile({ path: filePath, value });
  if (value === '') return { file, problem: `${filePath} is empty` };
  const nul = value.indexOf('\0');
  if (nul !== -1) return { file: new VFile({ path: filePath, value: '' }), problem: `${filePath} holds a NUL byte at offset ${nul}: a binary file, not a text document` };
  return { file };
}

/** Reads the whole file; `size` is a hint (a file may grow or shrink while it is read). */
function readAll(descriptor: number, size: number): Uint8Array {
  // One byte more than the size, so the read that meets the end needs no bigger buffer.
  let buffer = Buffer.allocUnsafe(size + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(buffer.length)]);
    const read = readSync(descriptor, buffer, length, buffer.length - length, null);
    if (read === 0) return buffer.subarray(0, length);
    length += read;
  }
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}
