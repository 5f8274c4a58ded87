import { describe, expect, it } from 'vitest';
import { jittered, MAX_BACKOFF_MS, nextDelayMs } from './schedule';

const MIN = 60_000;

describe('schedule', () => {
  it('keeps the interval within ±20%', () => {
    expect(jittered(900_000, () => 0)).toBe(720_000);
    expect(jittered(900_000, () => 0.5)).toBe(900_000);
    expect(jittered(900_000, () => 0.999999)).toBeLessThanOrEqual(1_080_000);
    expect(jittered(900_000, () => 0.999999)).toBeGreaterThan(1_079_000);
  });

  it('polls at the interval after a success', () => {
    expect(nextDelayMs(900_000, 0, () => 0.5)).toBe(900_000);
  });

  it('backs off from one minute, doubling per failure', () => {
    const delays = [1, 2, 3, 4].map((failures) => nextDelayMs(900_000, failures, () => 0.5));
    expect(delays).toEqual([MIN, 2 * MIN, 4 * MIN, 8 * MIN]);
  });

  it('never waits longer than an hour after failures, jitter included', () => {
    for (const failures of [7, 8, 50, 10_000]) {
      expect(nextDelayMs(900_000, failures, () => 0.999999)).toBe(MAX_BACKOFF_MS);
    }
    expect(nextDelayMs(900_000, 50, () => 0)).toBe(0.8 * MAX_BACKOFF_MS);
  });
});
