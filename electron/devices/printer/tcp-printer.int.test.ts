import { createConnection, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EscPosBuilder } from './escpos';
import { printedLines, type DecodedPrint } from './escpos-decode';
import { startFakeTcpPrinter, type FakeTcpPrinter, type FakeTcpPrinterOptions } from './fake-tcp-printer';
import type { JobStatus, PrintQueue } from './print-queue';
import { createPrinterService } from './printer-service';
import { createTcpPrinter } from './tcp-printer';

interface Person {
  name: string;
  amount: string;
  ticket: string;
}
const li: Person = { name: '李*䶮', amount: '1234.50', ticket: 'TS-2026-0042' };
const wang: Person = { name: '王*芳', amount: '987.00', ticket: 'TS-2026-0043' };
const zhao: Person = { name: '赵*军', amount: '455.20', ticket: 'TS-2026-0044' };

const linesOf = (person: Person) => [
  `姓名：${person.name}`,
  '耕地地力保护补贴',
  `  2025         ${person.amount}元`,
  `投诉受理编号 ${person.ticket}`,
];
const qrOf = (person: Person) => `https://hm.example.cn/c/${person.ticket}`;

function receiptJob(person: Person = li) {
  const builder = new EscPosBuilder().initialize().chineseMode().align('center').size(2, 2);
  builder.text('惠民惠农明白卡').lineFeed().size(1, 1).align('left');
  for (const line of linesOf(person)) builder.text(line).lineFeed();
  builder.align('center').qrCode(qrOf(person), 6).lineFeed().partialCut();
  return { bytes: builder.toBytes(), preview: '' };
}

/** What one complete receipt reads like on paper. */
const paperOf = (person: Person) => ['惠民惠农明白卡', ...linesOf(person), ''];
const expectedPaper = paperOf(li);

function receiptsOn(paper: DecodedPrint): { lines: string[]; qr: string[] }[] {
  const receipts: { lines: string[]; qr: string[] }[] = [{ lines: [], qr: [] }];
  for (const element of paper.elements) {
    const current = receipts[receipts.length - 1]!;
    if (element.kind === 'text') current.lines.push(element.text);
    if (element.kind === 'qr') current.qr.push(element.data);
    if (element.kind === 'cut') receipts.push({ lines: [], qr: [] });
  }
  return receipts.filter((receipt) => receipt.lines.length > 0 || receipt.qr.length > 0);
}

const printers: FakeTcpPrinter[] = [];
const services: PrintQueue[] = [];
const servers: Server[] = [];
const openSockets: Socket[] = [];

afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.close()));
  await Promise.all(printers.splice(0).map((p) => p.close()));
  for (const socket of openSockets.splice(0)) socket.destroy();
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function fakePrinter(options: FakeTcpPrinterOptions = {}): Promise<FakeTcpPrinter> {
  const printer = await startFakeTcpPrinter(options);
  printers.push(printer);
  return printer;
}

// Generous timeouts: the whole suite runs in parallel on a small CI machine.
const timing = { statusTimeoutMs: 1_500, printTimeoutMs: 3_000, timeoutMs: 5_000 };

function serviceFor(printer: FakeTcpPrinter): PrintQueue {
  const service = createPrinterService(
    { kind: 'tcp', host: '127.0.0.1', port: printer.port, ...timing },
    { retryDelayMs: 50, maxRetryDelayMs: 200, idlePollMs: 0 },
  );
  services.push(service);
  return service;
}

function reaches(service: PrintQueue, jobId: string, state: JobStatus['state']): Promise<void> {
  return new Promise((resolve) => {
    const stop = service.onJob((id, status) => {
      if (id === jobId && status.state === state) {
        stop();
        resolve();
      }
    });
    if (service.status(jobId)?.state === state) {
      stop();
      resolve();
    }
  });
}

