import { describe, expect, it } from 'vitest';
import {
  candidatePage,
  candidatesFor,
  CANDIDATES_PER_PAGE,
  lettersAfter,
  pageCount,
  PINYIN_TABLE,
  withoutLastCharacter,
  type PinyinTable,
} from './pinyin-candidates';

describe('candidatesFor, with the bundled table', () => {
  it('offers the surname first for its syllable', () => {
    expect(candidatesFor('wang')[0]).toBe('王');
    expect(candidatesFor('zhang')[0]).toBe('张');
    expect(candidatesFor('li')[0]).toBe('李');
    expect(candidatesFor('chen')[0]).toBe('陈');
  });

  it('offers common given-name characters before the rest of their syllable', () => {
    expect(candidatePage(candidatesFor('xiu'), 0)).toContain('秀');
    expect(candidatePage(candidatesFor('ying'), 0)).toContain('英');
    expect(candidatesFor('lan')[0]).toBe('兰');
  });

  it('follows a syllable with the longer ones it begins, surnames of those first', () => {
    expect(candidatesFor('zh').slice(0, 4)).toEqual(['张', '赵', '周', '朱']);
    // 丁 is a surname said ding; zheng is a rare reading of it.
    expect(candidatesFor('zh').slice(0, 20)).not.toContain('丁');
    const yin = candidatesFor('yin');
    const exact = [...(PINYIN_TABLE.syllables['yin'] ?? '')];
    expect(yin.slice(0, exact.length)).toEqual(exact);
    expect(yin).toContain('英');
    expect(yin.indexOf('英')).toBeGreaterThanOrEqual(exact.length);
  });

  it('lists each character once, however many of the syllables have it', () => {
    const z = candidatesFor('z');
    expect(new Set(z).size).toBe(z.length);
    expect(z.filter((character) => character === '重')).toHaveLength(1);
  });

  it('finds a heteronym under each reading, a surname under the reading it has as a surname', () => {
    for (const syllable of ['dan', 'shan', 'chan']) expect(candidatesFor(syllable)).toContain('单');
    expect(candidatesFor('zeng')[0]).toBe('曾');
    expect(candidatesFor('xie')).toContain('解');
  });

  it('spells ü as v', () => {
    expect(candidatesFor('lv')[0]).toBe('吕');
    expect(candidatesFor('nv')[0]).toBe('女');
    expect(candidatesFor('lü')).toEqual([]);
  });

  it('finds name characters outside GB2312', () => {
    expect(candidatesFor('kun')).toContain('堃');
    expect(candidatesFor('zhe')).toContain('喆');
  });

  it('offers nothing before a letter is typed', () => {
    expect(candidatesFor('')).toEqual([]);
  });
});

describe('candidatesFor, with a table of its own', () => {
  const table: PinyinTable = {
    common: '赵张丁',
    syllables: { zha: '扎', zhang: '张章', zhao: '赵照', zheng: '正丁' },
  };

  it('puts the exact syllable first, then common characters of longer ones, then the rest in order', () => {
    expect(candidatesFor('zh', table)).toEqual(['赵', '张', '扎', '章', '照', '正', '丁']);
    expect(candidatesFor('zha', table)).toEqual(['扎', '赵', '张', '章', '照']);
    expect(candidatesFor('zhang', table)).toEqual(['张', '章']);
  });
});

describe('lettersAfter', () => {
  it('allows only letters that lead to a syllable', () => {
    const first = lettersAfter('');
    for (const letter of ['i', 'u', 'v']) expect(first.has(letter)).toBe(false);
    expect(first.has('a')).toBe(true);
    expect([...lettersAfter('w')].sort()).toEqual(['a', 'e', 'o', 'u']);
    expect(lettersAfter('l').has('v')).toBe(true);
    expect(lettersAfter('zhuang').size).toBe(0);
  });

  it('never lets letters be typed that have no candidates', () => {
    const reachable = [''];
    for (let index = 0; index < reachable.length; index++) {
      const letters = reachable[index] ?? '';
      for (const letter of lettersAfter(letters)) {
        expect(candidatesFor(letters + letter), letters + letter).not.toEqual([]);
        reachable.push(letters + letter);
      }
    }
    expect(reachable.length).toBeGreaterThan(Object.keys(PINYIN_TABLE.syllables).length);
  });
});

describe('pages and deleting', () => {
  it(`shows ${CANDIDATES_PER_PAGE} candidates a page`, () => {
    const many = [...'一二三四五六七八九十百千'];
    expect(pageCount(many.length)).toBe(2);
    expect(pageCount(0)).toBe(1);
    expect(candidatePage(many, 1)).toEqual(['百', '千']);
  });

  it('deletes a whole character, even one outside the Basic Multilingual Plane', () => {
    expect(withoutLastCharacter('王秀英')).toBe('王秀');
    expect(withoutLastCharacter('吉𠮷')).toBe('吉');
    expect(withoutLastCharacter('')).toBe('');
  });
});
