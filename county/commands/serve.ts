/**
 * `huimin-county serve`: runs the county HTTP server (county/server/) until SIGINT or SIGTERM, then lets the
 * requests in flight finish and closes the database.
 */
import { statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import {
  DB_OPTION,
  DB_USAGE,
  EXIT,
  UsageError,
  dbPath,
  integerOption,
  report,
  requiredOption,
  stringOption,
  type CountyCommand,
} from '../cli/command';
import { openMaster } from '../master/open-master';
import { createCountyServer } from '../server/create-server';
import type { CountyLoggerOptions } from '../server/request-log';

const USAGE = `Usage: huimin-county serve --publish-dir DIR [options]

Serves the publish directory under /publish/ (ETag, Range, immutable caching) and the terminals' endpoints
under /api/v1/ (health, heartbeat, complaints; bearer tokens from 'huimin-county terminals'). Logs go to
stderr as JSON lines and never hold personal data. Stops cleanly on Ctrl-C (SIGINT) or SIGTERM.
Terminals need HTTPS: put nginx (or another proxy) in front for TLS; see county/server/README.md.

Options:
${DB_USAGE}
  --publish-dir DIR     the directory 'huimin-county publish' writes
  --host ADDRESS        the address to listen on (default 127.0.0.1)
  --port N              the port (default 8700; 0 picks a free one)
  --trust-proxy LIST    proxy addresses whose X-Forwarded-For to believe, e.g. 127.0.0.1,10.0.0.0/8
  --log-level LEVEL     error, warn, info (default) or debug
  --json                print the address as JSON
  --help                show this help`;

const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;

function waitForStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export const serveCommand: CountyCommand = {
  name: 'serve',
  summary: 'serve the publish directory and the terminals’ heartbeats and complaints over HTTP',
  usage: USAGE,
  options: {
    ...DB_OPTION,
    'publish-dir': { type: 'string' },
    host: { type: 'string' },
    port: { type: 'string' },
    'trust-proxy': { type: 'string' },
    'log-level': { type: 'string' },
  },
  async run(context) {
    const { values, output } = context;
    const publishDir = requiredOption(values, 'publish-dir');
    const host = stringOption(values, 'host') ?? '127.0.0.1';
    const port = integerOption(values, 'port', 8700, 0, 65535);
    const level = stringOption(values, 'log-level') ?? 'info';
    if (!(LOG_LEVELS as readonly string[]).includes(level)) {
      throw new UsageError(`--log-level must be one of ${LOG_LEVELS.join(', ')}`);
    }
    if (!statSync(publishDir, { throwIfNoEntry: false })?.isDirectory()) {
      output.err(
        `huimin-county serve: no publish directory at ${publishDir}; run 'huimin-county publish' first`,
      );
      return EXIT.failed;
    }

    const db = openMaster(dbPath(values));
    try {
      const trustProxy = stringOption(values, 'trust-proxy');
      const app = await createCountyServer({
        db,
        publishDir,
        logger: {
          level: level as CountyLoggerOptions['level'],
          stream: { write: (line) => output.err(line.trimEnd()) },
        },
        ...(trustProxy ? { trustProxy } : {}),
      });
      const stopped = waitForStopSignal();
      await app.listen({ host, port });
      const address = app.server.address() as AddressInfo;
      const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}/`;
      report(context, `serving ${url} (publish directory ${publishDir} under /publish/)`, {
        url,
        publishDir,
      });
      const signal = await stopped;
      await app.close();
      report(context, `stopped on ${signal}`, { stopped: signal });
      return EXIT.ok;
    } finally {
      db.close();
    }
  },
};
