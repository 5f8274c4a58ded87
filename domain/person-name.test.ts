import { describe, expect, it } from 'vitest';
import { isSamePersonName, normalizePersonName } from './person-name';

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
