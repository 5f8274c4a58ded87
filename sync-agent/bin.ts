import { runSyncCli } from './cli/run-sync-cli';

runSyncCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`huimin-sync: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
