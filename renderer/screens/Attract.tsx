import type { SiteInfo } from '../../electron/api/contract';
import type { SendFlowEvent } from '../flow/kiosk-flow';
import { formatDataAsOf } from '../i18n/format';
import { ScreenTitle } from './ScreenTitle';
import { StaleDataNotice } from './StaleDataNotice';
import { useT } from '../i18n/use-t';

export function Attract({ siteInfo, send }: { siteInfo: SiteInfo; send: SendFlowEvent }) {
  const t = useT();
  return (
    <section className="screen-body attract">
      <p className="site-name">{siteInfo.siteName}</p>
      <ScreenTitle>{t('attract.title')}</ScreenTitle>
      <p className="lead">{t('attract.subtitle')}</p>
      <button type="button" className="button primary huge" onClick={() => send({ type: 'START' })}>
        {t('attract.start')}
      </button>
      <p className="hint">{t('attract.cardHint')}</p>
      <StaleDataNotice site={siteInfo} />
      <p className="fine-print">
        {t('attract.dataAsOf', { when: formatDataAsOf(siteInfo.data.asOf), version: siteInfo.data.version })}
      </p>
    </section>
  );
}