describe('printer service over TCP', () => {
  it('prints a receipt a person can read, after asking the printer how it is', async () => {
    const printer = await fakePrinter();
    const service = serviceFor(printer);
    const id = service.submit(receiptJob());
    expect(await service.firstAttempt(id)).toEqual({ state: 'printed' });
    expect(receiptsOn(printer.paper())).toEqual([
      { lines: expectedPaper, qr: ['https://hm.example.cn/c/TS-2026-0042'] },
    ]);
    // Before the job: DLE EOT 1 (printer), DLE EOT 4 (paper roll), GS r 1 and DLE DC4 8 (learning whether
    // they are answered); after it: GS r 1 behind the job, then DLE EOT 1 and 4 again.
    expect(printer.requests).toEqual([
      'DLE EOT 1',
      'DLE EOT 4',
      'GS r 1',
      'DLE DC4 8',
      'GS r 1',
      'DLE EOT 1',
      'DLE EOT 4',
    ]);
    expect(service.printerState()).toBe('ready');
  });

  it('prints when the paper is near its end, and says so', async () => {
    const printer = await fakePrinter({ condition: 'paper-near-end' });
    const service = serviceFor(printer);
    const id = service.submit(receiptJob());
    expect(await service.firstAttempt(id)).toEqual({ state: 'printed' });
    expect(service.printerState()).toBe('paper-near-end');
    expect(printedLines(printer.paper())).toEqual(expectedPaper);
  });

  it('waits while paper is out, sends nothing, and prints the receipt once paper is back', async () => {
    const printer = await fakePrinter({ condition: 'paper-out' });
    const service = serviceFor(printer);
    const id = service.submit(receiptJob());
    expect(await service.firstAttempt(id)).toEqual({ state: 'waiting', reason: 'paper-out' });
    expect(service.printerState()).toBe('paper-out');
    expect(printer.paper().elements).toEqual([]);
    expect(printer.received.length).toBeLessThan(20);

    printer.condition = 'ready';
    await reaches(service, id, 'printed');
    expect(receiptsOn(printer.paper())).toHaveLength(1);
    expect(printedLines(printer.paper())).toEqual(expectedPaper);
  });

  it('waits while the cover is open, and prints nothing once the person gives up', async () => {
    const printer = await fakePrinter({ condition: 'cover-open' });
    const service = serviceFor(printer);
    const id = service.submit(receiptJob());
    expect(await service.firstAttempt(id)).toEqual({ state: 'waiting', reason: 'cover-open' });
    expect(service.cancel(id)).toEqual({ state: 'cancelled' });
    printer.condition = 'ready';
    // The next job prints, and only it.
    const next = service.submit(receiptJob());
    await reaches(service, next, 'printed');
    expect(receiptsOn(printer.paper())).toHaveLength(1);
  });

  it('reports a printer in error', async () => {
    const printer = await fakePrinter({ condition: 'error' });
    const service = serviceFor(printer);
    expect(await service.firstAttempt(service.submit(receiptJob()))).toEqual({
      state: 'waiting',
      reason: 'error',
    });
  });

  it('prints to a printer that answers no status request, whose state stays unknown', async () => {
    const printer = await fakePrinter({ answers: 'none' });
    const service = serviceFor(printer);
    expect(await service.firstAttempt(service.submit(receiptJob()))).toEqual({ state: 'printed' });
    expect(service.printerState()).toBe('unknown');
    // Nothing comes back from such a printer, so the bytes may still be on their way.
    await vi.waitFor(() => expect(printedLines(printer.paper())).toEqual(expectedPaper), { timeout: 5_000 });
  });

  it('reads the paper state from a printer that answers only GS r', async () => {
    const printer = await fakePrinter({ answers: 'gs-r-only', condition: 'paper-near-end' });
    const service = serviceFor(printer);
    expect(await service.firstAttempt(service.submit(receiptJob()))).toEqual({ state: 'printed' });
    expect(service.printerState()).toBe('paper-near-end');
  });

  it('waits for a printer slow to answer', async () => {
    const printer = await fakePrinter({ condition: 'paper-out', answerDelayMs: 300 });
    const service = serviceFor(printer);
    expect(await service.firstAttempt(service.submit(receiptJob()))).toEqual({
      state: 'waiting',
      reason: 'paper-out',
    });
  });

  it('waits while the printer refuses connections, and prints the job exactly once when it is back', async () => {
    const printer = await fakePrinter();
    await printer.refuseConnections();
    const service = serviceFor(printer);
    const id = service.submit(receiptJob());
    expect(await service.firstAttempt(id)).toEqual({ state: 'waiting', reason: 'offline' });
    expect(service.printerState()).toBe('offline');

    await printer.acceptConnections();
    await reaches(service, id, 'printed');
    expect(receiptsOn(printer.paper())).toHaveLength(1);
    expect(printedLines(printer.paper())).toEqual(expectedPaper);
  });

  it('prints the whole receipt again when paper ran out in the middle of it, and not its torn tail', async () => {
    const printer = await fakePrinter();
    const service = serviceFor(printer);
    // Learn the printer's habits on a first receipt, then run out of paper halfway through the second.
    await service.firstAttempt(service.submit(receiptJob()));
    printer.runOutOfPaperAfter(Math.floor(receiptJob(wang).bytes.length / 2));
    const id = service.submit(receiptJob(wang));
    expect(await service.firstAttempt(id)).toEqual({ state: 'waiting', reason: 'paper-out' });

    const reloaded = printer.paperMark();
    printer.condition = 'ready';
    await reaches(service, id, 'printed');
    // On the new paper: the second receipt once, whole; the rest the printer held of the torn one never came.
    expect(receiptsOn(printer.paper(reloaded))).toEqual([{ lines: paperOf(wang), qr: [qrOf(wang)] }]);
    expect(printer.requests).toContain('DLE DC4 8');
  });

  describe('a receipt cut short by the paper running out, and given up', () => {
    /** Wang's receipt runs out of paper `after` bytes in; Wang leaves; the paper is reloaded; Zhao prints. */
    async function wangLeavesZhaoPrints(printer: FakeTcpPrinter, after: (bytes: number) => number) {
      const service = serviceFor(printer);
      // The printer's habits are learned on an earlier receipt, as on any terminal in use.
      expect(await service.firstAttempt(service.submit(receiptJob(li)))).toEqual({ state: 'printed' });
      printer.runOutOfPaperAfter(after(receiptJob(wang).bytes.length));
      const wangsJob = service.submit(receiptJob(wang));
      expect(await service.firstAttempt(wangsJob)).toEqual({ state: 'waiting', reason: 'paper-out' });
      expect(service.cancel(wangsJob)).toEqual({ state: 'cancelled' });

      const reloaded = printer.paperMark();
      printer.condition = 'ready';
      const zhaosJob = service.submit(receiptJob(zhao));
      await reaches(service, zhaosJob, 'printed');
      return printer.paper(reloaded);
    }

    const nothingOf = (person: Person, paper: DecodedPrint) => {
      const lines = printedLines(paper).join('\n');
      for (const personal of [person.name, person.amount, person.ticket])
        expect(lines).not.toContain(personal);
      expect(receiptsOn(paper).flatMap((receipt) => receipt.qr)).not.toContain(qrOf(person));
    };

    it('prints none of it for the next person on a printer that clears its buffers (DLE DC4 8)', async () => {
      const printer = await fakePrinter();
      const paper = await wangLeavesZhaoPrints(printer, (bytes) => Math.floor(bytes / 3));
      nothingOf(wang, paper);
      expect(receiptsOn(paper)).toEqual([{ lines: paperOf(zhao), qr: [qrOf(zhao)] }]);
    });

    it('clears a receipt found waiting in a printer that cannot print, as after a restart mid-receipt', async () => {
      const printer = await fakePrinter({ condition: 'paper-out' });
      // A kiosk that was switched off while the printer held Wang's receipt.
      const before = createConnection({ host: '127.0.0.1', port: printer.port });
      openSockets.push(before);
      const held = receiptJob(wang).bytes;
      before.write(held);
      await vi.waitFor(() => expect(printer.received.length).toBeGreaterThanOrEqual(held.length));
      before.destroy();

      const service = serviceFor(printer);
      expect(await service.checkPrinter()).toBe('paper-out');
      const reloaded = printer.paperMark();
      printer.condition = 'ready';
      await reaches(service, service.submit(receiptJob(zhao)), 'printed');
      expect(receiptsOn(printer.paper(reloaded))).toEqual([{ lines: paperOf(zhao), qr: [qrOf(zhao)] }]);
    });

    it('never sends more than the line being printed to a printer that cannot clear them', async () => {
      const printer = await fakePrinter({ clearsBuffers: false });
      // The paper runs out in the title, before anything of Wang's own.
      const paper = await wangLeavesZhaoPrints(printer, () => 16);
      nothingOf(wang, paper);
      // The rest of Wang's receipt never left the terminal.
      expect(Buffer.from(printer.received).includes(Buffer.from(wang.ticket))).toBe(false);
      const lines = printedLines(paper);
      expect(lines.slice(-paperOf(zhao).length)).toEqual(paperOf(zhao));
      expect(lines.length).toBeLessThanOrEqual(paperOf(zhao).length + 1);
    });
  });
});

