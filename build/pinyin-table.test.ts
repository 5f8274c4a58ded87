import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildPinyinTable,
  EXTRA_NAME_CHARACTERS,
  gb2312Characters,
  GB2312_LEVEL_1,
  GB2312_LEVEL_2,
  generatePinyinTable,
  PINYIN_TABLE_FILE,
  readingsOf,
  serializePinyinTable,
  SURNAMES,
  typedSyllable,
  type Readings,
} from './pinyin-table';

const readings: Record<string, Readings> = {
  王: { usual: ['wang'], rare: [] },
  网: { usual: ['wang'], rare: [] },
  单: { usual: ['dan', 'shan'], rare: ['chan'] },
  丹: { usual: ['dan'], rare: [] },
  产: { usual: ['chan'], rare: [] },
  石: { usual: ['shi'], rare: ['dan'] },
  吕: { usual: ['lü'], rare: [] },
  欸: { usual: ['ai'], rare: ['ê'] },
};
const fakeReadings = (character: string): Readings => readings[character] ?? { usual: [], rare: [] };

describe('buildPinyinTable', () => {
  const table = buildPinyinTable(
    [
      ['石', '王', '单'],
      ['网', '王', '丹', '单', '石', '产'],
      ['吕', '欸'],
    ],
    fakeReadings,
  );

  it('puts the common group first, then the others in their order, each character once per syllable', () => {
    expect(table.syllables['wang']).toBe('王网');
    expect(table.common).toBe('石王单');
  });

  it('lists a character under each of its readings, rare readings after the usual ones of its group', () => {
    expect(table.syllables['shan']).toBe('单');
    expect(table.syllables['chan']).toBe('产单');
    // 石 is common under shi only: under its rare dan it waits behind 丹.
    expect(table.syllables['dan']).toBe('单丹石');
    expect(table.syllables['shi']).toBe('石');
  });

  it('spells ü as v and leaves out readings no key can type', () => {
    expect(table.syllables['lv']).toBe('吕');
    expect(table.syllables['ai']).toBe('欸');
    expect(Object.keys(table.syllables)).toEqual(['ai', 'chan', 'dan', 'lv', 'shan', 'shi', 'wang']);
  });

  it('types syllables in lower case letters only', () => {
    expect(typedSyllable('Nü')).toBe('nv');
    expect(typedSyllable('ê')).toBeUndefined();
    expect(typedSyllable('zhuang')).toBe('zhuang');
  });
});

describe('the GB2312 characters and name lists', () => {
  it('decodes 3,755 level-1 characters from 啊 to 座, and level 2 from 亍 to 齄', () => {
    const level1 = gb2312Characters(...GB2312_LEVEL_1);
    const level2 = gb2312Characters(...GB2312_LEVEL_2);
    expect(level1).toHaveLength(3755);
    expect([level1[0], level1.at(-1)]).toEqual(['啊', '座']);
    expect(level2).toHaveLength(3008);
    expect([level2[0], level2.at(-1)]).toEqual(['亍', '齄']);
  });

  it('has no surname twice and adds only characters outside GB2312', () => {
    expect(new Set(SURNAMES).size).toBe([...SURNAMES].length);
    const gb2312 = new Set([...gb2312Characters(...GB2312_LEVEL_1), ...gb2312Characters(...GB2312_LEVEL_2)]);
    expect([...EXTRA_NAME_CHARACTERS].filter((character) => gb2312.has(character))).toEqual([]);
  });

  it('reads surnames as surnames are said', () => {
    expect(readingsOf('单').usual).toContain('shan');
    expect(readingsOf('曾').usual).toContain('zeng');
  });
});

describe('the committed table', () => {
  it('equals a fresh generation (run `tsx build/pinyin-table.ts` after changing a list or pinyin-pro)', () => {
    expect(readFileSync(PINYIN_TABLE_FILE, 'utf8')).toBe(serializePinyinTable(generatePinyinTable()));
  });
});
