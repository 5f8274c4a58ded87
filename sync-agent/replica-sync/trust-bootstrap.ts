/**
 * The first link of trust: the county's version-1 root document, accepted only if it is signed by the
 * ed25519 keys pinned in the kiosk config — a threshold of the root role's signatures, counted over pinned
 * keys only. Every later root must then follow from it (tuf-js walks the chain).
 */
import { Metadata, MetadataKind, type Root } from '@tufjs/models';
import type { KioskConfig } from '../../kiosk-config/schema';
import { refused } from './sync-error';

export type PinnedKeys = KioskConfig['trust']['publicKeys'];

interface RootJson {
  signed: {
    keys: Record<string, { keytype?: string; scheme?: string; keyval?: { public?: string } }>;
    roles: Record<string, { keyids: string[]; threshold: number }>;
  };
}

/** The pinned keys as TUF writes them (lowercase hex), sorted: also a fingerprint of what was pinned. */
export function pinnedHexKeys(pinned: PinnedKeys): string[] {
  return pinned.map((key) => Buffer.from(key.ed25519, 'base64').toString('hex')).sort();
}

function parseRoot(bytes: Uint8Array, what: string): { json: RootJson; root: Metadata<Root> } {
  try {
    const json = JSON.parse(Buffer.from(bytes).toString('utf8')) as RootJson;
    return { json, root: Metadata.fromJSON(MetadataKind.Root, json as never) as Metadata<Root> };
  } catch (error) {
    throw refused(`${what} is not a TUF root document (${(error as Error).message})`);
  }
}

/**
 * Checks the county's first root document against the pinned keys; returns it for storing as the trusted
 * root. Refuses a document whose version is not 1, whose root role names no pinned key, or which lacks a
 * threshold of valid signatures by pinned keys.
 */
export function verifyFirstRoot(bytes: Uint8Array, pinned: PinnedKeys): Metadata<Root> {
  const { json, root } = parseRoot(bytes, '1.root.json');
  if (root.signed.version !== 1) throw refused(`1.root.json claims version ${root.signed.version}`);
  const pins = new Set(pinnedHexKeys(pinned));
  const rootRole = json.signed.roles['root'];
  if (!rootRole) throw refused('1.root.json has no root role');
  const pinnedIds = rootRole.keyids.filter((id) => {
    const key = json.signed.keys[id];
    return (
      key?.keytype === 'ed25519' &&
      key.scheme === 'ed25519' &&
      pins.has((key.keyval?.public ?? '').toLowerCase())
    );
  });
  if (pinnedIds.length < rootRole.threshold) {
    throw refused(
      `the county's root keys are not the ones pinned in the kiosk config ` +
        `(${pinnedIds.length} of the ${rootRole.threshold} needed are pinned)`,
    );
  }
  // Verify with a copy that knows only the pinned keys, so an unpinned key's signature never counts.
  const restricted = structuredClone(json);
  restricted.signed.keys = Object.fromEntries(pinnedIds.map((id) => [id, json.signed.keys[id]!]));
  restricted.signed.roles['root'] = { keyids: pinnedIds, threshold: rootRole.threshold };
  const verifier = Metadata.fromJSON(MetadataKind.Root, restricted as never) as Metadata<Root>;
  try {
    verifier.verifyDelegate(MetadataKind.Root, root);
  } catch {
    throw refused('1.root.json is not signed by the root keys pinned in the kiosk config');
  }
  return root;
}
