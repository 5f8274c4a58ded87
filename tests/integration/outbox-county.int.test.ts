/**
 * The terminal's outbox uploading to the real county server over HTTP on 127.0.0.1: complaints arrive exactly
 * once whatever goes wrong on the way, and what the county refuses for good is set aside and shown.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedFixtureCounty } from '../../county/publish/publish-fixture';
import type { MasterDatabase } from '../../county/master/open-master';
import { createCountyServer } from '../../county/server/create-server';
import { addTerminal, findTerminal, revokeTerminal } from '../../county/server/terminal-registry';
import { createCountyClient, type CountyClient } from '../../sync-agent/county-client/county-client';
import { drainOutbox } from '../../sync-agent/outbox/drain';
import { sendHeartbeat } from '../../sync-agent/outbox/heartbeat';
import { openOutbox, type Outbox } from '../../sync-agent/outbox/open-outbox';

const NOW = new Date('2026-03-05T08:30:00Z');
const HOUR = 3_600_000;
let dir: string;
let db: MasterDatabase;
let terminals = 0;
let terminalId: string;
let token: string;
let outbox: Outbox;
const servers: FastifyInstance[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'huimin-outbox-county-'));
  mkdirSync(join(dir, 'publish'));
  db = seedFixtureCounty(join(dir, 'county.db'), 4);
});

afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  terminals++;
  terminalId = `T-${terminals}`;
  token = addTerminal(db, { id: terminalId, siteName: '梅山乡便民服务中心' }, NOW).token;
  outbox = openOutbox(join(dir, `outbox-${terminals}.db`));
});

afterEach(async () => {
  outbox.close();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** The county server on `port` (0: a free one); answers the port. */
async function startCounty(port = 0): Promise<number> {
  const app = await createCountyServer({
    db,
    publishDir: join(dir, 'publish'),
    limits: { perTerminalPerMinute: 10_000 },
  });
  await app.listen({ port, host: '127.0.0.1' });
  servers.push(app);
  return (app.server.address() as AddressInfo).port;
}

function clientFor(port: number): CountyClient {
  return createCountyClient({ baseUrl: `http://127.0.0.1:${port}`, accessToken: token, timeoutMs: 5_000 });
}

function enqueue(message: string): string {
  return outbox.enqueueComplaint({
    createdAt: NOW.toISOString(),
    category: 'missing',
    message,
    contact: { name: '林秀英', phone: '13800138000' },
  }).clientKey;
}

/** The county's rows for this terminal: client key → how many rows. */
function countyRows(): Map<string, number> {
  const rows = db
    .prepare(
      'SELECT client_key AS key, count(*) AS n FROM complaints WHERE terminal_id = ? GROUP BY client_key ORDER BY min(id)',
    )
    .all(terminalId) as { key: string; n: number }[];
  return new Map(rows.map((row) => [row.key, row.n]));
}

