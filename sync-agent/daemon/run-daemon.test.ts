import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { runDaemon, type DaemonTimers } from './run-daemon';

/** Timers that fire only when the test says so. */
function manualTimers() {
  const pending = new Map<number, { callback: () => void; ms: number }>();
  let next = 0;
  const timers: DaemonTimers = {
    set(callback, ms) {
      pending.set(++next, { callback, ms });
      return next;
    },
    clear(handle) {
      pending.delete(handle as number);
    },
  };
  return {
    timers,
    waits: () => [...pending.values()].map((p) => p.ms),
    fire() {
      const [id, timer] = [...pending.entries()][0]!;
      pending.delete(id);
      timer.callback();
    },
  };
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

function deferred() {
  let resolve!: (ok: boolean) => void;
  const promise = new Promise<boolean>((r) => (resolve = r));
  return { promise, resolve };
}

describe('runDaemon', () => {
  it('passes again after the jittered interval, and backs off after failures', async () => {
    const signals = new EventEmitter();
    const clock = manualTimers();
    const results = [true, false, false, true];
    let passes = 0;
    const done = runDaemon({
      pass: () => Promise.resolve(results[passes++] ?? true),
      signals,
      intervalMs: 900_000,
      random: () => 0.5,
      timers: clock.timers,
    });
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      await settle();
      waits.push(...clock.waits());
      clock.fire();
    }
    await settle();
    expect(waits).toEqual([900_000, 60_000, 120_000, 900_000]);
    signals.emit('SIGTERM');
    await done;
    expect(passes).toBe(5);
  });

  it('runs a pass at once on SIGUSR1 instead of waiting', async () => {
    const signals = new EventEmitter();
    const clock = manualTimers();
    let passes = 0;
    const done = runDaemon({
      pass: () => Promise.resolve(++passes > 0),
      signals,
      intervalMs: 900_000,
      timers: clock.timers,
    });
    await settle();
    expect(passes).toBe(1);
    signals.emit('SIGUSR1');
    await settle();
    expect(passes).toBe(2);
    signals.emit('SIGINT');
    await done;
    expect(passes).toBe(2);
  });

  it('follows a pass with another when SIGUSR1 came during it', async () => {
    const signals = new EventEmitter();
    const clock = manualTimers();
    const first = deferred();
    let passes = 0;
    const done = runDaemon({
      pass: () => (++passes === 1 ? first.promise : Promise.resolve(true)),
      signals,
      intervalMs: 900_000,
      timers: clock.timers,
    });
    signals.emit('SIGUSR1');
    first.resolve(true);
    await settle();
    expect(passes).toBe(2);
    signals.emit('SIGTERM');
    await done;
  });

  it('finishes the current pass on SIGTERM, then stops and lets go of the signals', async () => {
    const signals = new EventEmitter();
    const clock = manualTimers();
    const first = deferred();
    let passes = 0;
    let stopped = false;
    const done = runDaemon({
      pass: () => {
        passes++;
        return first.promise;
      },
      signals,
      intervalMs: 900_000,
      timers: clock.timers,
    }).then(() => (stopped = true));
    signals.emit('SIGTERM');
    await settle();
    expect(stopped).toBe(false);
    first.resolve(true);
    await done;
    expect(passes).toBe(1);
    expect(clock.waits()).toEqual([]);
    expect(signals.listenerCount('SIGUSR1') + signals.listenerCount('SIGTERM')).toBe(0);
  });
});
