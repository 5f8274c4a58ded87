/** Makes the receipt printer a terminal's configuration names. */
import { createDevicePrinter } from './device-printer';
import { createTcpPrinter } from './tcp-printer';
import type { PrinterConfig, ReceiptPrinter } from './receipt-printer';
import { createVirtualPrinter } from './virtual-printer';

export type {
  PrintFailureReason,
  PrinterConfig,
  PrintJob,
  PrintOutcome,
  ReceiptPrinter,
} from './receipt-printer';

export function createPrinter(config: PrinterConfig): ReceiptPrinter {
  switch (config.kind) {
    case 'virtual':
      return createVirtualPrinter(config.directory);
    case 'tcp':
      return createTcpPrinter(config);
    case 'device':
      return createDevicePrinter(config.path);
  }
}
