import { describe, expect, it } from 'vitest';
import type { Locale } from '../../electron/api/contract';
import { formatDataAsOf, formatPeriod } from './format';
import { createKioskI18n } from './i18n';
import type { Translate } from './use-t';

const translate = (locale: Locale): Translate => {
  const t = createKioskI18n(locale).t;
  return (key, values) => String(t(key, values));
};

describe('formatPeriod', () => {
  it.each([
    ['2025', '2025年', '2025'],
    ['2025-03', '2025年3月', 'March 2025'],
    ['2025-H1', '2025年上半年', 'First half of 2025'],
    ['2025-H2', '2025年下半年', 'Second half of 2025'],
    ['2025-Q2', '2025年第2季度', 'Q2 2025'],
    ['2025-13', '2025-13', '2025-13'],
    ['第一批', '第一批', '第一批'],
  ])('words %s as people say it', (period, zh, en) => {
    expect(formatPeriod(period, translate('zh-CN'), 'zh-CN')).toBe(zh);
    expect(formatPeriod(period, translate('en'), 'en')).toBe(en);
  });

  it.each([
    ['2025', '2025 ལོ།'],
    ['2025-03', '2025 ལོའི་ཟླ་ 3 པ།'],
    ['2025-12', '2025 ལོའི་ཟླ་ 12 པ།'],
    ['2025-H1', '2025 ལོའི་ལོ་ཕྱེད་སྔ་མ།'],
    ['2025-Q2', '2025 ལོའི་དུས་ཚིགས་ 2 པ།'],
    ['第一批', '第一批'],
  ])('words %s in Tibetan from the catalogue, since Chromium has no Tibetan month names', (period, bo) => {
    expect(formatPeriod(period, translate('bo'), 'bo')).toBe(bo);
  });
});

describe('formatDataAsOf', () => {
  it('shows the instant in county time', () => {
    expect(formatDataAsOf('2025-06-30T16:30:00Z')).toBe('2025-07-01 00:30');
  });

  it('shows an unreadable value as it came', () => {
    expect(formatDataAsOf('yesterday')).toBe('yesterday');
  });
});
