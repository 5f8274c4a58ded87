/**
 * A printer behind a device file (e.g. /dev/usb/lp0 for a USB printer on Linux). Its state cannot be read back
 * through the file, so it is 'unknown' while the file opens for writing and 'offline' when it does not.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import type { PrinterState } from './printer-status';
import type { Delivery, PrinterDriver, PrintJob } from './receipt-printer';

// Never O_CREAT: when the printer is unplugged its device file is gone, and creating a plain file in its place
// would swallow every later receipt while reporting success. O_NONBLOCK keeps a busy device from hanging open().
const WRITE_FLAGS = constants.O_WRONLY | constants.O_APPEND | constants.O_NONBLOCK;

function isSystemError(error: unknown): boolean {
  return typeof (error as NodeJS.ErrnoException | null)?.code === 'string';
}

export function createDevicePrinter(path: string): PrinterDriver {
  return {
    async queryState(): Promise<PrinterState> {
      try {
        await (await open(path, WRITE_FLAGS)).close();
        return 'unknown';
      } catch (error) {
        if (isSystemError(error)) return 'offline';
        throw error;
      }
    },

    async deliver(job: PrintJob): Promise<Delivery> {
      try {
        const device = await open(path, constants.O_WRONLY | constants.O_APPEND);
        try {
          await device.writeFile(job.bytes);
        } finally {
          await device.close();
        }
        return { printed: true, state: 'unknown' };
      } catch (error) {
        // ENOENT (unplugged), EACCES (no permission), EIO/ENODEV/ENXIO (gone while writing) all mean offline.
        if (isSystemError(error)) return { printed: false, state: 'offline' };
        throw error;
      }
    },
  };
}
