/**
 * Print jobs over one printer, so a receipt is never silently lost: a job the printer cannot take (out of
 * paper, cover open, offline) waits, and is sent again when the printer comes back, until it is printed or the
 * person gives up. Jobs print one at a time, in order; a job is sent again only when the printer said it did
 * not finish it, and then the whole receipt is printed again (a receipt cut short mid-way is no use to anyone).
 *
 * Jobs live in memory only: a receipt is useful while the person stands at the terminal, and a restart forgets
 * them. A finished job's bytes (which hold the masked name) are dropped at once, its status soon after.
 */
import { newJobId } from './job-id';
import { acceptsJobs, type PrinterState } from './printer-status';
import type { Delivery, PrinterDriver, PrintJob } from './receipt-printer';

export type WaitReason = 'paper-out' | 'cover-open' | 'offline' | 'error';

export type JobStatus =
  | { state: 'printing' }
  | { state: 'waiting'; reason: WaitReason }
  | { state: 'printed' }
  | { state: 'cancelled' };

export interface PrintQueueOptions {
  /** First wait before asking a printer that stopped a job again; it doubles up to `maxRetryDelayMs`. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  /** How long the status of a printed or cancelled job can still be asked. */
  forgetAfterMs?: number;
  /** How often an idle printer is asked how it is, for the helper screen and the heartbeat; 0 never. */
  idlePollMs?: number;
  newJobId?: () => string;
}

export interface PrintQueue {
  /** Queues the job and starts printing it; the id names it in the other calls. */
  submit(job: PrintJob): string;
  /** Null for a job never submitted, or forgotten after it was finished. */
  status(jobId: string): JobStatus | null;
  /** Resolves once the job is no longer 'printing': printed, waiting for the printer, or cancelled. */
  firstAttempt(jobId: string): Promise<JobStatus | null>;
  /**
   * The person gives up. A job still being sent cannot be called back: it ends 'printed' if it reached the
   * paper and 'cancelled' otherwise. Answers the status right after.
   */
  cancel(jobId: string): JobStatus | null;
  /** The printer's state as last seen. */
  printerState(): PrinterState;
  /** Asks the printer now (between jobs, never during one). */
  checkPrinter(): Promise<PrinterState>;
  onState(listener: (state: PrinterState) => void): () => void;
  onJob(listener: (jobId: string, status: JobStatus) => void): () => void;
  /** Stops asking the printer and forgets every job; a job being sent is let finish. */
  close(): Promise<void>;
}

interface Job {
  id: string;
  /** Dropped as soon as the job is finished. */
  print: PrintJob | null;
  status: JobStatus;
  cancelRequested: boolean;
  settledWaiters: ((status: JobStatus | null) => void)[];
}

function waitReasonFor(state: PrinterState): WaitReason {
  if (state === 'paper-out' || state === 'cover-open' || state === 'error') return state;
  return 'offline';
}

const isFinished = (status: JobStatus) => status.state === 'printed' || status.state === 'cancelled';

