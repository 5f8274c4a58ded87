/**
 * The kiosk runtime with its devices, over a real replica: a card on the (simulated) reader answered to the
 * screen as a masked lookup, a receipt sent over real TCP to a fake ESC/POS printer that runs out of paper and
 * gets it back, and the device report the sync agent's heartbeat carries.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCounty } from '../../county/demo/generate';
import type { DemoCounty } from '../../county/demo/model';
import { demoReplicaContent } from '../../county/replica/demo-content';
import { writeReplica } from '../../county/replica/write-replica';
import { TEST_KDF_COST } from '../../domain/published/replica-format';
import { createKdfParams } from '../../domain/published/sealing.nodejs';
import { createKioskRuntime, type KioskRuntime } from '../../electron/api/create-runtime';
import { demoCard } from '../../electron/devices/id-card/demo-card';
import { createSimulatedCardReader } from '../../electron/devices/id-card/simulated-card-reader';
import { printedLines } from '../../electron/devices/printer/escpos-decode';
import { startFakeTcpPrinter, type FakeTcpPrinter } from '../../electron/devices/printer/fake-tcp-printer';
import { createPrinterService } from '../../electron/devices/printer/printer-service';
import { demoKioskConfig } from '../../kiosk-config/demo-config';
import { syncStateDir } from '../../kiosk-config/load-config';
import { readDeviceReport } from '../../sync-agent/daemon/device-report';
import { openOutbox } from '../../sync-agent/outbox/open-outbox';
import { shanghaiDate } from '../../domain/dates';

const NOW = new Date('2026-11-20T02:00:00Z');
let dir: string;
let county: DemoCounty;
let printer: FakeTcpPrinter;
let reader: ReturnType<typeof createSimulatedCardReader>;
let runtime: KioskRuntime;
let stateDir: string;
let outboxFile: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'huimin-devices-'));
  county = generateDemoCounty({ residents: 40, seed: 5, today: '2026-11-20' });
  await writeReplica(
    path.join(dir, 'replica.db'),
    demoReplicaContent(county, { kdf: createKdfParams(TEST_KDF_COST), dataVersion: 2, asOf: NOW }),
  );
  printer = await startFakeTcpPrinter({ condition: 'paper-out' });
  const config = {
    ...demoKioskConfig(dir),
    printer: { kind: 'tcp' as const, host: '127.0.0.1', port: printer.port },
  };
  stateDir = syncStateDir(config);
  outboxFile = config.paths.outbox;
  reader = createSimulatedCardReader({ readDelayMs: 20 });
  runtime = await createKioskRuntime(config, {
    now: () => NOW,
    reader,
    printer: createPrinterService(config.printer, { retryDelayMs: 50, maxRetryDelayMs: 200, idlePollMs: 0 }),
  });
}, 30_000);

afterAll(async () => {
  await runtime.close();
  await printer.close();
  rmSync(dir, { recursive: true, force: true });
});

function residentWithPayments() {
  const person = county.persons.find(
    (p) => county.payments.filter((pay) => pay.idNumber === p.idNumber).length > 2,
  );
  if (!person) throw new Error('demo county has nobody with payments');
  return person;
}

async function nextCard(after: number) {
  for (let seen = after; ;) {
    const wait = await runtime.handlers.waitForCard({ after: seen });
    if (wait.card) return wait;
    seen = wait.seq;
  }
}

describe('the card reader behind the screen', () => {
  it('answers a card with the masked statement, to one caller only, and never the number or name', async () => {
    const person = residentWithPayments();
    const first = await runtime.handlers.waitForCard({ after: 0 });
    reader.present(demoCard(person.idNumber, person.name)!);
    const wait = await nextCard(first.seq);
    if (wait.card?.status !== 'found') throw new Error(`expected found, got ${wait.card?.status}`);
    expect(wait.card.resident.maskedIdNumber).toBe(`${person.idNumber.slice(0, 6)}${'*'.repeat(12)}`);
    expect(JSON.stringify(wait)).not.toContain(person.idNumber);
    expect(JSON.stringify(wait)).not.toContain(person.name);
    const again = await runtime.handlers.waitForCard({ after: 0 });
    expect(again.card).toBeNull();
    reader.lift();
  });

  it('says a card is unreadable when its name cannot be on a card', async () => {
    const person = residentWithPayments();
    const before = await runtime.handlers.waitForCard({ after: 0 });
    reader.present(demoCard(person.idNumber, '名'.repeat(16))!);
    const wait = await nextCard(before.seq);
    expect(wait.card).toEqual({ status: 'unreadable', reason: 'invalid-card' });
    reader.lift();
  });
});

describe('a receipt while the printer is out of paper', () => {
  it('waits, prints once when paper is back, and the device report follows the printer', async () => {
    const person = residentWithPayments();
    const found = await runtime.handlers.lookupResident({ idNumber: person.idNumber, name: person.name });
    if (found.status !== 'found') throw new Error('expected found');
    const year = Number(found.resident.payments[0]!.plannedDate.slice(0, 4));

    const result = await runtime.handlers.printReceipt({
      sessionId: found.resident.sessionId,
      year,
      locale: 'zh-CN',
    });
    if (result.status !== 'waiting') throw new Error(`expected waiting, got ${result.status}`);
    expect(result.reason).toBe('paper-out');
    expect(await runtime.handlers.printJobStatus({ jobId: result.jobId })).toEqual({
      state: 'waiting',
      reason: 'paper-out',
    });
    expect(await runtime.handlers.getDeviceStatus({})).toMatchObject({ printer: 'paper-out' });
    expect(readDeviceReport(stateDir, NOW).printer).toBe('paper-out');
    expect(printedLines(printer.paper())).toEqual([]);

    printer.condition = 'ready';
    await expect
      .poll(async () => (await runtime.handlers.printJobStatus({ jobId: result.jobId })).state, {
        timeout: 10_000,
      })
      .toBe('printed');
    const lines = printedLines(printer.paper());
    expect(lines.some((line) => line.includes(found.resident.maskedName))).toBe(true);
    expect(lines.join('\n')).not.toContain(person.idNumber);
    expect(printer.paper().elements.filter((element) => element.kind === 'cut')).toHaveLength(1);
  });
});

describe('the anonymous daily counts', () => {
  it('counts lookups by card and by keypad, a number not found, receipts that reached the paper and idle timeouts', async () => {
    const person = residentWithPayments();
    await runtime.handlers.lookupResident({ idNumber: person.idNumber, name: '不是这个人' });
    await runtime.handlers.noteIdleTimeout({});
    const outbox = openOutbox(outboxFile);
    try {
      const counts = Object.fromEntries(
        outbox.unreportedCounts(shanghaiDate(NOW)).map((count) => [count.kind, count.count]),
      );
      // One card lookup and one typed lookup above, one receipt printed once the paper was back.
      expect(counts).toMatchObject({
        lookup: 2,
        'lookup-not-found': 1,
        'receipt-printed': 1,
        'session-timeout': 1,
      });
    } finally {
      outbox.close();
    }
  });
});
