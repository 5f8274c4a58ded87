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
import type { ReceiptLocale } from '../../receipt/receipt-i18n';
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

/**
 * The receipt's language for a screen language. A bo (Tibetan) screen prints in zh-CN: the thermal printer
 * prints text in its built-in GB18030 font, which has no Tibetan glyphs, so Tibetan would come out as
 * question marks or blanks; the county's program names exist only in zh-CN and en anyway.
 */
export function receiptLocaleFor(locale: Locale): ReceiptLocale {
  return locale === 'bo' ? 'zh-CN' : locale;
}

export async function printReceipt(
  input: { sessionId: string; year: number; locale: Locale },
  deps: {
    config: KioskConfig;
    replica: Pick<ReplicaReader, 'meta' | 'programs'>;
    sessions: ResidentSessions;
    printer: Pick<PrinterService, 'submit' | 'firstAttempt'>;
    now: Date;
    today: LocalDate;
    /** Told the job's id as soon as it is queued, before its first attempt ends. */
    onSubmitted?: (jobId: string) => void;
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
      locale: receiptLocaleFor(input.locale),
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
  deps.onSubmitted?.(jobId);
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
