/**
 * For tests: does what Chromium does with the browser host's page, over real HTTP. It opens the launch URL
 * from the launch file, keeps the page-session cookie, loads the page and runs the bridge script the page
 * carries (the served text itself, in a vm context) with a fetch that adds what a browser adds: the cookie,
 * Origin and Sec-Fetch-Site. And it plays a foreign local process, which sends what it likes.
 */
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import type { ApiResult, KioskApi } from '../api/contract';
import { API_PATH } from './kiosk-bridge';

export function readLaunchUrl(launchUrlFile: string): string {
  return readFileSync(launchUrlFile, 'utf8').trim();
}

/** Opens the launch URL as a browser would; the page-session cookie ("name=value"), or the refusal. */
export async function launch(launchUrl: string): Promise<{ status: number; cookie: string | null }> {
  const response = await fetch(launchUrl, { redirect: 'manual', headers: { 'sec-fetch-site': 'none' } });
  const cookie = response.headers.get('set-cookie')?.split(';')[0] ?? null;
  await response.arrayBuffer();
  return { status: response.status, cookie };
}

export interface KioskPage {
  /** `window.kiosk` as the bridge script defined it. */
  kiosk: KioskApi;
  /** The page-session cookie it was loaded with. */
  cookie: string;
  /** The capability of this load, as the served script carries it. */
  capability: string;
}

/** Loads the page (one page load) and runs its bridge script; `url` is the host's. */
export async function loadPage(url: string, cookie: string): Promise<KioskPage> {
  const { origin } = new URL(url);
  const response = await fetch(new URL('/', origin), {
    headers: { cookie, 'sec-fetch-site': 'same-origin' },
  });
  const html = await response.text();
  if (response.status !== 200) throw new Error(`the page answered ${response.status}: ${html}`);
  const script = /<script nonce="[^"]+">([\s\S]*?)<\/script>/.exec(html)?.[1];
  const capability = /"x-kiosk-capability": "([^"]+)"/.exec(script ?? '')?.[1];
  if (!script || !capability) throw new Error('the page carries no bridge script');
  const window: { kiosk?: KioskApi } = {};
  const browserFetch = (url: string, init: RequestInit) =>
    fetch(new URL(url, origin), {
      ...init,
      headers: {
        ...(init.headers as Record<string, string>),
        cookie,
        origin,
        'sec-fetch-site': 'same-origin',
      },
    });
  vm.runInNewContext(script, { window, fetch: browserFetch });
  return { kiosk: window.kiosk!, cookie, capability };
}

/** Launches from the launch file and loads the page: a kiosk browser starting. */
export async function openKioskPage(url: string, launchUrlFile: string): Promise<KioskPage> {
  const launched = await launch(readLaunchUrl(launchUrlFile));
  if (!launched.cookie) throw new Error(`the launch answered ${launched.status}`);
  return loadPage(url, launched.cookie);
}

/** A call as any local process can make it, with whatever headers it chooses. */
export async function foreignCall(
  url: string,
  operation: string,
  input: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: ApiResult<unknown> }> {
  const response = await fetch(new URL(API_PATH, url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ operation, input }),
  });
  return { status: response.status, body: (await response.json()) as ApiResult<unknown> };
}
