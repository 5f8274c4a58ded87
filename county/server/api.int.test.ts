import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorBodySchema, type ComplaintInput } from '../../domain/county-api';
import { USAGE_KINDS } from '../../domain/usage-kinds';
import { openMaster, type MasterDatabase } from '../master/open-master';
import { createCountyServer, type CountyServerLimits } from './create-server';
import { addTerminal, findTerminal, revokeTerminal, rotateTerminalToken } from './terminal-registry';

let dir: string;
let db: MasterDatabase;
let app: FastifyInstance | undefined;
let base: string;
let token: string;
let logLines: string[];
const NOW = new Date('2026-03-05T08:30:00.000Z');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'county-api-'));
  mkdirSync(join(dir, 'publish'));
  db = openMaster(join(dir, 'county.db'), { create: true });
  token = addTerminal(db, { id: 'T-001', siteName: '城关镇便民服务中心' }, NOW).token;
  logLines = [];
});

afterEach(async () => {
  await app?.close();
  app = undefined;
  if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function start(limits: Partial<CountyServerLimits> = {}): Promise<void> {
  app = await createCountyServer({
    db,
    publishDir: join(dir, 'publish'),
    limits,
    now: () => NOW,
    logger: { level: 'info', stream: { write: (line) => void logLines.push(line) } },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function errorOf(res: Response) {
  return errorBodySchema.parse(await res.json()).error;
}

const heartbeat = {
  dataVersion: 3,
  appVersion: '0.1.0',
  devices: { printer: 'paper-out', cardReader: 'ready' },
  at: '2026-03-05T08:29:58Z',
};

const complaint: ComplaintInput = {
  clientKey: '0b7e4a3c-5d2f-4c1e-9a8b-7f6e5d4c3b2a',
  createdAt: '2026-03-05T16:20:00+08:00',
  category: 'missing',
  programCode: 'elderly-allowance',
  message: '我父亲欧阳德明的高龄津贴从去年十月起就没到账了',
  contact: { name: '欧阳秀英', phone: '13912345678' },
  personRef: { idNumber: '359901195603121239' },
};

describe('POST /api/v1/heartbeat', () => {
  it('records the terminal state and answers the latest published version', async () => {
    await start();
    const first = await post('/api/v1/heartbeat', heartbeat);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ ok: true, serverTime: NOW.toISOString(), latestVersion: null });
    expect(findTerminal(db, 'T-001')).toMatchObject({
      lastHeartbeatAt: NOW.toISOString(),
      dataVersion: 3,
      appVersion: '0.1.0',
      devices: { printer: 'paper-out', cardReader: 'ready', reportedAt: '2026-03-05T08:29:58Z' },
    });

    for (const version of [4, 5]) {
      db.prepare(
        `INSERT INTO publishes (version, published_at, expires_at, snapshot_path, snapshot_sha256,
           snapshot_length, residents, payments) VALUES (?, ?, ?, 'x', 'y', 1, 1, 1)`,
      ).run(version, NOW.toISOString(), NOW.toISOString());
    }
    expect(await (await post('/api/v1/heartbeat', heartbeat)).json()).toMatchObject({ latestVersion: 5 });
    expect(await (await fetch(`${base}/api/v1/health`)).json()).toEqual({ ok: true, latestVersion: 5 });
  });

  it('keeps the last sync and the anonymous usage counts, the latest count per day and kind', async () => {
    await start();
    const lastSync = { attemptedAt: '2026-03-05T08:00:00Z', succeededAt: '2026-03-05T08:00:05Z' };
    const counters = [
      { day: '2026-03-05', kind: 'lookup', count: 12 },
      { day: '2026-03-05', kind: 'rating-5', count: 3 },
    ];
    expect((await post('/api/v1/heartbeat', { ...heartbeat, lastSync, counters })).status).toBe(200);
    const later = [{ day: '2026-03-05', kind: 'lookup', count: 15 }];
    expect((await post('/api/v1/heartbeat', { ...heartbeat, counters: later })).status).toBe(200);
    expect(
      db.prepare('SELECT kind, count FROM terminal_usage WHERE terminal_id = ? ORDER BY kind').all('T-001'),
    ).toEqual([
      { kind: 'lookup', count: 15 },
      { kind: 'rating-5', count: 3 },
    ]);
    expect(
      db.prepare('SELECT last_sync_succeeded_at AS at FROM terminals WHERE id = ?').get('T-001'),
    ).toEqual({ at: lastSync.succeededAt });
    // The sync agent alone cannot see the devices: what the app reported last stays.
    const blind = { ...heartbeat, devices: { printer: 'unknown', cardReader: 'unknown' } };
    expect((await post('/api/v1/heartbeat', blind)).status).toBe(200);
    expect(findTerminal(db, 'T-001')?.devices).toMatchObject({ printer: 'paper-out', cardReader: 'ready' });
  });

  it('names the wrong field with 400', async () => {
    await start();
    const res = await post('/api/v1/heartbeat', {
      ...heartbeat,
      devices: { printer: 'on fire', cardReader: 'ready' },
    });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('invalid-body');
    expect(error.issues?.map((issue) => issue.path)).toEqual(['devices.printer']);
    expect(findTerminal(db, 'T-001')?.lastHeartbeatAt).toBeNull();
  });
});

describe('usage counts in heartbeats', () => {
  const good = { day: '2026-03-05', kind: 'lookup', count: 12 };
  const usageRows = () => db.prepare('SELECT count(*) FROM terminal_usage').pluck().get() as number;

  it.each([
    ['counters.1.day', { day: '2026-02-31' }],
    ['counters.1.day', { day: '9999-12-31' }],
    ['counters.1.day', { day: '2026-03-07' }],
    ['counters.1.day', { day: '2025-01-28' }],
    ['counters.1.kind', { kind: 'lookups' }],
    ['counters.1.kind', { kind: 'Lookup' }],
    ['counters.1.count', { kind: 'receipt-printed', count: 10_000_000 }],
    ['counters.1', {}],
  ])(
    'refuses the whole heartbeat with 400 naming %s, and stores nothing of it (%j)',
    async (path, change) => {
      await start();
      const res = await post('/api/v1/heartbeat', { ...heartbeat, counters: [good, { ...good, ...change }] });
      expect(res.status).toBe(400);
      const error = await errorOf(res);
      expect(error.code).toBe('invalid-body');
      expect(error.issues?.map((issue) => issue.path)).toEqual([path]);
      expect(error.message).toMatch(/^counters\.1/);
      expect(usageRows()).toBe(0);
      expect(findTerminal(db, 'T-001')?.lastHeartbeatAt).toBeNull();
    },
  );

  it("takes the oldest and newest days of its window around the county's today", async () => {
    await start();
    const counters = ['2025-01-29', '2026-03-06'].map((day) => ({ ...good, day }));
    expect((await post('/api/v1/heartbeat', { ...heartbeat, counters })).status).toBe(200);
    expect(usageRows()).toBe(2);
  });

  it("stores none of the audit's 10 heartbeats of made-up counts, and answers each briefly", async () => {
    await start();
    for (let beat = 0; beat < 10; beat++) {
      const counters = Array.from({ length: 1100 }, (_, index) => ({
        day: `${2000 + beat}-02-${String((index % 31) + 1).padStart(2, '0')}`,
        kind: `kind-${index}`,
        count: index,
      }));
      const res = await post('/api/v1/heartbeat', { ...heartbeat, counters });
      expect(res.status).toBe(400);
      const text = await res.text();
      expect(text.length).toBeLessThan(8 * 1024);
      expect(errorBodySchema.parse(JSON.parse(text)).error.message).toMatch(/; and \d+ more$/);
    }
    expect(usageRows()).toBe(0);
  });

  it('keeps at most one row per known kind for a terminal and day, however often it reports', async () => {
    await start();
    for (let beat = 0; beat < 3; beat++) {
      const counters = USAGE_KINDS.map((kind) => ({ day: '2026-03-05', kind, count: beat }));
      expect((await post('/api/v1/heartbeat', { ...heartbeat, counters })).status).toBe(200);
    }
    expect(usageRows()).toBe(USAGE_KINDS.length);
  });
});

describe('terminal tokens', () => {
  it('answers 401 without a token or with an unknown one, asking for a bearer token', async () => {
    await start();
    for (const authorization of [
      '',
      'Bearer',
      `Basic ${token}`,
      `Bearer ${'A'.repeat(43)}`,
      `Bearer ${token}x`,
    ]) {
      const res = await post('/api/v1/heartbeat', heartbeat, { authorization });
      expect(res.status, authorization).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="huimin-county"');
      expect((await errorOf(res)).code).toBe('unauthorized');
    }
  });

  it('answers 403 to a revoked terminal and 401 to a rotated-out token', async () => {
    await start();
    const other = addTerminal(db, { id: 'T-002', siteName: '东岭村' }, NOW).token;
    const rotated = rotateTerminalToken(db, 'T-001').token;
    expect((await post('/api/v1/heartbeat', heartbeat)).status).toBe(401);
    expect((await post('/api/v1/heartbeat', heartbeat, { authorization: `Bearer ${rotated}` })).status).toBe(
      200,
    );

    revokeTerminal(db, 'T-002', NOW);
    const res = await post('/api/v1/complaints', complaint, { authorization: `Bearer ${other}` });
    expect(res.status).toBe(403);
    expect((await errorOf(res)).code).toBe('revoked');
    expect(db.prepare('SELECT count(*) FROM complaints').pluck().get()).toBe(0);
  });
});

describe('POST /api/v1/complaints', () => {
  it('stores a complaint once: a retry gets the same id, a different body under the same key 409', async () => {
    await start();
    const first = await post('/api/v1/complaints', complaint);
    expect(first.status).toBe(201);
    const receipt = (await first.json()) as { id: number; receivedAt: string };
    expect(receipt).toEqual({ id: expect.any(Number), receivedAt: NOW.toISOString() });

    // The same complaint again, with its fields in another order and the key in capitals.
    const retryBody = Object.fromEntries(Object.entries(complaint).reverse());
    const retry = await post('/api/v1/complaints', {
      ...retryBody,
      clientKey: complaint.clientKey.toUpperCase(),
    });
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual(receipt);

    const changed = await post('/api/v1/complaints', { ...complaint, category: 'late' });
    expect(changed.status).toBe(409);
    expect((await errorOf(changed)).code).toBe('idempotency-conflict');

    const stored = db.prepare('SELECT terminal_id, category, program_code, body FROM complaints').all() as {
      terminal_id: string;
      category: string;
      program_code: string;
      body: string;
    }[];
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      terminal_id: 'T-001',
      category: 'missing',
      program_code: 'elderly-allowance',
    });
    expect(JSON.parse(stored[0]!.body)).toMatchObject({
      contact: complaint.contact,
      personRef: complaint.personRef,
    });
  });

  it('keeps client keys apart per terminal', async () => {
    await start();
    const other = addTerminal(db, { id: 'T-002', siteName: '东岭村' }, NOW).token;
    expect((await post('/api/v1/complaints', complaint)).status).toBe(201);
    expect((await post('/api/v1/complaints', complaint, { authorization: `Bearer ${other}` })).status).toBe(
      201,
    );
  });

  it('names the wrong field with 400 and stores nothing', async () => {
    await start();
    const res = await post('/api/v1/complaints', {
      ...complaint,
      contact: { phone: '110' },
      category: 'angry',
    });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.issues?.map((issue) => issue.path).sort()).toEqual(['category', 'contact.phone']);
    expect(db.prepare('SELECT count(*) FROM complaints').pluck().get()).toBe(0);
  });

  it('logs the terminal, route, status and duration, and nothing of the complainant', async () => {
    await start();
    expect((await post('/api/v1/complaints', complaint)).status).toBe(201);
    expect((await post('/api/v1/complaints', { ...complaint, message: '改了' })).status).toBe(409);
    expect((await post('/api/v1/complaints', '{"message":"欧阳秀英 13912345678', {})).status).toBe(400);
    expect(
      (await post(`/api/v1/complaints?phone=13912345678`, { ...complaint, contact: { phone: '1' } })).status,
    ).toBe(400);

    const log = logLines.join('');
    const answered = logLines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((l) => l['msg'] === 'answered');
    expect(answered.map((l) => l['status'])).toEqual([201, 409, 400, 400]);
    expect(answered[0]).toMatchObject({ terminal: 'T-001', route: '/api/v1/complaints', method: 'POST' });
    expect(typeof answered[0]!['ms']).toBe('number');
    for (const secret of [
      '欧阳秀英',
      '欧阳德明',
      '13912345678',
      '高龄津贴',
      '359901195603121239',
      '改了',
      token,
    ]) {
      expect(log).not.toContain(secret);
    }
  });
});

