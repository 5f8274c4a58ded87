/**
 * Test support: a network receipt printer on 127.0.0.1 that keeps what it prints and answers status requests
 * (DLE EOT 1/2/4, GS r 1) the way an ESC/POS printer does, in a condition the test sets: ready, paper near
 * end, out of paper, cover open, in error; silent (answers nothing), slow to answer, or refusing connections.
 *
 * Like a real printer it keeps data received while it cannot print and prints it once it can again (paper
 * reloaded, cover closed) unless it was told to clear its buffers (DLE DC4 fn=8, which it answers 37 25 00 when
 * it knows the command), and it does not answer GS r while offline (GS r waits in the receive buffer; the test
 * has gone by then).
 */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { decodeEscPos, type DecodedPrint } from './escpos-decode';

export type FakePrinterCondition = 'ready' | 'paper-near-end' | 'paper-out' | 'cover-open' | 'error';

export interface FakeTcpPrinterOptions {
  condition?: FakePrinterCondition;
  /** Which status requests it answers: many cheap printers answer none. */
  answers?: 'all' | 'dle-eot-only' | 'gs-r-only' | 'none';
  answerDelayMs?: number;
  /** Whether it knows DLE DC4 fn=8 (clear buffers); many cheap printers ignore it. */
  clearsBuffers?: boolean;
}

/** Where the paper had got to: what prints after it is what the next person sees. */
export interface PaperMark {
  elements: number;
}

const CLEAR_BUFFERS = [0x10, 0x14, 0x08, 0x01, 0x03, 0x14, 0x01, 0x06, 0x02, 0x08];

const canPrint = (condition: FakePrinterCondition) => condition === 'ready' || condition === 'paper-near-end';

function realTimeAnswer(n: number, condition: FakePrinterCondition): number {
  const fixed = 0x12;
  if (n === 1) return canPrint(condition) ? fixed : fixed | 0x08;
  if (n === 2) {
    if (condition === 'cover-open') return fixed | 0x04;
    if (condition === 'paper-out') return fixed | 0x20;
    if (condition === 'error') return fixed | 0x40;
    return fixed;
  }
  if (condition === 'paper-out') return fixed | 0x60;
  return condition === 'paper-near-end' ? fixed | 0x0c : fixed;
}

export class FakeTcpPrinter {
  answers: NonNullable<FakeTcpPrinterOptions['answers']>;
  answerDelayMs: number;
  readonly clearsBuffers: boolean;
  /** Every byte received, status requests included, in order. */
  readonly received: number[] = [];
  /** Every real-time or status request, as `DLE EOT n`, `DLE DC4 n` or `GS r n`. */
  readonly requests: string[] = [];
  private conditionNow: FakePrinterCondition;
  private readonly paperBytes: number[] = [];
  private readonly held: number[] = [];
  private outOfPaperAfter: number | null = null;
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private listeners: (() => void)[] = [];
  port = 0;

  constructor(options: FakeTcpPrinterOptions = {}) {
    this.conditionNow = options.condition ?? 'ready';
    this.answers = options.answers ?? 'all';
    this.answerDelayMs = options.answerDelayMs ?? 0;
    this.clearsBuffers = options.clearsBuffers ?? true;
  }

  get condition(): FakePrinterCondition {
    return this.conditionNow;
  }

  /** Changes the condition; back to a printing one, it prints what it kept meanwhile (as printers do). */
  set condition(condition: FakePrinterCondition) {
    this.conditionNow = condition;
    if (canPrint(condition)) this.paperBytes.push(...this.held.splice(0));
  }

  /** Paper runs out after this many more bytes of print data; the rest is kept until paper is back. */
  runOutOfPaperAfter(bytes: number): void {
    this.outOfPaperAfter = bytes;
  }

  /** What came out on paper, decoded; with a mark, only what came out after it. */
  paper(since?: PaperMark): DecodedPrint {
    const decoded = decodeEscPos(Uint8Array.from(this.paperBytes));
    return since ? { ...decoded, elements: decoded.elements.slice(since.elements) } : decoded;
  }

  /** Marks where the paper has got to; a line begun before the mark but ended after it counts as after. */
  paperMark(): PaperMark {
    return { elements: this.paper().elements.length };
  }

