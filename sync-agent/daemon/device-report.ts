/**
 * How the terminal's devices are, handed from the kiosk app (which owns them) to the sync agent (which sends
 * the heartbeat): a small JSON file in the agent's state directory, replaced atomically on every change.
 * A report older than a few minutes means the app is not running; the agent then says `unknown` and the
 * county keeps the last state it was told.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CARD_READER_STATES, PRINTER_STATES, type Heartbeat } from '../../domain/county-api';
import { writeFileAtomically } from '../../domain/durable-file.nodejs';
import { ensurePrivateDir } from '../../domain/private-files.nodejs';

export const DEVICE_REPORT_FILE = 'devices.json';
/** The app rewrites the report at least this often while it runs. */
export const DEVICE_REPORT_REFRESH_MS = 60_000;
const MAX_AGE_MS = 5 * DEVICE_REPORT_REFRESH_MS;

const deviceReportSchema = z.object({
  printer: z.enum(PRINTER_STATES),
  cardReader: z.enum(CARD_READER_STATES),
  at: z.iso.datetime(),
});

export type DeviceStates = Heartbeat['devices'];

const UNKNOWN: DeviceStates = { printer: 'unknown', cardReader: 'unknown' };

export function writeDeviceReport(stateDir: string, devices: DeviceStates, now: Date): void {
  ensurePrivateDir(stateDir);
  writeFileAtomically(
    join(stateDir, DEVICE_REPORT_FILE),
    JSON.stringify({ ...devices, at: now.toISOString() }),
  );
}

export function readDeviceReport(stateDir: string, now: Date): DeviceStates {
  let text: string;
  try {
    text = readFileSync(join(stateDir, DEVICE_REPORT_FILE), 'utf8');
  } catch {
    return UNKNOWN;
  }
  let parsed: ReturnType<typeof deviceReportSchema.safeParse>;
  try {
    parsed = deviceReportSchema.safeParse(JSON.parse(text));
  } catch {
    return UNKNOWN;
  }
  if (!parsed.success) return UNKNOWN;
  const age = now.getTime() - Date.parse(parsed.data.at);
  if (age > MAX_AGE_MS) return UNKNOWN;
  return { printer: parsed.data.printer, cardReader: parsed.data.cardReader };
}
