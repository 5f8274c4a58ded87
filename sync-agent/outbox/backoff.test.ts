import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from './backoff';

const policy = { baseMs: 1000, maxMs: 60_000 };

describe('backoffDelayMs', () => {
  it('doubles the ceiling with each failure and waits between half of it and all of it', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(n, policy, () => 0))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(n, policy, () => 1))).toEqual([1000, 2000, 4000, 8000]);
  });

  it('never waits longer than the cap, however many failures', () => {
    expect(backoffDelayMs(7, policy, () => 1)).toBe(60_000);
    expect(backoffDelayMs(5000, policy, () => 1)).toBe(60_000);
    expect(backoffDelayMs(5000, policy, () => 0)).toBe(30_000);
  });

  it('spreads terminals that failed together over the jitter window', () => {
    const waits = new Set([0, 0.25, 0.5, 0.75].map((r) => backoffDelayMs(3, policy, () => r)));
    expect(waits.size).toBe(4);
  });
});
