/**
 * The `huimin-sync` commands are the project's kind of command line (domain/command-line.nodejs.ts), each
 * working on one terminal's kiosk config.
 * Exit codes: 0 done, 1 the pass failed, 2 usage error, 3 refused (another pass is running).
 */
import {
  UsageError,
  type Command,
  type OptionSpec,
  type OptionValues,
} from '../../domain/command-line.nodejs';
import { loadKioskConfig } from '../../kiosk-config/load-config';
import type { KioskConfig } from '../../kiosk-config/schema';

export {
  EXIT,
  processOutput,
  report,
  UsageError,
  type CliOutput,
  type CommandContext,
  type OptionValues,
} from '../../domain/command-line.nodejs';

export type SyncCommand = Command;

/** Every command works on one terminal: its kiosk config. */
export const CONFIG_OPTION: OptionSpec = { config: { type: 'string' } };

export function configOf(values: OptionValues): KioskConfig {
  const file = values['config'];
  if (typeof file !== 'string' || file === '') throw new UsageError('--config is required');
  return loadKioskConfig(file);
}

export function positiveIntegerOption(values: OptionValues, name: string, fallback: number): number {
  const text = values[name];
  if (typeof text !== 'string') return fallback;
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`--${name} must be a positive integer`);
  return Number(text);
}
