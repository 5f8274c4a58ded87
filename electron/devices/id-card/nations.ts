/**
 * Nationality codes (民族代码) of GB 3304, as written on resident ID cards: the 56 nationalities in the
 * standard's order, then 97 其他 and 98 外国血统 (外国血统中国籍人士). Names are as the card prints them,
 * without 族.
 */
// prettier-ignore
const NATIONS = [
  '汉', '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜',
  '满', '侗', '瑶', '白', '土家', '哈尼', '哈萨克', '傣', '黎', '傈僳',
  '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土',
  '达斡尔', '仫佬', '羌', '布朗', '撒拉', '毛南', '仡佬', '锡伯', '阿昌', '普米',
  '塔吉克', '怒', '乌孜别克', '俄罗斯', '鄂温克', '德昂', '保安', '裕固', '京', '塔塔尔',
  '独龙', '鄂伦春', '赫哲', '门巴', '珞巴', '基诺',
] as const;

const BY_CODE: ReadonlyMap<string, string> = new Map([
  ...NATIONS.map((name, i): [string, string] => [String(i + 1).padStart(2, '0'), name]),
  ['97', '其他'],
  ['98', '外国血统'],
]);

/** The name for a code, or the code itself when the table has none. */
export function nationName(code: string): string {
  return BY_CODE.get(code) ?? code;
}
