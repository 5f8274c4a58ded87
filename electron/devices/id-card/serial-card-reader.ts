/**
 * A second-generation ID card reader on a serial port (USB-serial, 115200 8N1 by default).
 *
 * On open: SAM status (11 FF). Then it polls: find card (20 01) → select card (20 02) → read base info
 * (30 01). After a read the card must leave the reader (find card answers 80 on `liftPolls` polls in a row)
 * before the next read; the same card read again within `duplicateWindowMs` of last being seen is dropped.
 * Failures back off; a port that closes or cannot be opened is 'missing' and is reopened every
 * `reopenIntervalMs`, so replugging the reader recovers without a restart. A reader back from 'error' or
 * 'missing' starts from "no card"; any sensible answer counts as recovered.
 */
import type {
  CardReader,
  CardReaderErrorReason,
  CardReaderState,
  CardReadFailure,
  CardReadResult,
} from './card-reader';
import { decodeCardText, TEXT_BLOCK_BYTES, type CardTextProblem } from './card-text';
import type { ResponseFrame } from './frame';
import { classifyStatus, readerStatus, statusWord, type ReaderStatus } from './status-codes';
import { openSerialLink, type Exchange, type LinkEvent, type SerialLink } from './serial-link';

export interface SerialReaderTiming {
  pollIntervalMs: number;
  /** For SAM status, find and select. */
  responseTimeoutMs: number;
  /** Read base info moves 1.3 kB after the card's authentication, so it gets longer. */
  readTimeoutMs: number;
  reopenIntervalMs: number;
  maxBackoffMs: number;
  /** Polls in a row without a card that count as the card lifted. */
  liftPolls: number;
  duplicateWindowMs: number;
  /**
   * Failed exchanges in a row (timeouts, damaged frames) before the state says 'error'; also reads of one
   * card in a row that fail on the wire, while find and select work, before it is reported 'read-failed'.
   */
  failuresBeforeError: number;
}

export const DEFAULT_SERIAL_TIMING: SerialReaderTiming = {
  pollIntervalMs: 250,
  responseTimeoutMs: 1_000,
  readTimeoutMs: 3_000,
  reopenIntervalMs: 1_000,
  maxBackoffMs: 4_000,
  liftPolls: 2,
  duplicateWindowMs: 3_000,
  failuresBeforeError: 3,
};

/** Machine events for counting and logging; they never carry personal data. */
export type CardReaderDiagnostic =
  | { kind: 'link'; event: LinkEvent }
  | { kind: 'port'; event: 'opened' | 'closed' | 'open-failed' }
  | { kind: 'command'; command: string; outcome: 'timeout' | 'bad-frame' }
  | { kind: 'status'; command: string; word: string; status: ReaderStatus }
  | { kind: 'card'; outcome: 'delivered' | 'duplicate' | CardReadFailure; problem?: CardTextProblem };

export interface SerialReaderOptions extends Partial<SerialReaderTiming> {
  /** 'YYYY-MM-DD' for the ID number's birth-date check; the county's today by default. */
  today?: () => string;
  /** Milliseconds for the duplicate window; Date.now by default. */
  now?: () => number;
  onDiagnostic?: (diagnostic: CardReaderDiagnostic) => void;
}

const SAM_STATUS = [0x11, 0xff] as const;
const FIND_CARD = [0x20, 0x01] as const;
const SELECT_CARD = [0x20, 0x02] as const;
const READ_BASE = [0x30, 0x01] as const;
type Command = readonly [number, number];

const commandName = ([command, parameter]: Command) =>
  [command, parameter].map((b) => b.toString(16).padStart(2, '0')).join('');

/** How one step of the conversation ended, for the loop to decide what comes next. */
type Step =
  | { kind: 'done' }
  | { kind: 'gone' }
  // The exchange failed on the wire, or the reader said our frame reached it damaged.
  | { kind: 'transient'; reason: 'no-response' | 'communication' }
  | { kind: 'fault'; reason: CardReaderErrorReason };

const AUTHENTICATION: ReadonlySet<ReaderStatus> = new Set([
  'card-rejected-reader',
  'reader-rejected-card',
  'verification-failed',
]);

function failureOf(status: ReaderStatus): CardReadFailure {
  if (AUTHENTICATION.has(status)) return 'authentication-failed';
  if (status === 'unknown-card') return 'unknown-card';
  return 'read-failed';
}

function faultOf(status: ReaderStatus): CardReaderErrorReason {
  return status === 'reader-not-authorised' || status === 'unauthorised-operation'
    ? 'reader-not-authorised'
    : 'reader-fault';
}