describe('limits and errors', () => {
  it('refuses a body over the limit with 413', async () => {
    await start({ bodyBytes: 1024 });
    const res = await post('/api/v1/complaints', { ...complaint, message: '长'.repeat(600) });
    expect(res.status).toBe(413);
    expect(await errorOf(res)).toEqual({
      code: 'payload-too-large',
      message: 'the body is larger than 1024 bytes',
    });
  });

  it('refuses anything but JSON with 415, and broken JSON with 400', async () => {
    await start();
    const text = await post('/api/v1/complaints', 'hello', { 'content-type': 'text/plain' });
    expect(text.status).toBe(415);
    expect((await errorOf(text)).code).toBe('unsupported-media-type');
    const form = await post('/api/v1/heartbeat', 'a=1', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);

    const broken = await post('/api/v1/complaints', '{"message": "13912345678"');
    expect(broken.status).toBe(400);
    const error = await errorOf(broken);
    expect(error).toEqual({ code: 'invalid-json', message: 'the body is not valid JSON' });
  });

  it('limits requests per terminal with 429 and Retry-After; other terminals go on', async () => {
    await start({ perTerminalPerMinute: 3 });
    for (let i = 0; i < 3; i++) expect((await post('/api/v1/heartbeat', heartbeat)).status).toBe(200);
    const limited = await post('/api/v1/heartbeat', heartbeat);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await errorOf(limited)).code).toBe('rate-limited');

    const other = addTerminal(db, { id: 'T-002', siteName: '东岭村' }, NOW).token;
    expect((await post('/api/v1/heartbeat', heartbeat, { authorization: `Bearer ${other}` })).status).toBe(
      200,
    );
  });

  it('limits guessing tokens by address', async () => {
    await start({ perAddressPerMinute: 2 });
    const guess = { authorization: `Bearer ${'B'.repeat(43)}` };
    expect((await post('/api/v1/heartbeat', heartbeat, guess)).status).toBe(401);
    expect((await post('/api/v1/heartbeat', heartbeat, guess)).status).toBe(401);
    const limited = await post('/api/v1/heartbeat', heartbeat, guess);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).not.toBeNull();
  });

  it('answers unknown addresses and methods with a JSON 404', async () => {
    await start();
    for (const res of [await fetch(`${base}/api/v1/nothing`), await fetch(`${base}/api/v1/heartbeat`)]) {
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/json');
      expect((await errorOf(res)).code).toBe('not-found');
    }
  });

  it('answers 500 without internals when the database is gone, and logs no message', async () => {
    await start();
    db.close();
    const res = await post('/api/v1/heartbeat', heartbeat);
    expect(res.status).toBe(500);
    expect(await errorOf(res)).toEqual({ code: 'internal', message: 'the county server could not answer' });
    const failure = logLines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((l) => l['level'] === 50);
    expect(failure).toMatchObject({ msg: 'request failed', errorName: 'TypeError' });
    expect(logLines.join('')).not.toContain('database connection is not open');
  });
});
