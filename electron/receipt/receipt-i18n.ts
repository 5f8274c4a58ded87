/**
 * The receipt's words, from its own i18next instance: the main process prints in the language the resident
 * chose on screen, independently of any other i18next use, and a shared global instance would let one
 * caller's language change leak into another's receipt.
 */
import i18next from 'i18next';
import type { Locale } from '../api/contract';
import en from './locales/en.json' with { type: 'json' };
import zhCN from './locales/zh-CN.json' with { type: 'json' };

type LeafKeys<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : LeafKeys<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every key the receipt uses; zh-CN is the reference catalogue and a test holds en to the same keys. */
export type ReceiptKey = LeafKeys<typeof zhCN>;

/**
 * The languages a receipt prints in: the screen's languages but bo, since the thermal printer's GB18030 font
 * has no Tibetan glyphs (a bo screen prints its receipt in zh-CN, see print-receipt.ts).
 */
export type ReceiptLocale = Exclude<Locale, 'bo'>;

export const receiptCatalogues: Record<ReceiptLocale, object> = { 'zh-CN': zhCN, en };

const receiptI18n = i18next.createInstance();
void receiptI18n.init({
  resources: { 'zh-CN': { receipt: zhCN }, en: { receipt: en } },
  ns: ['receipt'],
  defaultNS: 'receipt',
  lng: 'zh-CN',
  // A missing key must show as a missing key in tests, never silently as the other language.
  fallbackLng: false,
  initAsync: false,
  // Receipts are plain text, not HTML.
  interpolation: { escapeValue: false },
});

export type ReceiptT = (key: ReceiptKey, values?: Record<string, string | number>) => string;

export function receiptT(locale: ReceiptLocale): ReceiptT {
  const t = receiptI18n.getFixedT(locale);
  return (key, values) => String(t(key, values));
}
