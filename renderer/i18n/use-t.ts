/**
 * Typed message keys without augmenting i18next's global types (that augmentation would apply to every
 * i18next user in the repository, the main process's receipt catalogue included). zh-CN is the reference
 * catalogue: a key it lacks fails the typecheck, and locales.test.ts holds en to the same keys.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type zhCN from './locales/zh-CN.json';

type LeafKeys<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : LeafKeys<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MessageKey = LeafKeys<typeof zhCN>;
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** The current language's `t`, accepting only keys of the catalogues. */
export function useT(): Translate {
  const { t } = useTranslation();
  return useCallback<Translate>((key, values) => String(t(key, values)), [t]);
}
