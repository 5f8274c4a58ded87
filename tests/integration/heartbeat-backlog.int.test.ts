/**
 * A terminal that was offline for a long time reports its whole backlog of usage counts to the real county
 * server (HTTP on 127.0.0.1, its real body limit) from a real outbox.db, in bodies the county takes.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COUNTY_BODY_LIMIT_BYTES } from '../../domain/county-api';
import { shanghaiDate } from '../../domain/dates';
import { USAGE_KINDS } from '../../domain/usage-kinds';
import { openMaster, type MasterDatabase } from '../../county/master/open-master';
import { createCountyServer, type CountyServerLimits } from '../../county/server/create-server';
import { addTerminal, findTerminal } from '../../county/server/terminal-registry';
import { createCountyClient, type CountyClient } from '../../sync-agent/county-client/county-client';
import {
  HEARTBEAT_BODY_BUDGET_BYTES,
  SENT_USAGE_DAYS_BACK,
  sendHeartbeat,
  type HeartbeatFacts,
} from '../../sync-agent/outbox/heartbeat';
import { openOutbox, type Outbox } from '../../sync-agent/outbox/open-outbox';

const NOW = new Date('2026-03-05T08:30:00Z');
const TODAY = shanghaiDate(NOW);
const DAY_MS = 86_400_000;
const facts: HeartbeatFacts = {
  dataVersion: 9,
  appVersion: '1.4.0',
  devices: { printer: 'ready', cardReader: 'ready' },
  lastSync: { attemptedAt: NOW, succeededAt: NOW },
};

let dir: string;
let db: MasterDatabase;
let token: string;
let outbox: Outbox;
let app: FastifyInstance | undefined;
/** Every heartbeat the terminal sent: the body's size in bytes and the county's status. */
let sent: { bytes: number; status: number | null }[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'huimin-heartbeat-backlog-'));
  mkdirSync(join(dir, 'publish'));
  db = openMaster(join(dir, 'county.db'), { create: true });
  token = addTerminal(db, { id: 'T-001', siteName: '梅山乡便民服务中心' }, NOW).token;
  outbox = openOutbox(join(dir, 'outbox.db'));
  sent = [];
});

