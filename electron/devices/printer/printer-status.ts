/**
 * What the printer says about itself: the ESC/POS status requests, the bits of their one-byte answers, and the
 * order in which to ask them, over any channel that can send bytes and wait for one byte back.
 *
 * Real-time requests (DLE EOT n) are answered at once, even while the printer is busy or offline. GS r 1 goes
 * through the receive buffer, so its answer comes only after everything sent before it was processed, and an
 * offline printer (out of paper, cover open) does not answer it at all. The two kinds of answers are told apart by
 * their fixed bits: DLE EOT answers have bit 1 and bit 4 set and bits 0 and 7 clear, GS r answers bits 4 and 7
 * clear. Many cheap printers answer neither; their state is 'unknown', and they are still printed to.
 */

export type PrinterState =
  'ready' | 'paper-near-end' | 'paper-out' | 'cover-open' | 'offline' | 'error' | 'unknown';

/** States in which a job is sent: the printer works, or cannot tell us otherwise. */
export function acceptsJobs(state: PrinterState): boolean {
  return state === 'ready' || state === 'paper-near-end' || state === 'unknown';
}

export const REQUEST_PRINTER_STATUS = [0x10, 0x04, 0x01] as const;
export const REQUEST_OFFLINE_CAUSE = [0x10, 0x04, 0x02] as const;
export const REQUEST_PAPER_ROLL = [0x10, 0x04, 0x04] as const;
export const REQUEST_PAPER_SENSOR = [0x1d, 0x72, 0x01] as const;

/**
 * DLE DC4 fn=8 d1…d7, "clear buffer(s)": a real-time command, carried out on arrival even while the printer is
 * offline, that throws away everything in the receive and the print buffer and answers CLEAR_RESPONSE. The
 * only ESC/POS command that can stop data already sent from printing later (see README.md).
 */
export const CLEAR_BUFFERS = [0x10, 0x14, 0x08, 0x01, 0x03, 0x14, 0x01, 0x06, 0x02, 0x08] as const;
export const CLEAR_RESPONSE = [0x37, 0x25, 0x00] as const;

export type AnswerKind = 'real-time' | 'buffered';

/** DLE EOT answers: 0xx1 xx10 — bit 1 and bit 4 set, bit 0 and bit 7 clear. */
export function isRealTimeAnswer(byte: number): boolean {
  return (byte & 0x93) === 0x12;
}

/** GS r answers: bit 4 and bit 7 clear. */
export function isBufferedAnswer(byte: number): boolean {
  return (byte & 0x90) === 0;
}

export function answerKindOf(byte: number): AnswerKind | null {
  if (isRealTimeAnswer(byte)) return 'real-time';
  if (isBufferedAnswer(byte)) return 'buffered';
  return null;
}

/** DLE EOT 1: bit 3 — the printer is offline. */
export function parsePrinterStatus(byte: number): { offline: boolean } {
  return { offline: (byte & 0x08) !== 0 };
}

/** DLE EOT 2: bit 2 cover open, bit 3 paper fed by the button, bit 5 stopped at paper end, bit 6 an error. */
export function parseOfflineCause(byte: number): {
  coverOpen: boolean;
  feedButton: boolean;
  stoppedAtPaperEnd: boolean;
  error: boolean;
} {
  return {
    coverOpen: (byte & 0x04) !== 0,
    feedButton: (byte & 0x08) !== 0,
    stoppedAtPaperEnd: (byte & 0x20) !== 0,
    error: (byte & 0x40) !== 0,
  };
}

export interface PaperSensors {
  nearEnd: boolean;
  out: boolean;
}

/** DLE EOT 4: bits 2 and 3 — paper near end; bits 5 and 6 — paper out. Either bit of a pair counts. */
export function parsePaperRoll(byte: number): PaperSensors {
  return { nearEnd: (byte & 0x0c) !== 0, out: (byte & 0x60) !== 0 };
}

/** GS r 1: bits 0 and 1 — paper near end; bits 2 and 3 — paper out. */
export function parsePaperSensor(byte: number): PaperSensors {
  return { nearEnd: (byte & 0x03) !== 0, out: (byte & 0x0c) !== 0 };
}

