// The read-ahead's worker thread (read-ahead.ts): reads the documents in order and hands their bytes over in
// batches, staying at most a window of files and bytes ahead of what the main thread has taken, and skipping what
// the main thread read itself.
import { workerData } from 'node:worker_threads';
import { readFileBytes, type RawRead } from './read-bytes.js';
import type { ReadAheadBatch, ReadAheadData } from './read-ahead.js';

const { paths, maxBytes, taken, windowFiles, windowBytes, port } = workerData as ReadAheadData;
/** Bytes read before each file, so that what the main thread has not yet taken is known in bytes too. */
const bytesBefore = new Float64Array(paths.length + 1);
let batch: RawRead[] = [];
let batchBytes = 0;
/** The index of the batch's first file. */
let batchStart = 0;

function send(): void {
  if (batch.length > 0) {
    const message: ReadAheadBatch = { start: batchStart, reads: batch };
    port.postMessage(message, batch.flatMap((read) => ('bytes' in read ? [read.bytes.buffer as ArrayBuffer] : [])));
  }
  batch = [];
  batchBytes = 0;
}

for (let index = 0; index < paths.length; index++) {
  let done = Atomics.load(taken, 0);
  if (index < done) {
    // The main thread got there first (while this thread started): on from where it is.
    send();
    index = done;
    if (index >= paths.length) break;
  }
  while (index - done >= windowFiles || bytesBefore[index]! - bytesBefore[done]! >= windowBytes) {
    // Woken now and then as the main thread takes files; the time-out covers the wakes it saves.
    Atomics.wait(taken, 0, done, 50);
    done = Atomics.load(taken, 0);
  }
  const raw = readFileBytes(paths[index]!, maxBytes);
  const size = 'bytes' in raw ? raw.bytes.byteLength : 0;
  bytesBefore[index + 1] = bytesBefore[index]! + size;
  if (batch.length === 0) batchStart = index;
  batch.push(raw);
  batchBytes += size;
  // Small batches at first, while the main thread catches up with this one; then few messages.
  if (batch.length >= (index < 256 ? 8 : 64) || batchBytes >= 1 << 20) send();
}
send();
port.close();
