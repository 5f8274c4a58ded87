// No Electron binary can be downloaded on this machine, so these tests run startKioskApp against a small
// hand-written fake of the `electron` module (./fake-electron). The runtime is replaced too: main is a relay,
// and the handlers behind it are tested on their own.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KioskConfigError } from '../kiosk-config/load-config';
import type { KioskConfig } from '../kiosk-config/schema';
import type { KioskHandlers } from './api/contract';
import { createFakeElectron, type FakeElectron } from './fake-electron';
import { configPathFrom, startKioskApp, type KioskAppOptions } from './main';

const runtime = vi.hoisted(() => ({
  configs: [] as unknown[],
  close: async () => {},
  getSiteInfo: async (): Promise<unknown> => ({}),
}));
vi.mock('./api/create-runtime', () => ({
  createKioskRuntime: async (config: KioskConfig) => {
    runtime.configs.push(config);
    const handlers = {
      getSiteInfo: () => runtime.getSiteInfo(),
      lookupResident: async () => ({ status: 'not-found' }),
      printReceipt: async () => ({ status: 'failed', reason: 'not-configured' }),
      endSession: async () => ({ ended: false }),
    } as unknown as KioskHandlers;
    return { handlers, close: () => runtime.close() };
  },
}));

const examples = path.join(import.meta.dirname, '..', 'kiosk-config', 'examples');
let dir: string;
let fake: FakeElectron;
let options: KioskAppOptions;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-main-'));
  const rendererDir = path.join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>');
  fake = createFakeElectron({ userDataDir: path.join(dir, 'user-data') });
  options = { argv: ['electron', '.'], env: {}, rendererDir, preloadPath: '/opt/huimin/preload.cjs' };
  runtime.configs = [];
  runtime.close = vi.fn(async () => {});
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function start(overrides: Partial<KioskAppOptions> = {}) {
  const started = await startKioskApp(fake.asElectron(), { ...options, ...overrides });
  const window = fake.windows[0];
  if (!started || !window) throw new Error('expected the kiosk to start');
  return { started, window };
}

