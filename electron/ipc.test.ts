// No Electron binary can be downloaded on this machine, so these tests register the IPC handler on a small
// hand-written fake of the `electron` module (./fake-electron) and call it as a renderer frame would.
import type { IpcMain, WebFrameMain } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { KioskHandlers, SiteInfo } from './api/contract';
import { createFakeElectron } from './fake-electron';
import { isAppFrame, registerKioskIpc } from './ipc';

const siteInfo: SiteInfo = {
  kioskId: 'qingxi-demo-01',
  siteName: '青山镇便民服务中心',
  township: '青山镇',
  village: null,
  hotline: '0000-1234567',
  languages: ['zh-CN', 'en'],
  defaultLanguage: 'zh-CN',
  idleSeconds: 90,
  idleWarningSeconds: 20,
  textScale: 1,
  data: { version: 3, asOf: '2025-06-30', stale: false },
};

function setUp(handlerOverrides: Partial<KioskHandlers> = {}) {
  const fake = createFakeElectron();
  const handlers: KioskHandlers = {
    getSiteInfo: vi.fn(async () => siteInfo),
    lookupResident: vi.fn(async () => ({ status: 'not-found' as const })),
    printReceipt: vi.fn(async () => ({ status: 'printed' as const, jobId: 'job-1' })),
    printJobStatus: vi.fn(async () => ({ state: 'printed' as const })),
    cancelPrint: vi.fn(async () => ({ state: 'cancelled' as const })),
    getDeviceStatus: vi.fn(async () => ({ printer: 'ready' as const, cardReader: 'ready' as const })),
    waitForCard: vi.fn(async () => ({ seq: 0, reader: 'ready' as const, card: null })),
    endSession: vi.fn(async () => ({ ended: true })),
    noteIdleTimeout: vi.fn(async () => ({ counted: true })),
    getProgramInfo: vi.fn(async () => ({ status: 'not-found' as const })),
    helperUnlock: vi.fn(async () => ({ status: 'wrong' as const, attemptsLeft: 4 })),
    helperLock: vi.fn(async () => ({ locked: true })),
    helperStatus: vi.fn(async () => ({ status: 'not-unlocked' as const })),
    helperTestPrint: vi.fn(async () => ({ status: 'printed' as const })),
    helperTestCard: vi.fn(async () => ({ status: 'no-card' as const })),
    helperSyncNow: vi.fn(async () => ({ status: 'busy' as const })),
    helperMarkAssisted: vi.fn(async () => ({ status: 'counted' as const })),
    helperReprint: vi.fn(async () => ({ status: 'no-session' as const })),
    helperExitToMaintenance: vi.fn(async () => ({ status: 'unsupported' as const })),
    ...handlerOverrides,
  };
  const onInternalError = vi.fn();
  registerKioskIpc(fake.ipcMain as unknown as IpcMain, handlers, isAppFrame, onInternalError);
  const call = (frameUrl: string | null, name: unknown, input?: unknown) =>
    fake.ipcMain.invokeFrom(frameUrl, 'kiosk:call', name, input);
  return { handlers, call, onInternalError, fake };
}

describe('registerKioskIpc', () => {
  it('registers exactly one channel', () => {
    expect([...setUp().fake.ipcMain.handlers.keys()]).toEqual(['kiosk:call']);
  });

  it('dispatches a valid call from the kiosk page', async () => {
    const { call } = setUp();
    expect(await call('app://kiosk/', 'getSiteInfo', {})).toEqual({ ok: true, value: siteInfo });
  });

  it.each([['https://evil.example/'], ['app://other/'], [null]])(
    'answers forbidden-sender to a frame at %s without running the handler',
    async (frameUrl) => {
      const { call, handlers } = setUp();
      const answer = await call(frameUrl, 'getSiteInfo', {});
      expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden-sender', issues: [] } });
      expect(handlers.getSiteInfo).not.toHaveBeenCalled();
    },
  );

  it('refuses a sub-frame even on the app origin', () => {
    const child = { url: 'app://kiosk/', parent: { url: 'app://kiosk/' } } as unknown as WebFrameMain;
    expect(isAppFrame(child)).toBe(false);
  });

  it('answers invalid-input with the field paths, and does not run the handler', async () => {
    const { call, handlers } = setUp();
    const answer = await call('app://kiosk/', 'lookupResident', { idNumber: 42 });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const paths = (answer as { error: { issues: { path: string }[] } }).error.issues.map(
      (issue) => issue.path,
    );
    expect(paths.sort()).toEqual(['idNumber', 'name']);
    expect(handlers.lookupResident).not.toHaveBeenCalled();
  });

  it('answers unknown-operation for a name outside the contract', async () => {
    const { call } = setUp();
    expect(await call('app://kiosk/', 'readFile', { path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'unknown-operation' },
    });
  });

  it('reports a failing handler as internal, without its message reaching the page', async () => {
    const { call, onInternalError } = setUp({
      endSession: async () => {
        throw new Error('database is locked');
      },
    });
    const answer = await call('app://kiosk/', 'endSession', { sessionId: 'a'.repeat(32) });
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(answer)).not.toContain('database is locked');
    expect(onInternalError).toHaveBeenCalledWith('endSession', expect.any(Error));
  });
});
