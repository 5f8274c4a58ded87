/**
 * The daemon's loop: a pass, then a wait (interval with jitter, or backoff after failures), again and again.
 * SIGUSR1 cuts the wait short ("sync now"; during a pass, another pass follows at once); SIGINT or SIGTERM
 * lets the current pass finish and then ends the loop. Signals come from an injected emitter (the process).
 */
import type { EventEmitter } from 'node:events';
import { nextDelayMs } from './schedule';

export interface DaemonTimers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: DaemonTimers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface DaemonOptions {
  /** One pass; resolves true when it succeeded. */
  pass(): Promise<boolean>;
  signals: EventEmitter;
  intervalMs: number;
  random?: () => number;
  timers?: DaemonTimers;
  /** Told how long the daemon waits before the next pass. */
  onWait?(ms: number, failures: number): void;
}

export async function runDaemon(options: DaemonOptions): Promise<void> {
  const timers = options.timers ?? realTimers;
  let stopping = false;
  // Set by SIGUSR1; reset before each pass so only a request made during the pass asks for another.
  let syncNow: boolean;
  let wake: (() => void) | null = null;
  const onStop = () => {
    stopping = true;
    wake?.();
  };
  const onSyncNow = () => {
    syncNow = true;
    wake?.();
  };
  options.signals.on('SIGINT', onStop);
  options.signals.on('SIGTERM', onStop);
  options.signals.on('SIGUSR1', onSyncNow);
  try {
    let failures = 0;
    while (!stopping) {
      syncNow = false;
      failures = (await options.pass()) ? 0 : failures + 1;
      if (stopping) break;
      if (syncNow) continue;
      const delay = nextDelayMs(options.intervalMs, failures, options.random);
      options.onWait?.(delay, failures);
      await new Promise<void>((resolve) => {
        const handle = timers.set(() => {
          wake = null;
          resolve();
        }, delay);
        wake = () => {
          timers.clear(handle);
          wake = null;
          resolve();
        };
      });
    }
  } finally {
    options.signals.off('SIGINT', onStop);
    options.signals.off('SIGTERM', onStop);
    options.signals.off('SIGUSR1', onSyncNow);
  }
}
