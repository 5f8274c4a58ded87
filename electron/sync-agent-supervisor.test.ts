import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { restartDelayMs, superviseSyncAgent, type AgentProcess } from './sync-agent-supervisor';

// A fake stands in for Electron's utilityProcess.fork: no Electron binary can run here.
function fakeFork() {
  const started: { script: string; args: string[]; child: AgentProcess & EventEmitter; killed: boolean }[] =
    [];
  const fork = (script: string, args: string[]) => {
    const child = Object.assign(new EventEmitter(), {
      kill: () => {
        entry.killed = true;
        child.emit('exit', 0);
        return true;
      },
    });
    const entry = { script, args, child, killed: false };
    started.push(entry);
    return child;
  };
  return { fork, started };
}

function manualTimers() {
  const due: (() => void)[] = [];
  const delays: number[] = [];
  return {
    due,
    delays,
    setTimer: (run: () => void, ms: number) => {
      due.push(run);
      delays.push(ms);
      return due.length - 1;
    },
    clearTimer: (timer: unknown) => {
      due[timer as number] = () => undefined;
    },
  };
}

describe('superviseSyncAgent', () => {
  it('runs the agent daemon with the terminal config and the app version', () => {
    const { fork, started } = fakeFork();
    superviseSyncAgent(fork, {
      script: '/app/dist/sync-agent.cjs',
      configFile: '/etc/kiosk.json',
      appVersion: '1.4.0',
    });
    expect(started.map((s) => [s.script, s.args])).toEqual([
      ['/app/dist/sync-agent.cjs', ['run', '--config=/etc/kiosk.json', '--app-version=1.4.0']],
    ]);
  });

  it('starts it again after it dies, waiting longer each time', () => {
    const { fork, started } = fakeFork();
    const timers = manualTimers();
    superviseSyncAgent(fork, { script: 's', configFile: 'c', appVersion: '1.0.0', ...timers });
    started[0]!.child.emit('exit', 1);
    timers.due[0]!();
    started[1]!.child.emit('exit', 1);
    timers.due[1]!();
    expect(started).toHaveLength(3);
    expect(timers.delays).toEqual([1000, 2000]);
    expect(restartDelayMs(20)).toBe(60_000);
  });

  it('stops the agent with the app and does not start it again', () => {
    const { fork, started } = fakeFork();
    const timers = manualTimers();
    const supervisor = superviseSyncAgent(fork, {
      script: 's',
      configFile: 'c',
      appVersion: '1.0.0',
      ...timers,
    });
    supervisor.stop();
    expect(started[0]!.killed).toBe(true);
    expect(timers.due).toHaveLength(0);
    expect(started).toHaveLength(1);
  });
});
