import { runBrowserHostCli } from './cli';

runBrowserHostCli(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(`kiosk-web: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
