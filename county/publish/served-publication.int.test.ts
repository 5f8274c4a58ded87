/**
 * The publisher's output served by the county server over real HTTP, fetched the way a terminal fetches it:
 * timestamp → snapshot → targets → the full replica in two Range requests, reassembled and hash-checked.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FULL_TARGET } from '../../domain/published/publish-format';
import type { MasterDatabase } from '../master/open-master';
import { createCountyServer } from '../server/create-server';
import { seedFixtureCounty } from './publish-fixture';
import { publish } from './publish';
import { createKeys } from './root-chain';

let dir: string;
let db: MasterDatabase;
let server: FastifyInstance;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'served-'));
  db = seedFixtureCounty(join(dir, 'county.db'), 30);
  createKeys(join(dir, 'keys'), new Date(), 365);
  await publish({ db, keysDir: join(dir, 'keys'), publishDir: join(dir, 'publish') });
  server = await createCountyServer({ db, publishDir: join(dir, 'publish') });
  base = await server.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await server.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const json = async (path: string) => {
  const response = await fetch(`${base}/publish/${path}`);
  expect(response.status).toBe(200);
  return { body: (await response.json()) as { signed: Record<string, unknown> }, response };
};

it('serves a publication a terminal can walk and download in pieces', async () => {
  const timestamp = await json('timestamp.json');
  expect(timestamp.response.headers.get('cache-control')).toBe('no-cache');
  const snapshotVersion = (timestamp.body.signed['meta'] as Record<string, { version: number }>)[
    'snapshot.json'
  ]!.version;
  const snapshot = await json(`${snapshotVersion}.snapshot.json`);
  expect(snapshot.response.headers.get('cache-control')).toContain('immutable');
  const targetsVersion = (snapshot.body.signed['meta'] as Record<string, { version: number }>)[
    'targets.json'
  ]!.version;
  const targets = await json(`${targetsVersion}.targets.json`);
  const full = (
    targets.body.signed['targets'] as Record<string, { length: number; hashes: { sha256: string } }>
  )[FULL_TARGET]!;

  const url = `${base}/publish/targets/${full.hashes.sha256}.${FULL_TARGET}`;
  const half = Math.floor(full.length / 2);
  const first = await fetch(url, { headers: { range: `bytes=0-${half - 1}` } });
  const second = await fetch(url, { headers: { range: `bytes=${half}-` } });
  expect([first.status, second.status]).toEqual([206, 206]);
  expect(second.headers.get('cache-control')).toContain('immutable');
  const bytes = Buffer.concat([
    Buffer.from(await first.arrayBuffer()),
    Buffer.from(await second.arrayBuffer()),
  ]);
  expect(bytes.length).toBe(full.length);
  expect(createHash('sha256').update(bytes).digest('hex')).toBe(full.hashes.sha256);
});

it('never serves the publisher’s staging files', async () => {
  writeFileSync(join(dir, 'publish', '.timestamp.json.staged'), '{}');
  const response = await fetch(`${base}/publish/.timestamp.json.staged`);
  expect(response.status).toBe(404);
});
