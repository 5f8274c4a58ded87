/**
 * Every error leaves the server as `{ error: { code, message, issues? } }` (domain/county-api.ts). Messages
 * are fixed texts or name fields, never echo what was sent (a body may hold a complainant's details), and a
 * 500 says nothing of the internals.
 */
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance } from 'fastify';
import type { ZodError } from 'zod';
import { stackFrames } from './request-log';
import { COUNTY_API_ERROR_STATUS, type CountyApiErrorCode, type ErrorBody } from '../../domain/county-api';

type Issue = { path: string; message: string };

export class CountyApiError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: CountyApiErrorCode,
    message: string,
    readonly issues?: Issue[],
  ) {
    super(message);
    this.statusCode = COUNTY_API_ERROR_STATUS[code];
  }
}

/** Enough to fix a body by; a 64 KiB body of bad counts would otherwise get an answer several times its size. */
const MAX_ISSUES_ANSWERED = 20;

export function invalidBody(error: ZodError): CountyApiError {
  const issues = error.issues.slice(0, MAX_ISSUES_ANSWERED).map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }));
  const more = error.issues.length - issues.length;
  const summary =
    issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ') +
    (more > 0 ? `; and ${more} more` : '');
  return new CountyApiError('invalid-body', summary, issues);
}

/** Fastify's own errors (body parsing, limits, bad URLs) in the county's terms, with fixed messages. */
function fromFastify(error: FastifyError, bodyLimit: number): CountyApiError | null {
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return new CountyApiError('invalid-json', 'the body is not valid JSON');
  }
  switch (error.statusCode) {
    case 413:
      return new CountyApiError('payload-too-large', `the body is larger than ${bodyLimit} bytes`);
    case 415:
      return new CountyApiError('unsupported-media-type', 'send the body as application/json');
    case 404:
      return new CountyApiError('not-found', 'there is nothing at this address');
  }
  const status = error.statusCode ?? 500;
  return status >= 400 && status < 500 ? new CountyApiError('bad-request', 'the request is malformed') : null;
}

function toBody(error: CountyApiError): ErrorBody {
  return {
    error: { code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) },
  };
}

/**
 * What Node's HTTP parser refuses before Fastify sees a request (a request or its headers not received in
 * time, headers too large, bytes that are not HTTP): the county's JSON error, then the connection closed.
 */
export function answerClientError(
  error: Error & { code?: string },
  socket: Duplex,
  headerBytes: number,
): void {
  // A reset connection has no one left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const answer =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? new CountyApiError('request-timeout', 'the request was not received in time')
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? new CountyApiError('headers-too-large', `the request headers are larger than ${headerBytes} bytes`)
        : new CountyApiError('bad-request', 'the request is malformed');
  const body = JSON.stringify(toBody(answer));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${answer.statusCode} ${STATUS_CODES[answer.statusCode]}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy();
}

export function installErrorHandlers(app: FastifyInstance, bodyLimit: number): void {
  app.setNotFoundHandler((_request, reply) => {
    void reply.code(404).send(toBody(new CountyApiError('not-found', 'there is nothing at this address')));
  });
  app.setErrorHandler((raw: FastifyError, request, reply) => {
    const error = raw instanceof CountyApiError ? raw : fromFastify(raw, bodyLimit);
    if (error) {
      void reply.code(error.statusCode).send(toBody(error));
      return;
    }
    // The kind and where it happened, not the message: a message can quote the data it failed on.
    request.log.error(
      { errorName: raw.name, errorCode: raw.code, frames: stackFrames(raw) },
      'request failed',
    );
    void reply.code(500).send(toBody(new CountyApiError('internal', 'the county server could not answer')));
  });
}
