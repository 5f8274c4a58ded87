/**
 * The helper's test slip: proof that the printer prints Chinese text, aligns and cuts, with what staff and
 * county IT need to tell terminals apart (site, time, terminal, data version). Nothing about any person.
 */
import { shanghaiDateTime } from '../../../domain/dates';
import { EscPosBuilder } from '../../devices/printer/escpos';
import type { PrintJob } from '../../devices/printer/receipt-printer';

/**
 * The slip's languages. It prints in the printer's own GB18030 font, which has no Tibetan glyphs, so any
 * screen language but English prints in zh-CN.
 */
export type TestReceiptLocale = 'zh-CN' | 'en';

export function testReceiptLocale(screenLocale: string): TestReceiptLocale {
  return screenLocale === 'en' ? 'en' : 'zh-CN';
}

export interface TestReceiptInput {
  locale: TestReceiptLocale;
  siteName: string;
  kioskId: string;
  printedAt: Date;
  /** Null before the terminal holds any data. */
  dataVersion: number | null;
  dataAsOf: string | null;
}

const words: Record<
  TestReceiptLocale,
  {
    title: string;
    time: string;
    terminal: string;
    dataVersion: string;
    dataAsOf: string;
    noData: string;
    ok: string;
  }
> = {
  'zh-CN': {
    title: '打印测试',
    time: '时间',
    terminal: '终端',
    dataVersion: '数据版本',
    dataAsOf: '数据截至',
    noData: '暂无',
    ok: '能看清这张小票，打印机就是好的。',
  },
  en: {
    title: 'Test print',
    time: 'Time',
    terminal: 'Terminal',
    dataVersion: 'Data version',
    dataAsOf: 'Data as of',
    noData: 'none yet',
    ok: 'If this slip is legible, the printer works.',
  },
};

function lines(input: TestReceiptInput): { title: string; site: string; body: string[] } {
  const w = words[input.locale];
  const sep = input.locale === 'zh-CN' ? '：' : ': ';
  const asOf = input.dataAsOf === null ? null : new Date(input.dataAsOf);
  return {
    title: w.title,
    site: input.siteName,
    body: [
      `${w.time}${sep}${shanghaiDateTime(input.printedAt)}`,
      `${w.terminal}${sep}${input.kioskId}`,
      `${w.dataVersion}${sep}${input.dataVersion ?? w.noData}`,
      `${w.dataAsOf}${sep}${asOf && !Number.isNaN(asOf.getTime()) ? shanghaiDateTime(asOf) : w.noData}`,
      w.ok,
    ],
  };
}

export function testReceipt(input: TestReceiptInput): PrintJob {
  const { title, site, body } = lines(input);
  const printer = new EscPosBuilder().initialize().chineseMode().align('center').size(2, 2).text(title);
  printer.lineFeed().size(1, 1).text(site).lineFeed().align('left');
  for (const line of body) printer.text(line).lineFeed();
  return {
    bytes: printer.feed(2).partialCut().toBytes(),
    preview: [title, site, ...body].join('\n'),
  };
}
