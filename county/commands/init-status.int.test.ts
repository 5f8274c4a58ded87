import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCountyCli } from '../cli';
import { captureOutput } from '../cli/capture-output';
import { readKdf } from '../master/county-settings';
import { openMaster } from '../master/open-master';

let dir: string;
let db: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'county-init-'));
  db = join(dir, 'county.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const init = (...extra: string[]) =>
  runCountyCli(
    [
      'init',
      '--db',
      db,
      '--county-code',
      '359901',
      '--county-name',
      '岚溪县',
      '--kdf-cost',
      'test',
      ...extra,
    ],
    captureOutput(),
  );

describe('huimin-county init and status', () => {
  it('creates a database that status then describes, as text and as JSON', async () => {
    expect(await init()).toBe(0);
    const text = captureOutput();
    expect(await runCountyCli(['status', '--db', db], text)).toBe(0);
    expect(text.stdout.join('\n')).toContain('岚溪县 (359901)');
    expect(text.stdout.join('\n')).toContain('not published yet');

    const json = captureOutput();
    expect(await runCountyCli(['status', '--db', db, '--json'], json)).toBe(0);
    const status = JSON.parse(json.stdout.join('')) as {
      county: { code: string };
      counts: { persons: number };
    };
    expect(status.county.code).toBe('359901');
    expect(status.counts.persons).toBe(0);
  });

  it('keeps the sealing salt when run again, and refuses to take over another county', async () => {
    expect(await init()).toBe(0);
    const salt = () => {
      const master = openMaster(db);
      const kdf = readKdf(master);
      master.close();
      return kdf?.salt;
    };
    const before = salt();
    expect(await init('--hotline', '0591-12345')).toBe(0);
    expect(salt()).toBe(before);

    const other = captureOutput();
    const code = await runCountyCli(
      ['init', '--db', db, '--county-code', '359902', '--county-name', '别县'],
      other,
    );
    expect(code).toBe(3);
    expect(other.stderr.join('\n')).toContain('already belongs to county 359901');
  });

  it('says how to start when the database does not exist', async () => {
    const io = captureOutput();
    expect(await runCountyCli(['status', '--db', db], io)).toBe(1);
    expect(io.stderr.join('\n')).toContain("run 'huimin-county init' first");
  });

  it.each([
    [['init', '--db', 'x.db', '--county-name', '岚溪县']],
    [['init', '--db', 'x.db', '--county-code', '35990', '--county-name', '岚溪县']],
    [['init', '--db', 'x.db', '--county-code', '359901', '--county-name', '岚溪县', '--kdf-cost', 'low']],
    [['status', '--colour']],
  ])('exits 2 with the command usage for %j', async (argv) => {
    const io = captureOutput();
    expect(await runCountyCli(argv, io)).toBe(2);
    expect(io.stderr.join('\n')).toContain(`Usage: huimin-county ${argv[0]}`);
  });

  it('lists the commands without one, and rejects an unknown one', async () => {
    const none = captureOutput();
    expect(await runCountyCli([], none)).toBe(2);
    expect(none.stderr.join('\n')).toContain('Commands:');
    const unknown = captureOutput();
    expect(await runCountyCli(['frobnicate'], unknown)).toBe(2);
    expect(unknown.stderr.join('\n')).toContain('unknown command: frobnicate');
  });
});
