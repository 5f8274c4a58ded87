/**
 * The receipt printer service the main process owns: the configured printer behind a print queue. Jobs wait
 * while the printer is out of paper, open or offline and print when it is back, until the person gives up.
 */
import { createPrintQueue, type PrintQueue, type PrintQueueOptions } from './print-queue';
import { createPrinterDriver } from './printer';
import type { PrinterConfig } from './receipt-printer';

export type { JobStatus, WaitReason } from './print-queue';
export type { PrinterState } from './printer-status';
export type { PrinterConfig, PrintJob } from './receipt-printer';

export type PrinterService = PrintQueue;

export interface PrinterServiceOptions extends PrintQueueOptions {
  /** Sizes the virtual printer's PNG preview; the receipt's layout itself comes with the job's bytes. */
  paperWidthMm?: 58 | 80;
}

export function createPrinterService(
  config: PrinterConfig,
  options: PrinterServiceOptions = {},
): PrinterService {
  const { paperWidthMm, ...queueOptions } = options;
  return createPrintQueue(createPrinterDriver(config, paperWidthMm), queueOptions);
}
