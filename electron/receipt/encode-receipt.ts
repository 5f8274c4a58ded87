/** The receipt as ESC/POS bytes for a thermal printer in Chinese (GB18030) mode. */
import { EscPosBuilder, qrDataByteLength, qrModulesPerSide } from '../devices/printer/escpos';
import type { PaperWidthMm, Receipt } from './compose-receipt';
import { layoutReceipt } from './layout-receipt';

/** Printable dots per line at 203 dpi: 48 mm of 58 mm paper, 72 mm of 80 mm paper. */
const printableDots: Record<PaperWidthMm, number> = { 58: 384, 80: 576 };

/** Larger modules scan no better and only use up paper. */
const MAX_QR_MODULE_SIZE = 6;

/** The largest module size at which the whole QR code fits across the paper. */
function qrModuleSize(data: string, paperWidthMm: PaperWidthMm): number {
  const modules = qrModulesPerSide(qrDataByteLength(data));
  return Math.max(1, Math.min(MAX_QR_MODULE_SIZE, Math.floor(printableDots[paperWidthMm] / modules)));
}

export function encodeReceipt(receipt: Receipt): Uint8Array {
  const printer = new EscPosBuilder().initialize().chineseMode();
  for (const line of layoutReceipt(receipt)) {
    if (line.kind === 'qr') {
      printer.align('center').qrCode(line.data, qrModuleSize(line.data, receipt.paperWidthMm)).lineFeed();
      continue;
    }
    printer.align(line.align);
    if (line.style === 'title') printer.size(2, 2);
    if (line.style === 'bold') printer.bold(true);
    printer.text(line.text).lineFeed();
    if (line.style === 'title') printer.size(1, 1);
    if (line.style === 'bold') printer.bold(false);
  }
  return printer.partialCut().toBytes();
}
