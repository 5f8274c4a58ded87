/**
 * Listens for a keyboard-emulation card reader's bursts anywhere on the page and hands each ID number read
 * to `onCard`. People typing are never taken for a reader (see keyboard-card-reader.ts), so this runs on
 * every terminal: where no such reader is plugged in, it never fires.
 */
import { useEffect } from 'react';
import { createKeyboardCardClassifier, DEFAULT_MAX_GAP_MS } from './keyboard-card-reader';

export function useKeyboardCardReader(onCard: (idNumber: string) => void): void {
  useEffect(() => {
    const classifier = createKeyboardCardClassifier();
    let idleTimer: ReturnType<typeof setTimeout> | undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      const card = classifier.key(event.key, event.timeStamp);
      clearTimeout(idleTimer);
      if (card) {
        onCard(card.idNumber);
        return;
      }
      // Readers set up without Enter: the burst ends when the keys stop.
      idleTimer = setTimeout(() => {
        const late = classifier.idle(performance.now());
        if (late) onCard(late.idNumber);
      }, DEFAULT_MAX_GAP_MS * 2);
    };
    document.addEventListener('keydown', onKeyDown, { capture: true });
    return () => {
      clearTimeout(idleTimer);
      document.removeEventListener('keydown', onKeyDown, { capture: true });
    };
  }, [onCard]);
}
