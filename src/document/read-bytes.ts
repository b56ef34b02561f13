import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** A file's bytes, or why they were not read. Plain data: it crosses from the read-ahead worker (read-ahead.ts). */
export type RawRead =
  | { bytes: Uint8Array }
  | { failure: 'not-a-file' }
  | { failure: 'too-big'; size: number }
  | { failure: 'unreadable'; code: string };

/**
 * Reads a file's bytes, refusing what is not a regular file or is over `maxBytes` before reading it. Never throws.
 * Synchronous calls: for thousands of small local files they cost a fraction of the promise round trips.
 */
export function readFileBytes(filePath: string, maxBytes: number): RawRead {
  try {
    const descriptor = openSync(filePath, 'r');
    try {
      const stat = fstatSync(descriptor);
      if (!stat.isFile()) return { failure: 'not-a-file' };
      if (stat.size > maxBytes) return { failure: 'too-big', size: stat.size };
      return { bytes: readAll(descriptor, stat.size) };
    } finally {
      closeSync(descriptor);
    }
  } catch (error) {
    return { failure: 'unreadable', code: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
}

/** Reads the whole file; `size` is a hint (a file may grow or shrink while it is read). */
function readAll(descriptor: number, size: number): Uint8Array {
  // One byte more than the size, so the read that meets the end needs no bigger buffer. Not from Node's shared
  // pool: the worker hands each file's buffer over whole.
  let buffer = Buffer.allocUnsafeSlow(size + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      const larger = Buffer.allocUnsafeSlow(2 * buffer.length);
      buffer.copy(larger);
      buffer = larger;
    }
    const read = readSync(descriptor, buffer, length, buffer.length - length, null);
    if (read === 0) return buffer.subarray(0, length);
    length += read;
  }
}
