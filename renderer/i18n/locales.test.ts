import { describe, expect, it } from 'vitest';
import { resources } from './i18n';

type Catalogue = { [key: string]: string | Catalogue };

function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [inner, text] of flatten(value, path)) entries.set(inner, text);
  }
  return entries;
}

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();

const catalogues = Object.entries(resources).map(
  ([locale, { translation }]) => [locale, flatten(translation as Catalogue)] as const,
);

describe('locale catalogues', () => {
  it.each(catalogues)('%s has every key of every other locale', (locale, own) => {
    for (const [otherLocale, other] of catalogues) {
      const missing = [...other.keys()].filter((key) => !own.has(key));
      expect(missing, `keys of ${otherLocale} missing from ${locale}`).toEqual([]);
    }
  });

  it.each(catalogues)('%s has no empty text', (_locale, own) => {
    const empty = [...own].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it.each(catalogues)('%s fills in the same values as zh-CN', (locale, own) => {
    const reference = catalogues.find(([other]) => other === 'zh-CN')?.[1] ?? new Map<string, string>();
    const differing = [...reference]
      .filter(
        ([key, text]) =>
          own.has(key) && placeholders(own.get(key) ?? '').join() !== placeholders(text).join(),
      )
      .map(([key]) => `${locale}:${key}`);
    expect(differing).toEqual([]);
  });
});
