/**
 * Who may be the browser host's page, over real HTTP on 127.0.0.1: the one-time launch URL and its 0600 file,
 * the page-session cookie, the capability of each page load, and the refusals (403) of everything else.
 * The handlers here are trivial; tests/integration/browser-host-callers.int.test.ts runs the real ones.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KioskHandlers } from '../api/contract';
import { CAPABILITY_HEADER } from './kiosk-bridge';
import { foreignCall, launch, loadPage, openKioskPage, readLaunchUrl } from './page-client-test-support';
import { startBrowserHost, type BrowserHost } from './server';

let dir: string;
let launchUrlFile: string;
let host: BrowserHost;
let origin: string;
/** Resolves the running waitForCard call; set while one runs. */
let releaseWait: (() => void) | null;
let waitStarted: Promise<void>;
let markWaitStarted: () => void;

const handlers = {
  endSession: async () => ({ ended: true }),
  noteIdleTimeout: async () => ({ counted: true }),
  waitForCard: async ({ after }: { after: number }) => {
    markWaitStarted();
    await new Promise<void>((resolve) => (releaseWait = resolve));
    return { seq: after + 1, reader: 'ready', card: null };
  },
} as unknown as KioskHandlers;

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'huimin-page-gate-'));
  writeFileSync(
    path.join(dir, 'index.html'),
    '<html><head></head><body><script src="/app.js"></script></body></html>',
  );
  writeFileSync(path.join(dir, 'app.js'), 'void 0;');
  launchUrlFile = path.join(dir, 'state', 'kiosk-launch-url');
  waitStarted = new Promise((resolve) => (markWaitStarted = resolve));
  releaseWait = null;
  host = await startBrowserHost({ handlers, rendererDir: dir, port: 0, launchUrlFile });
  origin = new URL(host.url).origin;
});

afterEach(async () => {
  releaseWait?.();
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

async function get(pathname: string, headers: Record<string, string> = {}) {
  const response = await fetch(new URL(pathname, origin), { headers, redirect: 'manual' });
  return { status: response.status, text: await response.text() };
}

/** A request with its path exactly as given (fetch would normalise it). */
function rawGet(pathname: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port: new URL(origin).port, path: pathname },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on('error', reject);
    request.end();
  });
}

const CHINESE_FIRST = /^[\u4e00-\u9fff]/;

describe('the launch URL', () => {
  it('is kept in a file only its owner can read, and opens a page session once', async () => {
    expect(statSync(launchUrlFile).mode & 0o777).toBe(0o600);
    const url = readLaunchUrl(launchUrlFile);
    expect(url).toMatch(new RegExp(`^${origin}/launch\\?t=[\\w-]{43}$`));

    const response = await fetch(url, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
    expect(response.headers.get('set-cookie')).toMatch(/; HttpOnly; SameSite=Strict; Path=\/$/);

    const again = await launch(url);
    expect(again).toEqual({ status: 403, cookie: null });
    expect((await get(new URL(url).pathname + new URL(url).search)).text).toMatch(CHINESE_FIRST);
  });

  it('is replaced by a fresh one after each use, so every new browser can launch, each once', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const url = readLaunchUrl(launchUrlFile);
      expect(seen.has(url)).toBe(false);
      seen.add(url);
      expect((await launch(url)).status).toBe(303);
      expect(statSync(launchUrlFile).mode & 0o777).toBe(0o600);
    }
    for (const url of seen) expect((await launch(url)).status).toBe(403);
  });

  it('replaces a launch file others could read with one they cannot', async () => {
    await host.close();
    writeFileSync(launchUrlFile, 'stale', { mode: 0o644 });
    host = await startBrowserHost({ handlers, rendererDir: dir, port: 0, launchUrlFile });
    expect(statSync(launchUrlFile).mode & 0o777).toBe(0o600);
    expect(readLaunchUrl(launchUrlFile)).toContain(new URL(host.url).origin);
  });

  it('opens nothing from another site', async () => {
    const url = readLaunchUrl(launchUrlFile);
    const response = await fetch(url, { redirect: 'manual', headers: { 'sec-fetch-site': 'cross-site' } });
    expect(response.status).toBe(403);
    // Refused, not spent: the kiosk's own browser can still use it.
    expect((await launch(url)).status).toBe(303);
  });

  it.runIf(process.getuid?.() === 0)(
    'read by another user (as from Chromium’s command line) opens nothing, and stays good for the kiosk',
    async () => {
      const url = readLaunchUrl(launchUrlFile);
      const script = `fetch(process.argv[1], { redirect: 'manual' }).then((r) => console.log(r.status))`;
      const child = spawn(process.execPath, ['-e', script, url], { uid: 65534, gid: 65534 });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const code = await new Promise((resolve) => child.on('exit', resolve));
      expect({ code, status: output.trim() }).toEqual({ code: 0, status: '403' });
      expect((await launch(url)).status).toBe(303);
    },
  );

  it('is removed when the host stops', async () => {
    await host.close();
    expect(existsSync(launchUrlFile)).toBe(false);
    host = await startBrowserHost({ handlers, rendererDir: dir, port: 0, launchUrlFile });
  });
});

