/**
 * When the daemon runs its next pass: the polling interval with ±20% jitter (so a county's terminals do not all
 * call at once), or after failures an exponential backoff from one minute, never longer than an hour.
 */
export const JITTER_SHARE = 0.2;
export const FIRST_RETRY_MS = 60_000;
export const MAX_BACKOFF_MS = 3_600_000;

/** `ms` moved by up to ±20%; `random` gives [0, 1). */
export function jittered(ms: number, random: () => number = Math.random): number {
  return Math.round(ms * (1 + JITTER_SHARE * (2 * random() - 1)));
}

/** The wait before the next pass after `failures` failed passes in a row (0: the last pass succeeded). */
export function nextDelayMs(
  intervalMs: number,
  failures: number,
  random: () => number = Math.random,
): number {
  if (failures === 0) return jittered(intervalMs, random);
  const backoff = Math.min(FIRST_RETRY_MS * 2 ** Math.min(failures - 1, 30), MAX_BACKOFF_MS);
  return Math.min(jittered(backoff, random), MAX_BACKOFF_MS);
}
