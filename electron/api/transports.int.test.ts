/**
 * The two transports agree: every operation of the contract is reachable through Electron's IPC glue and
 * through the browser host's HTTP, and both reject bad calls with the same error envelope.
 *
 * No Electron binary can be downloaded on this machine, so the IPC side runs the real `registerKioskIpc`
 * against a minimal fake of `ipcMain` (it records the one handler registered); the HTTP side is the real
 * browser host on 127.0.0.1, called as its page calls it: launched, loaded, through the bridge script it serves.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerKioskIpc } from '../ipc';
import { startBrowserHost, type BrowserHost } from '../browser-host/server';
import { API_PATH, CAPABILITY_HEADER } from '../browser-host/kiosk-bridge';
import { foreignCall, openKioskPage, type KioskPage } from '../browser-host/page-client-test-support';
import {
  operationNames,
  type KioskHandlers,
  type OperationInput,
  type OperationName,
  type OperationOutput,
} from './contract';

const SESSION = '0123456789abcdef0123456789abcdef';
const HELPER_TOKEN = '0123456789abcdef0123456789abcdef0123456789abcdef';

/** One valid call per operation and what its handler answers; a new operation must be added here. */
const samples: { [N in OperationName]: { input: OperationInput<N>; output: OperationOutput<N> } } = {
  getSiteInfo: {
    input: {},
    output: {
      kioskId: 'qingshan-hall-01',
      siteName: '青山镇便民服务中心',
      township: '青山镇',
      village: null,
      hotline: '0591-12345',
      languages: ['zh-CN', 'en'],
      defaultLanguage: 'zh-CN',
      idleSeconds: 90,
      idleWarningSeconds: 20,
      textScale: 1,
      data: { version: 3, asOf: '2026-11-20T08:00:00.000Z', stale: false },
    },
  },
  lookupResident: {
    input: { idNumber: '359901194503070021', name: '张三明' },
    output: { status: 'not-found' },
  },
  printReceipt: {
    input: { sessionId: SESSION, year: 2026, locale: 'zh-CN' },
    output: { status: 'printed', jobId: '20261124-101500-ab12' },
  },
  printJobStatus: {
    input: { jobId: '20261124-101500-ab12' },
    output: { state: 'waiting', reason: 'paper-out' },
  },
  cancelPrint: { input: { jobId: '20261124-101500-ab12' }, output: { state: 'cancelled' } },
  getDeviceStatus: { input: {}, output: { printer: 'paper-near-end', cardReader: 'ready' } },
  waitForCard: {
    input: { after: 3 },
    output: { seq: 4, reader: 'lift-card', card: { status: 'unreadable', reason: 'read-failed' } },
  },
  endSession: { input: { sessionId: SESSION }, output: { ended: true } },
  noteIdleTimeout: { input: {}, output: { counted: true } },
  getProgramInfo: {
    input: { programCode: 'reservoir-resettlement', locale: 'zh-CN' },
    output: {
      status: 'found',
      program: {
        code: 'reservoir-resettlement',
        name: '大中型水库移民后期扶持',
        department: '县水利局',
        policyBasis: '国发〔2006〕17号',
        standardFen: 60000,
        unit: '元/人/年',
        frequency: 'yearly',
        phone: '12345',
      },
    },
  },
  helperUnlock: { input: { pin: '246810' }, output: { status: 'unlocked', token: HELPER_TOKEN } },
  helperLock: { input: { token: HELPER_TOKEN }, output: { locked: true } },
  helperStatus: {
    input: { token: HELPER_TOKEN },
    output: {
      status: 'ok',
      devices: { printer: 'ready', cardReader: 'ready' },
      sync: {
        dataVersion: 3,
        dataAsOf: '2026-11-20T08:00:00.000Z',
        lastAttemptAt: '2026-11-24T02:00:00.000Z',
        lastOutcome: 'unreachable',
        lastError: 'connect ECONNREFUSED 127.0.0.1:8787',
        outboxDepth: 2,
        outboxFailed: 0,
      },
      canExitToMaintenance: false,
    },
  },
  helperTestPrint: {
    input: { token: HELPER_TOKEN, locale: 'zh-CN' },
    output: { status: 'waiting', reason: 'paper-out' },
  },
  helperTestCard: { input: { token: HELPER_TOKEN }, output: { status: 'read', simulated: true } },
  helperSyncNow: { input: { token: HELPER_TOKEN }, output: { status: 'updated', dataVersion: 4 } },
  helperMarkAssisted: {
    input: { token: HELPER_TOKEN, sessionId: SESSION },
    output: { status: 'already-counted' },
  },
  helperReprint: {
    input: { token: HELPER_TOKEN, sessionId: SESSION, year: 2026, locale: 'en' },
    output: { status: 'not-printed', reason: 'cover-open' },
  },
  helperExitToMaintenance: { input: { token: HELPER_TOKEN }, output: { status: 'not-unlocked' } },
};

const calls: { operation: OperationName; input: unknown }[] = [];
const handlers = Object.fromEntries(
  operationNames.map((name) => [
    name,
    async (input: unknown) => {
      calls.push({ operation: name, input });
      return samples[name].output;
    },
  ]),
) as unknown as KioskHandlers;

