// No Electron binary can be downloaded on this machine; these are the options main.ts hands to BrowserWindow.
import { describe, expect, it } from 'vitest';
import { kioskWindowOptions } from './window';

describe('kioskWindowOptions', () => {
  it('makes a full-screen kiosk window whose page is sandboxed and isolated from Node', () => {
    const options = kioskWindowOptions('/opt/huimin/preload.cjs');
    expect(options).toMatchObject({ kiosk: true, fullscreen: true, autoHideMenuBar: true });
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/);
    expect(options.webPreferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: false,
      preload: '/opt/huimin/preload.cjs',
    });
  });

  it('opens DevTools only when a developer asks for them', () => {
    expect(kioskWindowOptions('/p.cjs', { devTools: true }).webPreferences?.devTools).toBe(true);
  });
});
