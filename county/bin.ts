import { runCountyCli } from './cli';

runCountyCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`huimin-county: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
