/**
 * One pass over the outbox: uploads the due complaints in the order they were made, each with its own
 * idempotency key, and records what the county answered. Safe to repeat and to interrupt at any instant: an
 * item the county stored but we did not mark yet is sent again and the county answers 200 with the same id.
 */
import type { CountyClient } from '../county-client/county-client';
import { CountyRequestError, type CountyFailureKind } from '../county-client/failure';
import { backoffDelayMs, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import type { Outbox } from './open-outbox';

export interface DrainOptions {
  now: () => Date;
  /** After this many failed attempts an item is marked failed; by default it is retried as long as it takes. */
  maxAttempts?: number;
  backoff?: BackoffPolicy;
  random?: () => number;
}

export interface DrainReport {
  acknowledged: number;
  /** Marked failed in this pass (refused by the county, or out of attempts). */
  failed: number;
  /** Still pending after the pass, due or not. */
  pending: number;
  /**
   * Why the pass ended early: the county could not be reached or is unwell (the other items wait for the next
   * pass), or refused the terminal's token. Null when every due item was tried.
   */
  stoppedBy: CountyFailureKind | null;
}

/** Failures about the terminal rather than the item: no other item would get through either. */
const STOPS_THE_PASS_WHEN_PERMANENT: ReadonlySet<CountyFailureKind> = new Set(['unauthorized', 'revoked']);

export async function drainOutbox(
  outbox: Outbox,
  client: Pick<CountyClient, 'postComplaint'>,
  options: DrainOptions,
): Promise<DrainReport> {
  const maxAttempts = options.maxAttempts ?? Number.POSITIVE_INFINITY;
  const report: DrainReport = { acknowledged: 0, failed: 0, pending: 0, stoppedBy: null };
  for (const item of outbox.pendingItems({ dueBy: options.now() })) {
    try {
      const receipt = await client.postComplaint(item.body);
      outbox.markAcknowledged(item.clientKey, receipt);
      report.acknowledged++;
      continue;
    } catch (error) {
      if (!(error instanceof CountyRequestError)) throw error;
      const attempts = item.attempts + 1;
      if (!error.retryable || attempts >= maxAttempts) {
        const reason = error.retryable
          ? `gave up after ${attempts} attempts: ${error.message}`
          : error.message;
        outbox.markFailed(item.clientKey, reason, true);
        report.failed++;
        if (error.retryable || STOPS_THE_PASS_WHEN_PERMANENT.has(error.kind)) {
          report.stoppedBy = error.kind;
          break;
        }
        continue;
      }
      const wait = Math.max(
        backoffDelayMs(attempts, options.backoff ?? DEFAULT_BACKOFF, options.random),
        error.retryAfterMs ?? 0,
      );
      outbox.markFailed(item.clientKey, error.message, false, new Date(options.now().getTime() + wait));
      report.stoppedBy = error.kind;
      break;
    }
  }
  outbox.prune(options.now());
  report.pending = outbox.pendingItems().length;
  return report;
}
