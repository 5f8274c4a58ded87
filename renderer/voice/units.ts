/**
 * The recorded units numbers are spoken with, per voice locale, as a telephone system has them: each unit is
 * one short recording (`unit-<name>.wav`), and a number is said by playing its units one after another. The
 * same table gives each unit's written text, so a reading's text is exactly its units joined.
 */

/** The locales that have spoken prompts; a catalogue added later (e.g. Tibetan) stays silent until it has them. */
export const VOICE_LOCALES = ['zh-CN', 'en'] as const;
export type VoiceLocale = (typeof VOICE_LOCALES)[number];

export function isVoiceLocale(locale: string): locale is VoiceLocale {
  return (VOICE_LOCALES as readonly string[]).includes(locale);
}

const ZH_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

const zhUnits: Record<string, string> = {
  // 〇 is the digit of years (二〇二五); 零 is the zero inside quantities (一千零五). Both say líng.
  ...Object.fromEntries(ZH_DIGITS.map((text, digit) => [`unit-${digit}`, text])),
  'unit-ling': '零',
  'unit-liang': '两',
  'unit-shi': '十',
  'unit-bai': '百',
  'unit-qian': '千',
  'unit-wan': '万',
  'unit-yi': '亿',
  'unit-yuan': '元',
  'unit-jiao': '角',
  'unit-fen': '分',
  'unit-nian': '年',
  'unit-yue': '月',
  'unit-ri': '日',
  'unit-bi': '笔',
  'unit-miao': '秒',
};

const EN_ONES = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
] as const;
const EN_TENS = [
  '',
  '',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'sixty',
  'seventy',
  'eighty',
  'ninety',
] as const;
const EN_ORDINAL_ONES = [
  '',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
] as const;
export const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** 0–99 as English words ("thirty-four"): phone systems record these whole, for a natural flow. */
function englishUnder100(n: number): string {
  if (n < 20) return EN_ONES[n] ?? '';
  const tens = EN_TENS[Math.floor(n / 10)] ?? '';
  return n % 10 === 0 ? tens : `${tens}-${EN_ONES[n % 10] ?? ''}`;
}

function englishOrdinal(day: number): string {
  if (day < 20) return EN_ORDINAL_ONES[day] ?? '';
  if (day % 10 === 0) return `${(EN_TENS[day / 10] ?? '').replace(/y$/, 'ie')}th`;
  return `${EN_TENS[Math.floor(day / 10)] ?? ''}-${EN_ORDINAL_ONES[day % 10] ?? ''}`;
}

const enUnits: Record<string, string> = {
  ...Object.fromEntries(Array.from({ length: 100 }, (_, n) => [`unit-${n}`, englishUnder100(n)])),
  // Days of the month, as ordinals ("March first").
  ...Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`unit-day-${i + 1}`, englishOrdinal(i + 1)])),
  ...Object.fromEntries(EN_MONTHS.map((month) => [`unit-${month.toLowerCase()}`, month])),
  'unit-hundred': 'hundred',
  'unit-thousand': 'thousand',
  'unit-million': 'million',
  'unit-billion': 'billion',
  'unit-trillion': 'trillion',
  'unit-oh': 'oh',
  'unit-and': 'and',
  'unit-yuan': 'yuan',
  'unit-fen': 'fen',
  'unit-payment': 'payment',
  'unit-payments': 'payments',
  'unit-second': 'second',
  'unit-seconds': 'seconds',
};

export const VOICE_UNITS: Readonly<Record<VoiceLocale, Readonly<Record<string, string>>>> = {
  'zh-CN': zhUnits,
  en: enUnits,
};

/** How a locale's unit texts join into running text: Chinese runs on, English has spaces. */
export const UNIT_SEPARATOR: Readonly<Record<VoiceLocale, string>> = { 'zh-CN': '', en: ' ' };

/** The written text of a sequence of units; throws on a unit the locale does not have (a bug, not data). */
export function unitsText(units: readonly string[], locale: VoiceLocale): string {
  return units
    .map((unit) => {
      const text = VOICE_UNITS[locale][unit];
      if (text === undefined) throw new Error(`no voice unit ${unit} in ${locale}`);
      return text;
    })
    .join(UNIT_SEPARATOR[locale]);
}
