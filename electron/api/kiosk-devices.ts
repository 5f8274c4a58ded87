/**
 * The terminal's devices as the runtime owns them: the card reader (started here, stopped on close), the
 * printer service, the card desk between the reader and the screen, and the device report the sync agent
 * puts in its heartbeats (written on every change and once a minute).
 */
import type { Heartbeat } from '../../domain/county-api';
import { syncStateDir } from '../../kiosk-config/load-config';
import type { KioskConfig } from '../../kiosk-config/schema';
import { DEVICE_REPORT_REFRESH_MS, writeDeviceReport } from '../../sync-agent/daemon/device-report';
import type { CardReader } from '../devices/id-card/card-reader';
import { createCardReader } from '../devices/id-card/create-card-reader';
import { createPrinterService, type PrinterService } from '../devices/printer/printer-service';
import { createCardDesk, type CardDesk } from './card-desk';
import type { DeviceStatus, LookupResult } from './contract';

export interface KioskDevices {
  reader: CardReader;
  printer: PrinterService;
  cards: CardDesk;
  status(): DeviceStatus;
  close(): Promise<void>;
}

/** What the county is told: a keyboard reader cannot say how it is, and the screen's reading states are ready. */
function reportedStates(config: KioskConfig, status: DeviceStatus): Heartbeat['devices'] {
  const cardReader = ((): Heartbeat['devices']['cardReader'] => {
    if (config.cardReader.kind === 'keyboard') return 'unknown';
    switch (status.cardReader) {
      case 'missing':
      case 'error':
      case 'not-configured':
        return status.cardReader;
      default:
        return 'ready';
    }
  })();
  return { printer: status.printer, cardReader };
}

export async function startKioskDevices(
  config: KioskConfig,
  options: {
    lookUp: (identity: { idNumber: string; name: string }) => Promise<LookupResult>;
    now: () => Date;
    reader?: CardReader;
    printer?: PrinterService;
  },
): Promise<KioskDevices> {
  const reader = options.reader ?? createCardReader(config.cardReader);
  const printer =
    options.printer ?? createPrinterService(config.printer, { paperWidthMm: config.paperWidthMm });
  const cards = createCardDesk(reader, { lookUp: options.lookUp, now: () => options.now().getTime() });
  const status = (): DeviceStatus => ({
    printer: printer.printerState(),
    cardReader: cards.readerState(),
  });

  let last = '';
  const report = (force: boolean) => {
    const states = reportedStates(config, status());
    const text = JSON.stringify(states);
    if (!force && text === last) return;
    last = text;
    try {
      writeDeviceReport(syncStateDir(config), states, options.now());
    } catch {
      // Heartbeats then say `unknown`; the kiosk itself works the same.
    }
  };
  const offPrinter = printer.onState(() => report(false));
  const offReader = reader.onState(() => report(false));
  const timer = setInterval(() => report(true), DEVICE_REPORT_REFRESH_MS);
  timer.unref();
  await reader.start();
  report(true);

  return {
    reader,
    printer,
    cards,
    status,
    async close() {
      clearInterval(timer);
      offPrinter();
      offReader();
      cards.close();
      await reader.stop();
      await printer.close();
    },
  };
}
