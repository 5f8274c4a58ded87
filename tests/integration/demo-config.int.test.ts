/**
 * `huimin-sync demo-config`, which `npm start` uses to link the demo terminal to the demo county: the written
 * config loads like any terminal's, pins the county's root key, and is readable by its owner only.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { captureOutput } from '../../county/cli/capture-output';
import { createKeys } from '../../county/publish/root-chain';
import { loadKioskConfig } from '../../kiosk-config/load-config';
import { runSyncCli } from '../../sync-agent/cli/run-sync-cli';

const dir = mkdtempSync(join(tmpdir(), 'demo-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('writes a loadable config that pins the county root key and carries the token', async () => {
  const { root, file } = createKeys(join(dir, 'keys'), new Date(), 365);
  const out = join(dir, 'config.json');
  const argv = ['demo-config', '--dir', join(dir, 'terminal'), '--county-url', 'http://127.0.0.1:8787'];
  expect(
    await runSyncCli(
      [...argv, '--token', 'a-token-of-the-demo-01', '--root', file, '--out', out],
      captureOutput(),
    ),
  ).toBe(0);

  const config = loadKioskConfig(out);
  const rootKeyId = root.signed.roles['root']!.keyIDs[0]!;
  const hex = root.signed.keys[rootKeyId]!.keyVal['public']!;
  expect(config.trust.publicKeys).toEqual([
    { keyId: rootKeyId, ed25519: Buffer.from(hex, 'hex').toString('base64') },
  ]);
  expect(config.accessToken).toBe('a-token-of-the-demo-01');
  expect(config.paths.replica).toBe(join(dir, 'terminal', 'replica.db'));
  expect(statSync(out).mode & 0o077).toBe(0);
  expect(readFileSync(out, 'utf8')).toContain('http://127.0.0.1:8787');
});

it('refuses a missing option with the usage', async () => {
  const output = captureOutput();
  expect(await runSyncCli(['demo-config', '--dir', dir], output)).toBe(2);
  expect(output.stderr.join('\n')).toContain('Usage: huimin-sync demo-config');
});
