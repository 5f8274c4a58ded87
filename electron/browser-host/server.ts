/**
 * The browser host: serves the built renderer and the KioskApi table over HTTP on 127.0.0.1, for
 * development, for end-to-end tests in Chromium where no Electron binary exists, and as a kiosk runtime in
 * Chromium under a kiosk compositor. Handlers and validation are the same as under Electron
 * (electron/api/dispatch); only the transport differs. Only the page this host served, one load at a time,
 * may call the API (page-gate.ts; electron/README.md says why and how).
 */
import { randomBytes } from 'node:crypto';
import { readFile, realpath } from 'node:fs/promises';
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { operationNames, type KioskHandlers, type OperationName } from '../api/contract';
import { apiError, dispatch } from '../api/dispatch';
import { API_PATH, CAPABILITY_HEADER, kioskBridgeScript } from './kiosk-bridge';
import { loopbackPeerUid } from './loopback-peer';
import {
  cookieValues,
  createPageGate,
  LAUNCH_PATH,
  LAUNCH_SECRET_PARAM,
  removeLaunchUrlFile,
  writeLaunchUrlFile,
} from './page-gate';

const MAX_BODY_BYTES = 64 * 1024;

// Chinese first: whoever meets these is most likely the hall's staff.
const PAGE_REFUSED = '请用终端的启动地址打开本页面。\nOpen this page through the kiosk’s launch URL.\n';
const LAUNCH_REFUSED = '启动地址无效或已经用过。\nThis launch URL is not valid or has been used.\n';
const CALL_REFUSED = '只接受终端当前页面的调用。Only the kiosk’s current page may call this.';
const BAD_PATH = '请求地址有误。\nMalformed request path.\n';

