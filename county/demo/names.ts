/**
 * Synthetic Chinese names with the variety a real roster has: common surnames by rough frequency, one- and
 * two-character given names, compound surnames, Uyghur-style names joined by a middle dot, and characters
 * outside GB2312 (䶮, in CJK Extension A, only GB18030 encodes) that fonts, printers and masking must handle.
 */
import type { Sex } from '../../domain/id-number';
import type { Random } from './random';

// Rough shares in per mille of the population (national figures, rounded); enough to look like a real roster.
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 71], ['李', 70], ['张', 66], ['刘', 54], ['陈', 46], ['杨', 31], ['黄', 23], ['赵', 23], ['吴', 20],
  ['周', 20], ['徐', 15], ['孙', 15], ['马', 13], ['朱', 12], ['胡', 11], ['郭', 11], ['何', 10], ['林', 10],
  ['高', 10], ['罗', 9], ['郑', 9], ['梁', 8], ['谢', 7], ['宋', 6], ['唐', 6], ['许', 6], ['韩', 5], ['冯', 5],
  ['邓', 5], ['曹', 5], ['彭', 5], ['曾', 5], ['肖', 5], ['田', 4], ['董', 4], ['袁', 4], ['潘', 4], ['于', 4],
  ['蒋', 4], ['蔡', 4], ['余', 4], ['杜', 4], ['叶', 4], ['程', 3], ['苏', 3], ['魏', 3], ['吕', 3], ['丁', 3],
  ['任', 3], ['沈', 3], ['雷', 2], ['蓝', 1], ['钟', 2],
]; // prettier-ignore

export const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '诸葛',
  '上官',
  '司徒',
  '慕容',
  '皇甫',
  '令狐',
  '东方',
  '尉迟',
];

const MALE_CHARS = [
  ...'伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林阳建国志文武德福海亮成忠祥',
];
const FEMALE_CHARS = [...'芳娜敏静秀丽艳娟霞燕玲桂英兰萍红梅琳婷雪慧倩颖洁凤玉珍月春彩莲琴晓佳欣怡'];
// Two-character given names typical of people born before about 1970.
const OLDER_MALE_NAMES = ['建国', '建华', '国庆', '志强', '德福', '永红', '卫东', '保国', '金水', '炳生'];
const OLDER_FEMALE_NAMES = ['秀英', '桂英', '玉兰', '淑珍', '秀珍', '春花', '凤英', '桂兰', '金凤', '美华'];

/** Characters missing from GB2312; 䶮 is missing from GBK as well. */
export const RARE_CHARS = ['䶮', '堃', '喆', '垚', '犇', '淼', '燚'];

const MINORITY_MALE = [
  '买买提',
  '艾力',
  '阿不都',
  '吐尔逊',
  '艾山',
  '努尔',
  '热合曼',
  '玉素甫',
  '亚森',
  '阿布拉',
];
const MINORITY_FEMALE = [
  '阿依古丽',
  '古丽娜尔',
  '帕提古丽',
  '热依拉',
  '再努尔',
  '阿米娜',
  '迪丽娜尔',
  '祖丽菲亚',
];

export const MIDDLE_DOT = '\u00B7';

export function pickSurname(random: Random): string {
  return random.weighted(SURNAMES);
}

export function pickCompoundSurname(random: Random): string {
  return random.pick(COMPOUND_SURNAMES);
}

/** A given name of one or two characters, in the style of the person's generation. */
export function pickGivenName(random: Random, sex: Sex, birthYear: number): string {
  if (birthYear < 1970 && random.chance(0.4)) {
    return random.pick(sex === 'male' ? OLDER_MALE_NAMES : OLDER_FEMALE_NAMES);
  }
  const chars = sex === 'male' ? MALE_CHARS : FEMALE_CHARS;
  const first = random.pick(chars);
  if (random.chance(0.3)) return first;
  let second = random.pick(chars);
  while (second === first) second = random.pick(chars);
  return first + second;
}

/** A given name that includes one rare character. */
export function pickRareGivenName(random: Random, sex: Sex): string {
  const rare = random.pick(RARE_CHARS);
  return random.chance(0.5) ? rare : random.pick(sex === 'male' ? MALE_CHARS : FEMALE_CHARS) + rare;
}

/** A Uyghur-style personal name; the full name is this, a middle dot, and the father's personal name. */
export function pickMinorityPersonalName(random: Random, sex: Sex): string {
  return random.pick(sex === 'male' ? MINORITY_MALE : MINORITY_FEMALE);
}

export function minorityFullName(personalName: string, fatherPersonalName: string): string {
  return `${personalName}${MIDDLE_DOT}${fatherPersonalName}`;
}
