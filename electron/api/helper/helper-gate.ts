/**
 * The lock on helper mode: the PIN is checked here against the config's scrypt hash (in constant time, by
 * verifyHelperPin), five wrong PINs in a row shut the door for five minutes, and a right one yields a random
 * token that every other helper operation must carry. All of it in memory: a restart starts afresh, which
 * costs an attacker a reboot of a terminal standing in a staffed hall. Neither the PIN nor the token is logged.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { verifyHelperPin } from '../../../kiosk-config/helper-pin';
import type { HelperUnlockResult } from '../contract';

export const HELPER_MAX_FAILURES = 5;
export const HELPER_LOCKOUT_MS = 5 * 60_000;
/** A token nobody used for this long is void: the helper walked away. */
export const HELPER_TOKEN_IDLE_MS = 10 * 60_000;

export interface HelperGate {
  unlock(pin: string): HelperUnlockResult;
  /** Whether the token is the current one; using it keeps it alive. */
  admit(token: string): boolean;
  /** Voids the token; false when it was not the current one. */
  lock(token: string): boolean;
}

export interface HelperGateOptions {
  nowMs?: () => number;
  verify?: (pin: string, pinHash: string) => boolean;
  newToken?: () => string;
}

export function createHelperGate(pinHash: string, options: HelperGateOptions = {}): HelperGate {
  const nowMs = options.nowMs ?? Date.now;
  const verify = options.verify ?? verifyHelperPin;
  const newToken = options.newToken ?? (() => randomBytes(24).toString('hex'));
  let failures = 0;
  let lockedUntilMs = 0;
  let current: { token: Buffer; lastUsedMs: number } | null = null;

  const isCurrent = (token: string): boolean => {
    if (!current) return false;
    if (nowMs() - current.lastUsedMs > HELPER_TOKEN_IDLE_MS) {
      current = null;
      return false;
    }
    const given = Buffer.from(token);
    return given.length === current.token.length && timingSafeEqual(given, current.token);
  };

  return {
    unlock(pin) {
      const now = nowMs();
      if (now < lockedUntilMs) {
        return { status: 'locked', retryAfterSeconds: Math.ceil((lockedUntilMs - now) / 1000) };
      }
      if (!verify(pin, pinHash)) {
        failures += 1;
        if (failures >= HELPER_MAX_FAILURES) {
          failures = 0;
          lockedUntilMs = now + HELPER_LOCKOUT_MS;
          // A lockout also ends any helper session still open: someone is guessing at this terminal.
          current = null;
          return { status: 'locked', retryAfterSeconds: HELPER_LOCKOUT_MS / 1000 };
        }
        return { status: 'wrong', attemptsLeft: HELPER_MAX_FAILURES - failures };
      }
      failures = 0;
      const token = newToken();
      current = { token: Buffer.from(token), lastUsedMs: now };
      return { status: 'unlocked', token };
    },
    admit(token) {
      if (!isCurrent(token) || !current) return false;
      current.lastUsedMs = nowMs();
      return true;
    },
    lock(token) {
      if (!isCurrent(token)) return false;
      current = null;
      return true;
    },
  };
}
