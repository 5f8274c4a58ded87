import type { SendFlowEvent } from '../flow/kiosk-flow';
import { ID_KEYS, ID_NUMBER_LENGTH } from '../flow/id-entry';
import { useT } from '../i18n/use-t';

/** The on-screen keypad for ID numbers: real buttons, one tap each, nothing to hold or swipe. */
export function Keypad({ entered, send }: { entered: string; send: SendFlowEvent }) {
  const t = useT();
  const full = entered.length >= ID_NUMBER_LENGTH;
  return (
    <div className="keypad" role="group" aria-label={t('idNumber.keypad')}>
      {ID_KEYS.map((key) => (
        <button
          key={key}
          type="button"
          className="button key"
          // X is a check digit: it can only stand in the last place.
          disabled={full || (key === 'X' && entered.length !== ID_NUMBER_LENGTH - 1)}
          onClick={() => send({ type: 'ID_KEY', key })}
        >
          {key}
        </button>
      ))}
      <button
        type="button"
        className="button key"
        disabled={entered === ''}
        onClick={() => send({ type: 'ID_BACKSPACE' })}
      >
        {t('idNumber.backspace')}
      </button>
      <button
        type="button"
        className="button key key-wide"
        disabled={entered === ''}
        onClick={() => send({ type: 'ID_CLEAR' })}
      >
        {t('idNumber.clear')}
      </button>
    </div>
  );
}
