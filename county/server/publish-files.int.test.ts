import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMaster, type MasterDatabase } from '../master/open-master';
import { createCountyServer } from './create-server';

let dir: string;
let publishDir: string;
let db: MasterDatabase;
let app: FastifyInstance;
let base: string;

const data = randomBytes(100_000);
const dataSha = createHash('sha256').update(data).digest('hex');
const dataPath = `/publish/targets/${dataSha}.replica.db`;
const timestamp = JSON.stringify({ signed: { version: 4 } });
const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'county-publish-'));
  publishDir = join(dir, 'publish');
  mkdirSync(join(publishDir, 'targets'), { recursive: true });
  writeFileSync(join(publishDir, 'timestamp.json'), timestamp);
  writeFileSync(join(publishDir, 'root.json'), '{"signed":{"version":1}}');
  writeFileSync(join(publishDir, '1.root.json'), '{"signed":{"version":1}}');
  writeFileSync(join(publishDir, '4.snapshot.json'), '{"signed":{"version":4}}');
  writeFileSync(join(publishDir, '4.targets.json'), '{"signed":{"version":4}}');
  writeFileSync(join(publishDir, 'targets', `${dataSha}.replica.db`), data);
  writeFileSync(join(publishDir, 'targets', `${sha256('')}.empty.bin`), '');
  writeFileSync(join(publishDir, '.hidden'), 'hidden');
  writeFileSync(join(dir, 'secret.txt'), 'SECRET-OUTSIDE');
  symlinkSync(join(dir, 'secret.txt'), join(publishDir, 'escape.json'));
  // A fixed past time, so If-Modified-Since comparisons do not depend on the clock.
  const past = new Date('2026-03-01T00:00:00Z');
  utimesSync(join(publishDir, 'targets', `${dataSha}.replica.db`), past, past);

  db = openMaster(join(dir, 'county.db'), { create: true });
  app = await createCountyServer({ db, publishDir });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await app.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  fetch(`${base}${path}`, { headers, method });

