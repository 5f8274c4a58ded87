/**
 * The `huimin-county` command line: a table of commands (county/commands/), each with its own `--help`.
 * Exit codes: 0 done, 1 failure, 2 usage error, 3 input refused.
 */
import {
  EXIT,
  UsageError,
  parseCommandArgs,
  processOutput,
  type CliOutput,
  type CountyCommand,
} from './cli/command';
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

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: huimin-county <command> [options]',
    '',
    'The county side of huimin-kiosk: the master database, imports, the publisher and the server.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'huimin-county <command> --help' for a command's options.",
  ].join('\n');
}

/** Runs the CLI with the arguments after the script name; resolves to the exit code. */
export async function runCountyCli(argv: string[], output: CliOutput = processOutput): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? output.err : output.out)(overview());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    output.err(`huimin-county: unknown command: ${name}\n\n${overview()}`);
    return EXIT.usage;
  }
  let parsed: ReturnType<typeof parseCommandArgs>;
  try {
    parsed = parseCommandArgs(command, rest);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    output.err(`huimin-county ${name}: ${error.message}\n\n${command.usage}`);
    return EXIT.usage;
  }
  if (parsed.values['help'] === true) {
    output.out(command.usage);
    return EXIT.ok;
  }
  try {
    return await command.run({ ...parsed, output });
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(`huimin-county ${name}: ${error.message}\n\n${command.usage}`);
      return EXIT.usage;
    }
    output.err(`huimin-county ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.failed;
  }
}
