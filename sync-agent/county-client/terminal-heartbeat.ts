/**
 * The heartbeat as this terminal sends it: domain/county-api.ts's `heartbeatSchema` with the last sync and
 * the anonymous usage counters always present.
 */
import { heartbeatSchema } from '../../domain/county-api';
import type { z } from 'zod';

export { usageCountSchema, type UsageCount } from '../../domain/county-api';

export const terminalHeartbeatSchema = heartbeatSchema.required({ lastSync: true, counters: true });
export type TerminalHeartbeat = z.infer<typeof terminalHeartbeatSchema>;
