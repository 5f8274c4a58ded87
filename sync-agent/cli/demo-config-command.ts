/**
 * `huimin-sync demo-config`: the demo terminal's config file for `npm start`, linked to the demo county it
 * runs on this machine: its URL, this terminal's token, and the keys of the county's root document pinned.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { demoKioskConfig } from '../../kiosk-config/demo-config';
import { loadKioskConfig } from '../../kiosk-config/load-config';
import { writeFileAtomically } from '../../domain/durable-file.nodejs';
import { ensurePrivateDir } from '../../domain/private-files.nodejs';
import { EXIT, UsageError, report, type SyncCommand } from './command';

// Only what is needed of a TUF root document: the keys and which of them sign roots.
const rootDocumentSchema = z.object({
  signed: z.object({
    keys: z.record(
      z.string(),
      z.object({ keytype: z.literal('ed25519'), keyval: z.object({ public: z.string() }) }),
    ),
    roles: z.object({ root: z.object({ keyids: z.array(z.string()).min(1) }) }),
  }),
});

function rootKeys(file: string): { keyId: string; ed25519: string }[] {
  const root = rootDocumentSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  return root.signed.roles.root.keyids.map((keyId) => {
    const key = root.signed.keys[keyId];
    if (!key) throw new UsageError(`${file} names root key ${keyId} without listing it`);
    return { keyId, ed25519: Buffer.from(key.keyval.public, 'hex').toString('base64') };
  });
}

function required(values: Record<string, string | boolean | undefined>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

export const demoConfigCommand: SyncCommand = {
  name: 'demo-config',
  summary: "write the demo terminal's config, linked to a demo county on this machine",
  usage: [
    'Usage: huimin-sync demo-config --dir DIR --county-url URL --token TOKEN --root FILE --out FILE',
    '',
    "Writes the demo terminal's config (its data in DIR) for `npm start`: the county at URL (http only on",
    "127.0.0.1), this terminal's bearer token, and the root keys of FILE (the county's 1.root.json) pinned.",
    'The file holds the token: it is written readable by its owner only.',
  ].join('\n'),
  options: {
    dir: { type: 'string' },
    'county-url': { type: 'string' },
    token: { type: 'string' },
    root: { type: 'string' },
    out: { type: 'string' },
  },
  async run(context) {
    const { values } = context;
    const out = required(values, 'out');
    const dir = required(values, 'dir');
    // The terminal's replica, outbox, receipts and sync state will live there.
    ensurePrivateDir(dir);
    const config = demoKioskConfig(dir, {
      baseUrl: required(values, 'county-url'),
      accessToken: required(values, 'token'),
      publicKeys: rootKeys(required(values, 'root')),
    });
    writeFileAtomically(out, `${JSON.stringify(config, null, 2)}\n`);
    // What was written must load as any terminal's config does.
    loadKioskConfig(out);
    report(context, `demo-config: wrote ${out}`, { config: out });
    return Promise.resolve(EXIT.ok);
  },
};
