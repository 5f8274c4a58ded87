/** Makes the receipt printer a terminal's configuration names. */
import { createDevicePrinter } from './device-printer';
import { newJobId } from './job-id';
import type { PaperDots } from './print-preview-png';
import type { PrintFailureReason, PrinterConfig, PrinterDriver, ReceiptPrinter } from './receipt-printer';
import { createTcpPrinter } from './tcp-printer';
import { createVirtualPrinter } from './virtual-printer';

export type {
  Delivery,
  PrintFailureReason,
  PrinterConfig,
  PrinterDriver,
  PrintJob,
  PrintOutcome,
  ReceiptPrinter,
} from './receipt-printer';

/** Printable dots per line at 203 dpi: 48 mm of 58 mm paper, 72 mm of 80 mm paper. */
export const PRINTABLE_DOTS: Record<58 | 80, PaperDots> = { 58: 384, 80: 576 };

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

/**
 * One attempt per call, no waiting and no retry: the interface from before the print queue, kept so callers
 * can move to `createPrinterService` one at a time.
 */
export function createPrinter(config: PrinterConfig, paperWidthMm: 58 | 80 = 80): ReceiptPrinter {
  const driver = createPrinterDriver(config, paperWidthMm);
  const issued = new Set<string>();
  return {
    async print(job) {
      let jobId = newJobId();
      while (issued.has(jobId)) jobId = newJobId();
      issued.add(jobId);
      const delivery = await driver.deliver(job, jobId);
      if (delivery.printed) return { status: 'printed', jobId };
      const reason: PrintFailureReason =
        delivery.state === 'paper-out' || delivery.state === 'cover-open' ? delivery.state : 'offline';
      return { status: 'failed', reason };
    },
  };
}
