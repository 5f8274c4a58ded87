/**
 * The terminal's heartbeat: which data and app version it runs, how its devices are, when it last synced,
 * and the anonymous usage counts the county has not acknowledged yet (today's always).
 */
import {
  COUNTY_BODY_LIMIT_BYTES,
  HEARTBEAT_MAX_COUNTERS,
  USAGE_DAYS_BACK,
  usageCountSchema,
  type Heartbeat,
  type HeartbeatAnswer,
} from '../../domain/county-api';
import { plusDays, shanghaiDate } from '../../domain/dates';
import type { CountyClient } from '../county-client/county-client';
import { CountyRequestError } from '../county-client/failure';
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

/**
 * The largest heartbeat body sent: half the county server's default limit, since a proxy in front of it may
 * allow less. A 413 halves it again for the rest of the pass.
 */
export const HEARTBEAT_BODY_BUDGET_BYTES = COUNTY_BODY_LIMIT_BYTES / 2;

/**
 * How far back counts are sent. The county refuses days more than USAGE_DAYS_BACK before its own today; a
 * week less leaves room for a terminal clock that runs behind. Older counts stay in the outbox unsent.
 */
export const SENT_USAGE_DAYS_BACK = USAGE_DAYS_BACK - 7;

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

const utf8 = new TextEncoder();

/** The size of `value` as the county client sends it (JSON, UTF-8). */
export function encodedBytes(value: unknown): number {
  return utf8.encode(JSON.stringify(value)).length;
}

/**
 * The longest run of `counts`, from the first, whose heartbeat encodes to at most `budgetBytes`: the body
 * without counts, plus each count's own encoding and a comma between two. At least one count, so a budget
 * smaller than a heartbeat still moves on.
 */
export function takeBatch(
  facts: HeartbeatFacts,
  at: Date,
  counts: readonly UsageCount[],
  budgetBytes: number,
): UsageCount[] {
  let size = encodedBytes(buildHeartbeat(facts, at, []));
  let taken = 0;
  while (taken < counts.length && taken < HEARTBEAT_MAX_COUNTERS) {
    size += encodedBytes(counts[taken]) + (taken > 0 ? 1 : 0);
    if (size > budgetBytes) break;
    taken++;
  }
  return counts.slice(0, Math.max(taken, 1));
}

/**
 * The counts a heartbeat on `at` may carry: unreported ones (today's always) the county takes, i.e. a known
 * kind and a count in range (domain/county-api.ts), and a day from SENT_USAGE_DAYS_BACK ago to today. A day
 * after today (counted while the clock was ahead) waits until it comes.
 */
function countsToSend(outbox: Outbox, at: Date): UsageCount[] {
  const today = shanghaiDate(at);
  const earliest = plusDays(today, -SENT_USAGE_DAYS_BACK);
  return outbox
    .unreportedCounts(today)
    .filter(
      (count) => count.day >= earliest && count.day <= today && usageCountSchema.safeParse(count).success,
    );
}

/**
 * Sends the outbox's unreported counts in heartbeats of at most HEARTBEAT_BODY_BUDGET_BYTES, oldest first,
 * until all are acknowledged: a terminal back after a long outage drains its backlog in one pass. Every
 * heartbeat carries the same state, so the county shows the same latest state whichever arrived last, and
 * today's counts go in the last one. Each answered heartbeat acknowledges its counts (one that grew meanwhile
 * is sent again next time). A 413 halves the body size and tries again; a batch the county refuses still
 * leaves the terminal's state recorded by a heartbeat without counts before the refusal is thrown. Failures
 * throw `CountyRequestError`; what was answered before stays acknowledged. Answers the last answer.
 */
export async function sendHeartbeat(
  outbox: Outbox,
  client: Pick<CountyClient, 'postHeartbeat'>,
  facts: HeartbeatFacts,
  at: Date,
): Promise<HeartbeatAnswer> {
  let rest = countsToSend(outbox, at);
  let budget = HEARTBEAT_BODY_BUDGET_BYTES;
  let stateRecorded = false;
  for (;;) {
    const batch = takeBatch(facts, at, rest, budget);
    let answer: HeartbeatAnswer;
    try {
      answer = await client.postHeartbeat(buildHeartbeat(facts, at, batch));
    } catch (error) {
      if (!(error instanceof CountyRequestError)) throw error;
      if (error.status === 413 && batch.length > 1) {
        budget = Math.floor(budget / 2);
        continue;
      }
      if (error.kind === 'rejected' && !stateRecorded && batch.length > 0) {
        await client.postHeartbeat(buildHeartbeat(facts, at, [])).catch(() => null);
      }
      throw error;
    }
    stateRecorded = true;
    outbox.markCountsReported(batch, at);
    rest = rest.slice(batch.length);
    if (rest.length === 0) return answer;
  }
}
