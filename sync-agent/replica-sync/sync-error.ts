/**
 * Why a sync did not bring the replica up to date. Every failure is one of three kinds, because each asks
 * something different of the terminal: `stale` (the county's publication expired: keep the last good data
 * and say how old it is), `refused` (something failed verification: never use it), `unreachable` (the
 * county or the network is down: try again later).
 */
export type SyncFailureKind = 'stale' | 'refused' | 'unreachable';

export class SyncError extends Error {
  override name = 'SyncError';
  readonly kind: SyncFailureKind;

  constructor(kind: SyncFailureKind, reason: string, options?: { cause?: unknown }) {
    super(reason, options);
    this.kind = kind;
  }
}

export function refused(reason: string): SyncError {
  return new SyncError('refused', reason);
}
