import { describe, expect, it, vi } from 'vitest';
import { hashHelperPin } from '../../../kiosk-config/helper-pin';
import { createHelperGate, HELPER_LOCKOUT_MS, HELPER_TOKEN_IDLE_MS } from './helper-gate';

// A real scrypt hash once, for the real constant-time check; the other tests use a plain comparison.
const PIN = '135790';
const clock = () => {
  let ms = 1_000_000;
  return { nowMs: () => ms, advance: (by: number) => (ms += by) };
};
const plainGate = (time = clock()) =>
  createHelperGate('hash', { nowMs: time.nowMs, verify: (pin) => pin === PIN });

describe('the helper gate', () => {
  it('unlocks with the right PIN against the scrypt hash, and not with a wrong one', () => {
    const gate = createHelperGate(hashHelperPin(PIN));
    expect(gate.unlock('000000')).toEqual({ status: 'wrong', attemptsLeft: 4 });
    const unlocked = gate.unlock(PIN);
    expect(unlocked.status).toBe('unlocked');
    if (unlocked.status !== 'unlocked') return;
    expect(unlocked.token).toMatch(/^[0-9a-f]{48}$/);
    expect(gate.admit(unlocked.token)).toBe(true);
  });

  it('locks for five minutes after five wrong PINs, refusing even the right one meanwhile', () => {
    const time = clock();
    const gate = plainGate(time);
    for (const left of [4, 3, 2, 1])
      expect(gate.unlock('1111')).toEqual({ status: 'wrong', attemptsLeft: left });
    expect(gate.unlock('1111')).toEqual({ status: 'locked', retryAfterSeconds: 300 });
    time.advance(60_000);
    expect(gate.unlock(PIN)).toEqual({ status: 'locked', retryAfterSeconds: 240 });
    time.advance(HELPER_LOCKOUT_MS - 60_000);
    expect(gate.unlock(PIN).status).toBe('unlocked');
  });

  it('starts counting afresh after a right PIN', () => {
    const gate = plainGate();
    for (let i = 0; i < 4; i++) gate.unlock('1111');
    expect(gate.unlock(PIN).status).toBe('unlocked');
    expect(gate.unlock('1111')).toEqual({ status: 'wrong', attemptsLeft: 4 });
  });

  it('does not check the PIN at all while locked', () => {
    const verify = vi.fn(() => false);
    const gate = createHelperGate('hash', { verify });
    for (let i = 0; i < 5; i++) gate.unlock('1111');
    gate.unlock(PIN);
    expect(verify).toHaveBeenCalledTimes(5);
  });

  it('admits only the current token, which expires after ten idle minutes or on lock', () => {
    const time = clock();
    const gate = plainGate(time);
    const first = gate.unlock(PIN);
    if (first.status !== 'unlocked') throw new Error('not unlocked');
    expect(gate.admit('0'.repeat(48))).toBe(false);
    time.advance(HELPER_TOKEN_IDLE_MS - 1);
    // Using it keeps it alive.
    expect(gate.admit(first.token)).toBe(true);
    time.advance(HELPER_TOKEN_IDLE_MS - 1);
    expect(gate.admit(first.token)).toBe(true);
    time.advance(HELPER_TOKEN_IDLE_MS + 1);
    expect(gate.admit(first.token)).toBe(false);

    const second = gate.unlock(PIN);
    if (second.status !== 'unlocked') throw new Error('not unlocked');
    expect(second.token).not.toBe(first.token);
    expect(gate.lock(second.token)).toBe(true);
    expect(gate.admit(second.token)).toBe(false);
    expect(gate.lock(second.token)).toBe(false);
  });

  it('voids an open token when the PIN is guessed at five times', () => {
    const gate = plainGate();
    const unlocked = gate.unlock(PIN);
    if (unlocked.status !== 'unlocked') throw new Error('not unlocked');
    for (let i = 0; i < 5; i++) gate.unlock('1111');
    expect(gate.admit(unlocked.token)).toBe(false);
  });
});
