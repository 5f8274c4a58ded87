/** One line per step of a pass, for people. Versions, counts and reasons only. */
import type { PassReport } from '../daemon/sync-pass';

export function passSummary(report: PassReport): string {
  const { sync, outbox } = report;
  const data =
    sync.outcome === 'updated'
      ? `data: updated ${sync.fromVersion ?? 'none'} → ${sync.toVersion ?? 'none'} (${sync.bytes} bytes)`
      : `data: ${sync.outcome}, version ${sync.toVersion ?? 'none'}${sync.reason ? ` (${sync.reason})` : ''}`;
  const sent = `outbox: ${outbox.acknowledged} sent, ${outbox.failed} set aside, ${outbox.pending} pending${
    outbox.stoppedBy ? ` (stopped: ${outbox.stoppedBy})` : ''
  }`;
  const heartbeat =
    report.heartbeatError === null ? 'heartbeat: sent' : `heartbeat: failed (${report.heartbeatError})`;
  return [data, sent, heartbeat].join('\n');
}
