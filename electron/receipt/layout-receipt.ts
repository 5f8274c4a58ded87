/**
 * Lays a receipt out as printed lines for its paper width. The text preview and the ESC/POS bytes are both
 * made from these lines, so the preview shows exactly what the paper shows.
 */
import type { Receipt, ReceiptRow } from './compose-receipt';
import { displayWidth, spread, truncateToWidth, wrapAndTruncate, wrapToWidth } from './display-width';

export type LineStyle = 'title' | 'bold' | 'normal';

export type ReceiptLine =
  | { kind: 'text'; text: string; align: 'left' | 'center'; style: LineStyle }
  | { kind: 'qr'; data: string; previewLabel: string };

/** Program names longer than this many lines are cut with an ellipsis. */
const MAX_PROGRAM_LINES = 2;
const INDENT = '  ';
const GAP = '  ';

function text(content: string, align: 'left' | 'center' = 'left', style: LineStyle = 'normal'): ReceiptLine {
  return { kind: 'text', text: content, align, style };
}

function rowLines(row: ReceiptRow, columns: number): ReceiptLine[] {
  const program = wrapAndTruncate(row.program, columns, MAX_PROGRAM_LINES).map((line) => text(line));
  const details = INDENT + [row.period, row.date, row.status].join(GAP);
  if (displayWidth(details) + 1 + displayWidth(row.amount) <= columns) {
    return [...program, text(spread(details, row.amount, columns))];
  }
  // Narrow paper: the period and amount on one line, when and whether it was paid on the next.
  return [
    ...program,
    text(spread(INDENT + row.period, row.amount, columns)),
    text(truncateToWidth(INDENT + [row.date, row.status].join(GAP), columns)),
  ];
}

export function layoutReceipt(receipt: Receipt): ReceiptLine[] {
  const { columns } = receipt;
  const rule = text('-'.repeat(columns));
  const wrapped = (content: string, align: 'left' | 'center' = 'left') =>
    wrapToWidth(content, columns).map((line) => text(line, align));

  return [
    // The title prints at double width, so it gets half the columns.
    ...wrapToWidth(receipt.title, Math.floor(columns / 2)).map((line) => text(line, 'center', 'title')),
    ...wrapped(receipt.siteName, 'center'),
    rule,
    ...receipt.headerLines.flatMap((line) => wrapped(line)),
    rule,
    ...(receipt.rows.length > 0
      ? receipt.rows.flatMap((row) => rowLines(row, columns))
      : wrapped(receipt.noRowsNote)),
    rule,
    text(spread(receipt.total.label, receipt.total.amount, columns), 'left', 'bold'),
    ...(receipt.paidTotal ? [text(spread(receipt.paidTotal.label, receipt.paidTotal.amount, columns))] : []),
    rule,
    ...receipt.footerLines.flatMap((line) => wrapped(line)),
    ...wrapped(receipt.qr.caption, 'center'),
    { kind: 'qr', data: receipt.qr.data, previewLabel: receipt.qr.previewLabel },
  ];
}
