/**
 * A receipt printer's job, its drivers and their configuration. A printer that is unplugged, switched off, out
 * of paper or unreachable is a state the screen explains, never an exception.
 */
import type { PrinterState } from './printer-status';

export interface PrintJob {
  bytes: Uint8Array;
  /** The readable text of the same receipt; only the virtual printer keeps it. */
  preview: string;
}

/**
 * One kind of printer connection. The print queue drives it: it sends a job only through `deliver`, which
 * checks the printer before and (where the printer can tell) after sending.
 */
export interface PrinterDriver {
  /** Asks the printer how it is. Never throws. */
  queryState(): Promise<PrinterState>;
  /**
   * Sends one receipt. `printed: false` means it did not reach the end of the paper, and `state` says why;
   * the bytes may have been partly printed (paper ran out mid-receipt), so a retry prints the whole receipt
   * again, and the driver makes sure, where the printer lets it, that the rest it held never prints by itself.
   * Either way `state` is the printer's state as last seen.
   */
  deliver(job: PrintJob, jobId: string): Promise<Delivery>;
}

export interface Delivery {
  printed: boolean;
  state: PrinterState;
}

export interface TcpPrinterConfig {
  kind: 'tcp';
  host: string;
  port: number;
  /** Inactivity while connecting or sending after which the printer counts as offline. */
  timeoutMs?: number;
  /** How long to wait for the answer to one status request. */
  statusTimeoutMs?: number;
  /** How long a receipt may take to print before the printer must answer GS r 1 behind it. */
  printTimeoutMs?: number;
}

export type PrinterConfig =
  /** Saves each job as files instead of printing: for development, tests and terminals without a printer. */
  | { kind: 'virtual'; directory: string }
  /** A network printer's raw port, usually 9100. */
  | TcpPrinterConfig
  /** A printer's device file, e.g. /dev/usb/lp0. */
  | { kind: 'device'; path: string };
