/** The `huimin-sync` command line: a table of commands, each with its own `--help`. Exit codes: see command.ts. */
import { demoConfigCommand } from './demo-config-command';
import { KioskConfigError } from '../../kiosk-config/load-config';
import { runCommand, statusCommand, syncCommand } from './commands';
import {
  EXIT,
  UsageError,
  parseCommandArgs,
  processOutput,
  type CliOutput,
  type SyncCommand,
} from './command';

const COMMANDS: readonly SyncCommand[] = [syncCommand, statusCommand, runCommand, demoConfigCommand];

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: huimin-sync <command> --config FILE [options]',
    '',
    "The terminal's sync agent: the county's data, the outbox and heartbeats.",
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'huimin-sync <command> --help' for a command's options.",
  ].join('\n');
}

export async function runSyncCli(argv: string[], output: CliOutput = processOutput): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? output.err : output.out)(overview());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    output.err(`huimin-sync: unknown command: ${name}\n\n${overview()}`);
    return EXIT.usage;
  }
  try {
    const values = parseCommandArgs(command, rest);
    if (values['help'] === true) {
      output.out(command.usage);
      return EXIT.ok;
    }
    return await command.run({ values, output });
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(`huimin-sync ${name}: ${error.message}\n\n${command.usage}`);
      return EXIT.usage;
    }
    if (error instanceof KioskConfigError) {
      output.err(error.message);
      return EXIT.usage;
    }
    output.err(`huimin-sync ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.failed;
  }
}
