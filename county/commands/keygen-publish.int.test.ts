import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCountyCli } from '../cli';
import { captureOutput } from '../cli/capture-output';
import { seedFixtureCounty } from '../publish/publish-fixture';
import { currentDistributionKey, distributionKeysDir } from '../publish/distribution-keys';
import { targetKeyId } from '../publish/gzip-file';
import { readRoot } from '../publish/root-chain';
import { verifyPublication } from '../publish/verify-publication';

let dir: string;
let db: string;
let keys: string;
let publishDir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'county-publish-cli-'));
  db = join(dir, 'county.db');
  keys = join(dir, 'keys');
  publishDir = join(dir, 'publish');
  seedFixtureCounty(db, 12).close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('huimin-county keygen and publish', () => {
  it('creates owner-only keys and root version 1, and will not overwrite them', async () => {
    const io = captureOutput();
    expect(await runCountyCli(['keygen', '--keys', keys, '--json'], io)).toBe(0);
    const result = JSON.parse(io.stdout.join('')) as {
      rootVersion: number;
      rootDocument: string;
      distributionKeyId: string;
    };
    expect(result.rootVersion).toBe(1);
    expect(existsSync(result.rootDocument)).toBe(true);
    expect(statSync(join(keys, 'root.pem')).mode & 0o077).toBe(0);
    expect(result.distributionKeyId).toBe(currentDistributionKey(keys)?.keyId);
    expect(statSync(distributionKeysDir(keys)).mode & 0o777).toBe(0o700);
    for (const name of readdirSync(distributionKeysDir(keys))) {
      expect(statSync(join(distributionKeysDir(keys), name)).mode & 0o777).toBe(0o600);
    }

    const again = captureOutput();
    expect(await runCountyCli(['keygen', '--keys', keys], again)).toBe(3);
    expect(again.stderr.join('\n')).toContain('already holds keys');
  });

  it('publishes, then says what changed on the next run', async () => {
    const io = captureOutput();
    const argv = ['publish', '--db', db, '--keys', keys, '--publish-dir', publishDir];
    expect(await runCountyCli(argv, io)).toBe(0);
    expect(io.stdout.join('\n')).toContain('version 1 is live');
    expect(existsSync(join(publishDir, 'timestamp.json'))).toBe(true);

    const json = captureOutput();
    expect(await runCountyCli([...argv, '--json'], json)).toBe(0);
    const second = JSON.parse(json.stdout.join('')) as {
      version: number;
      sealing: { derived: number; reused: number };
    };
    expect(second).toMatchObject({ version: 2, sealing: { derived: 0, reused: 12 } });
  });

  it('refuses to publish without keys, naming the command that makes them', async () => {
    const io = captureOutput();
    const code = await runCountyCli(
      ['publish', '--db', db, '--keys', join(dir, 'no-keys'), '--publish-dir', join(dir, 'other')],
      io,
    );
    expect(code).toBe(3);
    expect(io.stderr.join('\n')).toContain("run 'huimin-county keygen' first");
  });
});

describe('huimin-county keygen --renew', () => {
  it('extends the root with the same keys, and a publication still verifies from root version 1', async () => {
    const io = captureOutput();
    expect(
      await runCountyCli(['keygen', '--keys', keys, '--renew', '--expires-days', '730', '--json'], io),
    ).toBe(0);
    const renewed = JSON.parse(io.stdout.join('')) as { rootVersion: number; expires: string };
    expect(renewed.rootVersion).toBe(2);
    expect(new Date(renewed.expires).getTime()).toBeGreaterThan(Date.now() + 700 * 86400_000);

    expect(
      await runCountyCli(
        ['publish', '--db', db, '--keys', keys, '--publish-dir', publishDir],
        captureOutput(),
      ),
    ).toBe(0);
    const verified = await verifyPublication(
      publishDir,
      readRoot(join(keys, 'roots', '1.root.json')),
      new Date(),
    );
    expect(verified.rootVersion).toBe(2);
  });

  it('refuses --renew together with --rotate', async () => {
    const io = captureOutput();
    expect(await runCountyCli(['keygen', '--keys', keys, '--renew', '--rotate', 'online'], io)).toBe(2);
  });
});

describe('huimin-county keygen --rotate distribution', () => {
  it('makes a new current distribution key, and the next publish encrypts with it', async () => {
    const before = currentDistributionKey(keys)!.keyId;
    const io = captureOutput();
    expect(await runCountyCli(['keygen', '--keys', keys, '--rotate', 'distribution', '--json'], io)).toBe(0);
    const { distributionKeyId } = JSON.parse(io.stdout.join('')) as { distributionKeyId: string };
    expect(distributionKeyId).not.toBe(before);

    const published = captureOutput();
    const argv = ['publish', '--db', db, '--keys', keys, '--publish-dir', publishDir, '--json'];
    expect(await runCountyCli(argv, published)).toBe(0);
    const result = JSON.parse(published.stdout.join('')) as {
      full: { path: string };
      distribution: { keyId: string };
    };
    expect(result.distribution.keyId).toBe(distributionKeyId);
    expect(targetKeyId(result.full.path)).toBe(distributionKeyId);
  });

  it('refuses a key role it does not know', async () => {
    const io = captureOutput();
    expect(await runCountyCli(['keygen', '--keys', keys, '--rotate', 'nonsense'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('distribution');
  });
});
