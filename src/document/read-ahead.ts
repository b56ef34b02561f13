import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { decodeDocument, DEFAULT_MAX_BYTES, readDocument, type ReadResult } from './read.js';
import { readFileBytes, type RawRead } from './read-bytes.js';

/** What the worker is given. */
export interface ReadAheadData {
  paths: string[];
  maxBytes: number;
  /** [0]: how many files the main thread has taken; the worker skips those it has not read yet. */
  taken: Int32Array;
  windowFiles: number;
  windowBytes: number;
  port: MessagePort;
}

/** The worker's message: the reads of `paths[start]` onwards, each the end of its file's bytes in `bytes` or why there are none. */
export interface ReadAheadBatch {
  start: number;
  bytes: Uint8Array;
  reads: (number | Exclude<RawRead, { bytes: Uint8Array }>)[];
}

/** Fewer files are read on the main thread: a worker costs more to start than they take to read. */
const MIN_FILES = 64;

/**
 * Reads documents on a worker thread ahead of their use: a whole-corpus run spent a tenth of its main thread's time in
 * the system calls that open, read and close thousands of small files. `read` takes the files in the order given, and
 * never waits: a file the worker has not handed over yet (while it starts, or once it failed) is read on the main
 * thread, as is a file asked for out of order, as `readDocument` does.
 */
export class ReadAhead {
  private readonly reads: (RawRead | undefined)[];
  private next = 0;
  private worker: Worker | undefined;
  private port: MessagePort | undefined;
  private readonly taken = new Int32Array(new SharedArrayBuffer(4));
  /** How many documents the worker read (tests and measurements). */
  workerReads = 0;

  constructor(
    private readonly paths: readonly string[],
    private readonly maxBytes = DEFAULT_MAX_BYTES,
  ) {
    this.reads = new Array<RawRead | undefined>(paths.length);
    const script = fileURLToPath(new URL('./read-worker.js', import.meta.url));
    // Run from the TypeScript sources (tests), there is no compiled worker: every file is read on the main thread.
    if (paths.length < MIN_FILES || !existsSync(script)) return;
    // Batches are taken from the port synchronously: the run's loop does not give the event loop a turn between files.
    const { port1, port2 } = new MessageChannel();
    const workerData: ReadAheadData = { paths: [...paths], maxBytes, taken: this.taken, windowFiles: 512, windowBytes: 64 * 1024 * 1024, port: port2 };
    this.worker = new Worker(script, { workerData, transferList: [port2] });
    // A worker that fails leaves the rest to the main thread.
    this.worker.on('error', () => this.close());
    this.port = port1;
  }

  /** The document at `filePath`: as the worker read it when it is the next one given and ready, else read here. */
  async read(filePath: string): Promise<ReadResult> {
    const index = this.next;
    if (this.paths[index] !== filePath) return readDocument(filePath, { maxBytes: this.maxBytes });
    this.next++;
    for (let message; this.reads[index] === undefined && this.port && (message = receiveMessageOnPort(this.port)); ) {
      const { start, bytes, reads } = message.message as ReadAheadBatch;
      let from = 0;
      reads.forEach((read, offset) => {
        const end = typeof read === 'number' ? read : from;
        // A file the main thread already read itself (while the worker started) is not kept: nothing would take it.
        if (start + offset >= index) this.reads[start + offset] = typeof read === 'number' ? { bytes: bytes.subarray(from, end) } : read;
        from = end;
      });
    }
    let raw = this.reads[index];
    if (raw === undefined) raw = readFileBytes(filePath, this.maxBytes);
    else this.workerReads++;
    this.reads[index] = undefined;
    // Never a wake-up call (a system call each): a worker a window ahead looks again after a short sleep.
    Atomics.store(this.taken, 0, index + 1);
    return decodeDocument(filePath, raw, this.maxBytes);
  }

  /** Stops the worker, which would otherwise keep the process alive until it has read every file; call when done. */
  close(): void {
    void this.worker?.terminate();
    this.port?.close();
    this.worker = undefined;
    this.port = undefined;
  }
}
