/**
 * The receipt printer as the main process sees it: one `print` call that always answers with an outcome.
 * A printer that is unplugged, switched off or unreachable is a state the screen explains, never an exception.
 */
export interface PrintJob {
  bytes: Uint8Array;
  /** The readable text of the same receipt; only the virtual printer keeps it. */
  preview: string;
}

export type PrintFailureReason = 'paper-out' | 'cover-open' | 'offline';

export type PrintOutcome =
  { status: 'printed'; jobId: string } | { status: 'failed'; reason: PrintFailureReason };

export interface ReceiptPrinter {
  print(job: PrintJob): Promise<PrintOutcome>;
}

export type PrinterConfig =
  /** Saves each job as files instead of printing: for development, tests and terminals without a printer. */
  | { kind: 'virtual'; directory: string }
  /** A network printer's raw port, usually 9100. */
  | { kind: 'tcp'; host: string; port: number; timeoutMs?: number }
  /** A printer's device file, e.g. /dev/usb/lp0. */
  | { kind: 'device'; path: string };

export const OFFLINE: PrintOutcome = { status: 'failed', reason: 'offline' };
