/**
 * The readable preview of a receipt: one text line per printed line, as the paper shows it. The virtual
 * printer saves it beside the bytes, and helpers can read it where no printer is attached.
 */
import type { Receipt } from './compose-receipt';
import { centre, wrapToWidth } from './display-width';
import { layoutReceipt } from './layout-receipt';

export function renderReceiptText(receipt: Receipt): string {
  const { columns } = receipt;
  const lines = layoutReceipt(receipt).flatMap((line) => {
    if (line.kind === 'qr') {
      // Text cannot show the code itself: a label in its place, then what it encodes.
      return [line.previewLabel, ...wrapToWidth(line.data, columns)].map((text) => centre(text, columns));
    }
    return [line.align === 'center' ? centre(line.text, columns) : line.text];
  });
  return lines.join('\n') + '\n';
}
