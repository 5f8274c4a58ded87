import type { KioskConfig } from '../../../kiosk-config/schema';
import type { ReplicaReader } from '../../replica/replica-reader';
import type { SiteInfo } from '../contract';

export function siteInfo(config: KioskConfig, replica: ReplicaReader): SiteInfo {
  const meta = replica.meta();
  return {
    kioskId: config.kioskId,
    siteName: config.site.name,
    township: config.site.township,
    village: config.site.village,
    hotline: config.county.hotline,
    languages: config.ui.languages,
    defaultLanguage: config.ui.defaultLanguage,
    idleSeconds: config.ui.idleSeconds,
    idleWarningSeconds: config.ui.idleWarningSeconds,
    textScale: config.ui.textScale,
    data: { version: meta.dataVersion, asOf: meta.dataAsOf },
  };
}
