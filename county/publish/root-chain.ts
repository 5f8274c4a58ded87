/**
 * The chain of root documents kept beside the keys (`roots/N.root.json`): version 1 is what terminals pin;
 * each later version is signed by the root key of the version before it and by its own, so a terminal that
 * trusts version 1 can follow every rotation of keys.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Metadata, MetadataKind, type Root } from '@tufjs/models';
import { PUBLIC_FILE_MODE, createFileAtomically } from '../../domain/durable-file.nodejs';
import { ensurePrivateDir } from '../../domain/private-files.nodejs';
import {
  generateSigningKey,
  keyFile,
  loadSigningKey,
  SigningKeyError,
  type KeyRole,
  type SigningKey,
} from './signing-keys';
import { addDays, makeRoot, serialize, signWith } from './tuf-metadata';

export function rootsDir(keysDir: string): string {
  return join(keysDir, 'roots');
}

export function rootVersions(keysDir: string): number[] {
  if (!existsSync(rootsDir(keysDir))) return [];
  return readdirSync(rootsDir(keysDir))
    .map((name) => /^(\d+)\.root\.json$/.exec(name)?.[1])
    .filter((v): v is string => v !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

export function readRoot(file: string): Metadata<Root> {
  return Metadata.fromJSON(MetadataKind.Root, JSON.parse(readFileSync(file, 'utf8')));
}

export function latestRoot(keysDir: string): Metadata<Root> {
  const version = rootVersions(keysDir).at(-1);
  if (version === undefined)
    throw new SigningKeyError(`no root document in ${rootsDir(keysDir)}; run 'huimin-county keygen'`);
  return readRoot(join(rootsDir(keysDir), `${version}.root.json`));
}

function writeRoot(keysDir: string, root: Metadata<Root>): string {
  mkdirSync(rootsDir(keysDir), { recursive: true });
  const file = join(rootsDir(keysDir), `${root.signed.version}.root.json`);
  // Public (the publisher copies it into the publish directory as it is), and whole or absent.
  createFileAtomically(file, serialize(root), PUBLIC_FILE_MODE);
  return file;
}

/**
 * First keys of a county: a root key, an online key, and root version 1 signed by the root key. A keygen cut
 * off before root version 1 was written is completed: keys no root document names were never trusted, so
 * they are kept and the missing ones made.
 */
export function createKeys(
  keysDir: string,
  now: Date,
  expiresDays: number,
): { root: Metadata<Root>; file: string } {
  if (rootVersions(keysDir).length > 0) {
    throw new SigningKeyError(`${keysDir} already holds keys; use --rotate to replace one`);
  }
  ensurePrivateDir(keysDir);
  const keyOf = (role: KeyRole) =>
    existsSync(keyFile(keysDir, role)) ? loadSigningKey(keysDir, role) : generateSigningKey(keysDir, role);
  const rootKey = keyOf('root');
  const onlineKey = keyOf('online');
  const root = makeRoot({ version: 1, expires: addDays(now, expiresDays), rootKey, onlineKey });
  signWith(root, rootKey);
  return { root, file: writeRoot(keysDir, root) };
}

/**
 * Replaces one key: a new root version names the new key and is signed by the old root key (so terminals
 * accept it) and, when the root key itself changes, by the new one too. The old private key is destroyed.
 */
export function rotateKey(
  keysDir: string,
  role: KeyRole,
  now: Date,
  expiresDays: number,
): { root: Metadata<Root>; file: string } {
  const previous = latestRoot(keysDir);
  const oldRoot = loadSigningKey(keysDir, 'root');
  const oldOnline = loadSigningKey(keysDir, 'online');
  const retired = keyFile(keysDir, role) + '.retired';
  renameSync(keyFile(keysDir, role), retired);
  let fresh: SigningKey;
  try {
    fresh = generateSigningKey(keysDir, role);
  } catch (error) {
    renameSync(retired, keyFile(keysDir, role));
    throw error;
  }
  const rootKey = role === 'root' ? fresh : oldRoot;
  const onlineKey = role === 'online' ? fresh : oldOnline;
  const root = makeRoot({
    version: previous.signed.version + 1,
    expires: addDays(now, expiresDays),
    rootKey,
    onlineKey,
  });
  signWith(root, ...(role === 'root' ? [oldRoot, fresh] : [oldRoot]));
  const file = writeRoot(keysDir, root);
  rmSync(retired);
  return { root, file };
}

/** The same keys in a new root version with a later expiry, signed by the root key: for a root about to expire. */
export function renewRoot(
  keysDir: string,
  now: Date,
  expiresDays: number,
): { root: Metadata<Root>; file: string } {
  const previous = latestRoot(keysDir);
  const rootKey = loadSigningKey(keysDir, 'root');
  const onlineKey = loadSigningKey(keysDir, 'online');
  const root = makeRoot({
    version: previous.signed.version + 1,
    expires: addDays(now, expiresDays),
    rootKey,
    onlineKey,
  });
  signWith(root, rootKey);
  return { root, file: writeRoot(keysDir, root) };
}
