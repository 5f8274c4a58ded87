import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { parseIdNumber } from '../domain/id-number';
import { replicaMetaSchema } from '../domain/published/replica-format';
import { deriveRecordKeys, openRecord } from '../domain/published/sealing.nodejs';
import { runCountyCli } from './cli';
import { captureOutput as capture } from './cli/capture-output';

const dir = mkdtempSync(join(tmpdir(), 'county-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface PeopleFile {
  synthetic: boolean;
  residents: { idNumber: string; name: string; birthDate: string }[];
}

describe('huimin-county demo-replica', () => {
  it('writes a replica whose records open with the ID numbers in the people list', async () => {
    const out = join(dir, 'replica.db');
    const io = capture();
    const code = await runCountyCli(
      [
        'demo-replica',
        '--out',
        out,
        '--residents',
        '40',
        '--seed',
        '3',
        '--kdf-cost',
        'test',
        '--today=2025-06-10',
      ],
      io,
    );
    expect(code).toBe(0);
    expect(io.stderr).toEqual([]);
    expect(io.stdout).toHaveLength(1);
    expect(io.stdout[0]).toContain('40 residents');

    const people = JSON.parse(readFileSync(`${out}.people.json`, 'utf8')) as PeopleFile;
    expect(people.synthetic).toBe(true);
    expect(people.residents).toHaveLength(40);
    // The summary names no resident.
    expect(
      people.residents.some((p) => io.stdout[0]!.includes(p.name) || io.stdout[0]!.includes(p.idNumber)),
    ).toBe(false);

    const db = new Database(out, { readonly: true });
    try {
      const rows = db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[];
      const meta = replicaMetaSchema.parse(Object.fromEntries(rows.map((r) => [r.key, r.value])));
      expect(meta.kdf.N).toBe(2 ** 10);
      const lookup = db.prepare('SELECT nonce, ciphertext FROM sealed_records WHERE tag = ?');
      for (const person of people.residents.slice(0, 5)) {
        expect(parseIdNumber(person.idNumber, '2025-06-10').ok).toBe(true);
        const keys = await deriveRecordKeys(person, meta.kdf);
        const row = lookup.get(keys.tag) as { nonce: Buffer; ciphertext: Buffer } | undefined;
        expect(row && openRecord(keys, row)?.name).toBe(person.name);
      }
    } finally {
      db.close();
    }
  });

  it('gives the same residents for the same seed and day', async () => {
    const runs = await Promise.all(
      ['a.db', 'b.db'].map(async (name) => {
        const out = join(dir, name);
        const args = [
          'demo-replica',
          '--out',
          out,
          '--residents',
          '12',
          '--kdf-cost',
          'test',
          '--today',
          '2025-01-31',
        ];
        expect(await runCountyCli(args, capture())).toBe(0);
        return (JSON.parse(readFileSync(`${out}.people.json`, 'utf8')) as PeopleFile).residents;
      }),
    );
    expect(runs[0]).toEqual(runs[1]);
  });

  it.each([
    [['demo-replica']],
    [['demo-replica', '--out']],
    [['demo-replica', '--out', 'x.db', '--residents', 'many']],
    [['demo-replica', '--out', 'x.db', '--residents', '0']],
    [['demo-replica', '--out', 'x.db', '--kdf-cost', 'cheap']],
    [['demo-replica', '--out', 'x.db', '--today', '2025-02-30']],
    [['demo-replica', '--out', 'x.db', '--colour', 'red']],
  ])('exits 2 with the usage for %j', async (argv) => {
    const io = capture();
    expect(await runCountyCli(argv, io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('Usage: huimin-county demo-replica');
    expect(io.stdout).toEqual([]);
  });

  it('prints the usage and exits 0 for --help', async () => {
    const io = capture();
    expect(await runCountyCli(['demo-replica', '--help'], io)).toBe(0);
    expect(io.stdout.join('\n')).toContain('--kdf-cost test|default');
  });

  it('exits 1 when the replica cannot be written', async () => {
    const io = capture();
    // A file stands where the output's directory should be, so nothing can be written there.
    const blocker = join(dir, 'not-a-directory');
    writeFileSync(blocker, '');
    const out = join(blocker, 'replica.db');
    expect(
      await runCountyCli(['demo-replica', '--out', out, '--residents', '3', '--kdf-cost', 'test'], io),
    ).toBe(1);
    expect(io.stderr.join('\n')).toContain('demo-replica failed');
  });
});
