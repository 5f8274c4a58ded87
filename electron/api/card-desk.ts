/**
 * Between the card reader and the screen. The reader's events are numbered; a screen asks for anything newer
 * than what it has seen and waits (long poll) until there is something, or a while has passed. A card read is
 * looked up here, in the main process, with the number and name on the card; the identity is held in memory
 * only until one screen takes it, and at most a few seconds, so a card left unanswered is forgotten.
 */
import type { CardReader, CardReaderState, CardReadResult } from '../devices/id-card/card-reader';
import type { CardReaderState as ScreenReaderState, CardWait, LookupResult } from './contract';

/** A card read longer ago than this is no longer answered: the person has likely gone. */
export const CARD_FRESH_MS = 10_000;
/** How long a screen's wait lasts when nothing happens. */
export const CARD_WAIT_MS = 20_000;

export interface CardDesk {
  waitForCard(after: number): Promise<CardWait>;
  readerState(): ScreenReaderState;
  close(): void;
}

type Pending =
  | { kind: 'card'; idNumber: string; name: string; at: number }
  | { kind: 'unreadable'; reason: Exclude<CardReadResult, { ok: true }>['reason']; at: number };

export function screenReaderState(state: CardReaderState): ScreenReaderState {
  return state.state;
}

export function createCardDesk(
  reader: CardReader,
  options: {
    lookUp: (identity: { idNumber: string; name: string }) => Promise<LookupResult>;
    now?: () => number;
    waitMs?: number;
  },
): CardDesk {
  const now = options.now ?? (() => Date.now());
  const waitMs = options.waitMs ?? CARD_WAIT_MS;
  let seq = 0;
  let pending: (Pending & { seq: number }) | null = null;
  const waiters = new Set<() => void>();

  const wake = () => {
    seq++;
    for (const waiter of waiters) waiter();
    waiters.clear();
  };
  const offCard = reader.onCard((result) => {
    pending = result.ok
      ? { kind: 'card', idNumber: result.card.idNumber, name: result.card.name, at: now(), seq: seq + 1 }
      : { kind: 'unreadable', reason: result.reason, at: now(), seq: seq + 1 };
    wake();
  });
  const offState = reader.onState(() => wake());

  /** Hands the pending card to one caller, then forgets the identity. */
  async function take(after: number): Promise<CardWait['card']> {
    const taken = pending;
    if (!taken || taken.seq <= after || now() - taken.at > CARD_FRESH_MS) return null;
    pending = null;
    if (taken.kind === 'unreadable') return { status: 'unreadable', reason: taken.reason };
    return options.lookUp({ idNumber: taken.idNumber, name: taken.name });
  }

  const answer = async (after: number): Promise<CardWait> => {
    const current = seq;
    const card = await take(after);
    return { seq: current, reader: screenReaderState(reader.getState()), card };
  };

  return {
    async waitForCard(after) {
      if (seq > after) return answer(after);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          waiters.delete(done);
          resolve();
        }, waitMs);
        const done = () => {
          clearTimeout(timer);
          resolve();
        };
        waiters.add(done);
      });
      return answer(after);
    },
    readerState: () => screenReaderState(reader.getState()),
    close() {
      offCard();
      offState();
      for (const waiter of waiters) waiter();
      waiters.clear();
    },
  };
}
