/**
 * `huimin-county keygen`: the county's signing keys and root document, the distribution key that encrypts
 * published data for terminals, and their rotation.
 */
import {
  EXIT,
  UsageError,
  integerOption,
  report,
  requiredOption,
  stringOption,
  type CountyCommand,
} from '../cli/command';
import { createDistributionKey } from '../publish/distribution-keys';
import { createKeys, renewRoot, rotateKey } from '../publish/root-chain';
import { SigningKeyError } from '../publish/signing-keys';

const USAGE = `Usage: huimin-county keygen --keys DIR [options]

Creates the county's ed25519 signing keys in DIR (root.pem and online.pem, readable by their owner only),
root document version 1 (DIR/roots/1.root.json) and the distribution key (DIR/distribution/, owner-only)
that encrypts published data so only registered terminals can read it. Terminals pin that root document:
copy it into each terminal's configuration. Keep root.pem offline once terminals trust it; publishing needs
online.pem and the distribution keys (publish makes the first distribution key itself if there is none).

With --rotate, replaces one key and writes the next root version, signed by the old root key (and by the
new one when the root key itself changes), so terminals follow the change on their next sync. The old
private key is destroyed. With --renew, writes the next root version with the same keys and a later expiry
(do it well before the root document expires; terminals refuse an expired root).

With --rotate distribution, makes a new distribution key: the next publish encrypts with it and gives it only
to terminals registered and not revoked then. Publish does this by itself once a terminal the current key
was given to is revoked or gets a new token; rotate by hand when a terminal's token may have leaked.

Options:
  --keys DIR               where the keys and root documents live
  --rotate root|online|distribution
                           replace this key instead of creating new keys
  --renew                  extend the root document's validity, keys unchanged
  --expires-days N         how long the new root document is valid (default 365)
  --json                   print the result as JSON
  --help                   show this help`;

export const keygenCommand: CountyCommand = {
  name: 'keygen',
  summary: 'create or rotate the signing keys and the root document terminals pin',
  usage: USAGE,
  options: {
    keys: { type: 'string' },
    rotate: { type: 'string' },
    renew: { type: 'boolean' },
    'expires-days': { type: 'string' },
  },
  async run(context) {
    const keysDir = requiredOption(context.values, 'keys');
    const rotate = stringOption(context.values, 'rotate');
    if (rotate !== undefined && rotate !== 'root' && rotate !== 'online' && rotate !== 'distribution')
      throw new UsageError("--rotate must be 'root', 'online' or 'distribution'");
    const renew = context.values['renew'] === true;
    if (renew && rotate !== undefined) throw new UsageError('use either --rotate or --renew, not both');
    const days = integerOption(context.values, 'expires-days', 365, 1, 3650);
    try {
      const now = new Date();
      if (rotate === 'distribution') {
        const fresh = createDistributionKey(keysDir, now);
        report(
          context,
          `keygen: distribution key ${fresh.keyId} is current; the next publish encrypts with it`,
          { distributionKeyId: fresh.keyId },
        );
        return EXIT.ok;
      }
      const { root, file } = renew
        ? renewRoot(keysDir, now, days)
        : rotate
          ? rotateKey(keysDir, rotate, now, days)
          : createKeys(keysDir, now, days);
      const distribution = rotate || renew ? null : createDistributionKey(keysDir, now);
      const roles = root.signed.roles;
      const result = {
        ...(distribution ? { distributionKeyId: distribution.keyId } : {}),
        rootVersion: root.signed.version,
        rootDocument: file,
        rootKeyIds: roles['root']?.keyIDs ?? [],
        onlineKeyIds: roles['timestamp']?.keyIDs ?? [],
        expires: root.signed.expires,
      };
      report(
        context,
        `keygen: root version ${result.rootVersion} written to ${file}\n` +
          `  root key ${result.rootKeyIds.join(', ')}\n  online key ${result.onlineKeyIds.join(', ')}\n` +
          `  valid until ${result.expires}` +
          (distribution ? `\n  distribution key ${distribution.keyId}` : '') +
          (rotate || renew ? '' : `\n  pin ${file} in every terminal's configuration`),
        result,
      );
      return EXIT.ok;
    } catch (error) {
      if (!(error instanceof SigningKeyError)) throw error;
      context.output.err(`huimin-county keygen: ${error.message}`);
      return EXIT.refused;
    }
  },
};
