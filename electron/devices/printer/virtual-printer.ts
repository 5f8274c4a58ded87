/**
 * A printer that keeps each job as files: `<jobId>.bin` (the exact bytes), `<jobId>.txt` (the readable
 * preview) and `<jobId>.png` (the paper as the printer would print it, drawn from the decoded bytes).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PRIVATE_FILE_MODE, ensurePrivateDir } from '../../../domain/private-files.nodejs';
import { decodeEscPos } from './escpos-decode';
import { renderPrintPreview, type PaperDots } from './print-preview-png';
import type { Delivery, PrinterDriver, PrintJob } from './receipt-printer';

export function createVirtualPrinter(directory: string, paperDots: PaperDots = 576): PrinterDriver {
  return {
    queryState: async () => 'ready',

    async deliver(job: PrintJob, jobId: string): Promise<Delivery> {
      try {
        // Receipts name the resident and their payments: owner-only.
        ensurePrivateDir(directory);
        const preview = await renderPrintPreview(decodeEscPos(job.bytes), paperDots);
        const mode = PRIVATE_FILE_MODE;
        await writeFile(join(directory, `${jobId}.txt`), job.preview, { encoding: 'utf8', mode });
        await writeFile(join(directory, `${jobId}.png`), preview.png, { mode });
        // The bytes are written last, so a finished .bin always has its previews beside it.
        await writeFile(join(directory, `${jobId}.bin`), job.bytes, { mode });
        return { printed: true, state: 'ready' };
      } catch {
        // A directory that cannot be written is to the kiosk what an unplugged printer is.
        return { printed: false, state: 'offline' };
      }
    },
  };
}
