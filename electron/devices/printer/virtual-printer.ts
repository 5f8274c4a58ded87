/** A printer that keeps each job as `<jobId>.bin` (the exact bytes) and `<jobId>.txt` (the preview). */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { newJobId } from './job-id';
import { OFFLINE, type PrintJob, type PrintOutcome, type ReceiptPrinter } from './receipt-printer';

function isAlreadyThere(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'EEXIST';
}

export function createVirtualPrinter(directory: string): ReceiptPrinter {
  return {
    async print(job: PrintJob): Promise<PrintOutcome> {
      try {
        await mkdir(directory, { recursive: true });
        for (;;) {
          const jobId = newJobId();
          try {
            // 'wx' fails if the id is taken, so two jobs in one second never overwrite each other.
            await writeFile(join(directory, `${jobId}.txt`), job.preview, { encoding: 'utf8', flag: 'wx' });
          } catch (error) {
            if (isAlreadyThere(error)) continue;
            throw error;
          }
          // The bytes are written last, so a finished .bin always has its preview beside it.
          await writeFile(join(directory, `${jobId}.bin`), job.bytes, { flag: 'wx' });
          return { status: 'printed', jobId };
        }
      } catch {
        // A directory that cannot be written is to the kiosk what an unplugged printer is.
        return OFFLINE;
      }
    },
  };
}
