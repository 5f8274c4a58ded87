/**
 * Which verified target to fetch: the delta from the version the replica holds when the county publishes
 * one, the full replica otherwise, or nothing when the replica is already current. A target's custom fields
 * must agree with the signed targets version and with what the terminal can read, and name the distribution
 * key it is encrypted under.
 */
import {
  FULL_TARGET,
  deltaTarget,
  targetCustomSchema,
  type TargetCustom,
} from '../../domain/published/publish-format';
import { REPLICA_SCHEMA_VERSION } from '../../domain/published/replica-format';
import { refused } from './sync-error';

export interface ChosenTarget {
  path: string;
  length: number;
  sha256: string;
  custom: TargetCustom;
}

export type TargetChoice = { kind: 'current' } | { kind: 'fetch'; target: ChosenTarget };

/** The parts of a tuf-js TargetFile the choice needs. */
export interface SignedTarget {
  length: number;
  hashes: Record<string, string>;
  unrecognizedFields: Record<string, unknown>;
}

export function chooseTarget(
  targetsVersion: number,
  targets: ReadonlyMap<string, SignedTarget>,
  heldVersion: number | null,
): TargetChoice {
  if (heldVersion === targetsVersion) return { kind: 'current' };
  if (heldVersion !== null && heldVersion > targetsVersion) {
    throw refused(`the county publishes version ${targetsVersion}, older than the ${heldVersion} held`);
  }
  const delta = heldVersion === null ? undefined : targets.get(deltaTarget(heldVersion));
  const path = delta ? deltaTarget(heldVersion!) : FULL_TARGET;
  const signed = delta ?? targets.get(FULL_TARGET);
  if (!signed) throw refused(`version ${targetsVersion} names no ${FULL_TARGET}`);

  const sha256 = signed.hashes['sha256'] ?? '';
  // The hash becomes part of a file name and a URL: only a real SHA-256 may get there.
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw refused(`${path} has no SHA-256 in the signed targets`);
  const fields = signed.unrecognizedFields['custom'];
  if (typeof fields === 'object' && fields !== null && !('encryption' in fields)) {
    // Only encrypted data is taken, so a county still publishing readable replicas is noticed, not followed.
    throw refused(`${path} is not encrypted: the county's publisher is older than this terminal`);
  }
  const custom = targetCustomSchema.safeParse(fields);
  if (!custom.success) throw refused(`${path} has unreadable custom fields`);
  const wanted = delta ? 'delta' : 'full';
  if (custom.data.kind !== wanted) throw refused(`${path} says it is a ${custom.data.kind} target`);
  if (custom.data.dataVersion !== targetsVersion) {
    throw refused(
      `${path} claims data version ${custom.data.dataVersion} in targets version ${targetsVersion}`,
    );
  }
  if (custom.data.kind === 'delta' && custom.data.baseVersion !== heldVersion) {
    throw refused(`${path} starts from version ${custom.data.baseVersion}, not ${heldVersion}`);
  }
  if (custom.data.schemaVersion !== REPLICA_SCHEMA_VERSION) {
    throw refused(
      `${path} has replica schema ${custom.data.schemaVersion}; this terminal reads ${REPLICA_SCHEMA_VERSION}`,
    );
  }
  return { kind: 'fetch', target: { path, length: signed.length, sha256, custom: custom.data } };
}