describe('the page', () => {
  it('is served only to the current page session, with a short bilingual refusal otherwise', async () => {
    const refused = await get('/');
    expect(refused.status).toBe(403);
    expect(refused.text).toMatch(CHINESE_FIRST);
    expect(refused.text).toContain('launch URL');
    expect((await get('/index.html')).status).toBe(403);
    expect((await get('/', { cookie: `kiosk-page-${new URL(origin).port}=guessed` })).status).toBe(403);

    const { cookie } = await launch(readLaunchUrl(launchUrlFile));
    expect((await get('/', { cookie: cookie!, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await get('/', { cookie: cookie! })).status).toBe(200);
    // Its code, styles and fonts hold nothing personal and stay public.
    expect((await get('/app.js')).status).toBe(200);
  });

  it('answers the calls of its newest load only: a reload supersedes the previous load', async () => {
    const first = await openKioskPage(host.url, launchUrlFile);
    expect(await first.kiosk.endSession({ sessionId: 'a'.repeat(32) })).toEqual({
      ok: true,
      value: { ended: true },
    });
    const reloaded = await loadPage(host.url, first.cookie);
    expect(reloaded.capability).not.toBe(first.capability);
    const stale = await first.kiosk.endSession({ sessionId: 'a'.repeat(32) });
    expect(stale).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await reloaded.kiosk.noteIdleTimeout({})).toEqual({ ok: true, value: { counted: true } });
  });

  it('of a previous launch is refused once another browser has launched', async () => {
    const before = await openKioskPage(host.url, launchUrlFile);
    const after = await openKioskPage(host.url, launchUrlFile);
    expect(await before.kiosk.noteIdleTimeout({})).toMatchObject({ ok: false });
    expect((await get('/', { cookie: before.cookie })).status).toBe(403);
    expect(await after.kiosk.noteIdleTimeout({})).toMatchObject({ ok: true });
  });

  it('gets 403, not the answer, for a call that was running when it was reloaded', async () => {
    const page = await openKioskPage(host.url, launchUrlFile);
    const waiting = page.kiosk.waitForCard({ after: 3 });
    await waitStarted;
    const reloaded = await loadPage(host.url, page.cookie);
    releaseWait!();
    expect(await waiting).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await reloaded.kiosk.noteIdleTimeout({})).toMatchObject({ ok: true });
  });
});

describe('a call from anything but the current page', () => {
  it('is refused with 403 and a bilingual message, whatever it carries short of both secrets', async () => {
    const page = await openKioskPage(host.url, launchUrlFile);
    const own = { cookie: page.cookie, [CAPABILITY_HEADER]: page.capability, origin };
    const attempts: Record<string, Record<string, string>> = {
      nothing: {},
      'the page’s origin': { origin },
      'the cookie alone': { cookie: page.cookie, origin },
      'the capability alone': { [CAPABILITY_HEADER]: page.capability, origin },
      'both, from another site': { ...own, 'sec-fetch-site': 'same-site' },
      'both, from another origin': { ...own, origin: 'http://127.0.0.1:1' },
    };
    for (const [what, headers] of Object.entries(attempts)) {
      const { status, body } = await foreignCall(host.url, 'noteIdleTimeout', {}, headers);
      expect({ what, status }).toEqual({ what, status: 403 });
      expect(body).toMatchObject({
        ok: false,
        error: { code: 'forbidden-sender', message: expect.stringMatching(CHINESE_FIRST) },
      });
    }
    expect((await foreignCall(host.url, 'noteIdleTimeout', {}, own)).status).toBe(200);
  });
});

describe('a malformed path', () => {
  it.each(['/%', '/%E0%A4%A', '/assets/%ZZ.js'])(
    '%s answers 400, and the host serves on',
    async (pathname) => {
      expect(await rawGet(pathname)).toBe(400);
      expect(await rawGet('/app.js')).toBe(200);
    },
  );
});
