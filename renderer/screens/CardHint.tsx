import type { CardReaderState, CardUnreadableReason } from '../../electron/api/contract';
import { useT } from '../i18n/use-t';

/**
 * What to do with the ID card, by how the reader is: put it on, keep it still, take it away, or use the keypad
 * when the reader cannot be used. A card that could not be read says so first.
 */
export function CardHint({
  readerState,
  cardProblem,
}: {
  readerState: CardReaderState | null;
  cardProblem: CardUnreadableReason | null;
}) {
  const t = useT();
  if (cardProblem) {
    return (
      <p className="notice" role="status">
        {t(`card.problems.${cardProblem}`)}
      </p>
    );
  }
  const key = (() => {
    switch (readerState) {
      case 'reading':
        return 'card.reading';
      case 'lift-card':
        return 'card.lift';
      case 'missing':
      case 'error':
        return 'card.unavailable';
      case 'not-configured':
        return 'card.none';
      default:
        return 'card.place';
    }
  })();
  return (
    <p className="hint" role="status">
      {t(key)}
    </p>
  );
}
