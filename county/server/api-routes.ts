/** The dynamic endpoints: health (open), heartbeats and complaints (a terminal's bearer token). */
import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import {
  COUNTY_API_PATHS,
  complaintSchema,
  heartbeatSchemaOn,
  type ComplaintReceipt,
  type HealthAnswer,
  type HeartbeatAnswer,
} from '../../domain/county-api';
import { shanghaiDate } from '../../domain/dates';
import type { MasterDatabase } from '../master/open-master';
import { CountyApiError, invalidBody } from './api-errors';
import { takeInComplaint } from './complaint-intake';
import { identifyTerminal, requireTerminal, terminalIdOf } from './terminal-auth';
import { recordHeartbeat } from './terminal-registry';

function latestPublishedVersion(db: MasterDatabase): number | null {
  return (db.prepare('SELECT max(version) FROM publishes').pluck().get() as number | null) ?? null;
}

export function registerApiRoutes(
  app: FastifyInstance,
  db: MasterDatabase,
  rateLimit: onRequestHookHandler,
  now: () => Date,
): void {
  const terminalOnly = [identifyTerminal(db), rateLimit, requireTerminal];

  app.get(COUNTY_API_PATHS.health, { onRequest: rateLimit }, async (): Promise<HealthAnswer> => {
    return { ok: true, latestVersion: latestPublishedVersion(db) };
  });

  app.post(
    COUNTY_API_PATHS.heartbeat,
    { onRequest: terminalOnly },
    async (request): Promise<HeartbeatAnswer> => {
      const receivedAt = now();
      // Counts only for the known kinds and for real days near the county's own today; a heartbeat with
      // any other is refused whole, so nothing of it is stored.
      const parsed = heartbeatSchemaOn(shanghaiDate(receivedAt)).safeParse(request.body);
      if (!parsed.success) throw invalidBody(parsed.error);
      recordHeartbeat(db, terminalIdOf(request), parsed.data, receivedAt);
      return { ok: true, serverTime: receivedAt.toISOString(), latestVersion: latestPublishedVersion(db) };
    },
  );

  app.post(COUNTY_API_PATHS.complaints, { onRequest: terminalOnly }, async (request, reply) => {
    const parsed = complaintSchema.safeParse(request.body);
    if (!parsed.success) throw invalidBody(parsed.error);
    const outcome = takeInComplaint(db, terminalIdOf(request), parsed.data, now());
    if (outcome.kind === 'conflict') {
      throw new CountyApiError(
        'idempotency-conflict',
        `complaint ${outcome.id} was already sent with this clientKey and a different body`,
      );
    }
    const receipt: ComplaintReceipt = { id: outcome.id, receivedAt: outcome.receivedAt };
    return reply.code(outcome.kind === 'stored' ? 201 : 200).send(receipt);
  });
}
