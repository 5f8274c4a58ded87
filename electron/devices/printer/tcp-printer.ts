/**
 * A network printer on its raw port (9100). Each job uses one connection: ask the printer's state, send the
 * bytes if it can print, then ask again behind the job (GS r 1 queues after the receipt) to learn whether it
 * reached the end of the receipt. A refused, unreachable or stalled connection means offline.
 *
 * Whatever a printer holds while it cannot print is never wanted: the queue sends a job again whole, or the
 * person has gone. So a receipt cut short (paper out, cover open) is cleared from the printer at once with
 * DLE DC4 8, and so is anything found in a printer that cannot print; otherwise the rest of one person's
 * receipt would come out for the next once paper is reloaded. A printer that does not clear (no answer to the
 * first DLE DC4 8) but answers GS r is sent a job one line at a time, each line only once the one before it
 * was printed, so a cut-short receipt leaves at most the line being printed behind.
 */
import { createConnection, type Socket } from 'node:net';
import { decodeEscPos } from './escpos-decode';
import {
  acceptsJobs,
  answerKindOf,
  CLEAR_BUFFERS,
  CLEAR_RESPONSE,
  newStatusHabits,
  parsePaperSensor,
  queryPrinterState,
  REQUEST_PAPER_SENSOR,
  stateAfterJob,
  type AnswerKind,
  type PrinterState,
  type StatusChannel,
  type StatusHabits,
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

  /** Waits until `take` finds what it looks for in the inbox; null once the timeout passed or the line broke. */
  private async awaitInbox<T>(take: () => T | null, timeoutMs: number): Promise<T | null> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = take();
      if (found !== null) return found;
      const left = deadline - Date.now();
      if (this.broken || left <= 0) return null;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }

  async ask(request: readonly number[], kind: AnswerKind, timeoutMs: number): Promise<number | null> {
    if (this.broken || this.unanswered.has(kind)) return null;
    this.inbox.length = 0;
    this.socket.write(Uint8Array.from(request));
    const answer = await this.awaitInbox(() => this.takeAnswer(kind), timeoutMs);
    if (answer === null) this.unanswered.add(kind);
    return answer;
  }

  /** DLE DC4 8; true once the printer confirmed that its buffers are empty. */
  async clearBuffers(timeoutMs: number): Promise<boolean> {
    if (this.broken) return false;
    this.inbox.length = 0;
    this.socket.write(Uint8Array.from(CLEAR_BUFFERS));
    const cleared = await this.awaitInbox(() => {
      const at = Buffer.from(this.inbox).indexOf(Buffer.from(CLEAR_RESPONSE));
      if (at < 0) return null;
      this.inbox.splice(0, at + CLEAR_RESPONSE.length);
      return true;
    }, timeoutMs);
    // A late response would read as GS r answers (25: paper out, 00: ready): ask no more GS r here.
    if (!cleared) this.unanswered.add('buffered');
    return cleared === true;
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

/** The job cut after each printed line, QR code, feed and cut, to be sent one piece at a time. */
function printedPieces(bytes: Uint8Array): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  let start = 0;
  for (const end of decodeEscPos(bytes).breaks) {
    pieces.push(bytes.subarray(start, end));
    start = end;
  }
  if (start < bytes.length) pieces.push(bytes.subarray(start));
  return pieces;
}

/**
 * Clears the printer when it cannot print: what it holds then is a receipt cut short or left over, and must
 * not come out by itself once paper is back. Never while it prints, which the clear would cut short.
 */
async function clearIfHolding(
  connection: PrinterConnection,
  habits: StatusHabits,
  state: PrinterState,
  statusMs: number,
): Promise<void> {
  if (acceptsJobs(state) || habits.clears === 'no') return;
  await clear(connection, habits, statusMs);
}

/** DLE DC4 8, learning from the first answer (or its absence) whether this printer knows it. */
async function clear(connection: PrinterConnection, habits: StatusHabits, statusMs: number): Promise<void> {
  if (connection.broken) return;
  const cleared = await connection.clearBuffers(statusMs);
  if (cleared) habits.clears = 'yes';
  else if (!connection.broken && habits.clears === 'untested') habits.clears = 'no';
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

  /**
   * The state as seen between jobs, with whatever a printer that cannot print still holds cleared. The first
   * contact clears once whatever the state, to learn whether the printer knows the command: it is idle then.
   */
  const settledStateOn = async (connection: PrinterConnection): Promise<PrinterState> => {
    const state = await stateOn(connection);
    if (habits.clears === 'untested') await clear(connection, habits, statusMs);
    else await clearIfHolding(connection, habits, state, statusMs);
    return state;
  };

  /** Sends the job; a state when the printer stopped taking it part-way, null when all of it was sent. */
  const send = async (connection: PrinterConnection, bytes: Uint8Array): Promise<PrinterState | null> => {
    const paced = habits.clears === 'no' && habits.buffered === 'answers';
    const pieces = paced ? printedPieces(bytes) : [bytes];
    for (const [i, piece] of pieces.entries()) {
      if (!(await connection.send(piece))) return 'offline';
      if (i === pieces.length - 1) break;
      // GS r queues behind the piece: its answer means the printer has printed it.
      const printed = await connection.ask(REQUEST_PAPER_SENSOR, 'buffered', printMs);
      if (printed !== null && !parsePaperSensor(printed).out) continue;
      const state = await stateOn(connection);
      if (!acceptsJobs(state)) return state;
    }
    return null;
  };

  return {
    async queryState() {
      const connection = await connect(config.host, config.port, timeoutMs);
      if (!connection) return 'offline';
      try {
        return await settledStateOn(connection);
      } finally {
        connection.close();
      }
    },

    async deliver(job: PrintJob): Promise<Delivery> {
      const connection = await connect(config.host, config.port, timeoutMs);
      if (!connection) return { printed: false, state: 'offline' };
      try {
        const before = await settledStateOn(connection);
        if (!acceptsJobs(before)) return { printed: false, state: before };
        const stopped = await send(connection, job.bytes);
        if (stopped !== null) {
          await clearIfHolding(connection, habits, stopped, statusMs);
          return { printed: false, state: stopped };
        }
        const after = await stateAfterJob(connection, habits, { statusMs, printMs });
        // The bytes are all with the printer; a dropped connection now no longer means the paper lacks them.
        if (connection.broken) return { printed: true, state: 'unknown' };
        // Cut short: the rest must not come out by itself once paper is back; the queue sends it again whole.
        await clearIfHolding(connection, habits, after, statusMs);
        return { printed: acceptsJobs(after), state: after };
      } finally {
        connection.close();
      }
    },
  };
}
