import { describe, expect, it } from 'vitest';
import { composeReceipt } from './compose-receipt';
import { renderReceiptText } from './render-receipt-text';
import { receiptInput } from './receipt-test-data';

describe('renderReceiptText', () => {
  it('shows a 58 mm Chinese receipt line by line as the paper does', () => {
    expect(renderReceiptText(composeReceipt(receiptInput()))).toBe(
      [
        '         惠民惠农明白卡',
        '    示范县梅溪镇便民服务中心',
        '--------------------------------',
        '打印时间：2026-11-24 16:18',
        '姓名：李*䶮',
        '身份证号：990101************',
        '年度：2025年',
        '数据截至：2026-11-24 01:30',
        '--------------------------------',
        '高龄津贴',
        '  2025-03               100.00元',
        '  应发2025-03-25  逾期未发放',
        '耕地地力保护补贴',
        '  2025                 1234.50元',
        '  2025-05-18  已发放',
        '大中型水库移民后期扶持补助资金（',
        '直补到人部分）',
        '  2025-H2               300.00元',
        '  应发2025-12-20  待发放',
        '--------------------------------',
        '合计 3 笔              1634.50元',
        '其中已发放             1234.50元',
        '--------------------------------',
        '如有疑问，请拨打 0591-12345678',
        '本凭条仅供本人核对，不作领款凭',
        '证。',
        '         扫码核验本凭条',
        '           〔二维码〕',
        'https://hm.example.cn/k/MQ-0042',
        '',
      ].join('\n'),
    );
  });

  it('puts period, date, status and amount on one line on 80 mm paper', () => {
    const text = renderReceiptText(composeReceipt(receiptInput({ locale: 'en', paperWidthMm: 80 })));
    expect(text).toContain(
      '\nFarmland fertility protection subsidy\n  2025  2025-05-18  paid              ¥1,234.50\n',
    );
    expect(text).toContain('\n  2025-03  due 2025-03-25  overdue      ¥100.00\n');
  });
});