afterEach(async () => {
  outbox.close();
  await app?.close();
  app = undefined;
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The county server with its default limits (but those given), its clock at `now`; answers the port. */
async function startCounty(
  options: { port?: number; limits?: Partial<CountyServerLimits>; now?: Date } = {},
): Promise<number> {
  app = await createCountyServer({
    db,
    publishDir: join(dir, 'publish'),
    limits: options.limits,
    now: () => options.now ?? NOW,
  });
  await app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  return (app.server.address() as AddressInfo).port;
}

function clientFor(port: number): CountyClient {
  const recording: typeof fetch = async (input, init) => {
    const entry = {
      bytes: new TextEncoder().encode(String(init?.body)).length,
      status: null as number | null,
    };
    sent.push(entry);
    const response = await fetch(input, init);
    entry.status = response.status;
    return response;
  };
  return createCountyClient({
    baseUrl: `http://127.0.0.1:${port}`,
    accessToken: token,
    timeoutMs: 10_000,
    fetch: recording,
  });
}

/** Counts every kind on each of the `days` days up to today, a different number each; answers them. */
function countEveryKind(days: number): Map<string, number> {
  const expected = new Map<string, number>();
  for (let back = 0; back < days; back++) {
    const at = new Date(NOW.getTime() - back * DAY_MS);
    USAGE_KINDS.forEach((kind, index) => {
      const count = ((back * 7 + index * 13) % 50) + 1;
      outbox.countUsage(kind, at, count);
      expected.set(`${shanghaiDate(at)} ${kind}`, count);
    });
  }
  return expected;
}

function countyCounts(): Map<string, number> {
  const rows = db
    .prepare('SELECT day, kind, count FROM terminal_usage WHERE terminal_id = ?')
    .all('T-001') as { day: string; kind: string; count: number }[];
  return new Map(rows.map((row) => [`${row.day} ${row.kind}`, row.count]));
}

describe('a backlog of usage counts', () => {
  it('drains a year offline with every kind counted each day, once the county is back', async () => {
    const expected = countEveryKind(365);
    expect(expected.size).toBe(365 * USAGE_KINDS.length);

    // The county is down: nothing is acknowledged.
    const port = await startCounty();
    await app?.close();
    app = undefined;
    await expect(sendHeartbeat(outbox, clientFor(port), facts, NOW)).rejects.toThrow('network');
    expect(outbox.unreportedCounts(TODAY)).toHaveLength(expected.size);

    await startCounty({ port });
    sent = [];
    const answer = await sendHeartbeat(outbox, clientFor(port), facts, NOW);
    expect(answer).toEqual({ ok: true, serverTime: NOW.toISOString(), latestVersion: null });

    expect(countyCounts()).toEqual(expected);
    // Several bodies, each within the agent's budget and so well under the county's limit; none refused.
    expect(sent.length).toBeGreaterThan(1);
    expect(sent.every(({ bytes, status }) => bytes <= HEARTBEAT_BODY_BUDGET_BYTES && status === 200)).toBe(
      true,
    );
    expect(HEARTBEAT_BODY_BUDGET_BYTES).toBeLessThanOrEqual(COUNTY_BODY_LIMIT_BYTES / 2);
    // Every past day is acknowledged; only today's counts are sent again, in one heartbeat.
    expect(outbox.unreportedCounts(TODAY).every((count) => count.day === TODAY)).toBe(true);
    sent = [];
    await sendHeartbeat(outbox, clientFor(port), facts, NOW);
    expect(sent).toHaveLength(1);
    expect(findTerminal(db, 'T-001')).toMatchObject({
      lastHeartbeatAt: NOW.toISOString(),
      dataVersion: 9,
      appVersion: '1.4.0',
      devices: { printer: 'ready', cardReader: 'ready' },
    });
  });

  it('halves its bodies when the county (or a proxy) allows less than it assumed, and still drains', async () => {
    const expected = countEveryKind(60);
    const port = await startCounty({ limits: { bodyBytes: 8 * 1024 } });
    await sendHeartbeat(outbox, clientFor(port), facts, NOW);
    expect(countyCounts()).toEqual(expected);
    expect(sent.filter(({ status }) => status === 413).length).toBeGreaterThan(0);
    expect(sent.filter(({ status }) => status === 200).every(({ bytes }) => bytes <= 8 * 1024)).toBe(true);
  });

  it('keeps back counts the county would refuse, so they cannot stop the others', async () => {
    const expected = countEveryKind(3);
    const tooOld = new Date(NOW.getTime() - (SENT_USAGE_DAYS_BACK + 1) * DAY_MS);
    // Counted while the clock ran a week ahead, then set right: sent when that day comes.
    const ahead = new Date(NOW.getTime() + 7 * DAY_MS);
    outbox.countUsage('lookup', tooOld, 5);
    outbox.countUsage('lookup', ahead, 2);
    const port = await startCounty();
    await sendHeartbeat(outbox, clientFor(port), facts, NOW);
    expect(countyCounts()).toEqual(expected);
    expect(outbox.unreportedCounts(TODAY).filter((count) => count.day !== TODAY)).toEqual([
      { day: shanghaiDate(tooOld), kind: 'lookup', count: 5 },
      { day: shanghaiDate(ahead), kind: 'lookup', count: 2 },
    ]);
  });

  it('still records its state when the county refuses its counts, and keeps them', async () => {
    countEveryKind(2);
    // The terminal's clock runs three days ahead of the county's: today is in the county's future.
    const countyNow = new Date(NOW.getTime() - 3 * DAY_MS);
    const port = await startCounty({ now: countyNow });
    await expect(sendHeartbeat(outbox, clientFor(port), facts, NOW)).rejects.toThrow(
      'rejected (400 invalid-body)',
    );
    expect(countyCounts().size).toBe(0);
    expect(findTerminal(db, 'T-001')).toMatchObject({
      lastHeartbeatAt: countyNow.toISOString(),
      dataVersion: 9,
    });
    expect(outbox.unreportedCounts(TODAY)).toHaveLength(2 * USAGE_KINDS.length);
  });
});
