/**
 * A network printer on its raw port (9100). Each job uses one connection: ask the printer's state, send the
 * bytes if it can print, then ask again behind the job (GS r 1 queues after the receipt) to learn whether it
 * reached the end of the receipt. A refused, unreachable or stalled connection means offline.
 */
import { createConnection, type Socket } from 'node:net';
import {
  acceptsJobs,
  answerKindOf,
  newStatusHabits,
  queryPrinterState,
  stateAfterJob,
  type AnswerKind,
  type PrinterState,
  type StatusChannel,
} from './printer-status';
import type { Delivery, PrinterDriver, PrintJob, TcpPrinterConfig } from './receipt-printer';

export const DEFAULT_TCP_TIMEOUT_MS = 5_000;
export const DEFAULT_STATUS_TIMEOUT_MS = 800;
export const DEFAULT_PRINT_TIMEOUT_MS = 15_000;

/** One open connection to the printer: status requests and answers, and the job's bytes. */
class PrinterConnection implements StatusChannel {
  private readonly inbox: number[] = [];
  private wake: (() => void) | null = null;
  /** Kinds of request that went unanswered on this connection; not asked again, see printer-status.ts. */
  private readonly unanswered = new Set<AnswerKind>();
  broken = false;

  constructor(
    private readonly socket: Socket,
    private readonly timeoutMs: number,
  ) {
    socket.on('data', (chunk: Buffer) => {
      this.inbox.push(...chunk);
      this.wake?.();
    });
    socket.on('error', () => this.breakOff());
    socket.on('close', () => this.breakOff());
    socket.on('timeout', () => {
      this.breakOff();
      socket.destroy();
    });
  }

  private breakOff(): void {
    this.broken = true;
    this.wake?.();
  }

  private takeAnswer(kind: AnswerKind): number | null {
    while (this.inbox.length > 0) {
      const byte = this.inbox.shift()!;
      // Bytes of the other kind are late answers to earlier requests.
      if (answerKindOf(byte) === kind) return byte;
    }
    return null;
  }

  async ask(request: readonly number[], kind: AnswerKind, timeoutMs: number): Promise<number | null> {
    if (this.broken || this.unanswered.has(kind)) return null;
    this.inbox.length = 0;
    this.socket.write(Uint8Array.from(request));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const answer = this.takeAnswer(kind);
      if (answer !== null) return answer;
      const left = deadline - Date.now();
      if (this.broken || left <= 0) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
    this.unanswered.add(kind);
    return null;
  }

  /** Hands the bytes to the network; false when the printer stops taking them or the connection fails. */
  send(bytes: Uint8Array): Promise<boolean> {
    if (this.broken) return Promise.resolve(false);
    // Only while sending does inactivity mean a stalled printer; waiting for a status answer is not activity.
    this.socket.setTimeout(this.timeoutMs);
    return new Promise((resolve) => {
      const onBreak = () => resolve(false);
      this.socket.once('close', onBreak);
      this.socket.write(bytes, (error) => {
        this.socket.off('close', onBreak);
        this.socket.setTimeout(0);
        resolve(!error && !this.broken);
      });
    });
  }

  close(): void {
    this.socket.end();
    // A printer that never closes its side must not keep the socket open.
    setTimeout(() => this.socket.destroy(), this.timeoutMs).unref();
  }
}

function connect(host: string, port: number, timeoutMs: number): Promise<PrinterConnection | null> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    socket.setNoDelay(true);
    const fail = () => {
      socket.destroy();
      resolve(null);
    };
    socket.setTimeout(timeoutMs, fail);
    socket.once('error', fail);
    socket.once('connect', () => {
      socket.off('error', fail);
      socket.setTimeout(0);
      socket.removeAllListeners('timeout');
      resolve(new PrinterConnection(socket, timeoutMs));
    });
  });
}

export function createTcpPrinter(config: TcpPrinterConfig): PrinterDriver {
  const timeoutMs = config.timeoutMs ?? DEFAULT_TCP_TIMEOUT_MS;
  const statusMs = config.statusTimeoutMs ?? DEFAULT_STATUS_TIMEOUT_MS;
  const printMs = config.printTimeoutMs ?? DEFAULT_PRINT_TIMEOUT_MS;
  const habits = newStatusHabits();

  const stateOn = async (connection: PrinterConnection): Promise<PrinterState> => {
    const state = await queryPrinterState(connection, habits, statusMs);
    return connection.broken ? 'offline' : state;
  };

  return {
    async queryState() {
      const connection = await connect(config.host, config.port, timeoutMs);
      if (!connection) return 'offline';
      try {
        return await stateOn(connection);
      } finally {
        connection.close();
      }
    },

    async deliver(job: PrintJob): Promise<Delivery> {
      const connection = await connect(config.host, config.port, timeoutMs);
      if (!connection) return { printed: false, state: 'offline' };
      try {
        const before = await stateOn(connection);
        if (!acceptsJobs(before)) return { printed: false, state: before };
        if (!(await connection.send(job.bytes))) return { printed: false, state: 'offline' };
        const after = await stateAfterJob(connection, habits, { statusMs, printMs });
        // The bytes are all with the printer; a dropped connection now no longer means the paper lacks them.
        if (connection.broken) return { printed: true, state: 'unknown' };
        return { printed: acceptsJobs(after), state: after };
      } finally {
        connection.close();
      }
    },
  };
}
