import type { KioskConfig } from '../../../kiosk-config/schema';
import type { ReplicaReader } from '../../replica/replica-reader';
import type { SiteInfo } from '../contract';

const HOUR_MS = 3_600_000;

/** Data the county published longer ago than the configured limit; a date that cannot be read counts as stale. */
export function isStale(dataAsOf: string, now: Date, staleAfterHours: number): boolean {
  const published = Date.parse(dataAsOf);
  return Number.isNaN(published) || now.getTime() - published > staleAfterHours * HOUR_MS;
}

export function siteInfo(config: KioskConfig, replica: ReplicaReader, now: Date): SiteInfo {
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
    data: {
      version: meta.dataVersion,
      asOf: meta.dataAsOf,
      stale: isStale(meta.dataAsOf, now, config.dataStaleAfterHours),
    },
  };
}
