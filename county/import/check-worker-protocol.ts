/** What the importing thread and its checking worker (check-worker.ts) share. */
import type { CheckInput, CheckMessage } from './check-rows';

export interface CheckWorkerData {
  input: CheckInput;
  dbFile: string;
  /** A SharedArrayBuffer of SIGNAL_COUNT Int32 slots. */
  signals: SharedArrayBuffer;
}

export type WorkerMessage = CheckMessage | { type: 'failed'; message: string };

/** Slots of the shared signals. */
export const SIGNAL = { state: 0, written: 1 } as const;
export const SIGNAL_COUNT = 2;

/** Values of the state slot. */
export const STATE = { waiting: 0, go: 1, stop: 2 } as const;

/** How many batches the checker may be ahead of the writer. */
export const MAX_BATCHES_AHEAD = 8;
