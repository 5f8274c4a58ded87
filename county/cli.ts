/**
 * The `huimin-county` command line: a table of commands (county/commands/), each with its own `--help`.
 * Exit codes: 0 done, 1 failure, 2 usage error, 3 input refused.
 */
import { runCommandLine, type CommandLine } from '../domain/command-line.nodejs';
import { processOutput, type CliOutput, type CountyCommand } from './cli/command';
import { demoCommand } from './commands/demo';
import { demoReplicaCommand } from './commands/demo-replica';
import { importCommand } from './commands/import';
import { initCommand } from './commands/init';
import { keygenCommand } from './commands/keygen';
import { publishCommand } from './commands/publish';
import { serveCommand } from './commands/serve';
import { statusCommand } from './commands/status';
import { terminalsCommand } from './commands/terminals';

export type { CliOutput } from './cli/command';

const COMMANDS: readonly CountyCommand[] = [
  initCommand,
  keygenCommand,
  importCommand,
  publishCommand,
  serveCommand,
  terminalsCommand,
  statusCommand,
  demoCommand,
  demoReplicaCommand,
];

const COUNTY_CLI: CommandLine = {
  program: 'huimin-county',
  about: [
    'Usage: huimin-county <command> [options]',
    '',
    'The county side of huimin-kiosk: the master database, imports, the publisher and the server.',
  ],
  commands: COMMANDS,
};

/** Runs the CLI with the arguments after the script name; resolves to the exit code. */
export function runCountyCli(argv: string[], output: CliOutput = processOutput): Promise<number> {
  return runCommandLine(COUNTY_CLI, argv, output);
}
