import { describe, expect, it } from 'vitest';
import { isSamePersonName, normalizePersonName, recordKeyName } from './person-name';

describe('person names', () => {
  it('matches a name typed with blanks or full-width spaces', () => {
    expect(isSamePersonName(' 张　三明 ', '张三明')).toBe(true);
  });

  it('matches minority names whichever middle dot was typed', () => {
    expect(isSamePersonName('阿依古丽・买买提', '阿依古丽·买买提')).toBe(true);
    expect(isSamePersonName('阿依古丽•买买提', '阿依古丽·买买提')).toBe(true);
  });

  it('does not match a different name or an empty one', () => {
    expect(isSamePersonName('张三民', '张三明')).toBe(false);
    expect(isSamePersonName('   ', '')).toBe(false);
  });

  it('folds full-width letters used in some minority transliterations', () => {
    expect(normalizePersonName('ＡＢ')).toBe('AB');
  });
});

describe('recordKeyName', () => {
  it('gives one spelling for every way a name arrives', () => {
    const recorded = recordKeyName('阿依古丽·买买提');
    for (const typed of ['阿依古丽・买买提', '阿依古丽 • 买买提', ' 阿依古丽‧买买提　', '阿依古丽･买买提']) {
      expect(recordKeyName(typed)).toBe(recorded);
    }
    expect(recordKeyName('ｚｈａｎｇ')).toBe(recordKeyName('Zhang'));
  });

  it('cuts a long name where the ID card cuts it (15 UTF-16 units)', () => {
    const long = '阿依古丽·买买提·阿不都热合曼·艾力';
    const onCard = long.slice(0, 15);
    expect(recordKeyName(long)).toBe(recordKeyName(onCard));
    expect(recordKeyName(long)).toHaveLength(15);
  });

  it('never splits a character outside the Basic Multilingual Plane', () => {
    const name = '张'.repeat(14) + '𠀀';
    expect(recordKeyName(name)).toBe('张'.repeat(14));
  });

  it('tells different names apart', () => {
    expect(recordKeyName('张三明')).not.toBe(recordKeyName('张三民'));
  });
});
