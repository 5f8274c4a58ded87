/**
 * Keeps the terminal's sync agent (`huimin-sync run`) running beside the kiosk: started when the app starts
 * with a terminal config, started again after it dies (waiting longer each time, up to a minute), stopped when
 * the app quits. The agent is its own process, so a crash in syncing never takes the kiosk's screen down.
 * Plain Node: Electron's utilityProcess.fork is passed in, so tests use a fake.
 */
export interface AgentProcess {
  once(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export type ForkAgent = (script: string, args: string[]) => AgentProcess;

export interface SupervisorOptions {
  /** dist/sync-agent.cjs */
  script: string;
  configFile: string;
  appVersion: string;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  onRestart?: (code: number, inMs: number) => void;
}

const MAX_RESTART_DELAY_MS = 60_000;

export function restartDelayMs(restarts: number): number {
  return Math.min(MAX_RESTART_DELAY_MS, 1000 * 2 ** restarts);
}

export function superviseSyncAgent(fork: ForkAgent, options: SupervisorOptions): { stop(): void } {
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as NodeJS.Timeout));
  let stopped = false;
  let restarts = 0;
  let current: AgentProcess | null = null;
  let pending: unknown = null;

  const start = () => {
    pending = null;
    // `--name=value`: a value that starts with '-' is then never taken for an option.
    const child = fork(options.script, [
      'run',
      `--config=${options.configFile}`,
      `--app-version=${options.appVersion}`,
    ]);
    current = child;
    child.once('exit', (code) => {
      current = null;
      if (stopped) return;
      const delay = restartDelayMs(restarts++);
      options.onRestart?.(code, delay);
      pending = setTimer(start, delay);
    });
  };
  start();

  return {
    stop() {
      stopped = true;
      if (pending !== null) clearTimer(pending);
      current?.kill();
    },
  };
}
