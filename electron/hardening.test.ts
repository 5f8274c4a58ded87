// No Electron binary can be downloaded on this machine, so these tests run the hardening against a small
// hand-written fake of the `electron` module (./fake-electron) that plays Chromium's part.
import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createFakeElectron, FakeEvent, FakeWebContents } from './fake-electron';
import { denyAllPermissions, hardenWebContents } from './hardening';

function hardened(): FakeWebContents {
  const contents = new FakeWebContents();
  hardenWebContents(contents as unknown as WebContents);
  return contents;
}

describe('hardenWebContents', () => {
  it('lets the page move between its own app:// pages', () => {
    expect(hardened().navigate('app://kiosk/index.html')).toBe(true);
  });

  it.each(['https://example.com/', 'http://127.0.0.1:8787/', 'file:///etc/passwd', 'app://other/'])(
    'blocks navigation and redirects to %s',
    (url) => {
      const contents = hardened();
      expect(contents.navigate(url)).toBe(false);
      expect(contents.navigate(url, 'will-redirect')).toBe(false);
    },
  );

  it('denies every new window', () => {
    expect(hardened().windowOpenHandler?.({ url: 'app://kiosk/' })).toEqual({ action: 'deny' });
  });

  it('refuses to attach a webview', () => {
    const event = new FakeEvent();
    hardened().emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('denyAllPermissions', () => {
  it('answers every permission request and check with no', () => {
    const { session } = createFakeElectron();
    denyAllPermissions(session.defaultSession as unknown as Session);
    const callback = vi.fn();
    session.defaultSession.permissionRequestHandler?.({}, 'media', callback);
    session.defaultSession.permissionRequestHandler?.({}, 'geolocation', callback);
    expect(callback.mock.calls).toEqual([[false], [false]]);
    expect(session.defaultSession.permissionCheckHandler?.({}, 'notifications', 'app://kiosk')).toBe(false);
    expect(session.defaultSession.devicePermissionHandler?.({ deviceType: 'serial' })).toBe(false);
  });
});