type Call = (operation: unknown, input: unknown) => Promise<unknown>;

let ipcCall: Call;
let httpCall: Call;
let host: BrowserHost;
let page: KioskPage;
/** What the page's own calls carry besides the body. */
let pageHeaders: Record<string, string>;

beforeAll(async () => {
  let registered: ((event: unknown, ...args: unknown[]) => unknown) | undefined;
  const fakeIpcMain = {
    handle: (_channel: string, listener: (event: unknown, ...args: unknown[]) => unknown) => {
      registered = listener;
    },
  };
  registerKioskIpc(fakeIpcMain as never, handlers, () => true);
  const appFrame = { senderFrame: { url: 'app://kiosk/index.html' } };
  ipcCall = async (operation, input) => registered!(appFrame, operation, input);

  const rendererDir = mkdtempSync(path.join(os.tmpdir(), 'huimin-renderer-'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<html><head></head><body></body></html>');
  host = await startBrowserHost({
    handlers,
    rendererDir,
    port: 0,
    launchUrlFile: path.join(rendererDir, 'kiosk-launch-url'),
  });
  page = await openKioskPage(host.url, path.join(rendererDir, 'kiosk-launch-url'));
  pageHeaders = {
    cookie: page.cookie,
    [CAPABILITY_HEADER]: page.capability,
    origin: new URL(host.url).origin,
    'sec-fetch-site': 'same-origin',
  };
  // Through the page's own bridge script where it has the operation; an unknown one as raw HTTP.
  httpCall = async (operation, input) =>
    typeof operation === 'string' && Object.hasOwn(page.kiosk, operation)
      ? (page.kiosk as unknown as Record<string, (input: unknown) => Promise<unknown>>)[operation]!(input)
      : (await foreignCall(host.url, String(operation), input, pageHeaders)).body;
});

afterAll(() => host.close());

describe('both transports', () => {
  it.each(operationNames)('reach %s with the same answer', async (operation) => {
    calls.length = 0;
    const viaIpc = await ipcCall(operation, samples[operation].input);
    const viaHttp = await httpCall(operation, samples[operation].input);
    expect(viaIpc).toEqual({ ok: true, value: samples[operation].output });
    expect(viaHttp).toEqual(viaIpc);
    expect(calls.map((call) => call.operation)).toEqual([operation, operation]);
  });

  it('reject invalid input with the same error shape, naming the field, without calling the handler', async () => {
    calls.length = 0;
    const bad = { idNumber: 42, name: '张三明' };
    const viaIpc = await ipcCall('lookupResident', bad);
    const viaHttp = await httpCall('lookupResident', bad);
    expect(viaIpc).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(viaHttp).toEqual(viaIpc);
    expect((viaIpc as { error: { issues: { path: string }[] } }).error.issues.map((i) => i.path)).toContain(
      'idNumber',
    );
    expect(calls).toEqual([]);
  });

  it('reject an unknown operation the same way', async () => {
    const viaIpc = await ipcCall('dropDatabase', {});
    expect(viaIpc).toMatchObject({ ok: false, error: { code: 'unknown-operation' } });
    expect(await httpCall('dropDatabase', {})).toEqual(viaIpc);
  });

  it('refuse to pass on output a handler got wrong', async () => {
    const broken = { ...handlers, endSession: async () => ({ ended: 'yes' }) } as unknown as KioskHandlers;
    let registered: ((event: unknown, ...args: unknown[]) => unknown) | undefined;
    const fakeIpcMain = { handle: (_: string, listener: typeof registered) => (registered = listener) };
    const failed: string[] = [];
    registerKioskIpc(
      fakeIpcMain as never,
      broken,
      () => true,
      (operation) => failed.push(operation),
    );
    const answer = await registered!({ senderFrame: { url: 'app://kiosk/' } }, 'endSession', {
      sessionId: SESSION,
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(failed).toEqual(['endSession']);
  });
});

describe('the browser host', () => {
  it('refuses API calls that are not JSON (a form post from another page)', async () => {
    const response = await fetch(new URL(API_PATH, host.url), {
      method: 'POST',
      headers: { ...pageHeaders, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'operation=endSession',
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });

  it('refuses calls from another origin, even with the page’s cookie and capability', async () => {
    expect((await foreignCall(host.url, 'getSiteInfo', {}, pageHeaders)).status).toBe(200);
    const { status } = await foreignCall(
      host.url,
      'getSiteInfo',
      {},
      {
        ...pageHeaders,
        origin: 'http://evil.example',
      },
    );
    expect(status).toBe(403);
  });

  it('serves the page with the bridge inline under a strict CSP that admits that one script', async () => {
    const response = await fetch(host.url, { headers: { cookie: page.cookie } });
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(await response.text()).toContain(`<script nonce="${nonce}">"use strict";`);
  });

  it('serves nothing outside the renderer directory', async () => {
    const response = await fetch(new URL('/..%2f..%2f..%2fetc%2fpasswd', host.url));
    expect(response.status).toBe(404);
  });
});
