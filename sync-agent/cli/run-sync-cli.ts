/** The `huimin-sync` command line: a table of commands, each with its own `--help`. Exit codes: see command.ts. */
import { demoConfigCommand } from './demo-config-command';
import { KioskConfigError } from '../../kiosk-config/load-config';
import { runCommand, statusCommand, syncCommand } from './commands';
import { runCommandLine, type CommandLine } from '../../domain/command-line.nodejs';
import { CONFIG_OPTION, processOutput, type CliOutput, type SyncCommand } from './command';

const COMMANDS: readonly SyncCommand[] = [syncCommand, statusCommand, runCommand, demoConfigCommand];

const SYNC_CLI: CommandLine = {
  program: 'huimin-sync',
  about: [
    'Usage: huimin-sync <command> --config FILE [options]',
    '',
    "The terminal's sync agent: the county's data, the outbox and heartbeats.",
  ],
  commands: COMMANDS,
  commonOptions: CONFIG_OPTION,
  usageMessage: (error) => (error instanceof KioskConfigError ? error.message : undefined),
};

export function runSyncCli(argv: string[], output: CliOutput = processOutput): Promise<number> {
  return runCommandLine(SYNC_CLI, argv, output);
}
