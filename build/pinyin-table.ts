/**
 * The name keyboard's pinyin table (renderer/name-keyboard/pinyin-table.json): for every toneless syllable
 * ('v' for ü), the characters a person may mean, in the order the keyboard offers them. The table is committed,
 * so the build needs nothing new; pinyin-table.test.ts fails when it differs from a fresh generation.
 *
 *   tsx build/pinyin-table.ts      (rewrites the committed table)
 *
 * The characters: GB2312 level 1 (the 3,755 common ones), then level 2, then a few name characters outside
 * GB2312. Within a syllable the common surnames come first, then characters common in given names (a villager's
 * name is far more often 秀英 than 绣璎), then the rest in GB2312 order. A character with several readings
 * (单 dan/shan/chan) is listed under each, since a person spells a name the way it is said in that name.
 */
import iconv from 'iconv-lite';
import { pinyin } from 'pinyin-pro';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const PINYIN_TABLE_FILE = path.join(
  import.meta.dirname,
  '../renderer/name-keyboard/pinyin-table.json',
);

/** The most common Chinese surnames, most frequent first (national household register counts, ~2020). */
export const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩邓冯曹' +
  '彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖' +
  '石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵' +
  '万覃武钱戴严欧莫孔向常汤康易乔赖文施洪牛';

/** Characters frequent in the given names of people born 1930–1970, who are most of the kiosk's users. */
export const GIVEN_NAME_CHARACTERS =
  '秀英兰珍桂凤玉梅芳华花春琴霞莲菊香翠娥云红荣淑美丽萍秋月芬爱彩仙娟琼燕平敏' +
  '国建明德福文志海军生林金成山永清宝贵发顺才忠民祥富根树长义兴学家有庆友新全安伟强东勇光俊';

/**
 * Name characters outside GB2312 that are common enough in names to be missed (堃 王堃, 喆 陶喆, 镕 朱镕基,
 * 彧 荀彧, and 玥 珺 祎 赟 燊 昇 旻 垚 犇 瑄 琇 in recent given names).
 */
export const EXTRA_NAME_CHARACTERS = '堃喆玥珺祎赟燊镕昇彧旻垚犇瑄琇';

/** The characters of a GB2312 level: rows of 94 cells, from the first to the last byte pair given. */
export function gb2312Characters(first: number, last: number): string[] {
  const characters: string[] = [];
  for (let high = first >> 8; high <= last >> 8; high++) {
    for (let low = 0xa1; low <= 0xfe; low++) {
      const code = (high << 8) | low;
      if (code < first || code > last) continue;
      const character = iconv.decode(Buffer.from([high, low]), 'gb2312');
      // Level 1 ends five cells before its last row does; those cells decode to nothing of use.
      if (/^\p{Script=Han}$/u.test(character)) characters.push(character);
    }
  }
  return characters;
}

export const GB2312_LEVEL_1 = [0xb0a1, 0xd7f9] as const;
export const GB2312_LEVEL_2 = [0xd8a1, 0xf7fe] as const;

/** A reading as typed on the keyboard: lower case, ü as v; anything else (ê, tone marks) is not typeable. */
export function typedSyllable(reading: string): string | undefined {
  const syllable = reading.toLowerCase().replaceAll('ü', 'v');
  return /^[a-z]+$/.test(syllable) ? syllable : undefined;
}

export interface PinyinTableData {
  /** The surnames and given-name characters, in the order the keyboard puts them before others. */
  common: string;
  /** Syllable → its characters, best first; syllables in alphabetical order. */
  syllables: Record<string, string>;
}

/** A character's readings: the usual ones (its common reading, its reading as a surname) and the rare rest. */
export interface Readings {
  usual: readonly string[];
  rare: readonly string[];
}

/**
 * The table from groups of characters, best group first, and a function giving each one's readings. Within a
 * group, characters under their usual readings come before those under rare ones (一 before 蛇 for yi); the
 * first group (the common characters) counts under usual readings only, so 石 heads shi, not dan. A character is
 * listed once under each syllable, at its first place.
 */
export function buildPinyinTable(
  groups: readonly (readonly string[])[],
  readingsOf: (character: string) => Readings,
): PinyinTableData {
  const bySyllable = new Map<string, Set<string>>();
  const add = (character: string, reading: string) => {
    const syllable = typedSyllable(reading);
    if (syllable === undefined) return;
    const characters = bySyllable.get(syllable) ?? new Set<string>();
    characters.add(character);
    bySyllable.set(syllable, characters);
  };
  groups.forEach((group, index) => {
    for (const character of group) for (const reading of readingsOf(character).usual) add(character, reading);
    if (index === 0) return;
    for (const character of group) for (const reading of readingsOf(character).rare) add(character, reading);
  });
  const syllables: Record<string, string> = {};
  for (const syllable of [...bySyllable.keys()].sort())
    syllables[syllable] = [...bySyllable.get(syllable)!].join('');
  return { common: [...new Set(groups[0] ?? [])].join(''), syllables };
}

/** What pinyin-pro knows of one character, without tones: its reading alone, as a surname, and every other. */
export function readingsOf(character: string): Readings {
  const usual = [
    ...new Set([
      pinyin(character, { toneType: 'none' }),
      pinyin(character, { toneType: 'none', mode: 'surname' }),
    ]),
  ];
  const all = pinyin(character, { toneType: 'none', multiple: true, type: 'array' });
  return { usual, rare: all.filter((reading) => !usual.includes(reading)) };
}

export function generatePinyinTable(): PinyinTableData {
  return buildPinyinTable(
    [
      [...SURNAMES, ...GIVEN_NAME_CHARACTERS],
      gb2312Characters(...GB2312_LEVEL_1),
      gb2312Characters(...GB2312_LEVEL_2),
      [...EXTRA_NAME_CHARACTERS],
    ],
    readingsOf,
  );
}

/** The file's text: one syllable a line, so a change of reading or order shows as a small diff. */
export function serializePinyinTable(table: PinyinTableData): string {
  return `${JSON.stringify({ generatedBy: 'build/pinyin-table.ts', ...table }, null, 2)}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const table = generatePinyinTable();
  const text = serializePinyinTable(table);
  writeFileSync(PINYIN_TABLE_FILE, text);
  console.log(
    `pinyin table: ${Object.keys(table.syllables).length} syllables, ${Buffer.byteLength(text)} bytes in ${PINYIN_TABLE_FILE}`,
  );
}
