/**
 * Fault test: complaints are queued while the county server is down (and, in the last third of the trials,
 * while it is up), and the process running the outbox loop is SIGKILLed at a random point of its work in each
 * trial: at the k-th step it reports (enqueue, post, answer, mark, pass; k at random), not after a delay, so
 * the kills land in the same work on an idle machine and on a loaded one.
 * Afterwards the county comes back, one final drain runs, and every complaint is at the county exactly once.
 *
 * 30 trials by default; `SOAK=500` runs 500. `SEED=n` repeats a run (the seed is printed on failure).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MasterDatabase } from '../../county/master/open-master';
import { seedFixtureCounty } from '../../county/publish/publish-fixture';
import { createCountyServer } from '../../county/server/create-server';
import { addTerminal } from '../../county/server/terminal-registry';
import { createCountyClient } from '../../sync-agent/county-client/county-client';
import { drainOutbox } from '../../sync-agent/outbox/drain';
import { openOutbox } from '../../sync-agent/outbox/open-outbox';

const TRIALS = Number(process.env['SOAK'] ?? 30);
/**
 * Kills fall on one of the child's first KILL_STEPS steps: enough to cover its three enqueues, their uploads
 * and the marks, with passes after them.
 */
const KILL_STEPS = 40;
const SEED = Number(process.env['SEED'] ?? Date.now() % 1_000_000);
const ROOT = resolve(__dirname, '../..');

let dir: string;
let childScript: string;
let db: MasterDatabase;
let server: FastifyInstance;
let token: string;

/** mulberry32: small, seeded, good enough to place kills. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function closedPort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as AddressInfo;
  await new Promise((done) => probe.close(done));
  return port;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'huimin-outbox-kill-'));
  mkdirSync(join(dir, 'publish'));
  // Bundled once, so each trial starts a plain node process in tens of milliseconds.
  childScript = join(dir, 'outbox-drain-child.cjs');
  await build({
    entryPoints: [join(ROOT, 'tests/faults/outbox-drain-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3'],
    outfile: childScript,
    logLevel: 'error',
  });
  db = seedFixtureCounty(join(dir, 'county.db'), 4);
  token = addTerminal(db, { id: 'T-kill', siteName: '梅山乡便民服务中心' }, new Date()).token;
  server = await createCountyServer({
    db,
    publishDir: join(dir, 'publish'),
    limits: { perTerminalPerMinute: 1_000_000 },
  });
  await server.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await server?.close();
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Runs the child and kills it as soon as it reports its `killAtStep`-th line after `ready` (a step or a
 * queued complaint); answers the keys it reported as queued.
 */
async function killedRun(outboxFile: string, baseUrl: string, killAtStep: number): Promise<string[]> {
  const child = spawn(process.execPath, [childScript, outboxFile, baseUrl, token, '3', '120000'], {
    env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    const lines = out.split('\n').slice(0, -1);
    if (lines[0] === 'ready' && lines.length - 1 >= killAtStep) child.kill('SIGKILL');
  });
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await new Promise<number | null>((done) => child.on('exit', (exitCode) => done(exitCode)));
  if (code !== null) throw new Error(`the child exited by itself (${code}): ${err}`);
  // A line cut off by the kill was never a promise to anyone.
  return out
    .split('\n')
    .slice(0, -1)
    .map((line) => /^queued (\S+)$/.exec(line)?.[1])
    .filter((key): key is string => key !== undefined);
}

/** The outbox's rows after a kill: its integrity, and each item's state and whether it was ever tried. */
function inspectOutbox(file: string): {
  integrity: string;
  items: Map<string, { state: string; tried: boolean }>;
} {
  openOutbox(file).close(); // the kill may have come before the child created the schema
  const db = new Database(file);
  try {
    const rows = db.prepare('SELECT client_key AS key, state, attempts FROM items').all() as {
      key: string;
      state: string;
      attempts: number;
    }[];
    return {
      integrity: db.pragma('integrity_check', { simple: true }) as string,
      items: new Map(rows.map((row) => [row.key, { state: row.state, tried: row.attempts > 0 }])),
    };
  } finally {
    db.close();
  }
}

it(
  `delivers every queued complaint exactly once despite ${TRIALS} kills and an absent county`,
  async () => {
    const random = seeded(SEED);
    const outboxFile = join(dir, 'outbox.db');
    const countyUrl = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
    const downUrl = `http://127.0.0.1:${await closedPort()}`;
    const promised = new Set<string>();

    for (let trial = 0; trial < TRIALS; trial++) {
      const countyUp = trial >= Math.ceil((TRIALS * 2) / 3);
      const killAtStep = 1 + Math.floor(random() * KILL_STEPS);
      const keys = await killedRun(outboxFile, countyUp ? countyUrl : downUrl, killAtStep);
      for (const key of keys) promised.add(key);
      const { integrity, items } = inspectOutbox(outboxFile);
      expect(integrity, `seed ${SEED}, trial ${trial}`).toBe('ok');
      for (const key of promised) expect(items.has(key), `seed ${SEED}: ${key} lost`).toBe(true);
    }
    expect(promised.size, 'some complaints were queued').toBeGreaterThan(TRIALS / 2);
    // The kills landed in real work: uploads failed against the absent county, others went through.
    const { items } = inspectOutbox(outboxFile);
    const states = [...items.values()];
    expect(
      states.some((item) => item.tried),
      `seed ${SEED}`,
    ).toBe(true);
    expect(
      states.some((item) => item.state === 'acknowledged'),
      `seed ${SEED}`,
    ).toBe(true);

    const outbox = openOutbox(outboxFile);
    try {
      const client = createCountyClient({ baseUrl: countyUrl, accessToken: token });
      // Far enough ahead that every backoff has run out.
      const report = await drainOutbox(outbox, client, { now: () => new Date(Date.now() + 86_400_000) });
      expect(report, `seed ${SEED}`).toMatchObject({ failed: 0, pending: 0, stoppedBy: null });
      expect(outbox.failedItems()).toEqual([]);

      const countyKeys = db
        .prepare(`SELECT client_key FROM complaints WHERE terminal_id = 'T-kill'`)
        .pluck()
        .all() as string[];
      const allQueued = [...inspectOutbox(outboxFile).items.keys()];
      expect(countyKeys.length, `seed ${SEED}: no complaint twice`).toBe(new Set(countyKeys).size);
      expect(new Set(countyKeys), `seed ${SEED}`).toEqual(new Set(allQueued));
      for (const key of promised) expect(countyKeys).toContain(key);
    } finally {
      outbox.close();
    }
  },
  Math.max(120_000, TRIALS * 4_000),
);