/** As strict as Electron's policy, but the page must reach the host itself for the API. */
function contentSecurityPolicy(scriptNonce?: string): string {
  return [
    "default-src 'none'",
    scriptNonce ? `script-src 'self' 'nonce-${scriptNonce}'` : "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.ico': 'image/x-icon',
};
const TEXT = 'text/plain; charset=utf-8';

export interface BrowserHostOptions {
  handlers: KioskHandlers;
  rendererDir: string;
  port?: number;
  /**
   * Where the one-time launch URL is kept for whoever opens the page (mode 0600, rewritten after every
   * launch, removed on close).
   */
  launchUrlFile: string;
  /** Where internal errors go; never given the input, which may be personal. */
  onInternalError?: (operation: OperationName, error: unknown) => void;
  /**
   * With a simulated card reader: `POST /simulator/card` ({idNumber, name}) puts a synthetic resident's card on
   * it and `POST /simulator/lift` takes it off, for development and the end-to-end tests.
   */
  simulator?: SimulatorControl;
}

export interface SimulatorControl {
  /** False when no card could carry this number. */
  present(idNumber: string, name: string): boolean;
  lift(): void;
}

export const SIMULATOR_CARD_PATH = '/simulator/card';
export const SIMULATOR_LIFT_PATH = '/simulator/lift';

export interface BrowserHost {
  /** The host's root; the page there answers only a launched browser. */
  url: string;
  /** The current launch URL, for the process that opens the page itself. */
  launchUrl(): string;
  close(): Promise<void>;
}

function send(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  headers: OutgoingHttpHeaders = {},
): void {
  response.writeHead(status, {
    'content-type': contentType,
    'content-security-policy': contentSecurityPolicy(),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    ...headers,
  });
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Puts the bridge before the renderer's own scripts, so `window.kiosk` exists when they run. */
function injectBridge(indexHtml: string, bridge: string, nonce: string): string {
  const tag = `<script nonce="${nonce}">${bridge}</script>`;
  const firstScript = indexHtml.indexOf('<script');
  if (firstScript >= 0) return indexHtml.slice(0, firstScript) + tag + indexHtml.slice(firstScript);
  return indexHtml.replace('</head>', `${tag}</head>`);
}

/** A request made by another site, or by a page of this machine on another port (cookies ignore ports). */
function fromAnotherSite(request: IncomingMessage): boolean {
  const site = request.headers['sec-fetch-site'];
  return site === 'cross-site' || site === 'same-site';
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const rendererDir = await realpath(options.rendererDir);
  let origin = '';
  let cookieName = '';
  let gate: ReturnType<typeof createPageGate>;

  // The Host header defeats DNS rebinding; the Origin header and the JSON content type defeat cross-site form
  // posts from any other page open on this machine.
  function isLocalJsonCaller(request: IncomingMessage): boolean {
    const requestOrigin = request.headers.origin;
    return (
      `http://${request.headers.host}` === origin &&
      (requestOrigin === undefined || requestOrigin === origin) &&
      (request.headers['content-type'] ?? '').startsWith('application/json')
    );
  }

  const sessionsOf = (request: IncomingMessage) => cookieValues(request.headers.cookie, cookieName);

  function isKioskPageCall(request: IncomingMessage): boolean {
    const site = request.headers['sec-fetch-site'];
    const capability = request.headers[CAPABILITY_HEADER];
    return (
      isLocalJsonCaller(request) &&
      (site === undefined || site === 'same-origin') &&
      gate.admits(sessionsOf(request), typeof capability === 'string' ? capability : undefined)
    );
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!isKioskPageCall(request)) {
      sendJson(response, 403, apiError('forbidden-sender', CALL_REFUSED));
      return;
    }
    const body = await readBody(request);
    if (body === undefined) {
      sendJson(response, 413, apiError('invalid-input', 'request too large'));
      return;
    }
    let call: unknown;
    try {
      call = JSON.parse(body);
    } catch {
      sendJson(response, 400, apiError('invalid-input', 'request is not JSON'));
      return;
    }
    const { operation, input } = (typeof call === 'object' && call !== null ? call : {}) as {
      operation?: unknown;
      input?: unknown;
    };
    const result = await dispatch(options.handlers, operation, input, options.onInternalError);
    // A page reloaded or replaced while its call ran (a long waitForCard) is gone: it gets nothing of it.
    if (!isKioskPageCall(request)) {
      sendJson(response, 403, apiError('forbidden-sender', CALL_REFUSED));
      return;
    }
    sendJson(response, 200, result);
  }

  async function handleLaunch(url: URL, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const ownUid = process.getuid?.();
    const peerUid =
      ownUid === undefined ? undefined : await loopbackPeerUid(request.socket.remotePort ?? 0, port);
    const sameUser = peerUid === undefined || peerUid === ownUid;
    const session =
      `http://${request.headers.host}` === origin && !fromAnotherSite(request) && sameUser
        ? gate.launch(url.searchParams.get(LAUNCH_SECRET_PARAM) ?? undefined)
        : null;
    if (session === null) {
      send(response, 403, TEXT, LAUNCH_REFUSED);
      return;
    }
    // Redirected at once, so the spent secret does not stay in the address bar.
    send(response, 303, TEXT, '', {
      location: '/',
      'set-cookie': `${cookieName}=${session}; HttpOnly; SameSite=Strict; Path=/`,
    });
  }

  async function handlePage(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const capability =
      `http://${request.headers.host}` === origin && !fromAnotherSite(request)
        ? gate.loadPage(sessionsOf(request))
        : null;
    if (capability === null) {
      send(response, 403, TEXT, PAGE_REFUSED);
      return;
    }
    const html = await readFile(path.join(rendererDir, 'index.html'), 'utf8');
    const nonce = randomBytes(18).toString('base64url');
    const page = injectBridge(html, kioskBridgeScript(operationNames, capability), nonce);
    send(response, 200, CONTENT_TYPES['.html']!, page, {
      'content-security-policy': contentSecurityPolicy(nonce),
    });
  }

  async function handleSimulator(
    simulator: SimulatorControl,
    pathname: string,
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    if (!isLocalJsonCaller(request)) {
      sendJson(response, 403, { error: 'calls are accepted from this machine only' });
      return;
    }
    if (pathname === SIMULATOR_LIFT_PATH) {
      simulator.lift();
      sendJson(response, 200, { lifted: true });
      return;
    }
    let card: { idNumber?: unknown; name?: unknown } = {};
    try {
      card = JSON.parse((await readBody(request)) ?? '') as typeof card;
    } catch {
      // Answered below as a card that cannot be made.
    }
    const presented =
      typeof card.idNumber === 'string' &&
      typeof card.name === 'string' &&
      simulator.present(card.idNumber, card.name);
    sendJson(response, presented ? 200 : 400, { presented });
  }

  /** The renderer's other files: code, styles, fonts, voice prompts; nothing personal, so served to anyone. */
  async function handleStatic(relative: string, response: ServerResponse): Promise<void> {
    const filePath = path.resolve(rendererDir, relative);
    if (!filePath.startsWith(rendererDir + path.sep)) {
      send(response, 404, TEXT, 'not found');
      return;
    }
    try {
      const content = await readFile(filePath);
      send(response, 200, CONTENT_TYPES[path.extname(filePath)] ?? 'application/octet-stream', content);
    } catch {
      send(response, 404, TEXT, 'not found');
    }
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let url: URL;
    let relative: string;
    try {
      url = new URL(request.url ?? '/', 'http://127.0.0.1');
      relative = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
    } catch {
      send(response, 400, TEXT, BAD_PATH);
      return;
    }
    const { pathname } = url;
    const { method } = request;
    const simulator = options.simulator;
    if (method === 'POST' && pathname === API_PATH) return handleApi(request, response);
    if (
      simulator &&
      method === 'POST' &&
      (pathname === SIMULATOR_CARD_PATH || pathname === SIMULATOR_LIFT_PATH)
    )
      return handleSimulator(simulator, pathname, request, response);
    if (method === 'GET' && pathname === LAUNCH_PATH) return handleLaunch(url, request, response);
    if (method === 'GET' && relative === 'index.html') return handlePage(request, response);
    if ((method === 'GET' || method === 'HEAD') && relative !== 'index.html')
      return handleStatic(relative, response);
    send(response, 405, TEXT, 'method not allowed');
  }

  const server = createServer((request, response) => {
    route(request, response).catch(() => {
      if (!response.headersSent) sendJson(response, 500, apiError('internal', 'host error'));
      else response.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  // Cookies are shared by every port of a host; the port in the name keeps two hosts' sessions apart.
  cookieName = `kiosk-page-${port}`;
  try {
    gate = createPageGate(origin, (launchUrl) => writeLaunchUrlFile(options.launchUrlFile, launchUrl));
  } catch (error) {
    server.close();
    throw error;
  }

  return {
    url: `${origin}/`,
    launchUrl: () => gate.launchUrl(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        removeLaunchUrlFile(options.launchUrlFile);
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