describe('TCP printer driver', () => {
  function listen(onConnection: (socket: Socket) => void): Promise<number> {
    const server = createServer((socket) => {
      openSockets.push(socket);
      onConnection(socket);
    });
    servers.push(server);
    return new Promise((resolve) =>
      server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
    );
  }

  it('delivers every byte of a large job in order', async () => {
    const printer = await fakePrinter({ answers: 'none' });
    // Every byte value but the status request prefixes, which the fake printer would take for requests.
    const bytes = Uint8Array.from({ length: 300_000 }, (_, i) =>
      [0x10, 0x1d].includes((i * 7) % 256) ? 0x20 : (i * 7) % 256,
    );
    const delivery = await createTcpPrinter({
      kind: 'tcp',
      host: '127.0.0.1',
      port: printer.port,
      ...timing,
    }).deliver({ bytes, preview: '' }, 'job');
    expect(delivery).toEqual({ printed: true, state: 'unknown' });
    await vi.waitFor(() => expect(printer.received.length).toBeGreaterThanOrEqual(bytes.length), {
      timeout: 5_000,
    });
    expect(Buffer.from(printer.received).indexOf(Buffer.from(bytes))).toBeGreaterThanOrEqual(0);
  });

  it('is offline when nothing listens on the port', async () => {
    const printer = await fakePrinter();
    await printer.refuseConnections();
    const driver = createTcpPrinter({ kind: 'tcp', host: '127.0.0.1', port: printer.port, ...timing });
    expect(await driver.queryState()).toBe('offline');
    expect(await driver.deliver(receiptJob(), 'job')).toEqual({ printed: false, state: 'offline' });
  });

  it('is offline when the printer stops taking data', async () => {
    // A printer out of paper may stop reading; its buffers fill and the connection stalls.
    const port = await listen((socket) => socket.pause());
    const delivery = await createTcpPrinter({
      kind: 'tcp',
      host: '127.0.0.1',
      port,
      timeoutMs: 300,
      statusTimeoutMs: 100,
    }).deliver({ bytes: new Uint8Array(64 * 1024 * 1024), preview: '' }, 'job');
    expect(delivery).toEqual({ printed: false, state: 'offline' });
  });

  it('sends nothing to a printer out of paper, and says so', async () => {
    const printer = await fakePrinter({ condition: 'paper-out' });
    const delivery = await createTcpPrinter({
      kind: 'tcp',
      host: '127.0.0.1',
      port: printer.port,
      ...timing,
    }).deliver(receiptJob(), 'job');
    expect(delivery).toEqual({ printed: false, state: 'paper-out' });
    // Only the status requests reached it, none of the receipt.
    expect(printer.received.length).toBeLessThan(20);
  });
});
