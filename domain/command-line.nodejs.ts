/**
 * The command lines of the project (`huimin-county`, `huimin-sync`) are one kind of program: a table of
 * commands, each with a one-line summary, its whole `--help` text, its options (node:util parseArgs) and a run
 * function resolving to the exit code. This is that kind, so both behave alike.
 * Exit codes: 0 done, 1 the work failed, 2 usage error, 3 refused (bad input, or another run holds the lock).
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

export interface Command {
  name: string;
  summary: string;
  /** The whole `--help` text. */
  usage: string;
  options: OptionSpec;
  allowPositionals?: boolean;
  run(context: CommandContext): Promise<number>;
}

export class UsageError extends Error {}

export interface CommandLine {
  /** The program's name as typed, e.g. `huimin-county`. */
  program: string;
  /** The first lines of the program's own help, before the list of commands. */
  about: string[];
  commands: readonly Command[];
  /** Options every command of this program understands (`--help` and `--json` always). */
  commonOptions?: OptionSpec;
  /** A failure the person can fix by changing the arguments (e.g. an unreadable config): its message. */
  usageMessage?: (error: unknown) => string | undefined;
}

const HELP_AND_JSON: OptionSpec = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
};

export function parseCommandArgs(
  command: Command,
  args: string[],
  commonOptions: OptionSpec = {},
): { values: OptionValues; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { ...HELP_AND_JSON, ...commonOptions, ...command.options },
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

/** Prints a result for people, or as one JSON document with `--json`. */
export function report(context: CommandContext, human: string, json: unknown): void {
  context.output.out(context.values['json'] === true ? JSON.stringify(json) : human);
}

function overview(cli: CommandLine): string {
  const width = Math.max(...cli.commands.map((c) => c.name.length));
  return [
    ...cli.about,
    '',
    'Commands:',
    ...cli.commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    `Run '${cli.program} <command> --help' for a command's options.`,
  ].join('\n');
}

/** Runs the command named by the first argument; resolves to the exit code. */
export async function runCommandLine(cli: CommandLine, argv: string[], output: CliOutput): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? output.err : output.out)(overview(cli));
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = cli.commands.find((c) => c.name === name);
  if (!command) {
    output.err(`${cli.program}: unknown command: ${name}\n\n${overview(cli)}`);
    return EXIT.usage;
  }
  try {
    const parsed = parseCommandArgs(command, rest, cli.commonOptions);
    if (parsed.values['help'] === true) {
      output.out(command.usage);
      return EXIT.ok;
    }
    return await command.run({ ...parsed, output });
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(`${cli.program} ${name}: ${error.message}\n\n${command.usage}`);
      return EXIT.usage;
    }
    const usageMessage = cli.usageMessage?.(error);
    if (usageMessage !== undefined) {
      output.err(usageMessage);
      return EXIT.usage;
    }
    output.err(`${cli.program} ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.failed;
  }
}
