/**
 * Runs the row checker (check-rows.ts) for an import, in a worker thread (large files: checking and writing
 * then overlap on two cores) or in the calling thread, behind one interface, so the importer does not care
 * which. The worker is started from its bundled file (dist/county-import-worker.cjs beside dist/county.cjs)
 * or, from the sources, from check-worker.ts through tsx.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { MasterDatabase } from '../master/open-master';
import { checkRows, type CheckInput, type CheckMessage } from './check-rows';
import {
  SIGNAL,
  SIGNAL_COUNT,
  STATE,
  type CheckWorkerData,
  type WorkerMessage,
} from './check-worker-protocol';

export interface CheckSession {
  /** The checker's next message. */
  next(): Promise<CheckMessage>;
  /** Tells the checker that the write lock is held: it may read residents and payments now. */
  go(): void;
  /** Tells the checker that a batch has been written. */
  written(): void;
  /** Stops the checker (if still running) and releases it. */
  close(): Promise<void>;
}

export function checkInThisThread(db: MasterDatabase, input: CheckInput): CheckSession {
  const messages = checkRows(db, input);
  return {
    async next() {
      const result = await messages.next();
      if (result.done === true) throw new Error('the row checker ended without a result');
      return result.value;
    },
    go() {},
    written() {},
    async close() {
      await messages.return(undefined);
    },
  };
}

const BUNDLED_WORKER = 'county-import-worker.cjs';

/** The worker's script: its bundle, or, from the sources, a line that loads check-worker.ts through tsx. */
function startWorker(workerData: CheckWorkerData): Worker {
  // In the esbuild bundle this module is part of dist/county.cjs, and the worker is its own bundle beside it.
  if (typeof __filename === 'string' && __filename.endsWith('.cjs')) {
    return new Worker(path.join(__dirname, BUNDLED_WORKER), { workerData });
  }
  // tsx's loader does not carry over into worker threads, so the worker registers it itself.
  const tsx = createRequire(import.meta.url).resolve('tsx/cjs/api');
  const script = fileURLToPath(new URL('./check-worker.ts', import.meta.url));
  const code = `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(script)});`;
  return new Worker(code, { eval: true, workerData });
}

export function checkInWorker(dbFile: string, input: CheckInput): CheckSession {
  const signals = new SharedArrayBuffer(SIGNAL_COUNT * Int32Array.BYTES_PER_ELEMENT);
  const shared = new Int32Array(signals);
  const worker = startWorker({ input, dbFile, signals });

  const queue: WorkerMessage[] = [];
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (message: WorkerMessage) => {
    queue.push(message);
    notify();
  });
  worker.on('error', (error) => {
    failure ??= error;
    notify();
  });
  worker.on('exit', (code) => {
    failure ??= new Error(`the row checker stopped (exit code ${code})`);
    notify();
  });

  const signal = (slot: number, value: number | null) => {
    if (value === null) Atomics.add(shared, slot, 1);
    else Atomics.store(shared, slot, value);
    Atomics.notify(shared, slot);
  };

  return {
    async next() {
      for (;;) {
        const message = queue.shift();
        if (message !== undefined) {
          if (message.type === 'failed') throw new Error(`the row checker failed: ${message.message}`);
          return message;
        }
        if (failure !== null) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
    go() {
      signal(SIGNAL.state, STATE.go);
    },
    written() {
      signal(SIGNAL.written, null);
    },
    async close() {
      signal(SIGNAL.state, STATE.stop);
      signal(SIGNAL.written, null);
      await worker.terminate();
    },
  };
}
