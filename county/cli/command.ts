/**
 * What every `huimin-county` command is: a name, a one-line summary, its usage text, its options (parsed by
 * node:util parseArgs), and a run function that resolves to the exit code.
 * Exit codes: 0 done, 1 the work failed, 2 usage error, 3 the input was refused (e.g. bad rows).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export const EXIT = { ok: 0, failed: 1, usage: 2, refused: 3 } as const;

export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
  /** Whether stderr is a terminal, so progress bars may redraw in place. */
  interactive: boolean;
}

export const processOutput: CliOutput = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  interactive: process.stderr.isTTY === true,
};

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;
export type OptionValues = Record<string, string | boolean | undefined>;

export interface CommandContext {
  values: OptionValues;
  positionals: string[];
  output: CliOutput;
}

export interface CountyCommand {
  name: string;
  summary: string;
  /** The whole `--help` text. */
  usage: string;
  options: OptionSpec;
  allowPositionals?: boolean;
  run(context: CommandContext): Promise<number>;
}

export class UsageError extends Error {}

/** Options every command understands. */
export const COMMON_OPTIONS: OptionSpec = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
};

export const DB_OPTION: OptionSpec = { db: { type: 'string' } };
export const DB_USAGE = `  --db FILE       the county master database (default: $HUIMIN_COUNTY_DB or ./county.db)`;

export function dbPath(values: OptionValues): string {
  const given = values['db'];
  if (typeof given === 'string' && given !== '') return given;
  return process.env['HUIMIN_COUNTY_DB'] || 'county.db';
}

export function parseCommandArgs(
  command: CountyCommand,
  args: string[],
): { values: OptionValues; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { ...COMMON_OPTIONS, ...command.options },
      allowPositionals: command.allowPositionals ?? false,
      strict: true,
    });
    return { values: values as OptionValues, positionals };
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
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

/** Prints a result for people, or as one JSON document with `--json`. */
export function report(context: CommandContext, human: string, json: unknown): void {
  context.output.out(context.values['json'] === true ? JSON.stringify(json) : human);
}
