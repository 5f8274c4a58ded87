/**
 * The helper's "test card" beside the card desk. The runtime puts this tap between the reader and the desk:
 * cards pass through to the desk as usual, except while a test waits, when the next read goes to the test
 * alone. Without that, a card put on for the test would be looked up and opened on the screen under the
 * helper panel. The test learns only whether the card read, never whose it was.
 */
import { checkDigitOf } from '../../../domain/id-number';
import type {
  CardIdentity,
  CardReader,
  CardReadFailure,
  CardReadResult,
} from '../../devices/id-card/card-reader';
import { demoCard } from '../../devices/id-card/demo-card';
import type { SimulatedCardReader } from '../../devices/id-card/simulated-card-reader';

/** How long a test waits for someone to put a card on a real reader. */
export const CARD_TEST_WAIT_MS = 20_000;

/**
 * The first 17 digits of the simulator's built-in test card: the demo county's region 3599, which GB/T 2260
 * does not assign, so the number can never be a real person's.
 */
const TEST_CARD_FIRST17 = '35999919500101999';
const TEST_CARD_NAME = '测试卡';

export type CardTestOutcome = { ok: true } | { ok: false; reason: CardReadFailure | 'no-card' };

export interface CardTestTap {
  /** What the card desk listens to. */
  reader: CardReader;
  /** Null when a test already waits; else the next read's outcome, or no-card after `waitMs`. */
  nextCard(waitMs?: number): Promise<CardTestOutcome> | null;
  close(): void;
}

export function isSimulatedReader(reader: CardReader): reader is SimulatedCardReader {
  const candidate = reader as Partial<SimulatedCardReader>;
  return typeof candidate.present === 'function' && typeof candidate.lift === 'function';
}

export function simulatorTestCard(): CardIdentity {
  const card = demoCard(TEST_CARD_FIRST17 + checkDigitOf(TEST_CARD_FIRST17), TEST_CARD_NAME);
  if (!card) throw new Error('the built-in test card is not a valid card');
  return card;
}

export function createCardTestTap(source: CardReader): CardTestTap {
  const deskListeners = new Set<(result: CardReadResult) => void>();
  let waiting: ((outcome: CardTestOutcome) => void) | null = null;

  const off = source.onCard((result) => {
    if (waiting) {
      const settle = waiting;
      waiting = null;
      // Only whether it read: the identity goes no further than this line.
      settle(result.ok ? { ok: true } : { ok: false, reason: result.reason });
      return;
    }
    for (const listener of [...deskListeners]) listener(result);
  });

  return {
    reader: {
      start: () => source.start(),
      stop: () => source.stop(),
      getState: () => source.getState(),
      onState: (listener) => source.onState(listener),
      onCard(listener) {
        deskListeners.add(listener);
        return () => deskListeners.delete(listener);
      },
    },
    nextCard(waitMs = CARD_TEST_WAIT_MS) {
      if (waiting) return null;
      return new Promise<CardTestOutcome>((resolve) => {
        const timer = setTimeout(() => {
          waiting = null;
          resolve({ ok: false, reason: 'no-card' });
        }, waitMs);
        waiting = (outcome) => {
          clearTimeout(timer);
          resolve(outcome);
        };
      });
    },
    close() {
      off();
      waiting?.({ ok: false, reason: 'no-card' });
      waiting = null;
    },
  };
}
