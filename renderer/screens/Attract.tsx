import type { CardReaderState, CardUnreadableReason, SiteInfo } from '../../electron/api/contract';
import type { SendFlowEvent } from '../flow/kiosk-flow';
import { formatDataAsOf } from '../i18n/format';
import { CardHint } from './CardHint';
import { ScreenTitle } from './ScreenTitle';
import { StaleDataNotice } from './StaleDataNotice';
import { useT } from '../i18n/use-t';

interface AttractProps {
  siteInfo: SiteInfo;
  readerState: CardReaderState | null;
  cardProblem: CardUnreadableReason | null;
  send: SendFlowEvent;
}

export function Attract({ siteInfo, readerState, cardProblem, send }: AttractProps) {
  const t = useT();
  return (
    <section className="screen-body attract">
      <p className="site-name">{siteInfo.siteName}</p>
      <ScreenTitle>{t('attract.title')}</ScreenTitle>
      <p className="lead">{t('attract.subtitle')}</p>
      <button type="button" className="button primary huge" onClick={() => send({ type: 'START' })}>
        {t('attract.start')}
      </button>
      <CardHint readerState={readerState} cardProblem={cardProblem} />
      <StaleDataNotice site={siteInfo} />
      <p className="fine-print">
        {t('attract.dataAsOf', { when: formatDataAsOf(siteInfo.data.asOf), version: siteInfo.data.version })}
      </p>
    </section>
  );
}
