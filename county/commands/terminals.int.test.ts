import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCountyCli } from '../cli';
import { captureOutput } from '../cli/capture-output';
import { openMaster } from '../master/open-master';
import { recordHeartbeat, terminalByToken } from '../server/terminal-registry';
import { tokenSha256 } from '../server/terminal-tokens';

let dir: string;
let db: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'county-terminals-'));
  db = join(dir, 'county.db');
  const init = [
    'init',
    '--db',
    db,
    '--county-code',
    '359901',
    '--county-name',
    '岚溪县',
    '--kdf-cost',
    'test',
  ];
  expect(await runCountyCli(init, captureOutput())).toBe(0);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function terminals(...args: string[]) {
  const io = captureOutput();
  const code = await runCountyCli(['terminals', ...args, '--db', db], io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

function withMaster<T>(work: (master: ReturnType<typeof openMaster>) => T): T {
  const master = openMaster(db);
  try {
    return work(master);
  } finally {
    master.close();
  }
}

describe('huimin-county terminals', () => {
  it('adds a terminal, shows its token once, and keeps only the token hash', async () => {
    const added = await terminals('add', '--id', 'LX-CG-01', '--site', '城关镇便民服务中心');
    expect(added.code).toBe(0);
    const token = added.out.split('\n').at(-1)!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(added.out).toContain('shown only now');

    const stored = withMaster((m) =>
      m.prepare("SELECT token_sha256 FROM terminals WHERE id = 'LX-CG-01'").pluck().get(),
    );
    expect(stored).toBe(tokenSha256(token));
    withMaster((m) => m.pragma('wal_checkpoint(TRUNCATE)'));
    expect(readFileSync(db).includes(Buffer.from(token))).toBe(false);

    const list = await terminals('list');
    expect(list.out).toContain('LX-CG-01  城关镇便民服务中心 — no heartbeat yet, no data');
    expect(list.out).not.toContain(token);
  });

  it('answers JSON for scripts, with the heartbeat state in the list', async () => {
    withMaster((m) => {
      m.prepare(
        "INSERT INTO regions (code, parent_code, level, name) VALUES ('359901', NULL, 'county', '岚溪县')",
      ).run();
      m.prepare(
        "INSERT INTO regions (code, parent_code, level, name) VALUES ('359901101', '359901', 'township', '东岭镇')",
      ).run();
    });
    const added = await terminals(
      'add',
      '--id',
      'LX-DL-02',
      '--site',
      '东岭村',
      '--region',
      '359901101',
      '--json',
    );
    const { token, terminal } = JSON.parse(added.out) as { token: string; terminal: { regionCode: string } };
    expect(terminal.regionCode).toBe('359901101');
    withMaster((m) =>
      recordHeartbeat(
        m,
        'LX-DL-02',
        {
          dataVersion: 7,
          appVersion: '0.2.0',
          devices: { printer: 'ready', cardReader: 'ready' },
          at: '2026-03-05T08:00:00Z',
        },
        new Date('2026-03-05T08:00:01Z'),
      ),
    );
    const list = JSON.parse((await terminals('list', '--json')).out) as {
      terminals: Record<string, unknown>[];
    };
    expect(list.terminals).toEqual([
      expect.objectContaining({
        id: 'LX-DL-02',
        siteName: '东岭村',
        lastHeartbeatAt: '2026-03-05T08:00:01.000Z',
        dataVersion: 7,
        revokedAt: null,
      }),
    ]);
    expect(JSON.stringify(list)).not.toContain(token);
  });

  it('rotates a token so that only the new one works, and revokes for good', async () => {
    const first = JSON.parse((await terminals('add', '--id', 'T1', '--site', '西坪村', '--json')).out) as {
      token: string;
    };
    const rotated = await terminals('rotate', '--id', 'T1', '--json');
    expect(rotated.code).toBe(0);
    const { token } = JSON.parse(rotated.out) as { token: string };
    expect(token).not.toBe(first.token);
    withMaster((m) => {
      expect(terminalByToken(m, first.token)).toBeNull();
      expect(terminalByToken(m, token)).toEqual({ kind: 'active', terminalId: 'T1' });
    });

    const revoked = await terminals('revoke', '--id', 'T1');
    expect(revoked.code).toBe(0);
    expect(revoked.out).toMatch(/^terminal T1 is revoked since \d{4}-/);
    withMaster((m) => expect(terminalByToken(m, token)).toEqual({ kind: 'revoked', terminalId: 'T1' }));
    expect((await terminals('list')).out).toContain('REVOKED');

    const again = await terminals('rotate', '--id', 'T1');
    expect(again.code).toBe(3);
    expect(again.err).toContain('T1 is revoked');
  });

  it.each([
    [['add', '--id', 'T1', '--site', '别处'], 'already exists'],
    [['add', '--id', 'T2', '--site', '别处', '--region', '359999'], 'no region with code 359999'],
    [['add', '--id', '张三的终端', '--site', '别处'], 'a terminal id is'],
    [['revoke', '--id', 'T9'], 'no terminal T9'],
    [['rotate', '--id', 'T9'], 'no terminal T9'],
  ])('refuses %j with exit 3', async (args, message) => {
    expect((await terminals('add', '--id', 'T1', '--site', '西坪村')).code).toBe(0);
    const result = await terminals(...args);
    expect(result.code).toBe(3);
    expect(result.err).toContain(message);
  });

  it.each([[[]], [['remove', '--id', 'T1']], [['add', '--id', 'T1']], [['revoke']], [['list', 'extra']]])(
    'exits 2 with the usage for %j',
    async (args) => {
      const result = await terminals(...args);
      expect(result.code).toBe(2);
      expect(result.err).toContain('Usage: huimin-county terminals');
    },
  );
});
