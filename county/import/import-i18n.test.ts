import { describe, expect, it } from 'vitest';
import { importCatalogues, importT } from './import-i18n';

function leafKeys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leafKeys(value as object, `${prefix}${key}.`),
  );
}

describe('importer messages', () => {
  it('has the same keys in zh-CN and en, none of them empty', () => {
    const zh = leafKeys(importCatalogues['zh-CN']).sort();
    expect(leafKeys(importCatalogues.en).sort()).toEqual(zh);
    expect(zh.length).toBeGreaterThan(40);
    for (const language of ['zh-CN', 'en'] as const) {
      for (const key of zh) expect(importT(language)(key as never)).not.toBe('');
    }
  });

  it('speaks the chosen language', () => {
    const values = { expected: 'X', actual: '3' };
    expect(importT('zh-CN')('problem.idCheckDigit', values)).toBe(
      '身份证号校验位错误：最后一位应为 X，不是 3',
    );
    expect(importT('en')('problem.idCheckDigit', values)).toContain('the last digit should be X, not 3');
  });
});
