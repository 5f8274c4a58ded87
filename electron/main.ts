/**
 * The Electron main process: a relay. It locks the window down, serves the renderer from app://kiosk/, and
 * passes each window.kiosk call to the handlers built by createKioskRuntime, which are plain Node.
 *
 * `startKioskApp` takes the electron module as an argument so tests can run it against a fake; only the
 * entry guard at the bottom loads the real one, and only inside Electron's main process.
 */
import type * as ElectronApi from 'electron';
import path from 'node:path';
import type { App } from 'electron';
import { ensurePrivateDir } from '../domain/private-files.nodejs';
import { demoKioskConfig } from '../kiosk-config/demo-config';
import { KioskConfigError, loadKioskConfig } from '../kiosk-config/load-config';
import type { KioskConfig } from '../kiosk-config/schema';
import { createKioskRuntime } from './api/create-runtime';
import { APP_SCHEME, APP_START_URL, appSchemePrivileges, createAppProtocolHandler } from './app-protocol';
import { denyAllPermissions, hardenWebContents } from './hardening';
import { isAppFrame, registerKioskIpc } from './ipc';
import { superviseSyncAgent } from './sync-agent-supervisor';
import { kioskWindowOptions } from './window';

type ElectronModule = typeof ElectronApi;

export const CONFIG_ENV_VARIABLE = 'HUIMIN_KIOSK_CONFIG';

export interface KioskAppOptions {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  /** The built renderer (dist/renderer), served as app://kiosk/. */
  rendererDir: string;
  /** The bundled preload script; a sandboxed preload cannot load other modules itself. */
  preloadPath: string;
  /** The bundled sync agent (dist/sync-agent.cjs), run beside the kiosk when it has a terminal config. */
  syncAgentScript?: string;
}

/** `--config=FILE` wins over HUIMIN_KIOSK_CONFIG; null means "use the demo config". */
export function configPathFrom(argv: readonly string[], env: KioskAppOptions['env']): string | null {
  const flag = argv.find((arg) => arg.startsWith('--config='));
  if (flag !== undefined) return flag.slice('--config='.length);
  return env[CONFIG_ENV_VARIABLE] || null;
}

function loadConfig(app: App, options: KioskAppOptions): KioskConfig {
  const file = configPathFrom(options.argv, options.env);
  if (file !== null) return loadKioskConfig(file);
  // `npm start` names the demo data it prepared; otherwise the demo lives in the user data directory.
  const demoFlag = options.argv.find((arg) => arg.startsWith('--demo-dir='));
  const demoDir = demoFlag
    ? path.resolve(demoFlag.slice('--demo-dir='.length))
    : path.join(app.getPath('userData'), 'demo-kiosk');
  ensurePrivateDir(demoDir);
  return demoKioskConfig(demoDir);
}

export interface KioskApp {
  config: KioskConfig;
  window: InstanceType<ElectronModule['BrowserWindow']>;
}

/** Resolves to null when another instance already runs (that one is brought to the front instead). */
export async function startKioskApp(
  electron: ElectronModule,
  options: KioskAppOptions,
): Promise<KioskApp | null> {
  const { app, protocol, session, ipcMain, Menu, BrowserWindow, utilityProcess } = electron;
  // Must happen before the app is ready, and before anything else can create a web contents.
  protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  Menu.setApplicationMenu(null);
  denyAllPermissions(session.defaultSession);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(options.rendererDir));

  const config = loadConfig(app, options);
  const runtime = await createKioskRuntime(config, {
    appVersion: app.getVersion(),
    // Helper mode's "exit to maintenance": the kiosk app closes, leaving the machine to the technician.
    exitToMaintenance: () => app.quit(),
  });
  registerKioskIpc(ipcMain, runtime.handlers, isAppFrame);
  // A real terminal (a config file) keeps its data current; the embedded demo has no county to sync from.
  const configFile = configPathFrom(options.argv, options.env);
  const agent =
    configFile !== null && options.syncAgentScript !== undefined
      ? superviseSyncAgent(
          (script, args) =>
            utilityProcess.fork(script, args, { serviceName: 'huimin-sync', stdio: 'inherit' }),
          {
            script: options.syncAgentScript,
            configFile: path.resolve(configFile),
            appVersion: app.getVersion(),
            onRestart: (code, inMs) =>
              console.error(`kiosk: sync agent exited (${code}), restarting in ${inMs} ms`),
          },
        )
      : null;
  let runtimeClosed = false;
  app.on('will-quit', (event) => {
    agent?.stop();
    if (runtimeClosed) return;
    // Hold the quit until the replica and devices are closed cleanly, then quit for real.
    event.preventDefault();
    void runtime
      .close()
      .catch((error: unknown) => console.error('kiosk: closing the runtime failed', error))
      .finally(() => {
        runtimeClosed = true;
        app.quit();
      });
  });

  const window = new BrowserWindow(
    kioskWindowOptions(options.preloadPath, { devTools: options.argv.includes('--devtools') }),
  );
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    // Back to the start screen: whoever was using the terminal has lost their screen anyway.
    console.error(`kiosk: renderer gone (${details.reason}), reloading`);
    void window.loadURL(APP_START_URL);
  });
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  await window.loadURL(APP_START_URL);
  return { config, window };
}

async function runInElectron(): Promise<void> {
  const electron = await import('electron');
  const appPath = electron.app.getAppPath();
  try {
    await startKioskApp(electron, {
      argv: process.argv,
      env: process.env,
      rendererDir: path.join(appPath, 'dist', 'renderer'),
      preloadPath: path.join(appPath, 'dist', 'electron', 'preload.cjs'),
      syncAgentScript: path.join(appPath, 'dist', 'sync-agent.cjs'),
    });
  } catch (error) {
    // A config error is for the installer reading the journal; anything else is a bug worth its stack.
    console.error(error instanceof KioskConfigError ? error.message : error);
    electron.app.exit(1);
  }
}

if (process.versions.electron !== undefined && process.type === 'browser') void runInElectron();
