import { VFile } from 'vfile';
import { readFileBytes, type RawRead } from './read-bytes.js';
import type { Point } from './types.js';

/** Why a file is not read as a text document: one line (no path: the finding stands at the file), and where. */
export interface ReadProblem {
  message: string;
  severity: 'error' | 'warning' | 'info';
  /** The line and byte of the damage, when it has a place. */
  at?: Point;
}

export interface ReadResult {
  file: VFile;
  /** Why the file could not be read as a text document; `file.value` is then ''. */
  problem?: ReadProblem;
}

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Reads a document as UTF-8 text, line endings kept exactly as written and a BOM removed.
 * Never throws: unreadable, binary, non-UTF-8, empty and oversized files come back with a `problem`.
 */
export async function readDocument(filePath: string, options: { maxBytes?: number } = {}): Promise<ReadResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  return decodeDocument(filePath, readFileBytes(filePath, maxBytes), maxBytes);
}

/** A document from its file's bytes (read here or by the read-ahead): text, or the problem that keeps it from being one. */
export function decodeDocument(filePath: string, raw: RawRead, maxBytes = DEFAULT_MAX_BYTES): ReadResult {
  const unreadable = (message: string, at?: Point): ReadResult => ({ file: new VFile({ path: filePath, value: '' }), problem: { message, severity: 'error', ...(at ? { at } : {}) } });
  if ('failure' in raw) {
    if (raw.failure === 'not-a-file') return unreadable('not a regular file');
    if (raw.failure === 'too-big') return unreadable(`the file is ${formatBytes(raw.size)}, over the ${formatBytes(maxBytes)} limit for a document`);
    return unreadable(`the file cannot be read (${raw.code})`);
  }
  const { bytes } = raw;
  if (bytes.length === 0) return documentFromText(filePath, '');
  const nul = bytes.indexOf(0);
  if (nul !== -1) return unreadable(binaryMessage(pointAtByte(bytes, nul), nul), pointAtByte(bytes, nul));
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const at = pointAtByte(bytes, bad);
    return unreadable(
      `not valid UTF-8: byte 0x${bytes[bad]!.toString(16).toUpperCase().padStart(2, '0')} at line ${at.line}, column ${at.column} (byte ${bad}) starts no valid sequence; save the file as UTF-8`,
      at,
    );
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
  if (value === '') return { file, problem: { message: 'the file is empty: nothing to check', severity: 'warning' } };
  const nul = value.indexOf('\0');
  if (nul !== -1) {
    const byte = Buffer.byteLength(value.slice(0, nul));
    const at = pointAtByte(new TextEncoder().encode(value), byte);
    return { file: new VFile({ path: filePath, value: '' }), problem: { message: binaryMessage(at, byte), severity: 'error', at } };
  }
  return { file };
}

function binaryMessage(at: Point, byte: number): string {
  return `a NUL byte at line ${at.line}, column ${at.column} (byte ${byte}): a binary file, not a text document`;
}

/** Line and column (1-based) of a byte offset, as a parser would count them in the text before it. */
function pointAtByte(bytes: Uint8Array, byte: number): Point {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < byte; index++) {
    // Line ends as the parsers count them: LF, CRLF, or a lone CR.
    const lineEnd = bytes[index] === 0x0a || (bytes[index] === 0x0d && bytes[index + 1] !== 0x0a);
    if (lineEnd) {
      line++;
      lineStart = index + 1;
    }
  }
  // Columns and offsets count UTF-16 units like every other position (the text before the damage decodes).
  const decode = (from: number, to: number) => Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString('utf8').length;
  return { line, column: decode(lineStart, byte) + 1, offset: decode(0, byte) };
}

/** The offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || index + length > bytes.length) return index;
    // The second byte's range depends on the lead (no overlongs, no surrogates, nothing past U+10FFFF).
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k < length; k++) {
      const byte = bytes[index + k]!;
      if (k === 1 ? byte < low || byte > high : byte < 0x80 || byte > 0xbf) return index;
    }
    index += length;
  }
  return bytes.length;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}
