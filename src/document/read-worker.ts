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

/** Sends the batch as one buffer with the files' ends in it: one object to hand over rather than one per file. */
function send(): void {
  if (batch.length === 0) return;
  const bytes = new Uint8Array(batchBytes);
  let end = 0;
  const reads = batch.map((read) => {
    if (!('bytes' in read)) return read;
    bytes.set(read.bytes, end);
    end += read.bytes.byteLength;
    return end;
  });
  const message: ReadAheadBatch = { start: batchStart, bytes, reads };
  port.postMessage(message, [bytes.buffer]);
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
    // A window is hundreds of files, far more than the main thread takes while this one sleeps.
    Atomics.wait(taken, 0, done, 20);
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
