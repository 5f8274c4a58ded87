import { PIN_MAX_LENGTH, PIN_MIN_LENGTH, type SendHelperEvent } from './helper-mode';
import { useT } from '../i18n/use-t';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'] as const;

/** The staff PIN: digits only, shown as dots, sent to the main process on OK. */
export function PinPad({ entered, send }: { entered: number; send: SendHelperEvent }) {
  const t = useT();
  return (
    <div className="pin-pad">
      <p className="pin-dots" aria-live="polite">
        <span aria-hidden="true">{'●'.repeat(entered) || '\u00a0'}</span>
        <span className="visually-hidden">{t('helper.pin.entered', { digits: entered })}</span>
      </p>
      <div className="keypad" role="group" aria-label={t('helper.pin.keypad')}>
        {DIGITS.map((digit) => (
          <button
            key={digit}
            type="button"
            className="button key"
            disabled={entered >= PIN_MAX_LENGTH}
            onClick={() => send({ type: 'PIN_DIGIT', digit })}
          >
            {digit}
          </button>
        ))}
        <button
          type="button"
          className="button key"
          disabled={entered === 0}
          onClick={() => send({ type: 'PIN_BACKSPACE' })}
        >
          {t('helper.pin.backspace')}
        </button>
        <button
          type="button"
          className="button key"
          disabled={entered === 0}
          onClick={() => send({ type: 'PIN_CLEAR' })}
        >
          {t('helper.pin.clear')}
        </button>
        <button
          type="button"
          className="button primary key key-wide"
          disabled={entered < PIN_MIN_LENGTH}
          onClick={() => send({ type: 'SUBMIT' })}
        >
          {t('helper.pin.submit')}
        </button>
      </div>
    </div>
  );
}
