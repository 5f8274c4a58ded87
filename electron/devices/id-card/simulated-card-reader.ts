/**
 * A card reader without hardware, for development, the end-to-end tests and the helper mode's "test card".
 * A presented card goes through the same text block encoding and checks as a real one, so a resident
 * whose ID number is invalid reads as 'invalid-card' here too.
 */
import type { CardIdentity, CardReader, CardReaderState, CardReadResult } from './card-reader';
import { decodeCardText, encodeCardText } from './card-text';

export interface SimulatedCardReader extends CardReader {
  /** Puts a card on the reader (taking off any card already there); 'invalid' is a card that fails its checks. */
  present(card: CardIdentity | 'invalid'): void;
  lift(): void;
}

export interface SimulatorOptions {
  /** How long a read takes, as on a real reader; 'lift-card' follows as long again after the read. */
  readDelayMs?: number;
  today?: () => string;
}

export const DEFAULT_READ_DELAY_MS = 300;

export function createSimulatedCardReader(options: SimulatorOptions = {}): SimulatedCardReader {
  const readDelayMs = options.readDelayMs ?? DEFAULT_READ_DELAY_MS;
  const stateListeners = new Set<(s: CardReaderState) => void>();
  const cardListeners = new Set<(r: CardReadResult) => void>();
  let state: CardReaderState = { state: 'missing' };
  let started = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  function setState(next: CardReaderState) {
    if (next.state === state.state) return;
    state = next;
    for (const listener of [...stateListeners]) listener(next);
  }

  function cancel() {
    if (timer) clearTimeout(timer);
    timer = null;
  }

  function read(card: CardIdentity | 'invalid'): CardReadResult {
    if (card === 'invalid') return { ok: false, reason: 'invalid-card' };
    let block: Uint8Array;
    try {
      block = encodeCardText(card);
    } catch {
      // A field longer than the card has room for: no real card could carry it.
      return { ok: false, reason: 'invalid-card' };
    }
    const text = decodeCardText(block, options.today?.());
    return text.ok ? { ok: true, card: text.card } : { ok: false, reason: text.reason };
  }

  return {
    start() {
      started = true;
      setState({ state: 'ready' });
      return Promise.resolve();
    },
    stop() {
      started = false;
      cancel();
      return Promise.resolve();
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
    present(card) {
      if (!started) return;
      cancel();
      setState({ state: 'reading' });
      timer = setTimeout(() => {
        const result = read(card);
        setState(result.ok ? { state: 'read' } : { state: 'lift-card' });
        for (const listener of [...cardListeners]) listener(result);
        timer = setTimeout(() => setState({ state: 'lift-card' }), readDelayMs);
      }, readDelayMs);
    },
    lift() {
      if (!started) return;
      cancel();
      setState({ state: 'ready' });
    },
  };
}
