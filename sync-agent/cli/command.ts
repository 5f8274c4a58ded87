/**
 * What every `huimin-sync` command is: a name, a summary, its `--help` text, its options (node:util
 * parseArgs) and a run function resolving to the exit code.
 * Exit codes: 0 done, 1 the pass failed, 2 usage error, 3 refused (another pass is running).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadKioskConfig } from '../../kiosk-config/load-config';
import type { KioskConfig } from '../../kiosk-config/schema';

export const EXIT = { ok: 0, failed: 1, usage: 2, refused: 3 } as const;

export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

export const processOutput: CliOutput = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;
export type OptionValues = Record<string, string | boolean | undefined>;

export interface CommandContext {
  values: OptionValues;
  output: CliOutput;
}

export interface SyncCommand {
  name: string;
  summary: string;
  usage: string;
  options: OptionSpec;
  run(context: CommandContext): Promise<number>;
}

export class UsageError extends Error {}

export const COMMON_OPTIONS: OptionSpec = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
  config: { type: 'string' },
};

export function parseCommandArgs(command: SyncCommand, args: string[]): OptionValues {
  try {
    const { values } = parseArgs({ args, options: { ...COMMON_OPTIONS, ...command.options }, strict: true });
    return values as OptionValues;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

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

export function report(context: CommandContext, human: string, json: unknown): void {
  context.output.out(context.values['json'] === true ? JSON.stringify(json) : human);
}
