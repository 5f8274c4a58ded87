import type { SendFlowEvent } from '../flow/kiosk-flow';
import { groupIdNumber, idEntryFeedback } from '../flow/id-entry';
import { IdFeedback } from './IdFeedback';
import { Keypad } from './Keypad';
import { ScreenTitle } from './ScreenTitle';
import { useT } from '../i18n/use-t';

export function IdNumberEntry({ idNumber, send }: { idNumber: string; send: SendFlowEvent }) {
  const t = useT();
  const feedback = idEntryFeedback(idNumber);
  return (
    <section className="screen-body id-entry">
      <ScreenTitle>{t('idNumber.title')}</ScreenTitle>
      <div className="id-entry-layout">
        <div className="id-entry-number">
          <label className="field-label" htmlFor="id-number">
            {t('idNumber.label')}
          </label>
          {/* A helper may type on a keyboard; inputMode none keeps a touch screen's own keyboard away. */}
          <input
            id="id-number"
            className="id-number-field"
            inputMode="none"
            autoComplete="off"
            spellCheck={false}
            value={groupIdNumber(idNumber)}
            onChange={(event) => send({ type: 'ID_TYPED', text: event.target.value })}
          />
          <IdFeedback feedback={feedback} />
          <p className="hint">{t('idNumber.xHint')}</p>
          <button
            type="button"
            className="button primary"
            disabled={feedback.kind !== 'valid'}
            onClick={() => send({ type: 'NEXT' })}
          >
            {t('nav.next')}
          </button>
        </div>
        <Keypad entered={idNumber} send={send} />
      </div>
    </section>
  );
}
