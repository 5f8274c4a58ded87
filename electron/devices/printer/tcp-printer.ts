/**
 * A network printer on its raw port (9100): connect, send the bytes, close. The job counts as printed once
 * every byte has been handed over and the printer closed the connection without error.
 */
import { createConnection } from 'node:net';
import { newJobId } from './job-id';
import { OFFLINE, type PrintJob, type PrintOutcome, type ReceiptPrinter } from './receipt-printer';

export const DEFAULT_TCP_TIMEOUT_MS = 5_000;

export function createTcpPrinter(options: {
  host: string;
  port: number;
  timeoutMs?: number;
}): ReceiptPrinter {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TCP_TIMEOUT_MS;
  return {
    print: (job: PrintJob) =>
      new Promise<PrintOutcome>((resolve) => {
        let sent = false;
        let settled = false;
        const socket = createConnection({ host: options.host, port: options.port });
        const settle = (outcome: PrintOutcome) => {
          if (settled) return;
          settled = true;
          socket.destroy();
          resolve(outcome);
        };
        // Inactivity, while connecting or sending: an unreachable or stalled printer.
        socket.setTimeout(timeoutMs, () => settle(OFFLINE));
        socket.on('error', () => settle(OFFLINE));
        socket.on('connect', () =>
          socket.end(job.bytes, () => {
            sent = true;
          }),
        );
        socket.on('close', (hadError) =>
          settle(sent && !hadError ? { status: 'printed', jobId: newJobId() } : OFFLINE),
        );
      }),
  };
}
