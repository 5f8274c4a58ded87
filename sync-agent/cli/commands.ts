/** The `huimin-sync` commands: `sync` (one pass), `status`, `run` (the daemon). */
import { syncStateDir } from '../../kiosk-config/load-config';
import type { KioskConfig } from '../../kiosk-config/schema';
import { runDaemon } from '../daemon/run-daemon';
import { runSyncPass, type PassOptions } from '../daemon/sync-pass';
import { readTerminalStatus } from '../daemon/terminal-status';
import {
  EXIT,
  configOf,
  positiveIntegerOption,
  report,
  type CommandContext,
  type SyncCommand,
} from './command';
import { passSummary } from './pass-summary';

const CONFIG_USAGE = '  --config FILE   the terminal config (JSON)\n  --json          print JSON';
const PASS_OPTIONS_USAGE =
  '  --app-version V the app version to report (default: $HUIMIN_APP_VERSION or 0.0.0)';

function passOptions(context: CommandContext): PassOptions {
  const given = context.values['app-version'];
  return {
    appVersion: typeof given === 'string' ? given : process.env['HUIMIN_APP_VERSION'] || '0.0.0',
  };
}

export const syncCommand: SyncCommand = {
  name: 'sync',
  summary: 'one pass: update the data, upload the outbox, send a heartbeat',
  usage: [
    'Usage: huimin-sync sync --config FILE [--json]',
    '',
    'One pass: update the replica from the county, upload queued complaints, send a heartbeat.',
    'Exit codes: 0 all done, 1 a step failed, 2 usage, 3 another sync is running.',
    '',
    CONFIG_USAGE,
    PASS_OPTIONS_USAGE,
  ].join('\n'),
  options: { 'app-version': { type: 'string' } },
  async run(context) {
    const config = configOf(context.values);
    const attempt = await runSyncPass(config, passOptions(context));
    if (!attempt.ran) {
      context.output.err('huimin-sync sync: another sync is running');
      return EXIT.refused;
    }
    report(context, passSummary(attempt.report), attempt.report);
    return attempt.report.succeeded ? EXIT.ok : EXIT.failed;
  },
};

function statusText(status: ReturnType<typeof readTerminalStatus>): string {
  const last = status.lastSync;
  return [
    `data version: ${status.dataVersion ?? 'none'}`,
    `data as of:   ${status.dataAsOf ?? 'none'}`,
    `last attempt: ${last ? `${last.lastAttemptAt} ${last.lastOutcome}` : 'never'}`,
    ...(last?.lastError ? [`last error:   ${last.lastError}`] : []),
    `last success: ${last?.lastSuccessAt ?? 'never'}`,
    `outbox:       ${status.outbox.depth} not acknowledged, ${status.outbox.failed.length} set aside`,
    ...status.outbox.failed.map((f) => `  ${f.clientKey} ${f.createdAt} ${f.lastError ?? ''}`.trimEnd()),
  ].join('\n');
}

export const statusCommand: SyncCommand = {
  name: 'status',
  summary: 'data version and age, last sync attempt, outbox depth',
  usage: ['Usage: huimin-sync status --config FILE [--json]', '', CONFIG_USAGE].join('\n'),
  options: {},
  async run(context) {
    const status = readTerminalStatus(configOf(context.values));
    report(context, statusText(status), status);
    return Promise.resolve(EXIT.ok);
  },
};

export const DEFAULT_INTERVAL_SECONDS = 900;

async function daemonPass(config: KioskConfig, context: CommandContext): Promise<boolean> {
  try {
    const attempt = await runSyncPass(config, passOptions(context));
    if (!attempt.ran) {
      context.output.err(`another sync is running (lock in ${syncStateDir(config)}); skipped`);
      return true;
    }
    context.output.out(passSummary(attempt.report));
    return attempt.report.succeeded;
  } catch (error) {
    context.output.err(`pass failed: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

export const runCommand: SyncCommand = {
  name: 'run',
  summary: 'the daemon: a pass every interval, backoff after failures, SIGUSR1 syncs now',
  usage: [
    'Usage: huimin-sync run --config FILE [--interval SECONDS]',
    '',
    'Runs a pass every interval (±20% jitter); after failures retries from 1 minute, doubling up to 1 hour.',
    'SIGUSR1 starts a pass at once; SIGINT/SIGTERM stop after the current pass.',
    '',
    '  --config FILE     the terminal config (JSON)',
    `  --interval SECS   seconds between passes (default ${DEFAULT_INTERVAL_SECONDS})`,
    PASS_OPTIONS_USAGE,
  ].join('\n'),
  options: { interval: { type: 'string' }, 'app-version': { type: 'string' } },
  async run(context) {
    const config = configOf(context.values);
    const intervalMs = positiveIntegerOption(context.values, 'interval', DEFAULT_INTERVAL_SECONDS) * 1000;
    await runDaemon({
      pass: () => daemonPass(config, context),
      signals: process,
      intervalMs,
      onWait: (ms, failures) =>
        context.output.out(
          `next pass in ${Math.round(ms / 1000)} s${failures ? ` (${failures} failed)` : ''}`,
        ),
    });
    return EXIT.ok;
  },
};
