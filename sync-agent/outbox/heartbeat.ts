/**
 * The terminal's heartbeat: which data and app version it runs, how its devices are, when it last synced,
 * and the anonymous usage counts the county has not acknowledged yet (today's always).
 */
import type { Heartbeat, HeartbeatAnswer } from '../../domain/county-api';
import { shanghaiDate } from '../../domain/dates';
import type { CountyClient } from '../county-client/county-client';
import {
  terminalHeartbeatSchema,
  type TerminalHeartbeat,
  type UsageCount,
} from '../county-client/terminal-heartbeat';
import type { Outbox } from './open-outbox';

export interface HeartbeatFacts {
  dataVersion: number | null;
  appVersion: string;
  devices: Heartbeat['devices'];
  lastSync: { attemptedAt: Date | null; succeededAt: Date | null };
}

export function buildHeartbeat(
  facts: HeartbeatFacts,
  at: Date,
  counters: readonly UsageCount[] = [],
): TerminalHeartbeat {
  return terminalHeartbeatSchema.parse({
    dataVersion: facts.dataVersion,
    appVersion: facts.appVersion,
    devices: facts.devices,
    at: at.toISOString(),
    lastSync: {
      attemptedAt: facts.lastSync.attemptedAt?.toISOString() ?? null,
      succeededAt: facts.lastSync.succeededAt?.toISOString() ?? null,
    },
    counters,
  });
}

/**
 * Sends a heartbeat with the outbox's unreported counts; once the county answers, those counts are
 * acknowledged (a count that grew meanwhile is sent again with the next heartbeat). Failures throw
 * `CountyRequestError`; nothing is marked then.
 */
export async function sendHeartbeat(
  outbox: Outbox,
  client: Pick<CountyClient, 'postHeartbeat'>,
  facts: HeartbeatFacts,
  at: Date,
): Promise<HeartbeatAnswer> {
  const counters = outbox.unreportedCounts(shanghaiDate(at));
  const answer = await client.postHeartbeat(buildHeartbeat(facts, at, counters));
  outbox.markCountsReported(counters, at);
  return answer;
}
