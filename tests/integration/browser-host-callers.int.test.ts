/**
 * The browser host in front of a real kiosk runtime (real replica, simulated card reader, virtual printer,
 * outbox.db), with the page opened as Chromium opens it and another local process calling beside it: the
 * attacks an audit made (issue 10, item 2) must come to nothing, and the page must keep working.
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateDemoCounty } from '../../county/demo/generate';
import type { DemoCounty, DemoPerson } from '../../county/demo/model';
import { demoReplicaContent } from '../../county/replica/demo-content';
import { writeReplica } from '../../county/replica/write-replica';
import { shanghaiDate } from '../../domain/dates';
import { TEST_KDF_COST } from '../../domain/published/replica-format';
import { createKdfParams } from '../../domain/published/sealing.nodejs';
import { DEMO_HELPER_PIN, demoKioskConfig } from '../../kiosk-config/demo-config';
import { openOutbox } from '../../sync-agent/outbox/open-outbox';
import type { CardWait } from '../../electron/api/contract';
import { createKioskRuntime, type KioskRuntime } from '../../electron/api/create-runtime';
import { demoCard } from '../../electron/devices/id-card/demo-card';
import {
  createSimulatedCardReader,
  type SimulatedCardReader,
} from '../../electron/devices/id-card/simulated-card-reader';
import {
  foreignCall,
  openKioskPage,
  type KioskPage,
} from '../../electron/browser-host/page-client-test-support';
import { startBrowserHost, type BrowserHost } from '../../electron/browser-host/server';

const NOW = new Date('2026-11-20T02:00:00Z');
let base: string;
let county: DemoCounty;
let dir: string;
let reader: SimulatedCardReader;
let runtime: KioskRuntime;
let host: BrowserHost;
let page: KioskPage;
/** What another local process can send: the host's own origin, JSON, no cookie, no capability. */
let foreignHeaders: Record<string, string>;

beforeAll(async () => {
  base = mkdtempSync(path.join(os.tmpdir(), 'huimin-host-callers-'));
  county = generateDemoCounty({ residents: 20, seed: 5, today: '2026-11-20' });
  await writeReplica(
    path.join(base, 'replica.db'),
    demoReplicaContent(county, { kdf: createKdfParams(TEST_KDF_COST), dataVersion: 2, asOf: NOW }),
  );
  writeFileSync(path.join(base, 'index.html'), '<html><head></head><body></body></html>');
}, 30_000);

afterAll(() => rmSync(base, { recursive: true, force: true }));

beforeEach(async () => {
  dir = mkdtempSync(path.join(base, 'terminal-'));
  copyFileSync(path.join(base, 'replica.db'), path.join(dir, 'replica.db'));
  reader = createSimulatedCardReader({ readDelayMs: 10 });
  runtime = await createKioskRuntime(demoKioskConfig(dir), { now: () => NOW, reader });
  const launchUrlFile = path.join(dir, 'kiosk-launch-url');
  host = await startBrowserHost({ handlers: runtime.handlers, rendererDir: base, port: 0, launchUrlFile });
  page = await openKioskPage(host.url, launchUrlFile);
  foreignHeaders = { origin: new URL(host.url).origin };
});

afterEach(async () => {
  await host.close();
  await runtime.close();
});

function residentWithPayments(): DemoPerson {
  const person = county.persons.find((p) => county.payments.some((pay) => pay.idNumber === p.idNumber));
  if (!person) throw new Error('the demo county has nobody with payments');
  return person;
}

/**
 * The audit's attacker: waits for the reader like the screen does, again after every answer, until it gets a
 * card or the reader asks for the card back; all the answers it got.
 */
async function attackerWaitsForCard(after: number): Promise<{ status: number; card: unknown }[]> {
  const answers: { status: number; card: unknown }[] = [];
  for (;;) {
    const { status, body } = await foreignCall(host.url, 'waitForCard', { after }, foreignHeaders);
    const value = body.ok ? (body.value as CardWait) : null;
    answers.push({ status, card: value?.card ?? null });
    if (!value || value.card !== null || value.reader === 'lift-card') return answers;
    after = value.seq;
  }
}

