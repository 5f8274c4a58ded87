import { describe, expect, it } from 'vitest';
import { COMPLETE_LOCALES, LOCALES, resources } from './i18n';

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
const complete = catalogues.filter(([locale]) => (COMPLETE_LOCALES as readonly string[]).includes(locale));
const catalogueOf = (locale: string): Map<string, string> =>
  catalogues.find(([other]) => other === locale)?.[1] ?? new Map<string, string>();
const reference = catalogueOf('zh-CN');

/**
 * What Tibetan (bo) must cover completely, as sections (or a part of one): every screen of the resident's main
 * flow (attract, ID number and name, looking up, the 明白卡 with its statuses, columns and periods, a payment's
 * details and 查家人 reached from it, printing and its outcomes, not found, invalid number, lookup failed,
 * finish, idle warning, unavailable), the top bar with its voice buttons, and the navigation. Anything else
 * (the spoken prompts, helper mode, …) may be left out of bo.json and shows in zh-CN.
 */
const BO_COVERS = [
  'app',
  'topBar',
  'languages',
  'starting',
  'unavailable',
  'attract',
  'nav',
  'idNumber',
  'name',
  'nameKeyboard',
  'lookingUp',
  'results',
  'details',
  'family',
  'status',
  'period',
  'printing',
  'printed',
  'printFailed',
  'printWaiting',
  'notFound',
  'invalidId',
  'lookupFailed',
  'finish',
  'idle',
  'data',
  'card',
  'voice.controls',
] as const;

const coveredByBo = (key: string) => BO_COVERS.some((part) => key === part || key.startsWith(`${part}.`));

describe('locale catalogues', () => {
  it('has a catalogue for every locale, and zh-CN and en are the complete ones', () => {
    expect(Object.keys(resources).sort()).toEqual([...LOCALES].sort());
    expect([...COMPLETE_LOCALES].sort()).toEqual(['en', 'zh-CN']);
  });

  it.each(complete)('%s has every key of every other complete locale', (locale, own) => {
    for (const [otherLocale, other] of complete) {
      const missing = [...other.keys()].filter((key) => !own.has(key));
      expect(missing, `keys of ${otherLocale} missing from ${locale}`).toEqual([]);
    }
  });

  it.each(catalogues)('%s has no empty text', (_locale, own) => {
    const empty = [...own].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it.each(catalogues)('%s fills in the same values as zh-CN', (locale, own) => {
    const differing = [...reference]
      .filter(
        ([key, text]) =>
          own.has(key) && placeholders(own.get(key) ?? '').join() !== placeholders(text).join(),
      )
      .map(([key]) => `${locale}:${key}`);
    expect(differing).toEqual([]);
  });

  it('names every language in its own script, the same in every catalogue', () => {
    for (const [, own] of catalogues) {
      expect(own.get('languages.zh-CN')).toBe('中文');
      expect(own.get('languages.en')).toBe('English');
      expect(own.get('languages.bo')).toBe('བོད་ཡིག');
    }
  });
});

describe('the Tibetan (bo) catalogue', () => {
  const bo = catalogueOf('bo');

  it('exists in zh-CN for every key it has (no stray or misspelt keys)', () => {
    expect([...bo.keys()].filter((key) => !reference.has(key))).toEqual([]);
  });

  it('covers every key of the main flow', () => {
    const missing = [...reference.keys()].filter((key) => coveredByBo(key) && !bo.has(key));
    expect(missing, 'main-flow keys without a Tibetan text in locales/bo.json').toEqual([]);
  });

  it('names only parts that zh-CN has', () => {
    expect(
      BO_COVERS.filter((part) => ![...reference.keys()].some((key) => key.startsWith(`${part}.`))),
    ).toEqual([]);
  });

  it('writes its words in Tibetan script (U+0F00–U+0FFF), not copies of zh-CN or en', () => {
    // Language names are each in their own script; placeholders, digits and signs are the same everywhere.
    const words = (text: string) => text.replace(/\{\{\s*\w+\s*\}\}/g, '');
    const withoutTibetan = [...bo]
      .filter(([key, text]) => !key.startsWith('languages.') && /\p{L}/u.test(words(text)))
      .filter(([, text]) => !/[\u0F00-\u0FFF]/.test(text))
      .map(([key]) => key);
    expect(withoutTibetan).toEqual([]);
  });
});
