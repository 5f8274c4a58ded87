/** When to try an item again after a failure that may pass: exponential, capped, with jitter. Pure. */

export interface BackoffPolicy {
  /** The ceiling after the first failure; it doubles with each further failure. */
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 10_000, maxMs: 30 * 60_000 };

/**
 * The wait after the `failures`-th failure in a row (1 for the first). Half of the ceiling is fixed so retries
 * never bunch up at zero; the other half is random so terminals that lost the county together do not all
 * come back in the same second.
 */
export function backoffDelayMs(
  failures: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(failures - 1, 0));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