describe('startKioskApp', () => {
  it('opens one locked-down kiosk window on app://kiosk/ with the preload', async () => {
    const { window } = await start();
    expect(fake.windows).toHaveLength(1);
    expect(window.options).toMatchObject({
      kiosk: true,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, devTools: false },
    });
    expect(window.options.webPreferences?.preload).toBe('/opt/huimin/preload.cjs');
    expect(window.loadedUrls).toEqual(['app://kiosk/']);
    expect(fake.Menu.applicationMenu).toBeNull();
  });

  it('keeps the window on the app: other origins blocked, new windows denied', async () => {
    const { window } = await start();
    expect(window.webContents.navigate('app://kiosk/index.html')).toBe(true);
    expect(window.webContents.navigate('https://example.com/')).toBe(false);
    expect(window.webContents.navigate('https://example.com/', 'will-redirect')).toBe(false);
    expect(window.webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({
      action: 'deny',
    });
  });

  it('denies every permission the page asks for', async () => {
    await start();
    const callback = vi.fn();
    fake.session.defaultSession.permissionRequestHandler?.({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(fake.session.defaultSession.permissionCheckHandler?.({}, 'media', 'app://kiosk')).toBe(false);
  });

  it('registers app:// as a privileged scheme and serves the renderer from it with the CSP', async () => {
    await start();
    expect(fake.protocol.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    const serve = fake.protocol.handlers.get('app');
    const page = await serve?.({ url: 'app://kiosk/' });
    expect(await page?.text()).toContain('<title>kiosk</title>');
    expect(page?.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect((await serve?.({ url: 'app://kiosk/../../etc/passwd' }))?.status).toBe(404);
  });

  it('relays calls from the kiosk page to the runtime and refuses other senders', async () => {
    runtime.getSiteInfo = async () => ({
      kioskId: 'qingxi-demo-01',
      siteName: '青山镇便民服务中心',
      township: '青山镇',
      village: null,
      hotline: '0000-1234567',
      languages: ['zh-CN'],
      defaultLanguage: 'zh-CN',
      idleSeconds: 90,
      idleWarningSeconds: 20,
      textScale: 1,
      data: { version: 1, asOf: '2025-06-30', stale: false },
    });
    await start();
    expect(await fake.ipcMain.invokeFrom('app://kiosk/', 'kiosk:call', 'getSiteInfo', {})).toMatchObject({
      ok: true,
      value: { kioskId: 'qingxi-demo-01' },
    });
    expect(
      await fake.ipcMain.invokeFrom('https://evil.example/', 'kiosk:call', 'getSiteInfo', {}),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
  });

  it('reloads the start page when the renderer crashes', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { window } = await start();
    window.webContents.crash('crashed');
    window.webContents.crash('oom');
    expect(window.loadedUrls).toEqual(['app://kiosk/', 'app://kiosk/', 'app://kiosk/']);
    expect(log).toHaveBeenCalledWith('kiosk: renderer gone (oom), reloading');
    log.mockRestore();
  });

  it('closes the runtime before the app quits', async () => {
    await start();
    fake.app.quit();
    expect(fake.app.quitted).toBe(false);
    await vi.waitFor(() => expect(fake.app.quitted).toBe(true));
    expect(runtime.close).toHaveBeenCalledTimes(1);
  });

  it('lets a second copy quit and brings the first one to the front', async () => {
    const { window } = await start();
    window.minimized = true;
    fake.app.emit('second-instance');
    expect(window.focused).toBe(true);
    expect(window.minimized).toBe(false);

    const second = createFakeElectron({ singleInstanceLock: false });
    expect(await startKioskApp(second.asElectron(), options)).toBeNull();
    expect(second.windows).toHaveLength(0);
    expect(second.app.quitRequests).toBe(1);
  });

  it('opens DevTools only with --devtools', async () => {
    const { window } = await start({ argv: ['electron', '.', '--devtools'] });
    expect(window.options.webPreferences?.devTools).toBe(true);
  });
});

describe('the config it runs with', () => {
  it('uses --config=FILE', async () => {
    const { started } = await start({
      argv: ['electron', '.', `--config=${path.join(examples, 'township-service-hall.json')}`],
    });
    expect(started.config.kioskId).toBe('qingxi-qingshan-hall-01');
    expect(runtime.configs).toEqual([started.config]);
  });

  it('runs the sync agent beside a terminal config, and stops it when the app quits', async () => {
    const configFile = path.join(examples, 'township-service-hall.json');
    await start({
      argv: ['electron', '.', `--config=${configFile}`],
      syncAgentScript: '/app/dist/sync-agent.cjs',
    });
    expect(fake.utilityProcess.forks.map((f) => [f.script, f.args])).toEqual([
      ['/app/dist/sync-agent.cjs', ['run', `--config=${configFile}`, '--app-version=0.1.0']],
    ]);
    fake.app.quit();
    expect(fake.utilityProcess.forks[0]?.killed).toBe(true);
  });

  it('runs no sync agent for the embedded demo, which has no county to sync from', async () => {
    await start({ syncAgentScript: '/app/dist/sync-agent.cjs' });
    expect(fake.utilityProcess.forks).toEqual([]);
  });

  it('uses HUIMIN_KIOSK_CONFIG when there is no --config', async () => {
    const { started } = await start({
      env: { HUIMIN_KIOSK_CONFIG: path.join(examples, 'village-service-station.json') },
    });
    expect(started.config.kioskId).toBe('qingxi-baisha-station-01');
  });

  it('falls back to the demo config with its files in the user data directory', async () => {
    const { started } = await start();
    expect(started.config.cardReader.kind).toBe('simulator');
    expect(started.config.paths.replica).toBe(path.join(dir, 'user-data', 'demo-kiosk', 'replica.db'));
  });

  it('uses the demo data that npm start prepared when given --demo-dir', async () => {
    const { started } = await start({
      argv: ['electron', 'main.cjs', `--demo-dir=${path.join(dir, 'prepared')}`],
    });
    expect(started.config.paths.replica).toBe(path.join(dir, 'prepared', 'replica.db'));
  });

  it('fails with the config error and opens no window when the file is wrong', async () => {
    const file = path.join(dir, 'kiosk.json');
    writeFileSync(file, '{"kioskId": "X"}');
    await expect(
      startKioskApp(fake.asElectron(), { ...options, env: { HUIMIN_KIOSK_CONFIG: file } }),
    ).rejects.toThrow(KioskConfigError);
    expect(fake.windows).toHaveLength(0);
  });

  it('prefers the command line over the environment', () => {
    expect(configPathFrom(['--config=/etc/a.json'], { HUIMIN_KIOSK_CONFIG: '/etc/b.json' })).toBe(
      '/etc/a.json',
    );
    expect(configPathFrom([], { HUIMIN_KIOSK_CONFIG: '' })).toBeNull();
  });
});
