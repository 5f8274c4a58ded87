/**
 * The importer's words in zh-CN and en, from its own i18next instance so the language chosen with `--lang`
 * never leaks into other users of i18next in the same process.
 */
import i18next from 'i18next';
import en from './locales/en.json' with { type: 'json' };
import zhCN from './locales/zh-CN.json' with { type: 'json' };

export type ImportLanguage = 'zh-CN' | 'en';
export const IMPORT_LANGUAGES: readonly ImportLanguage[] = ['zh-CN', 'en'];

type LeafKeys<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : LeafKeys<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every key the importer uses; zh-CN is the reference catalogue and a test holds en to the same keys. */
export type ImportKey = LeafKeys<typeof zhCN>;

export const importCatalogues: Record<ImportLanguage, object> = { 'zh-CN': zhCN, en };

const importI18n = i18next.createInstance();
void importI18n.init({
  resources: { 'zh-CN': { import: zhCN }, en: { import: en } },
  ns: ['import'],
  defaultNS: 'import',
  lng: 'zh-CN',
  // A missing key must show as a missing key in tests, never silently as the other language.
  fallbackLng: false,
  initAsync: false,
  // Messages go to a terminal and CSV files, not HTML.
  interpolation: { escapeValue: false },
});

export type ImportT = (key: ImportKey, values?: Record<string, string | number>) => string;

export function importT(language: ImportLanguage): ImportT {
  const t = importI18n.getFixedT(language);
  return (key, values) => String(t(key, values));
}
