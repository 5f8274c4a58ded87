import fc from 'fast-check';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TerminalHeartbeat } from '../county-client/terminal-heartbeat';
import { CountyRequestError } from '../county-client/failure';
import { HEARTBEAT_MAX_COUNTERS } from '../../domain/county-api';
import { USAGE_KINDS } from '../../domain/usage-kinds';
import { buildHeartbeat, encodedBytes, sendHeartbeat, takeBatch, type HeartbeatFacts } from './heartbeat';
import { openOutbox, type Outbox } from './open-outbox';

const AT = new Date('2026-03-05T08:30:00Z');
const facts: HeartbeatFacts = {
  dataVersion: 12,
  appVersion: '1.4.0',
  devices: { printer: 'paper-out', cardReader: 'ready' },
  lastSync: { attemptedAt: new Date('2026-03-05T08:00:00Z'), succeededAt: null },
};
let outbox: Outbox;

beforeEach(() => {
  outbox = openOutbox(path.join(mkdtempSync(path.join(os.tmpdir(), 'huimin-heartbeat-')), 'outbox.db'));
});
afterEach(() => outbox.close());

describe('buildHeartbeat', () => {
  it('carries versions, devices, the last sync and the counts', () => {
    expect(buildHeartbeat(facts, AT, [{ day: '2026-03-05', kind: 'lookup', count: 9 }])).toEqual({
      dataVersion: 12,
      appVersion: '1.4.0',
      devices: { printer: 'paper-out', cardReader: 'ready' },
      at: '2026-03-05T08:30:00.000Z',
      lastSync: { attemptedAt: '2026-03-05T08:00:00.000Z', succeededAt: null },
      counters: [{ day: '2026-03-05', kind: 'lookup', count: 9 }],
    });
  });

  it('refuses an app version the county would refuse', () => {
    expect(() => buildHeartbeat({ ...facts, appVersion: 'dev' }, AT)).toThrow();
  });
});

describe('takeBatch', () => {
  const count = fc.record({
    day: fc
      .integer({ min: 0, max: 800 })
      .map((back) => new Date(AT.getTime() - back * 86_400_000).toISOString().slice(0, 10)),
    kind: fc.constantFrom(...USAGE_KINDS),
    count: fc.integer({ min: 0, max: 1_000_000 }),
  });

  it('takes the longest run of counts from the first whose heartbeat fits the budget, measured as sent', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(count, { maxLength: 3000, selector: (c) => `${c.day} ${c.kind}` }),
        fc.integer({ min: 0, max: 80_000 }),
        (counts, budget) => {
          const batch = takeBatch(facts, AT, counts, budget);
          expect(batch).toEqual(counts.slice(0, batch.length));
          const size = encodedBytes(buildHeartbeat(facts, AT, batch));
          if (batch.length > 1) expect(size).toBeLessThanOrEqual(budget);
          if (batch.length < counts.length) {
            const more = encodedBytes(buildHeartbeat(facts, AT, counts.slice(0, batch.length + 1)));
            expect(batch.length === HEARTBEAT_MAX_COUNTERS || more > budget).toBe(true);
          }
          // Even a budget too small for one count moves on by one.
          expect(batch.length > 0).toBe(counts.length > 0);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('sendHeartbeat', () => {
  it("sends yesterday's unreported counts once, and today's every time", async () => {
    outbox.countUsage('lookup', new Date('2026-03-04T09:00:00Z'));
    outbox.countUsage('receipt-printed', AT);
    const sent: TerminalHeartbeat[] = [];
    const county = {
      async postHeartbeat(heartbeat: TerminalHeartbeat) {
        sent.push(heartbeat);
        return { ok: true as const, serverTime: heartbeat.at, latestVersion: 13 };
      },
    };
    await expect(sendHeartbeat(outbox, county, facts, AT)).resolves.toMatchObject({ latestVersion: 13 });
    await sendHeartbeat(outbox, county, facts, AT);
    expect(sent.map((h) => h.counters.map((c) => `${c.day} ${c.kind} ${c.count}`))).toEqual([
      ['2026-03-04 lookup 1', '2026-03-05 receipt-printed 1'],
      ['2026-03-05 receipt-printed 1'],
    ]);
  });

  it('keeps the counts unreported when the county cannot be reached', async () => {
    outbox.countUsage('lookup', new Date('2026-03-04T09:00:00Z'));
    const county = {
      postHeartbeat: async () => Promise.reject(new CountyRequestError('network', null, null, null)),
    };
    await expect(sendHeartbeat(outbox, county, facts, AT)).rejects.toThrow('network');
    expect(outbox.unreportedCounts('2026-03-05')).toEqual([{ day: '2026-03-04', kind: 'lookup', count: 1 }]);
  });
});
