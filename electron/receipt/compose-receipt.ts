/**
 * The receipt (明白卡 slip) as a structured document in the resident's language: what it says, not yet how
 * it is laid out on paper (see layout-receipt.ts).
 *
 * Identity enters already masked; as a last guard, composing refuses any text that holds a full 18-character
 * resident ID number, so a caller's mistake cannot end up on paper in a public hall.
 */
import { shanghaiDateTime } from '../../domain/dates';
import { formatYuan, sumFen } from '../../domain/money';
import type { PaymentView } from '../api/contract';
import { receiptT, type ReceiptLocale } from './receipt-i18n';

export type PaperWidthMm = 58 | 80;

export interface ReceiptInput {
  locale: ReceiptLocale;
  paperWidthMm: PaperWidthMm;
  siteName: string;
  printedAt: Date;
  maskedName: string;
  maskedIdNumber: string;
  year: number;
  /** The payments to print, already chosen for `year` by the caller. */
  payments: PaymentView[];
  /** When the data on this terminal was published (ISO instant). */
  dataAsOf: string;
  hotline: string;
  /** What the QR code carries, chosen by the caller: a verification code or a complaint status link. */
  qrText: string;
  /** Words the caption under the QR code; a verification code when not said. */
  qrPurpose?: QrPurpose;
  /** The tracking number of a complaint filed in this visit, printed so the person can follow it up. */
  complaintNumber?: string;
}

export type QrPurpose = 'verification' | 'complaint-status';

export interface ReceiptRow {
  program: string;
  period: string;
  amount: string;
  /** The paid date, or the planned date worded as due when not paid yet. */
  date: string;
  status: string;
}

export interface ReceiptSum {
  label: string;
  amount: string;
}

export interface Receipt {
  paperWidthMm: PaperWidthMm;
  /** Half-width columns per line at normal size. */
  columns: number;
  title: string;
  /** Printed centred under the title. */
  siteName: string;
  headerLines: string[];
  rows: ReceiptRow[];
  /** Printed in place of rows when there are none. */
  noRowsNote: string;
  total: ReceiptSum;
  /** Shown only when some payments are not paid yet. */
  paidTotal: ReceiptSum | null;
  footerLines: string[];
  qr: { data: string; caption: string; previewLabel: string };
}

/** 58 mm paper holds 32 half-width columns of the 12×24 font, 80 mm holds 48. */
const columnsByPaperWidth: Record<PaperWidthMm, number> = { 58: 32, 80: 48 };

/** Chinese readers expect 元 after the figure; the symbol keeps English lines short. */
const yuanStyle: Record<ReceiptLocale, 'suffix' | 'symbol'> = { 'zh-CN': 'suffix', en: 'symbol' };

export const FULL_ID_NUMBER_PATTERN = /\d{17}[\dXx]/;

function byDate(a: PaymentView, b: PaymentView): number {
  return a.plannedDate.localeCompare(b.plannedDate) || a.programCode.localeCompare(b.programCode);
}

function refuseFullIdNumbers(receipt: Receipt): Receipt {
  const texts = [
    receipt.title,
    receipt.siteName,
    ...receipt.headerLines,
    ...receipt.rows.flatMap((row) => Object.values(row)),
    ...receipt.footerLines,
    receipt.qr.data,
  ];
  if (texts.some((text) => FULL_ID_NUMBER_PATTERN.test(text))) {
    throw new Error('refusing to compose a receipt that contains a full resident ID number');
  }
  return receipt;
}

export function composeReceipt(input: ReceiptInput): Receipt {
  const t = receiptT(input.locale);
  const dataAsOf = new Date(input.dataAsOf);
  if (Number.isNaN(dataAsOf.getTime())) throw new RangeError('dataAsOf is not an ISO instant');
  const yuan = (fen: number) => formatYuan(fen, yuanStyle[input.locale]);
  const payments = [...input.payments].sort(byDate);
  const unpaid = payments.some((payment) => payment.status !== 'paid');

  return refuseFullIdNumbers({
    paperWidthMm: input.paperWidthMm,
    columns: columnsByPaperWidth[input.paperWidthMm],
    title: t('title'),
    siteName: input.siteName,
    headerLines: [
      t('header.printedAt', { time: shanghaiDateTime(input.printedAt) }),
      t('header.name', { name: input.maskedName }),
      t('header.idNumber', { idNumber: input.maskedIdNumber }),
      t('header.year', { year: input.year }),
      t('header.dataAsOf', { time: shanghaiDateTime(dataAsOf) }),
      ...(input.complaintNumber ? [t('header.complaintNumber', { number: input.complaintNumber })] : []),
    ],
    rows: payments.map((payment) => ({
      program: payment.programName[input.locale],
      period: payment.period,
      amount: yuan(payment.amountFen),
      date: payment.paidDate ?? t('row.due', { date: payment.plannedDate }),
      status: t(`status.${payment.status}`),
    })),
    noRowsNote: t('noPayments'),
    total: {
      label: t('total', { n: payments.length }),
      amount: yuan(sumFen(payments.map((payment) => payment.amountFen))),
    },
    paidTotal: unpaid
      ? {
          label: t('paidTotal'),
          amount: yuan(
            sumFen(
              payments.filter((payment) => payment.status === 'paid').map((payment) => payment.amountFen),
            ),
          ),
        }
      : null,
    footerLines: [t('footer.hotline', { hotline: input.hotline }), t('footer.notice')],
    qr: {
      data: input.qrText,
      caption: t(
        input.qrPurpose === 'complaint-status'
          ? 'footer.qrCaption.complaintStatus'
          : 'footer.qrCaption.verification',
      ),
      previewLabel: t('qrPreview'),
    },
  });
}