export function createPrintQueue(driver: PrinterDriver, options: PrintQueueOptions = {}): PrintQueue {
  const retryDelayMs = options.retryDelayMs ?? 2_000;
  const maxRetryDelayMs = options.maxRetryDelayMs ?? 10_000;
  const forgetAfterMs = options.forgetAfterMs ?? 60_000;
  const idlePollMs = options.idlePollMs ?? 30_000;
  const makeId = options.newJobId ?? (() => newJobId());

  const jobs = new Map<string, Job>();
  const stateListeners = new Set<(state: PrinterState) => void>();
  const jobListeners = new Set<(jobId: string, status: JobStatus) => void>();
  const timers = new Set<NodeJS.Timeout>();
  let state: PrinterState = 'unknown';
  let closed = false;
  let worker: Promise<void> = Promise.resolve();
  /** Set and cleared synchronously, so a job submitted as the worker finishes is never left unstarted. */
  let working = false;
  let wakeWorker: () => void = () => {};
  // One conversation with the printer at a time: many raw-port printers take a single connection.
  let printerBusy: Promise<unknown> = Promise.resolve();

  const withPrinter = <T>(talk: () => Promise<T>): Promise<T> => {
    const turn = printerBusy.then(talk);
    printerBusy = turn.catch(() => undefined);
    return turn;
  };

  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timer.unref();
    timers.add(timer);
  };

  const seeState = (next: PrinterState) => {
    if (next === state) return;
    state = next;
    for (const listener of stateListeners) listener(next);
  };

  const setStatus = (job: Job, status: JobStatus) => {
    const changed = JSON.stringify(job.status) !== JSON.stringify(status);
    job.status = status;
    if (status.state !== 'printing') {
      for (const resolve of job.settledWaiters.splice(0)) resolve(status);
    }
    if (isFinished(status)) {
      job.print = null;
      later(forgetAfterMs, () => jobs.delete(job.id));
    }
    if (changed) for (const listener of jobListeners) listener(job.id, status);
  };

  const checkPrinter = async () => {
    const seen = await withPrinter(() => driver.queryState()).catch((): PrinterState => 'error');
    seeState(seen);
    return seen;
  };

  const pending = () => [...jobs.values()].filter((job) => !isFinished(job.status));

  /** Every job not yet printed shows why the printer is not printing it. */
  const holdAll = (reason: WaitReason) => {
    for (const job of pending()) if (!job.cancelRequested) setStatus(job, { state: 'waiting', reason });
  };

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      later(ms, resolve);
      wakeWorker = resolve;
    });

  const work = async () => {
    let delay = retryDelayMs;
    for (;;) {
      const job = pending()[0];
      if (closed || !job) {
        working = false;
        return;
      }
      if (job.status.state === 'waiting') {
        await pause(delay);
        if (closed || job.status.state !== 'waiting') continue;
        const seen = await checkPrinter();
        if (!acceptsJobs(seen)) {
          holdAll(waitReasonFor(seen));
          delay = Math.min(delay * 2, maxRetryDelayMs);
          continue;
        }
        for (const queued of pending()) setStatus(queued, { state: 'printing' });
      }
      const delivery = await withPrinter(() => driver.deliver(job.print!, job.id)).catch(
        // A driver bug must not lose the job: it waits like any other failure.
        (): Delivery => ({ printed: false, state: 'error' }),
      );
      seeState(delivery.state);
      if (delivery.printed) {
        setStatus(job, { state: 'printed' });
      } else if (job.cancelRequested) {
        setStatus(job, { state: 'cancelled' });
        holdAll(waitReasonFor(delivery.state));
      } else {
        holdAll(waitReasonFor(delivery.state));
        delay = retryDelayMs;
      }
    }
  };

  const startWorker = () => {
    if (working) return;
    working = true;
    worker = work();
  };

  const pollWhileIdle = () => {
    if (closed || idlePollMs <= 0) return;
    later(idlePollMs, () => {
      const asking = working ? Promise.resolve() : checkPrinter();
      void asking.finally(pollWhileIdle);
    });
  };
  if (idlePollMs > 0) void checkPrinter().finally(pollWhileIdle);

  return {
    submit(print) {
      if (closed) throw new Error('the print queue is closed');
      let id = makeId();
      while (jobs.has(id)) id = makeId();
      const blocked = pending().find((job) => job.status.state === 'waiting')?.status;
      jobs.set(id, {
        id,
        print,
        status: blocked ?? { state: 'printing' },
        cancelRequested: false,
        settledWaiters: [],
      });
      startWorker();
      return id;
    },

    status: (jobId) => jobs.get(jobId)?.status ?? null,

    firstAttempt(jobId) {
      const job = jobs.get(jobId);
      if (!job) return Promise.resolve(null);
      if (job.status.state !== 'printing') return Promise.resolve(job.status);
      return new Promise((resolve) => job.settledWaiters.push(resolve));
    },

    cancel(jobId) {
      const job = jobs.get(jobId);
      if (!job) return null;
      if (isFinished(job.status)) return job.status;
      job.cancelRequested = true;
      const inFlight = pending()[0] === job && job.status.state === 'printing' && working;
      if (!inFlight) {
        setStatus(job, { state: 'cancelled' });
        wakeWorker();
      }
      return job.status;
    },

    printerState: () => state,
    checkPrinter,

    onState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },

    onJob(listener) {
      jobListeners.add(listener);
      return () => jobListeners.delete(listener);
    },

    async close() {
      closed = true;
      wakeWorker();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await worker;
      await printerBusy;
      for (const job of jobs.values()) for (const resolve of job.settledWaiters.splice(0)) resolve(null);
      jobs.clear();
      stateListeners.clear();
      jobListeners.clear();
    },
  };
}
