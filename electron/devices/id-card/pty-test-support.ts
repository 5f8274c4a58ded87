/**
 * Test support for the card reader's integration tests: a socat pseudo-terminal pair standing for the
 * USB-serial cable, the fake reader process on its far end, and waiting for the reader's states and cards.
 * Every process started here is tracked; `stopAll()` (in afterEach) ends whatever is left.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { CardReader, CardReaderState, CardReadResult } from './card-reader';
import type { Control } from './fake-reader';

const FAKE_READER = fileURLToPath(new URL('./fake-reader.ts', import.meta.url));
const running = new Set<ChildProcess>();
const directories = new Set<string>();

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function terminate(child: ChildProcess): Promise<void> {
  const done = exited(child);
  child.kill('SIGTERM');
  await done;
  running.delete(child);
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map(terminate));
  await Promise.all([...directories].map((d) => rm(d, { recursive: true, force: true })));
  directories.clear();
}

export async function tempDirectory(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'id-card-'));
  directories.add(dir);
  return dir;
}

export interface PtyPair {
  /** The end the kiosk opens, like /dev/ttyUSB0. */
  hostPath: string;
  /** The end the fake reader opens. */
  readerPath: string;
  /** Ends socat: both ends vanish, as when the reader's USB cable is pulled. */
  unplug(): Promise<void>;
}

/** Starts `socat` with links at the given paths (so a later pair at the same paths is a replug). */
export async function startPtyPair(hostPath: string, readerPath: string): Promise<PtyPair> {
  const socat = spawn(
    'socat',
    ['-d', '-d', `pty,raw,echo=0,link=${hostPath}`, `pty,raw,echo=0,link=${readerPath}`],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  running.add(socat);
  await new Promise<void>((resolve, reject) => {
    let log = '';
    socat.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('starting data transfer loop')) resolve();
    });
    socat.once('exit', (code) => reject(new Error(`socat exited (${code}): ${log}`)));
  });
  return { hostPath, readerPath, unplug: () => terminate(socat) };
}

export interface FakeReader {
  /** Applies a control and resolves once the fake has taken it. */
  control(control: Control): Promise<void>;
  /** Commands received so far, as hex ('2001'). */
  readonly commands: string[];
  /** Resolves when `command` has been received `count` times in all. */
  waitForCommand(command: string, count?: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startFakeReader(path: string): Promise<FakeReader> {
  const child = spawn(process.execPath, ['--import', 'tsx', FAKE_READER, path], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  running.add(child);
  const commands: string[] = [];
  let acknowledged = 0;
  const waiters = new Set<() => void>();
  let ready: () => void = () => {};
  const isReady = new Promise<void>((resolve, reject) => {
    ready = resolve;
    child.once('exit', (code) => reject(new Error(`fake reader exited (${code}) before its port opened`)));
  });
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const message = JSON.parse(line) as { event: string; command?: string };
    if (message.event === 'ready') ready();
    if (message.event === 'command' && message.command) commands.push(message.command);
    if (message.event === 'done') acknowledged += 1;
    for (const waiter of [...waiters]) waiter();
  });

  function until(test: () => boolean): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve) => {
      const check = () => {
        if (!test()) return;
        waiters.delete(check);
        resolve();
      };
      waiters.add(check);
    });
  }

  await isReady;
  let sent = 0;
  return {
    commands,
    control(control) {
      sent += 1;
      const mine = sent;
      child.stdin!.write(`${JSON.stringify(control)}\n`);
      return until(() => acknowledged >= mine);
    },
    waitForCommand: (command, count = 1) =>
      until(() => commands.filter((c) => c === command).length >= count),
    stop: () => terminate(child),
  };
}

/** Resolves with the reader's state once it matches; rejects after `timeoutMs`. */
export function waitForState(
  reader: CardReader,
  wanted: CardReaderState['state'],
  timeoutMs = 10_000,
): Promise<CardReaderState> {
  return new Promise((resolve, reject) => {
    if (reader.getState().state === wanted) {
      resolve(reader.getState());
      return;
    }
    const timer = setTimeout(() => {
      off();
      reject(
        new Error(`reader did not reach '${wanted}' in ${timeoutMs} ms (it is '${reader.getState().state}')`),
      );
    }, timeoutMs);
    const off = reader.onState((s) => {
      if (s.state !== wanted) return;
      clearTimeout(timer);
      off();
      resolve(s);
    });
  });
}

/** The next card result the reader delivers. */
export function nextCard(reader: CardReader, timeoutMs = 15_000): Promise<CardReadResult> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no card result in ${timeoutMs} ms (reader is '${reader.getState().state}')`));
    }, timeoutMs);
    const off = reader.onCard((r) => {
      clearTimeout(timer);
      off();
      resolve(r);
    });
  });
}
