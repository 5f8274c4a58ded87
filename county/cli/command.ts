/**
 * The `huimin-county` commands are the project's kind of command line (domain/command-line.nodejs.ts), plus
 * the options only the county side has: its master database, required and integer options.
 * Exit codes: 0 done, 1 the work failed, 2 usage error, 3 the input was refused (e.g. bad rows).
 */
import {
  stringOption,
  UsageError,
  type Command,
  type OptionSpec,
  type OptionValues,
} from '../../domain/command-line.nodejs';

export {
  EXIT,
  processOutput,
  report,
  stringOption,
  UsageError,
  type CliOutput,
  type CommandContext,
  type OptionSpec,
  type OptionValues,
} from '../../domain/command-line.nodejs';

export type CountyCommand = Command;

export const DB_OPTION: OptionSpec = { db: { type: 'string' } };
export const DB_USAGE = `  --db FILE       the county master database (default: $HUIMIN_COUNTY_DB or ./county.db)`;

export function dbPath(values: OptionValues): string {
  const given = values['db'];
  if (typeof given === 'string' && given !== '') return given;
  return process.env['HUIMIN_COUNTY_DB'] || 'county.db';
}

export function requiredOption(values: OptionValues, name: string): string {
  const value = stringOption(values, name);
  if (value === undefined || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

export function integerOption(
  values: OptionValues,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const text = stringOption(values, name);
  if (text === undefined) return fallback;
  if (!/^-?\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new UsageError(`--${name} must be an integer from ${min} to ${max}`);
  }
  return Number(text);
}
