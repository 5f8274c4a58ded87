/**
 * The kiosk's real handlers over a real replica file written by the county's demo generator, printing to
 * the virtual printer: what a resident sees and what the paper says, checked for privacy.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCounty } from '../../county/demo/generate';
import type { DemoCounty } from '../../county/demo/model';
import { demoReplicaContent } from '../../county/replica/demo-content';
import { writeReplica } from '../../county/replica/write-replica';
import { checkDigitOf } from '../../domain/id-number';
import { formatYuan } from '../../domain/money';
import { TEST_KDF_COST } from '../../domain/published/replica-format';
import { createKdfParams } from '../../domain/published/sealing.nodejs';
import { demoKioskConfig } from '../../kiosk-config/demo-config';
import { createKioskRuntime, type KioskRuntime } from '../../electron/api/create-runtime';

const NOW = new Date('2026-11-20T02:00:00Z');
let dir: string;
let county: DemoCounty;
let runtime: KioskRuntime;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'huimin-runtime-'));
  county = generateDemoCounty({ residents: 60, seed: 11, today: '2026-11-20' });
  await writeReplica(
    path.join(dir, 'replica.db'),
    demoReplicaContent(county, {
      kdf: createKdfParams(TEST_KDF_COST),
      dataVersion: 4,
      asOf: new Date('2026-11-19T12:00:00Z'),
    }),
  );
  runtime = await createKioskRuntime(demoKioskConfig(dir), { now: () => NOW });
});

afterAll(() => runtime.close());

function residentWithPayments() {
  const person = county.persons.find(
    (p) => county.payments.filter((pay) => pay.idNumber === p.idNumber).length > 2,
  );
  if (!person) throw new Error('demo county has nobody with payments');
  return person;
}

describe('the kiosk runtime over a real replica', () => {
  it('reports the data version and as-of time of the replica', async () => {
    const info = await runtime.handlers.getSiteInfo({});
    expect(info.data).toEqual({ version: 4, asOf: '2026-11-19T12:00:00.000Z', stale: false });
  });

  it('calls the data stale once it is older than the configured limit', async () => {
    const later = await createKioskRuntime(demoKioskConfig(dir), {
      now: () => new Date('2026-11-22T12:00:01Z'),
    });
    try {
      expect((await later.handlers.getSiteInfo({})).data.stale).toBe(true);
    } finally {
      await later.close();
    }
  });

  it('opens a resident with number and name, masked, with every payment of theirs', async () => {
    const person = residentWithPayments();
    const result = await runtime.handlers.lookupResident({ idNumber: person.idNumber, name: person.name });
    if (result.status !== 'found') throw new Error(`expected found, got ${result.status}`);
    const theirs = county.payments.filter((p) => p.idNumber === person.idNumber);
    expect(result.resident.payments).toHaveLength(theirs.length);
    expect(result.resident.maskedIdNumber).toBe(`${person.idNumber.slice(0, 6)}${'*'.repeat(12)}`);
    expect(result.resident.maskedName).not.toBe(person.name);
    expect(JSON.stringify(result)).not.toContain(person.idNumber);
    expect(JSON.stringify(result)).not.toContain(person.name);
    await runtime.handlers.endSession({ sessionId: result.resident.sessionId });
  });

  it('answers a wrong name exactly like an unknown number', async () => {
    const person = residentWithPayments();
    const wrongName = await runtime.handlers.lookupResident({ idNumber: person.idNumber, name: '王某某' });
    const body =
      person.idNumber.slice(0, 14) +
      (person.idNumber[14] === '9' ? '1' : '9') +
      person.idNumber.slice(15, 17);
    const unknown = await runtime.handlers.lookupResident({
      idNumber: body + checkDigitOf(body),
      name: person.name,
    });
    expect(wrongName).toEqual({ status: 'not-found' });
    expect(unknown).toEqual({ status: 'not-found' });
  });

  it('refuses a number with a wrong check digit before touching the replica', async () => {
    const person = residentWithPayments();
    const wrong = person.idNumber.slice(0, 17) + (person.idNumber[17] === '1' ? '2' : '1');
    expect(await runtime.handlers.lookupResident({ idNumber: wrong, name: person.name })).toEqual({
      status: 'invalid-id',
      reason: 'check-digit',
    });
  });

  it('prints a receipt of the chosen year with the masked identity and the right total, then forgets the person', async () => {
    const person = residentWithPayments();
    const found = await runtime.handlers.lookupResident({ idNumber: person.idNumber, name: person.name });
    if (found.status !== 'found') throw new Error('expected found');
    const year = Number(found.resident.payments[0]!.plannedDate.slice(0, 4));
    const printed = await runtime.handlers.printReceipt({
      sessionId: found.resident.sessionId,
      year,
      locale: 'zh-CN',
    });
    expect(printed.status).toBe('printed');

    const receipts = path.join(dir, 'receipts');
    const preview = readFileSync(path.join(receipts, `${(printed as { jobId: string }).jobId}.txt`), 'utf8');
    const bytes = readFileSync(path.join(receipts, `${(printed as { jobId: string }).jobId}.bin`));
    expect(preview).toContain(found.resident.maskedName);
    expect(preview).toContain(found.resident.maskedIdNumber);
    const total = found.resident.payments
      .filter((p) => p.plannedDate.startsWith(String(year)))
      .reduce((sum, p) => sum + p.amountFen, 0);
    expect(preview).toContain(formatYuan(total, 'suffix'));
    for (const text of [preview, bytes.toString('latin1')]) {
      expect(text).not.toContain(person.idNumber);
      expect(text).not.toContain(person.idNumber.slice(6, 14));
    }
    expect(preview).not.toContain(person.name);

    await runtime.handlers.endSession({ sessionId: found.resident.sessionId });
    const again = await runtime.handlers.printReceipt({
      sessionId: found.resident.sessionId,
      year,
      locale: 'zh-CN',
    });
    expect(again).toEqual({ status: 'failed', reason: 'session-expired' });
    expect(readdirSync(receipts).filter((f) => f.endsWith('.bin'))).toHaveLength(1);
  });
});
