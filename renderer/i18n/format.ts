/** Wording of periods and times that the catalogues cannot hold as fixed strings. */
import type { Translate } from './use-t';
import type { Locale } from '../../electron/api/contract';
import { shanghaiDateTime } from '../../domain/dates';

/**
 * Locales whose month names Intl knows in the kiosk's Chromium. Its ICU data leaves Tibetan out (Intl would
 * word a bo month in English), so a bo month comes from the catalogue (`period.month`) instead.
 */
const INTL_MONTH_LOCALES: ReadonlySet<Locale> = new Set<Locale>(['zh-CN', 'en']);

/**
 * A payment's period as people say it: '2025' → 2025年, '2025-03' → 2025年3月 / March 2025, '2025-H1' →
 * 上半年, '2025-Q2' → 第2季度. Anything else the county publishes is shown as it came.
 */
export function formatPeriod(period: string, t: Translate, locale: Locale): string {
  const [, year = '', part = ''] = /^(\d{4})(?:-(0[1-9]|1[0-2]|H[12]|Q[1-4]))?$/.exec(period) ?? [];
  if (year === '') return period;
  if (part === '') return t('period.year', { year });
  if (part === 'H1') return t('period.firstHalf', { year });
  if (part === 'H2') return t('period.secondHalf', { year });
  if (part.startsWith('Q')) return t('period.quarter', { year, quarter: part.slice(1) });
  if (!INTL_MONTH_LOCALES.has(locale)) return t('period.month', { year, month: Number(part) });
  return monthFormat(locale).format(new Date(Date.UTC(Number(year), Number(part) - 1, 1)));
}

// Making an Intl formatter costs far more than using one, and a year's statement words a dozen months.
const monthFormats = new Map<Locale, Intl.DateTimeFormat>();
function monthFormat(locale: Locale): Intl.DateTimeFormat {
  let format = monthFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' });
    monthFormats.set(locale, format);
  }
  return format;
}

/** When the county's data was taken, in the county's time zone; an unreadable value is shown as it came. */
export function formatDataAsOf(asOf: string): string {
  const instant = new Date(asOf);
  return Number.isNaN(instant.getTime()) ? asOf : shanghaiDateTime(instant);
}