/** Sends the path exactly as written; fetch() would resolve `..` and `%2e%2e` before sending. */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  const { port } = app.server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the publish directory over HTTP', () => {
  it('serves a content-addressed file whole, with a strong ETag and immutable caching', async () => {
    const res = await get(dataPath);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(data)).toBe(true);
    expect(res.headers.get('etag')).toBe(`"${dataSha}"`);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('last-modified')).toBe('Sun, 01 Mar 2026 00:00:00 GMT');
    expect(res.headers.get('content-type')).toBe('application/vnd.sqlite3');
    expect(res.headers.get('content-length')).toBe(String(data.length));
    expect(res.headers.get('accept-ranges')).toBe('bytes');
  });

  it('marks versioned metadata immutable and timestamp.json and root.json no-cache', async () => {
    for (const name of ['1.root.json', '4.snapshot.json', '4.targets.json']) {
      const res = await get(`/publish/${name}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('content-type')).toBe('application/json');
    }
    for (const name of ['timestamp.json', 'root.json']) {
      const res = await get(`/publish/${name}`);
      expect(res.headers.get('cache-control')).toBe('no-cache');
    }
    const res = await get('/publish/timestamp.json');
    expect(await res.text()).toBe(timestamp);
    expect(res.headers.get('etag')).toBe(`"${sha256(timestamp)}"`);
  });

  it('answers 304 to a matching If-None-Match or If-Modified-Since, and 200 otherwise', async () => {
    const etag = `"${dataSha}"`;
    const conditions: Record<string, string>[] = [
      { 'if-none-match': etag },
      { 'if-none-match': `"other", W/${etag}` },
      { 'if-modified-since': 'Sun, 01 Mar 2026 00:00:00 GMT' },
    ];
    for (const headers of conditions) {
      const res = await get(dataPath, headers);
      expect(res.status).toBe(304);
      expect(await res.text()).toBe('');
      expect(res.headers.get('etag')).toBe(etag);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
    expect((await get(dataPath, { 'if-none-match': '"other"' })).status).toBe(200);
    expect((await get(dataPath, { 'if-modified-since': 'Sat, 28 Feb 2026 23:59:59 GMT' })).status).toBe(200);
  });

  it('gives timestamp.json a new ETag when a publish renames a new one over it', async () => {
    const first = await get('/publish/timestamp.json');
    const oldEtag = first.headers.get('etag')!;
    expect((await get('/publish/timestamp.json', { 'if-none-match': oldEtag })).status).toBe(304);

    const next = JSON.stringify({ signed: { version: 5 } });
    writeFileSync(join(publishDir, 'timestamp.json.tmp'), next);
    renameSync(join(publishDir, 'timestamp.json.tmp'), join(publishDir, 'timestamp.json'));
    const res = await get('/publish/timestamp.json', { 'if-none-match': oldEtag });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(next);
    expect(res.headers.get('etag')).toBe(`"${sha256(next)}"`);
  });

  it('answers one byte range with 206, so a download can resume', async () => {
    const res = await get(dataPath, { range: 'bytes=1000-1999' });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 1000-1999/${data.length}`);
    expect(res.headers.get('content-length')).toBe('1000');
    expect(Buffer.from(await res.arrayBuffer()).equals(data.subarray(1000, 2000))).toBe(true);

    const rest = await get(dataPath, { range: 'bytes=99990-' });
    expect(Buffer.from(await rest.arrayBuffer()).equals(data.subarray(99_990))).toBe(true);
    const tail = await get(dataPath, { range: 'bytes=-10' });
    expect(tail.headers.get('content-range')).toBe(`bytes 99990-99999/${data.length}`);
  });

  it('honours a range only while If-Range still names the same file', async () => {
    const fresh = await get(dataPath, { range: 'bytes=0-9', 'if-range': `"${dataSha}"` });
    expect(fresh.status).toBe(206);
    expect((await fresh.arrayBuffer()).byteLength).toBe(10);
    const stale = await get(dataPath, { range: 'bytes=0-9', 'if-range': '"an-older-file"' });
    expect(stale.status).toBe(200);
    expect((await stale.arrayBuffer()).byteLength).toBe(data.length);
  });

  it('answers 416 with the file size for a range beyond the end, as a JSON error', async () => {
    const res = await get(dataPath, { range: `bytes=${data.length}-` });
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe(`bytes */${data.length}`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({
      error: { code: 'range-not-satisfiable', message: `the file has ${data.length} bytes` },
    });
    const empty = await get(`/publish/targets/${sha256('')}.empty.bin`, { range: 'bytes=0-' });
    expect(empty.status).toBe(416);
  });

  it('answers HEAD with the headers of GET and no body, and serves an empty file', async () => {
    const head = await get(dataPath, {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(data.length));
    expect(head.headers.get('etag')).toBe(`"${dataSha}"`);
    expect(await head.text()).toBe('');
    const empty = await get(`/publish/targets/${sha256('')}.empty.bin`);
    expect(empty.status).toBe(200);
    expect(empty.headers.get('content-type')).toBe('application/octet-stream');
    expect(await empty.text()).toBe('');
  });

  it('lists no directory and serves no hidden file', async () => {
    for (const path of [
      '/publish/',
      '/publish/targets',
      '/publish/targets/',
      '/publish/.hidden',
      '/publish',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(await res.json()).toMatchObject({ error: { code: 'not-found' } });
    }
  });

  it.each([
    '/publish/../secret.txt',
    '/publish/targets/../../secret.txt',
    '/publish/%2e%2e/secret.txt',
    '/publish/..%2fsecret.txt',
    '/publish/targets/..%2F..%2Fsecret.txt',
    '/publish/%2E%2E%5Csecret.txt',
    '/publish//etc/passwd',
    '/publish/%2fetc%2fpasswd',
    '/publish/escape.json',
  ])('refuses %s', async (path) => {
    const res = await rawGet(path);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('SECRET-OUTSIDE');
    expect(res.body).not.toContain('root:');
  });
});
