/**
 * Printing the 明白卡 receipt of the person at the screen for one year. The receipt is built here from the
 * opened record, never from what the renderer sends, and carries only masked identity.
 */
import { createHash } from 'node:crypto';
import { mask } from '../../../domain/masking';
import { yearOf, type LocalDate } from '../../../domain/dates';
import type { KioskConfig } from '../../../kiosk-config/schema';
import type { JobStatus, PrinterService } from '../../devices/printer/printer-service';
import { composeReceipt } from '../../receipt/compose-receipt';
import { encodeReceipt } from '../../receipt/encode-receipt';
import { renderReceiptText } from '../../receipt/render-receipt-text';
import type { ReplicaReader } from '../../replica/replica-reader';
import type { Locale, PrintJobStatus, PrintResult } from '../contract';
import type { ResidentSessions } from '../resident-sessions';
import { paymentViews } from './lookup-resident';

/** A code printed as the QR so staff can tell a genuine receipt from this terminal; it carries nothing personal. */
function verificationCode(kioskId: string, dataVersion: number, preview: string): string {
  const digest = createHash('sha256').update(preview).digest('hex').slice(0, 12).toUpperCase();
  return `HUIMIN:${kioskId}:${dataVersion}:${digest}`;
}

export async function printReceipt(
  input: { sessionId: string; year: number; locale: Locale },
  deps: {
    config: KioskConfig;
    replica: ReplicaReader;
    sessions: ResidentSessions;
    printer: PrinterService;
    now: Date;
    today: LocalDate;
  },
): Promise<PrintResult> {
  const record = deps.sessions.use(input.sessionId);
  if (!record) return { status: 'failed', reason: 'session-expired' };
  const meta = deps.replica.meta();
  const payments = paymentViews(record, deps.replica.programs(), deps.today).filter(
    (payment) => yearOf(payment.plannedDate) === input.year,
  );
  const receiptFor = (qrText: string) =>
    composeReceipt({
      locale: input.locale,
      paperWidthMm: deps.config.paperWidthMm,
      siteName: deps.config.site.name,
      printedAt: deps.now,
      maskedName: mask('name', record.name),
      maskedIdNumber: mask('idNumber', record.idNumber),
      year: input.year,
      payments,
      dataAsOf: meta.dataAsOf,
      hotline: deps.config.county.hotline,
      qrText,
    });
  const qrText = verificationCode(deps.config.kioskId, meta.dataVersion, renderReceiptText(receiptFor('')));
  const receipt = receiptFor(qrText);
  const jobId = deps.printer.submit({ bytes: encodeReceipt(receipt), preview: renderReceiptText(receipt) });
  // The first attempt decides what the screen says; a waiting job prints by itself once the printer is back.
  const status = await deps.printer.firstAttempt(jobId);
  if (status?.state === 'printed') return { status: 'printed', jobId };
  if (status?.state === 'waiting') return { status: 'waiting', jobId, reason: status.reason };
  return { status: 'failed', reason: 'offline' };
}

/** A queued job as the screen may ask about it; a job the queue no longer knows is `unknown-job`. */
export function printJobStatus(status: JobStatus | null): PrintJobStatus {
  return status ?? { state: 'unknown-job' };
}