describe('the outbox against the county server', () => {
  it('delivers every queued complaint exactly once, even when a pass is repeated', async () => {
    const keys = [enqueue('三月的低保没有到'), enqueue('耕地补贴少了'), enqueue('服务很好')];
    const client = clientFor(await startCounty());
    expect(await drainOutbox(outbox, client, { now: () => NOW })).toMatchObject({
      acknowledged: 3,
      pending: 0,
    });
    expect(await drainOutbox(outbox, client, { now: () => NOW })).toMatchObject({ acknowledged: 0 });
    expect([...countyRows()]).toEqual(keys.map((key) => [key, 1]));
    const ids = db
      .prepare('SELECT id FROM complaints WHERE terminal_id = ? ORDER BY id')
      .pluck()
      .all(terminalId);
    expect(keys.map((key) => outbox.item(key)?.countyId)).toEqual(ids);
  });

  it('sends again after a crash between the county storing it and the outbox marking it, harmlessly', async () => {
    const key = enqueue('三月的低保没有到');
    const client = clientFor(await startCounty());
    const [item] = outbox.pendingItems();
    const first = await client.postComplaint(item!.body);
    // The agent died here: the outbox still has it pending.
    expect(await drainOutbox(outbox, client, { now: () => NOW })).toMatchObject({ acknowledged: 1 });
    expect(outbox.item(key)?.countyId).toBe(first.id);
    expect(countyRows().get(key)).toBe(1);
  });

  it('waits out a county that is down and delivers once it is back on the same address', async () => {
    const port = await startCounty();
    await servers.pop()!.close();
    const keys = [enqueue('一'), enqueue('二')];
    const client = clientFor(port);
    expect(await drainOutbox(outbox, client, { now: () => NOW })).toMatchObject({
      acknowledged: 0,
      stoppedBy: 'network',
      pending: 2,
    });
    expect(countyRows().size).toBe(0);

    await startCounty(port);
    const later = new Date(NOW.getTime() + HOUR);
    expect(await drainOutbox(outbox, client, { now: () => later })).toMatchObject({ acknowledged: 2 });
    expect([...countyRows()]).toEqual(keys.map((key) => [key, 1]));
  });

  it('retries after 5xx answers, including one sent after the county had stored the complaint', async () => {
    const key = enqueue('三月的低保没有到');
    const county = `http://127.0.0.1:${await startCounty()}`;
    // A proxy in front of the county: first a 503 before anything reaches it, then a 502 in place of the
    // county's 201 (the complaint is stored but the terminal does not learn it), then the county's answers.
    let requests = 0;
    const proxy = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      requests++;
      const failure = JSON.stringify({ error: { code: 'internal', message: 'unavailable' } });
      if (requests === 1) return response.writeHead(503, { 'content-type': 'application/json' }).end(failure);
      const answer = await fetch(`${county}${request.url}`, {
        method: request.method,
        headers: { authorization: request.headers.authorization!, 'content-type': 'application/json' },
        body: Buffer.concat(chunks),
      });
      const body = await answer.text();
      if (requests === 2) return response.writeHead(502, { 'content-type': 'application/json' }).end(failure);
      response.writeHead(answer.status, { 'content-type': 'application/json' }).end(body);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const client = clientFor((proxy.address() as AddressInfo).port);
      let now = NOW;
      for (const expected of ['server', 'server', null]) {
        const report = await drainOutbox(outbox, client, { now: () => now });
        expect(report.stoppedBy).toBe(expected);
        now = new Date(now.getTime() + HOUR);
      }
    } finally {
      await new Promise((resolve) => proxy.close(resolve));
    }
    expect(requests).toBe(3);
    expect(outbox.item(key)).toMatchObject({ state: 'acknowledged', attempts: 2 });
    expect(countyRows().get(key)).toBe(1);
  });

  it('sets aside a complaint whose key the county holds with a different body (409), and shows it', async () => {
    const [a, b] = [enqueue('三月的低保没有到'), enqueue('耕地补贴少了')];
    const client = clientFor(await startCounty());
    const [item] = outbox.pendingItems();
    await client.postComplaint({ ...item!.body, message: '另一条投诉' });

    const report = await drainOutbox(outbox, client, { now: () => NOW });
    expect(report).toMatchObject({ acknowledged: 1, failed: 1, stoppedBy: null });
    expect(outbox.failedItems()).toMatchObject([
      { clientKey: a, lastError: 'conflict (409 idempotency-conflict)' },
    ]);
    expect(outbox.depth()).toBe(1);
    // Later passes do not hammer the county with it.
    await drainOutbox(outbox, client, { now: () => new Date(NOW.getTime() + HOUR) });
    expect(outbox.item(a)?.attempts).toBe(1);
    expect(outbox.item(b)?.state).toBe('acknowledged');
    const stored = db.prepare('SELECT body FROM complaints WHERE client_key = ?').pluck().get(a) as string;
    expect(JSON.parse(stored)).toMatchObject({ message: '另一条投诉' });
  });

  it('marks a complaint failed when the terminal is revoked, and keeps it', async () => {
    const key = enqueue('三月的低保没有到');
    enqueue('耕地补贴少了');
    revokeTerminal(db, terminalId, NOW);
    const report = await drainOutbox(outbox, clientFor(await startCounty()), { now: () => NOW });
    expect(report).toMatchObject({ failed: 1, stoppedBy: 'revoked', pending: 1 });
    expect(outbox.item(key)).toMatchObject({ state: 'failed', lastError: 'revoked (403 revoked)' });
    expect(outbox.depth()).toBe(2);
    expect(countyRows().size).toBe(0);
  });

  it('delivers what was queued before the outbox was closed and opened again', async () => {
    const file = outbox.file;
    const keys = [enqueue('一'), enqueue('二')];
    outbox.close();
    outbox = openOutbox(file);
    await drainOutbox(outbox, clientFor(await startCounty()), { now: () => NOW });
    expect([...countyRows()]).toEqual(keys.map((key) => [key, 1]));
  });

  it("records the terminal's heartbeat at the county", async () => {
    outbox.countUsage('lookup', NOW, 4);
    const answer = await sendHeartbeat(
      outbox,
      clientFor(await startCounty()),
      {
        dataVersion: 7,
        appVersion: '1.2.3',
        devices: { printer: 'paper-out', cardReader: 'unknown' },
        lastSync: { attemptedAt: NOW, succeededAt: NOW },
      },
      NOW,
    );
    expect(answer.ok).toBe(true);
    expect(findTerminal(db, terminalId)).toMatchObject({
      dataVersion: 7,
      appVersion: '1.2.3',
      devices: { printer: 'paper-out', cardReader: 'unknown' },
    });
  });
});
