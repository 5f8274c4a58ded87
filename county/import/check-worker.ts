/**
 * The worker thread of a large import: checks the rows (check-rows.ts) over its own read-only connection
 * and posts the messages to the writing thread. Shared memory carries two signals: the writer's "go" (it holds
 * the write lock, so residents may now be read) or "stop", and how many batches it has written, so this
 * thread stays at most a few batches ahead instead of holding the whole file's rows in memory.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openMaster } from '../master/open-master';
import { checkRows, type CheckInput } from './check-rows';
import {
  MAX_BATCHES_AHEAD,
  SIGNAL,
  STATE,
  type CheckWorkerData,
  type WorkerMessage,
} from './check-worker-protocol';

const { input, dbFile, signals } = workerData as CheckWorkerData;
const shared = new Int32Array(signals);
const port = parentPort;

function post(message: WorkerMessage): void {
  if (message.type === 'batch') port?.postMessage(message, [message.batch.rows.buffer as ArrayBuffer]);
  else port?.postMessage(message);
}

/** Waits while the slot holds `value`; false when the writer said stop. */
function waitWhile(slot: number, value: number): boolean {
  Atomics.wait(shared, slot, value);
  return Atomics.load(shared, SIGNAL.state) !== STATE.stop;
}

async function run(checkInput: CheckInput): Promise<void> {
  const db = openMaster(dbFile, { readonly: true });
  try {
    let posted = 0;
    for await (const message of checkRows(db, checkInput)) {
      if (message.type === 'batch') {
        for (;;) {
          const written = Atomics.load(shared, SIGNAL.written);
          if (posted - written < MAX_BATCHES_AHEAD) break;
          if (!waitWhile(SIGNAL.written, written)) return;
        }
        posted++;
      }
      post(message);
      if (message.type === 'header') {
        while (Atomics.load(shared, SIGNAL.state) === STATE.waiting) {
          if (!waitWhile(SIGNAL.state, STATE.waiting)) return;
        }
        if (Atomics.load(shared, SIGNAL.state) === STATE.stop) return;
      }
    }
  } finally {
    db.close();
  }
}

run(input).catch((error: unknown) => {
  post({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
});
