/**
 * Bearer-token authentication of terminals. Identifying runs first and never refuses, so the rate limiter can
 * count by terminal (or by address when there is no good token) before `requireTerminal` answers 401 or 403:
 * a flood of bad tokens is limited like anything else.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { MasterDatabase } from '../master/open-master';
import { CountyApiError } from './api-errors';
import { terminalByToken, type TokenCheck } from './terminal-registry';
import { bearerToken } from './terminal-tokens';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who the bearer token belongs to: set on authenticated routes, null when there is no known token. */
    terminalAuth: TokenCheck;
  }
}

export function installTerminalAuth(app: FastifyInstance): void {
  app.decorateRequest('terminalAuth', null);
}

export function identifyTerminal(db: MasterDatabase) {
  return async (request: FastifyRequest): Promise<void> => {
    const token = bearerToken(request.headers.authorization);
    request.terminalAuth = token === null ? null : terminalByToken(db, token);
  };
}

export async function requireTerminal(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const auth = request.terminalAuth;
  if (auth === null) {
    reply.header('www-authenticate', 'Bearer realm="huimin-county"');
    throw new CountyApiError(
      'unauthorized',
      'send this terminal\'s token as "Authorization: Bearer <token>"',
    );
  }
  if (auth.kind === 'revoked') {
    throw new CountyApiError('revoked', 'this terminal has been revoked by the county');
  }
}

/** The id of the terminal an authenticated route is serving. */
export function terminalIdOf(request: FastifyRequest): string {
  if (request.terminalAuth?.kind !== 'active') throw new Error('route is not behind requireTerminal');
  return request.terminalAuth.terminalId;
}

/** The rate limiter's bucket: the terminal when the token is known, else the client's address. */
export function rateLimitKey(request: FastifyRequest): string {
  return request.terminalAuth ? `terminal:${request.terminalAuth.terminalId}` : `address:${request.ip}`;
}
