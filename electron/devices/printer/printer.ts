/** Makes the printer driver a terminal's configuration names. */
import { createDevicePrinter } from './device-printer';
import type { PaperDots } from './print-preview-png';
import type { PrinterConfig, PrinterDriver } from './receipt-printer';
import { createTcpPrinter } from './tcp-printer';
import { createVirtualPrinter } from './virtual-printer';

/** Printable dots per line at 203 dpi: 48 mm of 58 mm paper, 72 mm of 80 mm paper. */
const PRINTABLE_DOTS: Record<58 | 80, PaperDots> = { 58: 384, 80: 576 };

export function createPrinterDriver(config: PrinterConfig, paperWidthMm: 58 | 80 = 80): PrinterDriver {
  switch (config.kind) {
    case 'virtual':
      return createVirtualPrinter(config.directory, PRINTABLE_DOTS[paperWidthMm]);
    case 'tcp':
      return createTcpPrinter(config);
    case 'device':
      return createDevicePrinter(config.path);
  }
}
