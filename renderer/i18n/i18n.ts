/**
 * The renderer's i18next instance. Every catalogue is bundled, so initialisation is synchronous and the
 * first frame is already in the right language; zh-CN is the fallback for anything missing.
 */
import { createInstance, type i18n } from 'i18next';
import type { Locale } from '../../electron/api/contract';
import bo from './locales/bo.json';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

export const FALLBACK_LOCALE: Locale = 'zh-CN';

export const resources = {
  'zh-CN': { translation: zhCN },
  en: { translation: en },
  bo: { translation: bo },
} as const satisfies Record<Locale, unknown>;

/** Every locale the renderer has a catalogue for; a site may offer fewer. */
export const LOCALES: readonly Locale[] = ['zh-CN', 'en', 'bo'];

/**
 * The locales whose catalogues hold every key. bo (Tibetan) covers the resident's main flow only
 * (locales.test.ts names its sections); any other key shows in zh-CN.
 */
export const COMPLETE_LOCALES: readonly Locale[] = ['zh-CN', 'en'];

export function createKioskI18n(locale: Locale = FALLBACK_LOCALE): i18n {
  const instance = createInstance();
  void instance.init({
    resources,
    lng: locale,
    fallbackLng: FALLBACK_LOCALE,
    initAsync: false,
    // React escapes what it renders; escaping here too would show entities.
    interpolation: { escapeValue: false },
  });
  return instance;
}
