/**
 * Keyboard-emulation ID card readers type the card's ID number and Enter, far faster than any person:
 * a few milliseconds between keys. This tells such a burst from someone typing, from the keys' timestamps
 * alone, and yields the ID number only (the name is then confirmed on screen).
 *
 * Feed it every keydown (`key` as KeyboardEvent.key, `at` as event.timeStamp) and, for readers set up to
 * send no Enter, call `idle(now)` once no key has come for a while.
 */
import { normalizeIdNumber } from '../../domain/id-number';

export interface KeyboardCardReaderOptions {
  /** The longest gap between two keys of one burst. Readers send < 30 ms; people ≫ 50 ms. */
  maxGapMs?: number;
}

export const DEFAULT_MAX_GAP_MS = 50;

export type KeyboardCard = { kind: 'card'; idNumber: string };

export interface KeyboardCardClassifier {
  key(key: string, at: number): KeyboardCard | null;
  /** Ends a burst that came without Enter, once `now` is past the burst's last key by more than the gap. */
  idle(now: number): KeyboardCard | null;
}

const ID_LENGTH = 18;
// Keys a reader presses around the characters without typing any: Shift for X, for instance.
const SILENT_KEYS = new Set(['Shift', 'CapsLock']);
const ID_CHARACTER = /^[0-9Xx\uFF10-\uFF19\uFF38\uFF58]$/;
const ID_NUMBER = /^\d{17}[\dX]$/;

export function createKeyboardCardClassifier(
  options: KeyboardCardReaderOptions = {},
): KeyboardCardClassifier {
  const maxGapMs = options.maxGapMs ?? DEFAULT_MAX_GAP_MS;
  let chars: string[] = [];
  // Set when the burst held something no ID number has (another key, too many characters).
  let spoiled = false;
  let lastAt = Number.NEGATIVE_INFINITY;

  function finish(): KeyboardCard | null {
    const text = normalizeIdNumber(chars.join(''));
    const card = !spoiled && chars.length === ID_LENGTH && ID_NUMBER.test(text);
    chars = [];
    spoiled = false;
    return card ? { kind: 'card', idNumber: text } : null;
  }

  return {
    key(key, at) {
      if (SILENT_KEYS.has(key)) return null;
      const inBurst = at - lastAt <= maxGapMs;
      lastAt = at;
      // A pause ends the burst before this key: a complete number without Enter is still a card.
      const before = inBurst ? null : finish();
      if (key === 'Enter') return inBurst ? finish() : before;
      if (ID_CHARACTER.test(key)) {
        chars.push(key);
        if (chars.length > ID_LENGTH) spoiled = true;
      } else {
        spoiled = true;
      }
      return before;
    },
    idle(now) {
      if (now - lastAt <= maxGapMs) return null;
      return finish();
    },
  };
}
