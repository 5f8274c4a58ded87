/**
 * The receipt as the printer receives it: the ESC/POS bytes decoded back into what a person reads on the
 * paper, for both paper widths and both languages.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeEscPos, printedLines, type PrintedElement } from '../devices/printer/escpos-decode';
import { composeReceipt, type ReceiptInput } from './compose-receipt';
import { encodeReceipt } from './encode-receipt';
import { renderReceiptText } from './render-receipt-text';
import { farmland, oldAge, receiptInput, reservoir } from './receipt-test-data';

const layouts: Pick<ReceiptInput, 'locale' | 'paperWidthMm'>[] = [
  { locale: 'zh-CN', paperWidthMm: 58 },
  { locale: 'zh-CN', paperWidthMm: 80 },
  { locale: 'en', paperWidthMm: 58 },
  { locale: 'en', paperWidthMm: 80 },
];
const columnsOf = { 58: 32, 80: 48 } as const;
const dotsOf = { 58: 384, 80: 576 } as const;

const longProgram = {
  ...reservoir,
  programCode: 'DBLS',
  programName: {
    'zh-CN': '农村低保对象及特困供养人员临时价格补贴和一次性生活补助（含春节慰问金）',
    en: 'Temporary price subsidy and one-off living allowance for rural subsistence recipients',
  },
  amountFen: 999_999_999,
};

function printed(input: ReceiptInput) {
  const receipt = composeReceipt(input);
  const bytes = encodeReceipt(receipt);
  return { receipt, bytes, decoded: decodeEscPos(bytes) };
}

const text = (elements: PrintedElement[]) => elements.filter((e) => e.kind === 'text');

describe('the receipt on paper', () => {
  it.each(layouts)(
    'reads as the preview does, never wider than the paper ($locale, $paperWidthMm mm)',
    (layout) => {
      const { receipt, decoded } = printed(
        receiptInput({
          ...layout,
          siteName: '示范县梅溪镇某某村党群服务中心便民服务代办点（第二服务窗口）',
          payments: [farmland, oldAge, reservoir, longProgram],
          complaintNumber: 'TS-2026-0042',
          qrText: 'https://hm.example.cn/c/TS-2026-0042',
          qrPurpose: 'complaint-status',
        }),
      );
      expect(decoded.unread).toEqual([]);
      expect(decoded.pendingText).toBe('');
      for (const line of text(decoded.elements)) {
        expect(line.columns, line.text).toBeLessThanOrEqual(columnsOf[layout.paperWidthMm]);
      }

      // Every line of the text preview is on the paper, in order; the preview's QR label stands for the code.
      const preview = renderReceiptText(receipt)
        .trimEnd()
        .split('\n')
        .map((line) => line.trim());
      const qrAt = preview.indexOf(receipt.qr.previewLabel);
      expect(printedLines(decoded).map((line) => line.trim())).toEqual([...preview.slice(0, qrAt), '']);

      const qr = decoded.elements.filter((e) => e.kind === 'qr');
      expect(qr).toHaveLength(1);
      expect(qr[0]).toMatchObject({ data: 'https://hm.example.cn/c/TS-2026-0042', align: 'center' });
      expect(decoded.elements[decoded.elements.length - 1]).toEqual({ kind: 'cut', partial: true });

      const read = printedLines(decoded).join('\n');
      expect(read).toContain(layout.locale === 'zh-CN' ? '投诉受理编号：TS-2026-0042' : 'Complaint tracking');
      expect(read).toContain('990101************');
      expect(read).toContain('0591-12345678');
    },
  );

  it('prints the title centred at double size, and the total in bold', () => {
    const { decoded } = printed(receiptInput());
    expect(decoded.elements[0]).toMatchObject({
      kind: 'text',
      align: 'center',
      text: '惠民惠农明白卡',
      spans: [{ widthScale: 2, heightScale: 2, bold: false }],
    });
    const total = text(decoded.elements).find((line) => line.text.startsWith('合计'));
    expect(total?.spans.map((span) => span.bold)).toEqual([true]);
  });

  it.each([58, 80] as const)('fits a long QR payload across %i mm paper', (paperWidthMm) => {
    const qrText = `https://hm.example.cn/c/${'x'.repeat(500)}`;
    const { decoded } = printed(receiptInput({ paperWidthMm, qrText }));
    const qr = decoded.elements.find((e) => e.kind === 'qr');
    expect(qr?.kind === 'qr' && qr.data).toBe(qrText);
    // 524 bytes need a version 17 code at level M: 85 modules.
    expect(qr?.kind === 'qr' && qr.moduleSize * 85).toBeLessThanOrEqual(dotsOf[paperWidthMm]);
  });
});

describe('rare name characters', () => {
  // Expected bytes from the GB18030 mapping table (cross-checked against Python's gb18030 codec): 䶮 U+4DAE,
  // 堃 U+5803 and 喆 U+5586 are two-byte codes, 𬀩 U+2C029 (CJK extension E) a four-byte one. None is in GB2312.
  const cases = [
    { name: '李*䶮', bytes: [0xc0, 0xee, 0x2a, 0xfe, 0x9f] },
    { name: '王*堃', bytes: [0xcd, 0xf5, 0x2a, 0x88, 0xd2] },
    { name: '陈*喆', bytes: [0xb3, 0xc2, 0x2a, 0x86, 0xb4] },
    { name: '张*𬀩', bytes: [0xd5, 0xc5, 0x2a, 0x99, 0x31, 0x87, 0x39] },
  ];

  it.each(cases)('prints $name as its GB18030 bytes and reads back the same name', ({ name, bytes }) => {
    const { bytes: out, decoded } = printed(receiptInput({ maskedName: name }));
    const nameLine = Buffer.concat([
      iconv.encode('姓名：', 'gb18030'),
      Buffer.from(bytes),
      Buffer.from([0x0a]),
    ]);
    expect(Buffer.from(out).includes(nameLine)).toBe(true);
    expect(printedLines(decoded)).toContain(`姓名：${name}`);
    // No character fell back to a question mark anywhere on the paper.
    for (const line of printedLines(decoded)) expect(line).not.toContain('?');
  });
});
