/**
 * The county's ed25519 signing keys, as TUF keys. Two roles of key:
 * - the root key signs the root document (which keys may sign what); keep it offline once the terminals
 *   trust it, and bring it out only to rotate keys;
 * - the online key signs targets, snapshot and timestamp at every publish.
 * Private keys are PKCS#8 PEM files readable by their owner only.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  type KeyObject,
} from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Key, Signature } from '@tufjs/models';
import { createFileAtomically } from '../../domain/durable-file.nodejs';

export type KeyRole = 'root' | 'online';

export interface SigningKey {
  role: KeyRole;
  key: Key;
  privateKey: KeyObject;
}

export class SigningKeyError extends Error {}

export function keyFile(keysDir: string, role: KeyRole): string {
  return join(keysDir, `${role}.pem`);
}

function publicHex(privateKey: KeyObject): string {
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  // An ed25519 SPKI is a fixed 12-byte header followed by the 32-byte public key.
  return spki.subarray(spki.length - 32).toString('hex');
}

/** The TUF key of a private key; its id is the SHA-256 of the key's canonical JSON. */
export function tufKey(privateKey: KeyObject): Key {
  const keyVal = { public: publicHex(privateKey) };
  // Already in canonical form: keys sorted, no whitespace, and hex needs no escaping.
  const canonical = JSON.stringify({ keytype: 'ed25519', keyval: keyVal, scheme: 'ed25519' });
  const keyID = createHash('sha256').update(canonical).digest('hex');
  return new Key({ keyID, keyType: 'ed25519', scheme: 'ed25519', keyVal });
}

export function generateSigningKey(keysDir: string, role: KeyRole): SigningKey {
  const { privateKey } = generateKeyPairSync('ed25519');
  const file = keyFile(keysDir, role);
  // Whole or absent, so a keygen cut off here is completed by the next one instead of tripping on half a key.
  createFileAtomically(file, privateKey.export({ format: 'pem', type: 'pkcs8' }));
  return { role, key: tufKey(privateKey), privateKey };
}

export function loadSigningKey(keysDir: string, role: KeyRole): SigningKey {
  const file = keyFile(keysDir, role);
  if (!existsSync(file)) {
    throw new SigningKeyError(`no ${role} key at ${file}; run 'huimin-county keygen' first`);
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(readFileSync(file));
  } catch {
    throw new SigningKeyError(`${file} is not a readable private key`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new SigningKeyError(`${file} is not an ed25519 key`);
  }
  return { role, key: tufKey(privateKey), privateKey };
}

/** A signer for Metadata.sign(): ed25519 over the canonical bytes it is given. */
export function signerOf(signingKey: SigningKey): (data: Buffer) => Signature {
  return (data) =>
    new Signature({
      keyID: signingKey.key.keyID,
      sig: sign(null, data, signingKey.privateKey).toString('hex'),
    });
}
