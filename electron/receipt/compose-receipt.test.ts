import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDigitOf } from '../../domain/id-number';
import { mask } from '../../domain/masking';
import { parseYuanToFen } from '../../domain/money';
import { composeReceipt, FULL_ID_NUMBER_PATTERN, type ReceiptInput } from './compose-receipt';
import { displayWidth } from './display-width';
import { renderReceiptText } from './render-receipt-text';
import { farmland, oldAge, receiptInput, reservoir } from './receipt-test-data';

const layouts: Pick<ReceiptInput, 'locale' | 'paperWidthMm'>[] = [
  { locale: 'zh-CN', paperWidthMm: 58 },
  { locale: 'zh-CN', paperWidthMm: 80 },
  { locale: 'en', paperWidthMm: 58 },
  { locale: 'en', paperWidthMm: 80 },
];

describe('composeReceipt', () => {
  it('lists every payment with its program, period, amount, date and status in Chinese', () => {
    const receipt = composeReceipt(receiptInput());
    expect(receipt.columns).toBe(32);
    expect(receipt.rows).toEqual([
      {
        program: '高龄津贴',
        period: '2025-03',
        amount: '100.00元',
        date: '应发2025-03-25',
        status: '逾期未发放',
      },
      {
        program: '耕地地力保护补贴',
        period: '2025',
        amount: '1234.50元',
        date: '2025-05-18',
        status: '已发放',
      },
      {
        program: '大中型水库移民后期扶持补助资金（直补到人部分）',
        period: '2025-H2',
        amount: '300.00元',
        date: '应发2025-12-20',
        status: '待发放',
      },
    ]);
  });

  it('shows the print time and the data time in county time', () => {
    const { headerLines } = composeReceipt(receiptInput());
    expect(headerLines).toContain('打印时间：2026-11-24 16:18');
    expect(headerLines).toContain('数据截至：2026-11-24 01:30');
  });

  it('words everything in English when asked', () => {
    const receipt = composeReceipt(receiptInput({ locale: 'en', paperWidthMm: 80 }));
    expect(receipt.columns).toBe(48);
    expect(receipt.title).toBe('Benefit Payments');
    expect(receipt.rows.map((row) => [row.amount, row.status])).toEqual([
      ['¥100.00', 'overdue'],
      ['¥1,234.50', 'paid'],
      ['¥300.00', 'pending'],
    ]);
    expect(receipt.total).toEqual({ label: 'Total (3)', amount: '¥1,634.50' });
  });

  it('totals exactly the amounts listed, and what of it is paid', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000_000 }), { maxLength: 30 }), (amounts) => {
        const payments = amounts.map((amountFen, i) => ({ ...(i % 2 ? farmland : oldAge), amountFen }));
        const receipt = composeReceipt(receiptInput({ payments }));
        const listed = receipt.rows.map((row) => parseYuanToFen(row.amount));
        const total = parseYuanToFen(receipt.total.amount);
        const sum = listed.reduce((acc, r) => acc + (r.ok ? r.fen : NaN), 0);
        return total.ok && total.fen === sum && sum === amounts.reduce((a, b) => a + b, 0);
      }),
    );
    const receipt = composeReceipt(receiptInput());
    expect(receipt.total.amount).toBe('1634.50元');
    expect(receipt.paidTotal).toEqual({ label: '其中已发放', amount: '1234.50元' });
  });

  it('leaves out the paid subtotal when everything is paid', () => {
    expect(composeReceipt(receiptInput({ payments: [farmland] })).paidTotal).toBeNull();
  });

  it('says so when there is nothing to list', () => {
    const text = renderReceiptText(composeReceipt(receiptInput({ payments: [] })));
    expect(text).toContain('本年度没有发放记录。');
    expect(text).toMatch(/合计 0 笔\s+0\.00元/);
  });

  it('prints the complaint tracking number when a complaint was filed, and only then', () => {
    expect(composeReceipt(receiptInput({ complaintNumber: 'TS-2026-0042' })).headerLines).toContain(
      '投诉受理编号：TS-2026-0042',
    );
    expect(
      composeReceipt(receiptInput({ locale: 'en', complaintNumber: 'TS-2026-0042' })).headerLines,
    ).toContain('Complaint tracking number: TS-2026-0042');
    expect(renderReceiptText(composeReceipt(receiptInput()))).not.toMatch(/投诉受理编号/);
  });

  it('keeps the QR text as given and words its caption for what it carries', () => {
    const verification = composeReceipt(receiptInput({ qrText: 'HUIMIN:MQ-0042:17:3F9A0C21B7DE' })).qr;
    expect(verification).toMatchObject({ data: 'HUIMIN:MQ-0042:17:3F9A0C21B7DE', caption: '扫码核验本凭条' });
    const complaint = composeReceipt(
      receiptInput({
        locale: 'en',
        qrText: 'https://hm.example.cn/c/TS-2026-0042',
        qrPurpose: 'complaint-status',
      }),
    ).qr;
    expect(complaint).toMatchObject({
      data: 'https://hm.example.cn/c/TS-2026-0042',
      caption: 'Scan to follow your complaint',
    });
  });

  it('refuses a full ID number, wherever it would appear', () => {
    const fullId = `99010119800101001${checkDigitOf('99010119800101001')}`;
    expect(() => composeReceipt(receiptInput({ maskedIdNumber: fullId }))).toThrow(/full resident ID number/);
    expect(() => composeReceipt(receiptInput({ qrText: `https://x.cn/?id=${fullId}` }))).toThrow();
    expect(() => composeReceipt(receiptInput({ complaintNumber: fullId }))).toThrow();
  });
});

describe('the printed receipt', () => {
  it.each(layouts)('never overflows a line ($locale, $paperWidthMm mm)', (layout) => {
    const longName = {
      'zh-CN': '农村低保对象及特困供养人员临时价格补贴和一次性生活补助（含春节慰问金）',
      en: 'Temporary price subsidy and one-off living allowance for rural subsistence recipients',
    };
    const receipt = composeReceipt(
      receiptInput({
        ...layout,
        siteName: '示范县梅溪镇某某村党群服务中心便民服务代办点（第二服务窗口）',
        payments: [
          farmland,
          oldAge,
          reservoir,
          { ...reservoir, programName: longName, amountFen: 999_999_999 },
        ],
      }),
    );
    const lines = renderReceiptText(receipt).trimEnd().split('\n');
    const columns = layout.paperWidthMm === 58 ? 32 : 48;
    for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(columns);
    expect(lines.some((line) => displayWidth(line) === columns)).toBe(true);
  });

  it('never shows an 18-character ID number, for any masked number and name', () => {
    const idNumber = fc
      .tuple(fc.stringMatching(/^99\d{4}(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|1\d|2[0-8])\d{3}$/))
      .map(([first17]) => first17 + checkDigitOf(first17));
    const name = fc.constantFrom('张三明', '欧阳娜', '阿依古丽·买买提', '李䶮', '王堃', '陈喆');
    fc.assert(
      fc.property(idNumber, name, fc.constantFrom(...layouts), (id, fullName, layout) => {
        const text = renderReceiptText(
          composeReceipt(
            receiptInput({
              ...layout,
              maskedName: mask('name', fullName),
              maskedIdNumber: mask('idNumber', id),
            }),
          ),
        );
        return !FULL_ID_NUMBER_PATTERN.test(text) && !text.includes(fullName) && !text.includes(id);
      }),
    );
  });
});
