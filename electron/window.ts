import type { BrowserWindowConstructorOptions } from 'electron';

export interface KioskWindowFlags {
  /** Only for a developer at a desk (`--devtools`); a terminal in a hall never gets DevTools. */
  devTools?: boolean;
}

export function kioskWindowOptions(
  preloadPath: string,
  { devTools = false }: KioskWindowFlags = {},
): BrowserWindowConstructorOptions {
  return {
    kiosk: true,
    fullscreen: true,
    autoHideMenuBar: true,
    // Painted before the first frame so the screen never flashes white at villagers between reloads.
    backgroundColor: '#ffffff',
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools,
      preload: preloadPath,
    },
  };
}
