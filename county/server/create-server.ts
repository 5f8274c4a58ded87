/**
 * The county HTTP server: the publish directory under /publish/ and the terminals' endpoints under /api/v1/.
 * Answers a Fastify instance that is ready but not yet listening (tests call `listen({ port: 0 })`).
 */
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import rateLimitPlugin from '@fastify/rate-limit';
import { COUNTY_BODY_LIMIT_BYTES } from '../../domain/county-api';
import type { MasterDatabase } from '../master/open-master';
import { answerClientError, CountyApiError, installErrorHandlers } from './api-errors';
import { registerApiRoutes } from './api-routes';
import { registerPublishFiles } from './publish-files';
import { privateSafeLogging, type CountyLoggerOptions } from './request-log';
import { installTerminalAuth, rateLimitKey } from './terminal-auth';

export interface CountyServerLimits {
  /** Largest request body; larger ones get 413. */
  bodyBytes: number;
  /** Requests per minute from one terminal (by its token) to the API. */
  perTerminalPerMinute: number;
  /** Requests per minute from one address without a known token (health, bad or missing tokens). */
  perAddressPerMinute: number;
  /** Longest time to receive a whole request, headers and body; slower: 408 and the connection closed. */
  requestMs: number;
  /** Longest time to receive a request's headers (at most `requestMs`); slower: 408, closed. */
  headersMs: number;
  /** How long a keep-alive connection may wait for its next request. */
  keepAliveMs: number;
  /** A connection on which nothing moves either way for this long is closed (a download that stalled too). */
  idleMs: number;
  /** Largest request line and headers together; larger: 431. */
  headerBytes: number;
}

// A terminal back online after days uploads its queued complaints in a burst; the agent honours Retry-After.
// Times: the agent gives up on a request after 15 s, so 30 s to receive one wastes no real request, while a
// client trickling bytes (or headers) holds a connection no longer than that. Terminals send a handful of
// small headers; 8 KiB is what nginx allows a header line by default.
export const DEFAULT_LIMITS: CountyServerLimits = {
  bodyBytes: COUNTY_BODY_LIMIT_BYTES,
  perTerminalPerMinute: 120,
  perAddressPerMinute: 60,
  requestMs: 30_000,
  headersMs: 10_000,
  keepAliveMs: 10_000,
  idleMs: 60_000,
  headerBytes: 8 * 1024,
};

/** More headers than any terminal or proxy sends; Node drops those beyond it instead of storing them. */
const MAX_HEADERS_COUNT = 100;

export interface CountyServerOptions {
  db: MasterDatabase;
  publishDir: string;
  /** Structured JSON logs (pino) without personal data; false for none. Default: none. */
  logger?: CountyLoggerOptions | false;
  limits?: Partial<CountyServerLimits>;
  /** Behind nginx or another proxy: the proxy addresses to trust for X-Forwarded-For (Fastify's trustProxy). */
  trustProxy?: boolean | string;
  now?: () => Date;
}

export async function createCountyServer(options: CountyServerOptions): Promise<FastifyInstance> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const now = options.now ?? (() => new Date());
  const logging = privateSafeLogging(options.logger ?? false);
  const headersMs = Math.min(limits.headersMs, limits.requestMs);
  const app = Fastify({
    ...logging.fastifyOptions,
    bodyLimit: limits.bodyBytes,
    trustProxy: options.trustProxy ?? false,
    // Connections idle at close() would otherwise hold a graceful shutdown open.
    forceCloseConnections: 'idle',
    requestTimeout: limits.requestMs,
    keepAliveTimeout: limits.keepAliveMs,
    connectionTimeout: limits.idleMs,
    http: {
      headersTimeout: headersMs,
      maxHeaderSize: limits.headerBytes,
      // Node checks the headers and request timeouts only this often (30 s by default, which would let a slow
      // request run up to 30 s past its limit).
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(headersMs / 4))),
    },
    clientErrorHandler: (error, socket) => answerClientError(error, socket, limits.headerBytes),
  });
  app.server.maxHeadersCount = MAX_HEADERS_COUNT;
  logging.install(app);
  // A download in flight when close() is called finishes, but its keep-alive connection then idles until
  // the client lets go; sweeping idle connections while closing lets the server stop as soon as it is done.
  let sweep: NodeJS.Timeout | undefined;
  app.addHook('preClose', async () => {
    sweep = setInterval(() => app.server.closeIdleConnections(), 100).unref();
  });
  app.addHook('onClose', async () => clearInterval(sweep));
  installErrorHandlers(app, limits.bodyBytes);
  installTerminalAuth(app);
  // Only JSON is accepted; Fastify's text/plain parser would let other bodies reach a handler.
  app.removeContentTypeParser('text/plain');
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });

  await app.register(rateLimitPlugin, {
    global: false,
    timeWindow: 60_000,
    keyGenerator: rateLimitKey,
    max: (_request: FastifyRequest, key: string) =>
      key.startsWith('terminal:') ? limits.perTerminalPerMinute : limits.perAddressPerMinute,
    errorResponseBuilder: (_request, context) =>
      new CountyApiError('rate-limited', `too many requests; try again in ${context.after}`),
  });
  registerApiRoutes(app, options.db, app.rateLimit(), now);
  registerPublishFiles(app, options.publishDir);
  await app.ready();
  return app;
}
