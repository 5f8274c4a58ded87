/**
 * Clients that hold connections open over real sockets: a body or headers sent a byte at a time, a connection
 * that never says anything, an idle keep-alive, oversized headers. Short limits here, so that each is cut
 * long before it would finish; the bounds asserted are generous, so a loaded machine still passes.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../domain/county-api';
import { openMaster, type MasterDatabase } from '../master/open-master';
import { createCountyServer, type CountyServerLimits } from './create-server';
import { addTerminal } from './terminal-registry';

const NOW = new Date('2026-03-05T08:30:00.000Z');
/** The limits under test: a second and a half for a request, a second for its headers, half a second idle. */
const SHORT: Partial<CountyServerLimits> = { requestMs: 1500, headersMs: 1000, keepAliveMs: 500 };
/** One byte every 100 ms: the 1,000-byte bodies and headers below would take 100 s to arrive. */
const TRICKLE_MS = 100;
const TRICKLED_BYTES = 1000;
/** Far below the 100 s a trickle takes, far above the limits: the server must have cut it by then. */
const CUT_WITHIN_MS = 20_000;

let dir: string;
let db: MasterDatabase;
let app: FastifyInstance | undefined;
let port: number;
let token: string;
const sockets: Socket[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'county-slow-'));
  mkdirSync(join(dir, 'publish'));
  db = openMaster(join(dir, 'county.db'), { create: true });
  token = addTerminal(db, { id: 'T-001', siteName: '城关镇便民服务中心' }, NOW).token;
});

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await app?.close();
  app = undefined;
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function start(limits: Partial<CountyServerLimits> = SHORT): Promise<void> {
  app = await createCountyServer({ db, publishDir: join(dir, 'publish'), limits, now: () => NOW });
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as AddressInfo).port;
}

interface Outcome {
  /** Everything the server wrote before it closed the connection. */
  answer: string;
  /** How many of the trickled bytes were written before the close. */
  trickled: number;
  /** From connecting to the close. */
  ms: number;
}

/**
 * Connects, writes `head` at once, then `tail` one byte every TRICKLE_MS, until the server closes the
 * connection (or the tail is written).
 */
function trickle(head: string, tail: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = connect(port, '127.0.0.1');
    sockets.push(socket);
    let answer = '';
    let trickled = 0;
    let timer: NodeJS.Timeout | undefined;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    // Writing after the server has closed fails; the close that follows settles the outcome.
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ answer, trickled, ms: performance.now() - started });
    });
    socket.on('connect', () => {
      if (head) socket.write(head);
      timer = setInterval(() => {
        if (trickled === tail.length || socket.destroyed) return clearInterval(timer);
        socket.write(tail[trickled++]!);
      }, TRICKLE_MS);
    });
  });
}

function errorCodeOf(answer: string): string {
  return errorBodySchema.parse(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).error.code;
}

const slowBody = `{"pad":"${'x'.repeat(TRICKLED_BYTES - 11)}"}`;

describe('slow and idle clients', () => {
  it('answers 408 and closes a connection whose body comes a byte at a time', async () => {
    await start();
    const { answer, trickled, ms } = await trickle(
      'POST /api/v1/heartbeat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
        `Authorization: Bearer ${token}\r\nContent-Length: ${slowBody.length}\r\n\r\n`,
      slowBody,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expect(errorCodeOf(answer)).toBe('request-timeout');
    expect(trickled).toBeLessThan(slowBody.length);
    expect(ms).toBeLessThan(CUT_WITHIN_MS);
    expect(ms).toBeGreaterThanOrEqual(1000);
  });

  it('closes a slow body without a token too, after answering 401 at once', async () => {
    await start();
    const { answer, trickled, ms } = await trickle(
      'POST /api/v1/heartbeat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
        `Content-Length: ${slowBody.length}\r\n\r\n`,
      slowBody,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 401 /);
    expect(trickled).toBeLessThan(slowBody.length);
    expect(ms).toBeLessThan(CUT_WITHIN_MS);
  });

  it('answers 408 and closes a connection whose headers come a byte at a time', async () => {
    await start();
    const { answer, trickled, ms } = await trickle(
      'GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n',
      `X-Slow: ${'a'.repeat(TRICKLED_BYTES)}\r\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(trickled).toBeLessThan(TRICKLED_BYTES);
    expect(ms).toBeLessThan(CUT_WITHIN_MS);
  });

  it('closes a connection that never sends anything', async () => {
    await start();
    const { ms } = await trickle('', '');
    expect(ms).toBeLessThan(CUT_WITHIN_MS);
  });

  it('closes a keep-alive connection left idle after an answer', async () => {
    await start();
    const { answer, ms } = await trickle('GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', '');
    expect(answer).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(ms).toBeLessThan(CUT_WITHIN_MS);
  });

  it('refuses headers over 8 KiB with 431', async () => {
    await start({});
    const { answer } = await trickle(
      `GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(9 * 1024)}\r\n\r\n`,
      '',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(errorCodeOf(answer)).toBe('headers-too-large');
  });
});
