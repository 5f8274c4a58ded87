/**
 * A small hand-written stand-in for the `electron` module, for unit tests only. No Electron binary can be
 * downloaded on the machines these tests run on, so the main-process glue is exercised against this fake;
 * it models just the calls the glue makes and lets a test play the part of Chromium (navigate, crash, call
 * over IPC, ask for a permission).
 */
import { EventEmitter } from 'node:events';
import type * as Electron from 'electron';

export class FakeEvent {
  defaultPrevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: WindowOpenHandler | null = null;

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  /** Whether Chromium would go on with a navigation to `url` after the app's listeners ran. */
  navigate(url: string, event: 'will-navigate' | 'will-redirect' = 'will-navigate'): boolean {
    const navigation = new FakeEvent(url);
    this.emit(event, navigation, url);
    return !navigation.defaultPrevented;
  }

  crash(reason: string): void {
    this.emit('render-process-gone', new FakeEvent(), { reason, exitCode: 139 });
  }
}

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
) => void;
type IpcHandler = (event: { senderFrame: unknown }, ...args: unknown[]) => unknown;

export interface FakeElectronOptions {
  /** False plays a second copy of the app started while the first runs. */
  singleInstanceLock?: boolean;
  userDataDir?: string;
}

export function createFakeElectron({
  singleInstanceLock = true,
  userDataDir = '/nonexistent',
}: FakeElectronOptions = {}) {
  const app = Object.assign(new EventEmitter(), {
    quitRequests: 0,
    quitted: false,
    exitCode: null as number | null,
    requestSingleInstanceLock: () => singleInstanceLock,
    whenReady: () => Promise.resolve(),
    getPath: (name: string) => (name === 'userData' ? userDataDir : `/nonexistent/${name}`),
    getAppPath: () => '/nonexistent/app',
    getVersion: () => '0.1.0',
    quit(): void {
      app.quitRequests += 1;
      const event = new FakeEvent();
      app.emit('will-quit', event);
      if (!event.defaultPrevented) app.quitted = true;
    },
    exit(code: number): void {
      app.exitCode = code;
    },
  });

  const protocol = {
    privilegedSchemes: [] as Electron.CustomScheme[],
    handlers: new Map<string, (request: { url: string }) => Promise<Response>>(),
    registerSchemesAsPrivileged(schemes: Electron.CustomScheme[]): void {
      protocol.privilegedSchemes.push(...schemes);
    },
    handle(scheme: string, handler: (request: { url: string }) => Promise<Response>): void {
      protocol.handlers.set(scheme, handler);
    },
  };

  const defaultSession = {
    permissionRequestHandler: null as PermissionRequestHandler | null,
    permissionCheckHandler: null as ((...args: unknown[]) => boolean) | null,
    devicePermissionHandler: null as ((...args: unknown[]) => boolean) | null,
    setPermissionRequestHandler(handler: PermissionRequestHandler): void {
      defaultSession.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void {
      defaultSession.permissionCheckHandler = handler;
    },
    setDevicePermissionHandler(handler: (...args: unknown[]) => boolean): void {
      defaultSession.devicePermissionHandler = handler;
    },
  };

  const ipcMain = {
    handlers: new Map<string, IpcHandler>(),
    handle(channel: string, handler: IpcHandler): void {
      if (ipcMain.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      ipcMain.handlers.set(channel, handler);
    },
    /** What a renderer frame at `frameUrl` would get back from ipcRenderer.invoke(channel, ...args). */
    async invokeFrom(frameUrl: string | null, channel: string, ...args: unknown[]): Promise<unknown> {
      const handler = ipcMain.handlers.get(channel);
      if (!handler) throw new Error(`no handler for ${channel}`);
      const senderFrame = frameUrl === null ? null : { url: frameUrl, parent: null };
      return handler({ senderFrame }, ...args);
    },
  };

  /** Processes started with utilityProcess.fork: script, arguments, and whether they were killed. */
  const utilityProcess = {
    forks: [] as { script: string; args: string[]; killed: boolean; child: EventEmitter }[],
    fork(script: string, args: string[]) {
      const child = Object.assign(new EventEmitter(), {
        kill: () => {
          entry.killed = true;
          return true;
        },
      });
      const entry = { script, args, killed: false, child };
      utilityProcess.forks.push(entry);
      return child;
    },
  };

  const Menu = {
    applicationMenu: 'default' as unknown,
    setApplicationMenu: (menu: unknown) => (Menu.applicationMenu = menu),
  };

  const windows: FakeBrowserWindow[] = [];
  class FakeBrowserWindow {
    readonly webContents = new FakeWebContents();
    readonly loadedUrls: string[] = [];
    focused = false;
    minimized = false;

    constructor(readonly options: Electron.BrowserWindowConstructorOptions) {
      windows.push(this);
      app.emit('web-contents-created', new FakeEvent(), this.webContents);
    }
    loadURL(url: string): Promise<void> {
      this.loadedUrls.push(url);
      return Promise.resolve();
    }
    isMinimized(): boolean {
      return this.minimized;
    }
    restore(): void {
      this.minimized = false;
    }
    focus(): void {
      this.focused = true;
    }
  }

  const exposedInMainWorld = new Map<string, unknown>();
  const contextBridge = {
    exposeInMainWorld(key: string, api: unknown): void {
      exposedInMainWorld.set(key, api);
    },
  };
  const ipcRenderer = {
    invocations: [] as unknown[][],
    invoke(...args: unknown[]): Promise<unknown> {
      ipcRenderer.invocations.push(args);
      return Promise.resolve({ ok: true, value: 'answered by main' });
    },
  };

  const fake = {
    app,
    protocol,
    session: { defaultSession },
    ipcMain,
    Menu,
    BrowserWindow: FakeBrowserWindow,
    utilityProcess,
    contextBridge,
    ipcRenderer,
    windows,
    exposedInMainWorld,
  };
  return Object.assign(fake, {
    /** The fake typed as the real module, for code under test that takes `typeof import('electron')`. */
    asElectron: () => fake as unknown as typeof Electron,
  });
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