  /** Resolves after the next time the printer receives bytes of any kind. */
  nextData(): Promise<void> {
    return new Promise((resolve) => this.listeners.push(resolve));
  }

  async start(port = 0): Promise<this> {
    const server = createServer((socket) => this.serve(socket));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    return this;
  }

  /** Stops listening and drops open connections: the printer is switched off or unplugged. */
  async refuseConnections(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    const server = this.server;
    this.server = null;
    if (server) await new Promise((resolve) => server.close(resolve));
  }

  /** Switched on again, on the same port. */
  async acceptConnections(): Promise<void> {
    await this.start(this.port);
  }

  close(): Promise<void> {
    return this.refuseConnections();
  }

  private serve(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let carry: number[] = [];
    socket.on('data', (chunk: Buffer) => {
      this.received.push(...chunk);
      const bytes = [...carry, ...chunk];
      carry = [];
      for (let i = 0; i < bytes.length; i += 1) {
        const byte = bytes[i]!;
        const isRequest =
          (byte === 0x10 && bytes[i + 1] === 0x04) || (byte === 0x1d && bytes[i + 1] === 0x72);
        const mayBeRequest = (byte === 0x10 || byte === 0x1d) && i + 1 >= bytes.length;
        // DLE DC4 fn: fn=8 (clear buffers) has 7 more bytes, the others (pulse, power off) 2.
        const isDc4 = byte === 0x10 && bytes[i + 1] === 0x14;
        const dc4Length = bytes[i + 2] === 0x08 ? 10 : 5;
        if (mayBeRequest || (isRequest && i + 2 >= bytes.length) || (isDc4 && i + dc4Length > bytes.length)) {
          carry = bytes.slice(i);
          break;
        }
        if (isDc4) {
          this.realTime(socket, bytes.slice(i, i + dc4Length));
          i += dc4Length - 1;
        } else if (isRequest) {
          this.answer(socket, byte === 0x10 ? 'DLE EOT' : 'GS r', bytes[i + 2]!);
          i += 2;
        } else {
          this.take(byte);
        }
      }
      for (const resolve of this.listeners.splice(0)) resolve();
    });
  }

  /** DLE DC4: only fn=8 is modelled. It clears what the printer kept, before anything queued is printed. */
  private realTime(socket: Socket, command: number[]): void {
    this.requests.push(`DLE DC4 ${command[2]}`);
    const isClear =
      command.length === CLEAR_BUFFERS.length && command.every((b, i) => b === CLEAR_BUFFERS[i]);
    if (!isClear || !this.clearsBuffers) return;
    this.held.length = 0;
    if (!socket.destroyed) socket.write(Uint8Array.from([0x37, 0x25, 0x00]));
  }

  private take(byte: number): void {
    if (this.outOfPaperAfter !== null) {
      if (this.outOfPaperAfter === 0) {
        this.outOfPaperAfter = null;
        this.conditionNow = 'paper-out';
      } else this.outOfPaperAfter -= 1;
    }
    (canPrint(this.conditionNow) ? this.paperBytes : this.held).push(byte);
  }

  private answer(socket: Socket, command: 'DLE EOT' | 'GS r', n: number): void {
    this.requests.push(`${command} ${n}`);
    const answered =
      command === 'DLE EOT'
        ? this.answers === 'all' || this.answers === 'dle-eot-only'
        : (this.answers === 'all' || this.answers === 'gs-r-only') && canPrint(this.conditionNow);
    if (!answered) return;
    let byte: number;
    if (command === 'DLE EOT') byte = realTimeAnswer(n, this.conditionNow);
    else byte = this.conditionNow === 'paper-near-end' ? 0x03 : 0x00;
    const send = () => {
      if (!socket.destroyed) socket.write(Uint8Array.from([byte]));
    };
    if (this.answerDelayMs > 0) setTimeout(send, this.answerDelayMs);
    else send();
  }
}

export function startFakeTcpPrinter(options: FakeTcpPrinterOptions = {}): Promise<FakeTcpPrinter> {
  return new FakeTcpPrinter(options).start();
}
