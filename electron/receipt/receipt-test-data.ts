/** Payments and inputs shared by the receipt tests; synthetic, with no real person behind them. */
import type { PaymentView } from '../api/contract';
import type { ReceiptInput } from './compose-receipt';

export const farmland: PaymentView = {
  programCode: 'GDLB',
  programName: { 'zh-CN': '耕地地力保护补贴', en: 'Farmland fertility protection subsidy' },
  period: '2025',
  amountFen: 123450,
  plannedDate: '2025-05-20',
  paidDate: '2025-05-18',
  status: 'paid',
};

export const oldAge: PaymentView = {
  programCode: 'GLJT',
  programName: { 'zh-CN': '高龄津贴', en: 'Old-age allowance' },
  period: '2025-03',
  amountFen: 10000,
  plannedDate: '2025-03-25',
  paidDate: null,
  status: 'overdue',
};

export const reservoir: PaymentView = {
  programCode: 'SKYM',
  programName: {
    'zh-CN': '大中型水库移民后期扶持补助资金（直补到人部分）',
    en: 'Post-relocation support for migrants from large and medium reservoirs (direct to person)',
  },
  period: '2025-H2',
  amountFen: 30000,
  plannedDate: '2025-12-20',
  paidDate: null,
  status: 'pending',
};

export function receiptInput(overrides: Partial<ReceiptInput> = {}): ReceiptInput {
  return {
    locale: 'zh-CN',
    paperWidthMm: 58,
    siteName: '示范县梅溪镇便民服务中心',
    printedAt: new Date('2026-11-24T08:18:03Z'),
    maskedName: '李*䶮',
    maskedIdNumber: '990101************',
    year: 2025,
    payments: [farmland, oldAge, reservoir],
    dataAsOf: '2026-11-23T17:30:00Z',
    hotline: '0591-12345678',
    qrText: 'https://hm.example.cn/k/MQ-0042',
    ...overrides,
  };
}
