import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Complaint, ComplaintReceipt } from '../../domain/county-api';
import { CountyRequestError } from '../county-client/failure';
import { drainOutbox } from './drain';
import { openOutbox, type Outbox } from './open-outbox';

const NOW = new Date('2026-03-05T08:30:00Z');
let outbox: Outbox;

beforeEach(() => {
  outbox = openOutbox(path.join(mkdtempSync(path.join(os.tmpdir(), 'huimin-drain-')), 'outbox.db'));
  return () => outbox.close();
});

function enqueue(message: string): string {
  return outbox.enqueueComplaint({ createdAt: NOW.toISOString(), category: 'other', message }).clientKey;
}

/** A county that answers each POST with the next scripted outcome (a receipt when the script runs out). */
function scriptedCounty(script: (CountyRequestError | 'ok')[]) {
  const sent: Complaint[] = [];
  return {
    sent,
    async postComplaint(complaint: Complaint): Promise<ComplaintReceipt> {
      sent.push(complaint);
      const next = script.shift() ?? 'ok';
      if (next !== 'ok') throw next;
      return { id: sent.length, receivedAt: NOW.toISOString() };
    },
  };
}

const down = () => new CountyRequestError('network', null, null, null);

describe('drainOutbox', () => {
  it('uploads in the order the complaints were made and marks each acknowledged', async () => {
    const keys = [enqueue('一'), enqueue('二'), enqueue('三')];
    const county = scriptedCounty([]);
    const report = await drainOutbox(outbox, county, { now: () => NOW });
    expect(report).toEqual({ acknowledged: 3, failed: 0, pending: 0, stoppedBy: null });
    expect(county.sent.map((c) => c.clientKey)).toEqual(keys);
    expect(keys.map((key) => outbox.item(key)?.countyId)).toEqual([1, 2, 3]);
  });

  it('stops at an unreachable county and backs off that item, with the wait stored in the outbox', async () => {
    const [a, b] = [enqueue('一'), enqueue('二')];
    const report = await drainOutbox(outbox, scriptedCounty([down()]), { now: () => NOW, random: () => 0 });
    expect(report).toEqual({ acknowledged: 0, failed: 0, pending: 2, stoppedBy: 'network' });
    expect(outbox.item(a)).toMatchObject({ attempts: 1, nextAttemptAt: '2026-03-05T08:30:05.000Z' });
    expect(outbox.item(b)).toMatchObject({ attempts: 0, nextAttemptAt: null });

    // The first item is due again and tried first; its second failure in a row waits twice as long.
    const later = new Date('2026-03-05T08:31:00Z');
    await drainOutbox(outbox, scriptedCounty([down()]), { now: () => later, random: () => 0 });
    expect(outbox.item(a)).toMatchObject({ attempts: 2, nextAttemptAt: '2026-03-05T08:31:10.000Z' });
    expect(outbox.item(b)).toMatchObject({ attempts: 0 });
  });

  it('waits at least as long as the county asks with Retry-After', async () => {
    const key = enqueue('一');
    const busy = new CountyRequestError('rate-limited', 429, 'rate-limited', 120_000);
    await drainOutbox(outbox, scriptedCounty([busy]), { now: () => NOW, random: () => 0 });
    expect(outbox.item(key)?.nextAttemptAt).toBe('2026-03-05T08:32:00.000Z');
  });

  it('sets aside a complaint the county refuses for good and goes on with the others', async () => {
    const [a, b] = [enqueue('一'), enqueue('二')];
    const conflict = new CountyRequestError('conflict', 409, 'idempotency-conflict', null);
    const report = await drainOutbox(outbox, scriptedCounty([conflict]), { now: () => NOW });
    expect(report).toEqual({ acknowledged: 1, failed: 1, pending: 0, stoppedBy: null });
    expect(outbox.item(a)).toMatchObject({
      state: 'failed',
      lastError: 'conflict (409 idempotency-conflict)',
    });
    expect(outbox.item(b)?.state).toBe('acknowledged');
    expect(outbox.depth()).toBe(1);
  });

  it('stops when the terminal is revoked, leaving the rest queued', async () => {
    const [a, b] = [enqueue('一'), enqueue('二')];
    const revoked = new CountyRequestError('revoked', 403, 'revoked', null);
    const county = scriptedCounty([revoked]);
    const report = await drainOutbox(outbox, county, { now: () => NOW });
    expect(report).toEqual({ acknowledged: 0, failed: 1, pending: 1, stoppedBy: 'revoked' });
    expect(county.sent).toHaveLength(1);
    expect(outbox.item(a)?.state).toBe('failed');
    expect(outbox.item(b)).toMatchObject({ state: 'pending', attempts: 0 });
  });

  it('gives an item up after maxAttempts when asked to', async () => {
    const key = enqueue('一');
    let now = NOW;
    for (let i = 0; i < 3; i++) {
      await drainOutbox(outbox, scriptedCounty([down()]), { now: () => now, maxAttempts: 3 });
      now = new Date(now.getTime() + 3_600_000);
    }
    expect(outbox.item(key)).toMatchObject({ state: 'failed', attempts: 3 });
    expect(outbox.item(key)?.lastError).toBe('gave up after 3 attempts: network');
  });

  it('does not send an item before its next attempt is due', async () => {
    enqueue('一');
    await drainOutbox(outbox, scriptedCounty([down()]), { now: () => NOW, random: () => 0 });
    const county = scriptedCounty([]);
    await drainOutbox(outbox, county, { now: () => new Date(NOW.getTime() + 4_000) });
    expect(county.sent).toEqual([]);
  });
});
