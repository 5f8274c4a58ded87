/**
 * The browser host: serves the built renderer and the KioskApi table over HTTP on 127.0.0.1, for
 * development and for end-to-end tests in Chromium where no Electron binary exists. Handlers and
 * validation are the same as under Electron (electron/api/dispatch); only the transport differs.
 */
import { readFile, realpath } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { operationNames, type KioskHandlers, type OperationName } from '../api/contract';
import { apiError, dispatch } from '../api/dispatch';
import { API_PATH, kioskBridgeScript } from './kiosk-bridge';

const BRIDGE_PATH = '/kiosk-bridge.js';
const MAX_BODY_BYTES = 64 * 1024;

// As strict as Electron's policy, but the page must reach the host itself for the API.
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

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

export interface BrowserHostOptions {
  handlers: KioskHandlers;
  rendererDir: string;
  port?: number;
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
  url: string;
  close(): Promise<void>;
}

function send(response: ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  response.writeHead(status, {
    'content-type': contentType,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
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

export function injectBridge(indexHtml: string): string {
  const tag = `<script src="${BRIDGE_PATH}"></script>`;
  const firstScript = indexHtml.indexOf('<script');
  if (firstScript >= 0) return indexHtml.slice(0, firstScript) + tag + indexHtml.slice(firstScript);
  return indexHtml.replace('</head>', `${tag}</head>`);
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const rendererDir = await realpath(options.rendererDir);
  const bridge = kioskBridgeScript(operationNames);
  let origin = '';

  // Only this page may call the API: the Host header defeats DNS rebinding, the Origin header and the JSON
  // content type defeat cross-site form posts from any other page open on this machine.
  function isTrustedCaller(request: IncomingMessage): boolean {
    const host = request.headers.host;
    const requestOrigin = request.headers.origin;
    return (
      `http://${host}` === origin &&
      (requestOrigin === undefined || requestOrigin === origin) &&
      (request.headers['content-type'] ?? '').startsWith('application/json')
    );
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!isTrustedCaller(request)) {
      sendJson(response, 403, apiError('forbidden-sender', 'calls are accepted from the kiosk page only'));
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
    sendJson(response, 200, await dispatch(options.handlers, operation, input, options.onInternalError));
  }

  async function handleSimulator(
    simulator: SimulatorControl,
    pathname: string,
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    if (!isTrustedCaller(request)) {
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

  async function handleStatic(pathname: string, response: ServerResponse): Promise<void> {
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const filePath = path.resolve(rendererDir, relative);
    if (!filePath.startsWith(rendererDir + path.sep)) {
      send(response, 404, 'text/plain; charset=utf-8', 'not found');
      return;
    }
    try {
      const content = await readFile(filePath);
      const type = CONTENT_TYPES[path.extname(filePath)] ?? 'application/octet-stream';
      send(response, 200, type, relative === 'index.html' ? injectBridge(content.toString('utf8')) : content);
    } catch {
      send(response, 404, 'text/plain; charset=utf-8', 'not found');
    }
  }

  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    const simulator = options.simulator;
    const work =
      request.method === 'POST' && pathname === API_PATH
        ? handleApi(request, response)
        : simulator &&
            request.method === 'POST' &&
            (pathname === SIMULATOR_CARD_PATH || pathname === SIMULATOR_LIFT_PATH)
          ? handleSimulator(simulator, pathname, request, response)
          : request.method === 'GET' && pathname === BRIDGE_PATH
            ? Promise.resolve(send(response, 200, 'text/javascript; charset=utf-8', bridge))
            : request.method === 'GET' || request.method === 'HEAD'
              ? handleStatic(pathname, response)
              : Promise.resolve(send(response, 405, 'text/plain; charset=utf-8', 'method not allowed'));
    work.catch(() => {
      if (!response.headersSent) sendJson(response, 500, apiError('internal', 'host error'));
      else response.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
