import { useTranslation } from 'react-i18next';
import type { Locale } from '../../electron/api/contract';
import { FALLBACK_LOCALE, resources } from './i18n';

const isLocale = (value: string | undefined): value is Locale =>
  value !== undefined && Object.hasOwn(resources, value);

/** The locale the screen is currently written in, for data that carries its own translations. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : FALLBACK_LOCALE;
}
