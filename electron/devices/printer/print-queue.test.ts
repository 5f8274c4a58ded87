import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPrintQueue, type JobStatus, type PrintQueue } from './print-queue';
import { acceptsJobs, type PrinterState } from './printer-status';
import type { Delivery, PrinterDriver, PrintJob } from './receipt-printer';

/** A printer whose state the test sets; it prints a job when its state lets it. */
class ScriptedPrinter implements PrinterDriver {
  state: PrinterState = 'ready';
  /** States to report after the next deliveries, e.g. paper running out mid-receipt. */
  readonly afterDelivery: PrinterState[] = [];
  readonly paper: string[] = [];
  readonly attempts: string[] = [];
  holdDelivery: Promise<void> | null = null;

  async queryState() {
    return this.state;
  }

  async deliver(job: PrintJob, jobId: string): Promise<Delivery> {
    this.attempts.push(jobId);
    await this.holdDelivery;
    if (!acceptsJobs(this.state)) return { printed: false, state: this.state };
    const after = this.afterDelivery.shift();
    if (after) {
      this.state = after;
      return { printed: false, state: after };
    }
    this.paper.push(job.preview);
    return { printed: true, state: this.state };
  }
}

const job = (name: string): PrintJob => ({ bytes: Uint8Array.from([0x0a]), preview: name });

const queues: PrintQueue[] = [];
afterEach(async () => {
  await Promise.all(queues.splice(0).map((q) => q.close()));
});

function queueOver(printer: PrinterDriver, forgetAfterMs = 60_000): PrintQueue {
  let n = 0;
  const queue = createPrintQueue(printer, {
    retryDelayMs: 1,
    maxRetryDelayMs: 4,
    forgetAfterMs,
    idlePollMs: 0,
    newJobId: () => `job-${++n}`,
  });
  queues.push(queue);
  return queue;
}

function reaches(queue: PrintQueue, jobId: string, state: JobStatus['state']): Promise<void> {
  return new Promise((resolve) => {
    if (queue.status(jobId)?.state === state) return resolve();
    const stop = queue.onJob((id, status) => {
      if (id === jobId && status.state === state) {
        stop();
        resolve();
      }
    });
  });
}

describe('print queue', () => {
  it('prints a job on a ready printer once, then forgets it', async () => {
    const printer = new ScriptedPrinter();
    const queue = queueOver(printer, 5);
    const id = queue.submit(job('李*䶮'));
    expect(await queue.firstAttempt(id)).toEqual({ state: 'printed' });
    expect(printer.paper).toEqual(['李*䶮']);
    await vi.waitFor(() => expect(queue.status(id)).toBeNull());
  });

  it('keeps a job waiting while paper is out, and prints it exactly once when paper is back', async () => {
    const printer = new ScriptedPrinter();
    printer.state = 'paper-out';
    const queue = queueOver(printer);
    const id = queue.submit(job('王*堃'));
    expect(await queue.firstAttempt(id)).toEqual({ state: 'waiting', reason: 'paper-out' });
    expect(queue.printerState()).toBe('paper-out');
    printer.state = 'cover-open';
    await vi.waitFor(() => expect(queue.status(id)).toEqual({ state: 'waiting', reason: 'cover-open' }));
    printer.state = 'ready';
    await reaches(queue, id, 'printed');
    expect(printer.paper).toEqual(['王*堃']);
    expect(queue.printerState()).toBe('ready');
  });

  it('prints the whole receipt again when paper ran out in the middle of it', async () => {
    const printer = new ScriptedPrinter();
    printer.afterDelivery.push('paper-out');
    const queue = queueOver(printer);
    const id = queue.submit(job('陈*喆'));
    expect(await queue.firstAttempt(id)).toEqual({ state: 'waiting', reason: 'paper-out' });
    printer.state = 'ready';
    await reaches(queue, id, 'printed');
    expect(printer.attempts).toEqual([id, id]);
    expect(printer.paper).toEqual(['陈*喆']);
  });

  it('holds later jobs behind a waiting one, with the same reason, and prints them in order', async () => {
    const printer = new ScriptedPrinter();
    printer.state = 'offline';
    const queue = queueOver(printer);
    const first = queue.submit(job('first'));
    await queue.firstAttempt(first);
    const second = queue.submit(job('second'));
    expect(queue.status(second)).toEqual({ state: 'waiting', reason: 'offline' });
    printer.state = 'unknown';
    await reaches(queue, second, 'printed');
    expect(printer.paper).toEqual(['first', 'second']);
  });

  it('never prints a job the person gave up on, and goes on with the next', async () => {
    const printer = new ScriptedPrinter();
    printer.state = 'paper-out';
    const queue = queueOver(printer);
    const abandoned = queue.submit(job('abandoned'));
    await queue.firstAttempt(abandoned);
    const next = queue.submit(job('next'));
    expect(queue.cancel(abandoned)).toEqual({ state: 'cancelled' });
    expect(queue.cancel(abandoned)).toEqual({ state: 'cancelled' });
    printer.state = 'ready';
    await reaches(queue, next, 'printed');
    expect(printer.paper).toEqual(['next']);
    expect(queue.status(abandoned)).toEqual({ state: 'cancelled' });
  });

  it('lets a job already being sent finish: printed if it reached the paper, cancelled if not', async () => {
    const printer = new ScriptedPrinter();
    let release = () => {};
    printer.holdDelivery = new Promise((resolve) => (release = resolve));
    const queue = queueOver(printer);
    const sent = queue.submit(job('sent'));
    await vi.waitFor(() => expect(printer.attempts).toEqual([sent]));
    expect(queue.cancel(sent)).toEqual({ state: 'printing' });
    release();
    expect(await queue.firstAttempt(sent)).toEqual({ state: 'printed' });

    printer.state = 'cover-open';
    const stopped = queue.submit(job('stopped'));
    expect(queue.cancel(stopped)).toEqual({ state: 'printing' });
    expect(await queue.firstAttempt(stopped)).toEqual({ state: 'cancelled' });
    expect(printer.paper).toEqual(['sent']);
  });

  it('reports each change of the printer’s state once', async () => {
    const printer = new ScriptedPrinter();
    printer.state = 'paper-out';
    const queue = queueOver(printer);
    const seen: PrinterState[] = [];
    queue.onState((state) => seen.push(state));
    const id = queue.submit(job('x'));
    await queue.firstAttempt(id);
    printer.state = 'paper-near-end';
    await reaches(queue, id, 'printed');
    expect(seen).toEqual(['paper-out', 'paper-near-end']);
    printer.state = 'offline';
    expect(await queue.checkPrinter()).toBe('offline');
    expect(seen).toEqual(['paper-out', 'paper-near-end', 'offline']);
  });

  it('gives a new id to a job whose id is already taken, and prints both', async () => {
    const printer = new ScriptedPrinter();
    const ids = ['20261124-161803-a3f9', '20261124-161803-a3f9', '20261124-161803-07c1'];
    const queue = createPrintQueue(printer, { idlePollMs: 0, newJobId: () => ids.shift()! });
    queues.push(queue);
    const first = queue.submit(job('first'));
    const second = queue.submit(job('second'));
    expect(second).not.toBe(first);
    await reaches(queue, second, 'printed');
    expect(queue.status(first)).toEqual({ state: 'printed' });
    expect(printer.paper).toEqual(['first', 'second']);
  });

  it('answers null for a job it never had', () => {
    const queue = queueOver(new ScriptedPrinter());
    expect(queue.status('nope')).toBeNull();
    expect(queue.cancel('nope')).toBeNull();
  });
});
