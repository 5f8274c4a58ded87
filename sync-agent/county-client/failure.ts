/**
 * What went wrong with a request to the county, and whether sending the same thing again later can help.
 * Pure: the HTTP client builds these, the outbox drain decides from them.
 */
import type { CountyApiErrorCode } from '../../domain/county-api';

/**
 * - `network`, `timeout`: nothing (or nothing usable) came back; the county may or may not have stored it.
 * - `server`: 5xx; `rate-limited`: 429 (with the county's Retry-After when it sent one).
 * - `unexpected-answer`: an answer the terminal does not understand (a proxy's page, an old server, a wrong
 *   base URL); a configuration fix makes the same request work, so it is retried.
 * - `rejected` (400, 413, 415), `conflict` (409): this record will never be accepted as it is.
 * - `unauthorized` (401), `revoked` (403): the terminal's token is refused; nothing will get through.
 */
export type CountyFailureKind =
  | 'network'
  | 'timeout'
  | 'server'
  | 'rate-limited'
  | 'unexpected-answer'
  | 'rejected'
  | 'conflict'
  | 'unauthorized'
  | 'revoked';

const RETRYABLE: ReadonlySet<CountyFailureKind> = new Set([
  'network',
  'timeout',
  'server',
  'rate-limited',
  'unexpected-answer',
]);

/** The longest Retry-After honoured; a larger one is taken as this, so a typo on the server cannot mute us. */
export const MAX_RETRY_AFTER_MS = 60 * 60_000;

export class CountyRequestError extends Error {
  readonly retryable: boolean;

  constructor(
    readonly kind: CountyFailureKind,
    readonly status: number | null,
    readonly code: CountyApiErrorCode | null,
    /** From the answer's Retry-After header, when it had one. */
    readonly retryAfterMs: number | null,
    options?: { cause?: unknown },
  ) {
    super(describeFailure(kind, status, code), options);
    this.name = 'CountyRequestError';
    this.retryable = RETRYABLE.has(kind);
  }
}

/** A short description without anything from the request or answer bodies (they may hold personal data). */
export function describeFailure(
  kind: CountyFailureKind,
  status: number | null,
  code: CountyApiErrorCode | null,
): string {
  if (status === null) return kind;
  return `${kind} (${status}${code === null ? '' : ` ${code}`})`;
}

export function failureKindOfStatus(status: number): CountyFailureKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'revoked';
  if (status === 409) return 'conflict';
  if (status === 400 || status === 413 || status === 415) return 'rejected';
  if (status === 429 || status === 408) return 'rate-limited';
  if (status >= 500) return 'server';
  return 'unexpected-answer';
}

/** Retry-After as delta-seconds or an HTTP date, in milliseconds from `now`; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: Date): number | null {
  if (value === null) return null;
  const text = value.trim();
  let ms: number;
  if (/^\d+$/.test(text)) {
    ms = Number(text) * 1000;
  } else {
    const at = Date.parse(text);
    if (Number.isNaN(at)) return null;
    ms = at - now.getTime();
  }
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}