export function createSerialCardReader(
  config: { path: string; baudRate: number },
  options: SerialReaderOptions = {},
): CardReader {
  const timing: SerialReaderTiming = { ...DEFAULT_SERIAL_TIMING, ...definedOnly(options) };
  const diagnose = options.onDiagnostic ?? (() => {});
  const now = options.now ?? Date.now;
  const stateListeners = new Set<(s: CardReaderState) => void>();
  const cardListeners = new Set<(r: CardReadResult) => void>();

  let state: CardReaderState = { state: 'missing' };
  let running: Promise<void> | null = null;
  let stopping: AbortController | null = null;
  let link: SerialLink | null = null;

  let liftPending = false;
  let absentPolls = 0;
  let lastCard: { idNumber: string; seenAt: number } | null = null;
  /**
   * The valid card last delivered, while it may still lie on the reader. It outlives an outage, when
   * `liftPending` does not: a reader that comes back reads whatever card it finds, and this one is not
   * delivered again, so a card forgotten on it never reopens a record for the next person.
   */
  let cardOnReader: string | null = null;
  /** Failed exchanges in a row; any answer that shows the reader working resets it. */
  let failures = 0;
  /** Reads of the card on the reader in a row that failed on the wire while find and select worked. */
  let readFailures = 0;

  function setState(next: CardReaderState) {
    const same =
      next.state === 'error' && state.state === 'error'
        ? next.reason === state.reason
        : next.state === state.state;
    if (same) return;
    state = next;
    for (const listener of [...stateListeners]) listener(next);
  }

  const idle = (): CardReaderState => (liftPending ? { state: 'lift-card' } : { state: 'ready' });

  /**
   * The reader stopped answering, failed, or went away: whatever lay on it may have been swapped meanwhile,
   * so when it comes back it starts from "no card" and reads the card it finds.
   */
  function lose(next: CardReaderState) {
    liftPending = false;
    absentPolls = 0;
    readFailures = 0;
    setState(next);
  }

  function deliver(result: CardReadResult, problem?: CardTextProblem) {
    liftPending = true;
    absentPolls = 0;
    readFailures = 0;
    if (result.ok) {
      const at = now();
      const duplicate =
        cardOnReader === result.card.idNumber ||
        (lastCard !== null &&
          lastCard.idNumber === result.card.idNumber &&
          at - lastCard.seenAt < timing.duplicateWindowMs);
      lastCard = { idNumber: result.card.idNumber, seenAt: at };
      cardOnReader = result.card.idNumber;
      if (duplicate) {
        diagnose({ kind: 'card', outcome: 'duplicate' });
        setState({ state: 'lift-card' });
        return;
      }
      diagnose({ kind: 'card', outcome: 'delivered' });
      setState({ state: 'read' });
    } else {
      cardOnReader = null;
      diagnose({ kind: 'card', outcome: result.reason, ...(problem ? { problem } : {}) });
      setState({ state: 'lift-card' });
    }
    for (const listener of [...cardListeners]) listener(result);
  }

  async function exchange(
    current: SerialLink,
    command: Command,
    timeoutMs: number,
  ): Promise<{ frame: ResponseFrame; status: ReaderStatus } | Step> {
    const result: Exchange = await current.exchange(command[0], command[1], timeoutMs);
    if (result.kind === 'gone') return { kind: 'gone' };
    if (result.kind !== 'answer') {
      diagnose({ kind: 'command', command: commandName(command), outcome: result.kind });
      return { kind: 'transient', reason: result.kind === 'timeout' ? 'no-response' : 'communication' };
    }
    const { sw1, sw2, sw3 } = result.frame;
    const status = readerStatus(sw3);
    // A reader that answers sensibly is working again, whatever the rest of the exchange brings.
    const working = classifyStatus(status);
    if (working === 'success' || working === 'card-problem') failures = 0;
    if (status !== 'ok' && status !== 'card-found' && status !== 'no-card') {
      diagnose({ kind: 'status', command: commandName(command), word: statusWord(sw1, sw2, sw3), status });
    }
    return { frame: result.frame, status };
  }

  /** A status the step did not ask for: a transient if it is a success or a line error, else a fault. */
  function unexpected(status: ReaderStatus): Step {
    const kind = classifyStatus(status);
    if (kind === 'reader-fault') return { kind: 'fault', reason: faultOf(status) };
    return { kind: 'transient', reason: 'communication' };
  }

  async function checkSam(current: SerialLink): Promise<Step> {
    const answer = await exchange(current, SAM_STATUS, timing.responseTimeoutMs);
    if ('kind' in answer) return answer;
    if (answer.status === 'ok') {
      setState(idle());
      return { kind: 'done' };
    }
    return unexpected(answer.status);
  }

  async function readCard(current: SerialLink): Promise<Step> {
    const select = await exchange(current, SELECT_CARD, timing.responseTimeoutMs);
    if ('kind' in select) return select;
    // Taken away between find and select: nothing to tell anyone.
    if (select.status === 'no-card') return { kind: 'done' };
    if (select.status !== 'ok') {
      if (classifyStatus(select.status) !== 'card-problem') return unexpected(select.status);
      deliver({ ok: false, reason: failureOf(select.status) });
      return { kind: 'done' };
    }

    const read = await exchange(current, READ_BASE, timing.readTimeoutMs);
    if ('kind' in read) return read;
    if (read.status !== 'ok') {
      if (classifyStatus(read.status) !== 'card-problem') return unexpected(read.status);
      deliver({ ok: false, reason: failureOf(read.status) });
      return { kind: 'done' };
    }
    const data = read.frame.data;
    const textLength = data.length >= 4 ? (data[0]! << 8) | data[1]! : -1;
    const photoLength = data.length >= 4 ? (data[2]! << 8) | data[3]! : -1;
    if (textLength !== TEXT_BLOCK_BYTES || data.length < 4 + textLength + photoLength) {
      deliver({ ok: false, reason: 'read-failed' });
      return { kind: 'done' };
    }
    const text = decodeCardText(data.subarray(4, 4 + textLength), options.today?.());
    // The answer held the photo and the address: wipe them rather than leave them to the collector.
    data.fill(0);
    if (text.ok) deliver({ ok: true, card: text.card });
    else deliver({ ok: false, reason: text.reason }, text.problem);
    return { kind: 'done' };
  }

  async function poll(current: SerialLink): Promise<Step> {
    const find = await exchange(current, FIND_CARD, timing.responseTimeoutMs);
    if ('kind' in find) return find;
    if (find.status === 'no-card') {
      readFailures = 0;
      // Until the lift is confirmed the state stays 'read' or 'lift-card'.
      if (liftPending && ++absentPolls < timing.liftPolls) return { kind: 'done' };
      liftPending = false;
      cardOnReader = null;
      setState({ state: 'ready' });
      return { kind: 'done' };
    }
    if (find.status !== 'card-found') return unexpected(find.status);
    if (liftPending) {
      absentPolls = 0;
      if (lastCard) lastCard.seenAt = now();
      setState({ state: 'lift-card' });
      return { kind: 'done' };
    }
    setState({ state: 'reading' });
    const read = await readCard(current);
    // The reader answers find and select but the read keeps failing on the wire: tell the person rather
    // than keep them waiting at 'reading'.
    if (read.kind === 'transient' && ++readFailures >= timing.failuresBeforeError) {
      deliver({ ok: false, reason: 'read-failed' });
      return { kind: 'done' };
    }
    return read;
  }

  async function converse(current: SerialLink, signal: AbortSignal): Promise<void> {
    let samChecked = false;
    failures = 0;
    while (!signal.aborted) {
      const step = samChecked ? await poll(current) : await checkSam(current);
      if (step.kind === 'gone') return;
      let delay = timing.pollIntervalMs;
      if (step.kind === 'done') {
        failures = 0;
        samChecked = true;
        if (state.state === 'error') setState(idle());
      } else {
        failures += 1;
        delay = Math.min(timing.maxBackoffMs, timing.pollIntervalMs * 2 ** failures);
        if (step.kind === 'fault') {
          // Ask the SAM again before reading any card: it may have been reset meanwhile.
          samChecked = false;
          lose({ state: 'error', reason: step.reason });
        } else if (failures >= timing.failuresBeforeError) {
          lose({ state: 'error', reason: step.reason });
        }
      }
      await pause(delay, signal, current.gone);
    }
  }

  async function run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      const opened = await openSerialLink({
        path: config.path,
        baudRate: config.baudRate,
        onLinkEvent: (event) => diagnose({ kind: 'link', event }),
      });
      if (!opened.ok) {
        diagnose({ kind: 'port', event: 'open-failed' });
        lose(
          opened.reason === 'permission-denied'
            ? { state: 'error', reason: 'permission-denied' }
            : { state: 'missing' },
        );
        await pause(timing.reopenIntervalMs, signal);
        continue;
      }
      link = opened.link;
      diagnose({ kind: 'port', event: 'opened' });
      if (signal.aborted) {
        await link.close();
        return;
      }
      await converse(link, signal);
      await link.close();
      link = null;
      diagnose({ kind: 'port', event: 'closed' });
      if (!signal.aborted) lose({ state: 'missing' });
    }
  }

  return {
    start() {
      if (running) return Promise.resolve();
      stopping = new AbortController();
      running = run(stopping.signal);
      return Promise.resolve();
    },
    async stop() {
      stopping?.abort();
      // Closing the port ends a pending exchange at once.
      await link?.close();
      await running;
      running = null;
      stopping = null;
    },
    getState: () => state,
    onState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    onCard(listener) {
      cardListeners.add(listener);
      return () => cardListeners.delete(listener);
    },
  };
}

function definedOnly(options: Partial<SerialReaderTiming>): Partial<SerialReaderTiming> {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => typeof v === 'number'));
}

/** Waits, but no longer than until the reader is stopped or the port goes away. */
function pause(ms: number, signal: AbortSignal, gone?: Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    void gone?.then(done);
  });
}
