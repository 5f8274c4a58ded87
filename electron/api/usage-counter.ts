/**
 * The terminal's anonymous daily counts (lookups, not found, receipts printed…) in outbox.db, which the sync
 * agent reports in its heartbeats. Counting never gets in a resident's way: a count that cannot be written is
 * reported as an internal error and the lookup or print goes on.
 */
import { openOutbox, type Outbox } from '../../sync-agent/outbox/open-outbox';
import type { UsageKind } from '../../domain/usage-kinds';

export interface UsageCounter {
  count(kind: UsageKind): void;
  close(): void;
}

export function createUsageCounter(
  outboxFile: string,
  options: { now: () => Date; onError: (error: unknown) => void },
): UsageCounter {
  let outbox: Outbox | null = null;
  return {
    count(kind) {
      try {
        outbox ??= openOutbox(outboxFile);
        outbox.countUsage(kind, options.now());
      } catch (error) {
        options.onError(error);
      }
    },
    close() {
      outbox?.close();
      outbox = null;
    },
  };
}
