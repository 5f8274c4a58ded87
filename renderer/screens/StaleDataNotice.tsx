import type { SiteInfo } from '../../electron/api/contract';
import { formatDataAsOf } from '../i18n/format';
import { useT } from '../i18n/use-t';

/** Said wherever payments are concerned when the terminal's copy is older than its configured limit. */
export function StaleDataNotice({ site }: { site: SiteInfo }) {
  const t = useT();
  if (!site.data.stale) return null;
  return (
    <p className="notice" role="status">
      {t('data.stale', { when: formatDataAsOf(site.data.asOf), hotline: site.hotline })}
    </p>
  );
}