/** The screen's loop: waits for the reader until a card comes or the reader asks for the card back. */
async function screenWaitsForCard(after: number): Promise<CardWait> {
  for (;;) {
    const answer = await page.kiosk.waitForCard({ after });
    if (!answer.ok) throw new Error(`the page's wait was refused: ${answer.error.code}`);
    if (answer.value.card !== null || answer.value.reader === 'lift-card') return answer.value;
    after = answer.value.seq;
  }
}

function receipts(): string[] {
  try {
    return readdirSync(path.join(dir, 'receipts')).filter((file) => file.endsWith('.bin'));
  } catch {
    return [];
  }
}

describe('beside the kiosk page, another local process', () => {
  it('cannot take the card: its waitForCard is refused and the resident view goes to the screen', async () => {
    const person = residentWithPayments();
    const start = await page.kiosk.waitForCard({ after: 0 });
    if (!start.ok) throw new Error('the page could not ask for the reader');
    // The attacker waits first, as the audit's process did, so that it would be woken first.
    const attacker = attackerWaitsForCard(start.value.seq);
    const screen = screenWaitsForCard(start.value.seq);
    reader.present(demoCard(person.idNumber, person.name)!);

    expect(await attacker).toEqual([{ status: 403, card: null }]);
    expect((await screen).card).toMatchObject({ status: 'found' });
  });

  it('cannot print a receipt with the page’s session id: 403, and nothing comes out of the printer', async () => {
    const person = residentWithPayments();
    const found = await page.kiosk.lookupResident({ idNumber: person.idNumber, name: person.name });
    if (!found.ok || found.value.status !== 'found') throw new Error('expected the resident to be found');
    const { sessionId, payments } = found.value.resident;
    const year = Number(payments[0]!.plannedDate.slice(0, 4));

    for (const operation of ['printReceipt', 'endSession'] as const) {
      const input = operation === 'printReceipt' ? { sessionId, year, locale: 'zh-CN' } : { sessionId };
      expect((await foreignCall(host.url, operation, input, foreignHeaders)).status).toBe(403);
    }
    expect(receipts()).toEqual([]);

    // The session is still the page's, and prints for it.
    const printed = await page.kiosk.printReceipt({ sessionId, year, locale: 'zh-CN' });
    expect(printed).toMatchObject({ ok: true, value: { status: 'printed' } });
    expect(receipts()).toHaveLength(1);
  });

  it('cannot burn the helper PIN attempts: staff still unlock with the right PIN', async () => {
    for (let i = 0; i < 8; i++) {
      const { status } = await foreignCall(host.url, 'helperUnlock', { pin: '000000' }, foreignHeaders);
      expect(status).toBe(403);
    }
    const unlocked = await page.kiosk.helperUnlock({ pin: DEMO_HELPER_PIN });
    expect(unlocked).toMatchObject({ ok: true, value: { status: 'unlocked' } });
  });

  it('cannot inflate the usage counts the county receives', async () => {
    const person = residentWithPayments();
    const calls = [
      ['noteIdleTimeout', {}],
      ['lookupResident', { idNumber: person.idNumber, name: person.name }],
      ['lookupResident', { idNumber: person.idNumber, name: '王某某' }],
    ] as const;
    for (let i = 0; i < 3; i++) {
      for (const [operation, input] of calls) {
        expect((await foreignCall(host.url, operation, input, foreignHeaders)).status).toBe(403);
      }
    }
    const counts = () => {
      const outbox = openOutbox(path.join(dir, 'outbox.db'));
      try {
        return outbox.unreportedCounts(shanghaiDate(NOW)).map(({ kind, count }) => ({ kind, count }));
      } finally {
        outbox.close();
      }
    };
    expect(counts()).toEqual([]);

    expect(await page.kiosk.noteIdleTimeout({})).toMatchObject({ ok: true, value: { counted: true } });
    expect(counts()).toEqual([{ kind: 'session-timeout', count: 1 }]);
  });
});
