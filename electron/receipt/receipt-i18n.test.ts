import { describe, expect, it } from 'vitest';
import { receiptCatalogues, receiptT } from './receipt-i18n';

function leaves(catalogue: object, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    if (typeof value === 'string') found.set(prefix + key, value);
    else for (const [k, v] of leaves(value as object, `${prefix}${key}.`)) found.set(k, v);
  }
  return found;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('receipt catalogues', () => {
  const zh = leaves(receiptCatalogues['zh-CN']);
  const en = leaves(receiptCatalogues.en);

  it('have the same keys in zh-CN and en', () => {
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('fill the same placeholders in both languages, and leave no text empty', () => {
    for (const [key, text] of zh) {
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(en.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });
});

describe('receiptT', () => {
  it('words the payment statuses in the chosen language', () => {
    expect(
      ['paid', 'pending', 'overdue'].map((s) => receiptT('zh-CN')(`status.${s}` as 'status.paid')),
    ).toEqual(['已发放', '待发放', '逾期未发放']);
    expect(receiptT('en')('status.overdue')).toBe('overdue');
  });

  it('interpolates values without HTML escaping', () => {
    expect(receiptT('en')('header.name', { name: '<李*䶮>' })).toBe('Name: <李*䶮>');
  });
});
