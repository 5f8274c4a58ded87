import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openOutbox } from './open-outbox';

const NOW = new Date('2026-03-05T08:30:00Z');
let file: string;

beforeEach(() => {
  file = path.join(mkdtempSync(path.join(os.tmpdir(), 'huimin-outbox-')), 'outbox.db');
});

const complaint = {
  createdAt: NOW.toISOString(),
  category: 'wrong-amount' as const,
  message: '  补贴少了一半  ',
  contact: { name: '陈建国', phone: '138 0013 8000' },
};

describe('openOutbox', () => {
  it('keeps queued complaints, normalized and with their keys, across reopening', () => {
    const outbox = openOutbox(file);
    const first = outbox.enqueueComplaint(complaint);
    const second = outbox.enqueueComplaint({ ...complaint, category: 'late' });
    outbox.close();

    const reopened = openOutbox(file);
    const items = reopened.pendingItems();
    expect(items.map((item) => item.clientKey)).toEqual([first.clientKey, second.clientKey]);
    expect(items[0]?.body).toMatchObject({
      clientKey: first.clientKey,
      message: '补贴少了一半',
      contact: { phone: '13800138000' },
    });
    expect(reopened.depth()).toBe(2);
    reopened.close();
  });

  it('refuses an invalid complaint before storing anything', () => {
    const outbox = openOutbox(file);
    expect(() => outbox.enqueueComplaint({ ...complaint, message: '   ' })).toThrow();
    expect(() =>
      outbox.enqueueComplaint({ ...complaint, personRef: { idNumber: '350101199001011234' } }),
    ).toThrow();
    expect(outbox.depth()).toBe(0);
    outbox.close();
  });

  it('keeps acknowledged complaints with the county id for 30 days, then prunes them', () => {
    const outbox = openOutbox(file);
    const { clientKey } = outbox.enqueueComplaint(complaint);
    outbox.markAcknowledged(clientKey, { id: 41, receivedAt: '2026-03-05T16:31:00+08:00' });
    expect(outbox.item(clientKey)).toMatchObject({
      state: 'acknowledged',
      countyId: 41,
      acknowledgedAt: '2026-03-05T08:31:00.000Z',
    });
    expect(outbox.depth()).toBe(0);
    expect(outbox.prune(new Date('2026-04-03T08:00:00Z')).items).toBe(0);
    expect(outbox.item(clientKey)).not.toBeNull();
    expect(outbox.prune(new Date('2026-04-05T08:00:00Z')).items).toBe(1);
    expect(outbox.item(clientKey)).toBeNull();
    outbox.close();
  });

  it('never prunes what the county has not acknowledged, however old', () => {
    const outbox = openOutbox(file);
    const { clientKey } = outbox.enqueueComplaint(complaint);
    outbox.markFailed(clientKey, 'conflict (409 idempotency-conflict)', true);
    outbox.enqueueComplaint(complaint);
    outbox.prune(new Date('2027-03-05T08:00:00Z'));
    expect(outbox.depth()).toBe(2);
    outbox.close();
  });

  it('drops counts the county no longer takes (over 400 days old), reported or not, and keeps the rest', () => {
    const outbox = openOutbox(file);
    outbox.countUsage('lookup', new Date('2025-01-10T08:00:00Z'));
    outbox.countUsage('lookup', new Date('2025-03-10T08:00:00Z'));
    expect(outbox.prune(new Date('2026-03-05T08:00:00Z')).counters).toBe(1);
    expect(outbox.unreportedCounts('2026-03-05')).toEqual([{ day: '2025-03-10', kind: 'lookup', count: 1 }]);
    outbox.close();
  });

  it('schedules a retryable failure and takes a permanent one out of the queue', () => {
    const outbox = openOutbox(file);
    const a = outbox.enqueueComplaint(complaint).clientKey;
    const b = outbox.enqueueComplaint(complaint).clientKey;
    outbox.markFailed(a, 'network', false, new Date('2026-03-05T08:40:00Z'));
    outbox.markFailed(b, 'conflict (409 idempotency-conflict)', true);
    expect(outbox.pendingItems({ dueBy: new Date('2026-03-05T08:39:59Z') })).toEqual([]);
    expect(outbox.pendingItems({ dueBy: new Date('2026-03-05T08:40:00Z') })).toMatchObject([
      { clientKey: a, attempts: 1, lastError: 'network' },
    ]);
    expect(outbox.failedItems()).toMatchObject([{ clientKey: b, state: 'failed' }]);
    expect(outbox.requeueFailed()).toBe(1);
    expect(outbox.pendingItems({ dueBy: NOW }).map((item) => item.clientKey)).toEqual([b]);
    outbox.close();
  });

  it('counts usage per Shanghai day and reports a count again only when it grew', () => {
    const outbox = openOutbox(file);
    outbox.countUsage('lookup', new Date('2026-03-04T15:59:00Z'));
    outbox.countUsage('lookup', new Date('2026-03-04T16:01:00Z'), 2);
    outbox.recordRating(5, new Date('2026-03-04T16:02:00Z'));
    expect(outbox.unreportedCounts('2026-03-05')).toEqual([
      { day: '2026-03-04', kind: 'lookup', count: 1 },
      { day: '2026-03-05', kind: 'lookup', count: 2 },
      { day: '2026-03-05', kind: 'rating-5', count: 1 },
    ]);
    outbox.markCountsReported(outbox.unreportedCounts('2026-03-05'), NOW);
    // Today's counts are always sent; a settled past day is not.
    expect(outbox.unreportedCounts('2026-03-06')).toEqual([]);
    expect(outbox.unreportedCounts('2026-03-05').map((c) => c.kind)).toEqual(['lookup', 'rating-5']);
    outbox.countUsage('lookup', new Date('2026-03-05T01:00:00Z'));
    expect(outbox.unreportedCounts('2026-03-06')).toEqual([{ day: '2026-03-05', kind: 'lookup', count: 3 }]);
    outbox.close();
  });
});
