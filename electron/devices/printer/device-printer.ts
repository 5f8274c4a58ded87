/** A printer behind a device file (e.g. /dev/usb/lp0 for a USB printer on Linux). */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { newJobId } from './job-id';
import { OFFLINE, type PrintJob, type PrintOutcome, type ReceiptPrinter } from './receipt-printer';

function isSystemError(error: unknown): boolean {
  return typeof (error as NodeJS.ErrnoException | null)?.code === 'string';
}

export function createDevicePrinter(path: string): ReceiptPrinter {
  return {
    async print(job: PrintJob): Promise<PrintOutcome> {
      try {
        // Never O_CREAT: when the printer is unplugged its device file is gone, and creating a plain file in
        // its place would swallow every later receipt while reporting success.
        const device = await open(path, constants.O_WRONLY | constants.O_APPEND);
        try {
          await device.writeFile(job.bytes);
        } finally {
          await device.close();
        }
        return { status: 'printed', jobId: newJobId() };
      } catch (error) {
        // ENOENT (unplugged), EACCES (no permission), EIO/ENODEV/ENXIO (gone while writing) all mean offline.
        if (isSystemError(error)) return OFFLINE;
        throw error;
      }
    },
  };
}
