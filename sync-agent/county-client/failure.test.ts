import { describe, expect, it } from 'vitest';
import { CountyRequestError, failureKindOfStatus, MAX_RETRY_AFTER_MS, parseRetryAfter } from './failure';

describe('failureKindOfStatus', () => {
  it.each([
    [400, 'rejected', false],
    [413, 'rejected', false],
    [415, 'rejected', false],
    [409, 'conflict', false],
    [401, 'unauthorized', false],
    [403, 'revoked', false],
    [429, 'rate-limited', true],
    [408, 'rate-limited', true],
    [500, 'server', true],
    [502, 'server', true],
    [503, 'server', true],
    [404, 'unexpected-answer', true],
    [302, 'unexpected-answer', true],
  ] as const)('%i is %s (retryable: %s)', (status, kind, retryable) => {
    expect(failureKindOfStatus(status)).toBe(kind);
    expect(new CountyRequestError(kind, status, null, null).retryable).toBe(retryable);
  });

  it('treats a lost connection or a timeout as worth retrying', () => {
    expect(new CountyRequestError('network', null, null, null).retryable).toBe(true);
    expect(new CountyRequestError('timeout', null, null, null).retryable).toBe(true);
  });

  it('describes a failure by status and code only', () => {
    expect(new CountyRequestError('conflict', 409, 'idempotency-conflict', null).message).toBe(
      'conflict (409 idempotency-conflict)',
    );
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2026-03-05T08:00:00Z');

  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('Thu, 05 Mar 2026 08:00:30 GMT', now)).toBe(30_000);
  });

  it('ignores what it cannot read, clamps the past to now and the far future to the cap', () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('Thu, 05 Mar 2026 07:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('999999', now)).toBe(MAX_RETRY_AFTER_MS);
  });
});