function paperState(paper: PaperSensors): PrinterState {
  if (paper.out) return 'paper-out';
  return paper.nearEnd ? 'paper-near-end' : 'ready';
}

/** A connection to the printer that can ask one question and wait for one answer of the expected kind. */
export interface StatusChannel {
  /** The answer, or null when none of that kind came within the timeout. */
  ask(request: readonly number[], kind: AnswerKind, timeoutMs: number): Promise<number | null>;
}

/**
 * What has been learned about one printer across connections: whether it answers GS r, and whether it clears
 * its buffers on DLE DC4 8. A printer that answers DLE EOT but never GS r is not asked GS r again, so each job
 * does not wait out a timeout for nothing; the same for the clear.
 */
export interface StatusHabits {
  buffered: 'answers' | 'silent' | 'untested';
  clears: 'yes' | 'no' | 'untested';
}

export function newStatusHabits(): StatusHabits {
  return { buffered: 'untested', clears: 'untested' };
}

async function askPaperSensor(
  channel: StatusChannel,
  habits: StatusHabits,
  timeoutMs: number,
): Promise<PaperSensors | null> {
  const answer = await channel.ask(REQUEST_PAPER_SENSOR, 'buffered', timeoutMs);
  if (answer === null) return null;
  habits.buffered = 'answers';
  return parsePaperSensor(answer);
}

/**
 * Asks the printer how it is: DLE EOT 1, then the offline cause (DLE EOT 2) or the paper roll (DLE EOT 4); GS r 1
 * for printers that do not answer DLE EOT. After a request goes unanswered no other request of the same kind is
 * sent, so a late answer can never be taken for the answer to a different question.
 */
export async function queryPrinterState(
  channel: StatusChannel,
  habits: StatusHabits,
  timeoutMs: number,
): Promise<PrinterState> {
  const status = await channel.ask(REQUEST_PRINTER_STATUS, 'real-time', timeoutMs);
  if (status === null) {
    const paper = await askPaperSensor(channel, habits, timeoutMs);
    return paper ? paperState(paper) : 'unknown';
  }
  if (parsePrinterStatus(status).offline) {
    const causeByte = await channel.ask(REQUEST_OFFLINE_CAUSE, 'real-time', timeoutMs);
    if (causeByte === null) return 'offline';
    const cause = parseOfflineCause(causeByte);
    // With the cover open the paper sensor may read empty too; closing the cover comes first.
    if (cause.coverOpen) return 'cover-open';
    if (cause.stoppedAtPaperEnd) return 'paper-out';
    if (cause.error) return 'error';
    const roll = await channel.ask(REQUEST_PAPER_ROLL, 'real-time', timeoutMs);
    return roll !== null && parsePaperRoll(roll).out ? 'paper-out' : 'offline';
  }
  const roll = await channel.ask(REQUEST_PAPER_ROLL, 'real-time', timeoutMs);
  const state = roll === null ? 'ready' : paperState(parsePaperRoll(roll));
  if (habits.buffered === 'untested' && state !== 'paper-out') {
    // Learn once whether GS r is answered, while the printer is known to be online to answer it.
    const paper = await askPaperSensor(channel, habits, timeoutMs);
    if (paper === null) habits.buffered = 'silent';
  }
  return state;
}

/**
 * After a job's bytes were handed over: waits for GS r 1 to come back (it queues behind the job, so its answer
 * means the printer processed the whole receipt), then asks the real-time state. A printer that ran out of paper
 * mid-receipt goes offline, does not answer GS r, and DLE EOT says why.
 */
export async function stateAfterJob(
  channel: StatusChannel,
  habits: StatusHabits,
  timeouts: { statusMs: number; printMs: number },
): Promise<PrinterState> {
  if (habits.buffered === 'answers') {
    const answer = await channel.ask(REQUEST_PAPER_SENSOR, 'buffered', timeouts.printMs);
    if (answer !== null && parsePaperSensor(answer).out) return 'paper-out';
  }
  return queryPrinterState(channel, habits, timeouts.statusMs);
}
