/**
 * One whole pass of the agent, under the pass lock: the replica sync, then the outbox upload, then a
 * heartbeat carrying the outcome. Each step runs even when the one before failed: complaints and heartbeats
 * do not wait for the data, nor the other way round.
 */
import type { Heartbeat } from '../../domain/county-api';
import { syncStateDir } from '../../kiosk-config/load-config';
import type { KioskConfig } from '../../kiosk-config/schema';
import { countyClientOptionsFrom, createCountyClient } from '../county-client/county-client';
import { CountyRequestError } from '../county-client/failure';
import { drainOutbox, type DrainReport } from '../outbox/drain';
import { sendHeartbeat } from '../outbox/heartbeat';
import { openOutbox } from '../outbox/open-outbox';
import { syncOnce, type SyncResult } from '../replica-sync/sync-once';
import { readSyncState } from '../replica-sync/sync-state';
import { readDeviceReport } from './device-report';
import { acquirePassLock } from './pass-lock';

export interface PassOptions {
  appVersion: string;
  /** How the devices are; by default what the app last reported (see device-report.ts). */
  devices?: Heartbeat['devices'];
  fetch?: typeof fetch;
  now?: () => Date;
}

export interface PassReport {
  sync: SyncResult;
  outbox: DrainReport;
  /** Null when the heartbeat was answered; otherwise why not. */
  heartbeatError: string | null;
  /** The data is current (or updated), every due item was tried, and the heartbeat was answered. */
  succeeded: boolean;
}

export type PassAttempt = { ran: true; report: PassReport } | { ran: false };

export async function runSyncPass(config: KioskConfig, options: PassOptions): Promise<PassAttempt> {
  const lock = acquirePassLock(syncStateDir(config));
  if (lock === null) return { ran: false };
  try {
    return { ran: true, report: await passUnderLock(config, options) };
  } finally {
    lock.release();
  }
}

async function passUnderLock(config: KioskConfig, options: PassOptions): Promise<PassReport> {
  const now = options.now ?? (() => new Date());
  const sync = await syncOnce(config, { fetch: options.fetch, now: now() });
  const client = createCountyClient({ ...countyClientOptionsFrom(config), fetch: options.fetch, now });
  const outbox = openOutbox(config.paths.outbox);
  try {
    const drained = await drainOutbox(outbox, client, { now });
    const state = readSyncState(syncStateDir(config));
    let heartbeatError: string | null = null;
    try {
      await sendHeartbeat(
        outbox,
        client,
        {
          dataVersion: sync.toVersion,
          appVersion: options.appVersion,
          devices: options.devices ?? readDeviceReport(syncStateDir(config), now()),
          lastSync: {
            attemptedAt: state ? new Date(state.lastAttemptAt) : null,
            succeededAt: state?.lastSuccessAt ? new Date(state.lastSuccessAt) : null,
          },
        },
        now(),
      );
    } catch (error) {
      if (!(error instanceof CountyRequestError)) throw error;
      heartbeatError = error.message;
    }
    const synced = sync.outcome === 'updated' || sync.outcome === 'current';
    return {
      sync,
      outbox: drained,
      heartbeatError,
      succeeded: synced && drained.stoppedBy === null && heartbeatError === null,
    };
  } finally {
    outbox.close();
  }
}
