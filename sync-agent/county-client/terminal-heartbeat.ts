/**
 * The heartbeat as this terminal sends it: domain/county-api.ts's `heartbeatSchema` plus the last sync and
 * the anonymous usage counters. A county server that does not know the two extra fields drops them (its
 * objects strip unknown keys), so sending them is safe before the county stores them.
 */
import { z } from 'zod';
import { isValidLocalDate } from '../../domain/dates';
import { heartbeatSchema } from '../../domain/county-api';

const instant = z.iso.datetime({ offset: true });

export const usageCountSchema = z.object({
  /** The terminal's local day (Asia/Shanghai). */
  day: z.string().refine(isValidLocalDate, 'must be a date YYYY-MM-DD'),
  kind: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/),
  /** The whole day's count so far: the county keeps the latest per terminal, day and kind. */
  count: z.number().int().min(0),
});
export type UsageCount = z.infer<typeof usageCountSchema>;

export const terminalHeartbeatSchema = heartbeatSchema.extend({
  lastSync: z.object({ attemptedAt: instant.nullable(), succeededAt: instant.nullable() }),
  counters: z.array(usageCountSchema).max(2000),
});
export type TerminalHeartbeat = z.infer<typeof terminalHeartbeatSchema>;
