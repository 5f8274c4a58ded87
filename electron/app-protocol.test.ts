// No Electron binary can be downloaded on this machine: these tests call the app:// handler that main.ts gives
// to Electron's protocol.handle directly, with a real renderer directory on disk.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, isAppUrl } from './app-protocol';
import { KIOSK_CONTENT_SECURITY_POLICY } from './csp';

const base = mkdtempSync(path.join(os.tmpdir(), 'app-protocol-'));
const rendererDir = path.join(base, 'renderer');
mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>');
writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
// A file right next to the renderer directory: the nearest thing a traversal could reach.
writeFileSync(path.join(base, 'secret.txt'), 'not for the page');
afterAll(() => rmSync(base, { recursive: true, force: true }));

const serve = createAppProtocolHandler(rendererDir);

describe('the app:// protocol', () => {
  it('serves the start page with the strict CSP', async () => {
    const response = await serve({ url: 'app://kiosk/' });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>kiosk</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'none'; media-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(KIOSK_CONTENT_SECURITY_POLICY).toBe(response.headers.get('content-security-policy'));
  });

  it('serves bundled assets with their content type', async () => {
    const response = await serve({ url: 'app://kiosk/assets/app.js' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    'app://kiosk/../../etc/passwd',
    'app://kiosk/%2e%2e/%2e%2e/etc/passwd',
    'app://kiosk/..%2F..%2F..%2F..%2Fetc%2Fpasswd',
    'app://kiosk/..%2Fsecret.txt',
    'app://kiosk/..%5Csecret.txt',
    'app://kiosk/%00index.html',
    'app://other-host/index.html',
    'app://kiosk/assets',
    'app://kiosk/missing.js',
  ])('refuses %s', async (url) => {
    const response = await serve({ url });
    expect(response.status).toBe(404);
    const body = await response.text();
    expect(body).not.toContain('root:');
    expect(body).not.toContain('not for the page');
    expect(response.headers.get('content-security-policy')).toBe(KIOSK_CONTENT_SECURITY_POLICY);
  });

  it('recognises only its own origin', () => {
    expect(isAppUrl('app://kiosk/index.html')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('https://kiosk/')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});
