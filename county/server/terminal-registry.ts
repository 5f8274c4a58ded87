/**
 * The county's terminals in the master database: adding one (with its first token), listing, revoking,
 * rotating a token, finding a terminal by the token it presents, and recording its heartbeats.
 */
import type { Heartbeat } from '../../domain/county-api';
import { inWriteTransaction, type MasterDatabase } from '../master/open-master';
import { newTerminalToken, tokenSha256 } from './terminal-tokens';

/** Terminal ids appear in logs and file names, so they are plain ASCII and never a person's name. */
export const TERMINAL_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

export interface TerminalRow {
  id: string;
  siteName: string;
  regionCode: string | null;
  createdAt: string;
  revokedAt: string | null;
  lastHeartbeatAt: string | null;
  dataVersion: number | null;
  appVersion: string | null;
  devices: unknown;
}

export class TerminalRegistryError extends Error {}

const SELECT_TERMINAL = `SELECT id, site_name AS siteName, region_code AS regionCode, created_at AS createdAt,
  revoked_at AS revokedAt, last_heartbeat_at AS lastHeartbeatAt, data_version AS dataVersion,
  app_version AS appVersion, devices FROM terminals`;

function fromRow(row: Omit<TerminalRow, 'devices'> & { devices: string | null }): TerminalRow {
  return { ...row, devices: row.devices === null ? null : (JSON.parse(row.devices) as unknown) };
}

export function findTerminal(db: MasterDatabase, id: string): TerminalRow | null {
  const row = db.prepare(`${SELECT_TERMINAL} WHERE id = ?`).get(id) as
    Parameters<typeof fromRow>[0] | undefined;
  return row ? fromRow(row) : null;
}

export function listTerminals(db: MasterDatabase): TerminalRow[] {
  const rows = db.prepare(`${SELECT_TERMINAL} ORDER BY id`).all() as Parameters<typeof fromRow>[0][];
  return rows.map(fromRow);
}

/** Adds a terminal and answers its token, the only time the token exists outside the terminal. */
export function addTerminal(
  db: MasterDatabase,
  terminal: { id: string; siteName: string; regionCode?: string },
  now: Date,
): { terminal: TerminalRow; token: string } {
  if (!TERMINAL_ID_PATTERN.test(terminal.id)) {
    throw new TerminalRegistryError('a terminal id is 1–64 letters, digits, dots, hyphens or underscores');
  }
  const token = newTerminalToken();
  inWriteTransaction(db, () => {
    if (findTerminal(db, terminal.id))
      throw new TerminalRegistryError(`terminal ${terminal.id} already exists`);
    if (terminal.regionCode !== undefined) {
      const known = db.prepare('SELECT 1 FROM regions WHERE code = ?').get(terminal.regionCode);
      if (!known) throw new TerminalRegistryError(`no region with code ${terminal.regionCode}`);
    }
    db.prepare(
      `INSERT INTO terminals (id, site_name, region_code, token_sha256, created_at) VALUES (?, ?, ?, ?, ?)`,
    ).run(terminal.id, terminal.siteName, terminal.regionCode ?? null, tokenSha256(token), now.toISOString());
  });
  return { terminal: findTerminal(db, terminal.id)!, token };
}

function existing(db: MasterDatabase, id: string): TerminalRow {
  const terminal = findTerminal(db, id);
  if (!terminal) throw new TerminalRegistryError(`no terminal ${id}`);
  return terminal;
}

/** Revokes a terminal for good; its token is then refused with 403. Revoking twice changes nothing. */
export function revokeTerminal(db: MasterDatabase, id: string, now: Date): TerminalRow {
  inWriteTransaction(db, () => {
    existing(db, id);
    db.prepare('UPDATE terminals SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(
      now.toISOString(),
      id,
    );
  });
  return existing(db, id);
}

/** Gives a terminal a new token; the old one stops working at once. A revoked terminal stays revoked. */
export function rotateTerminalToken(
  db: MasterDatabase,
  id: string,
): { terminal: TerminalRow; token: string } {
  const token = newTerminalToken();
  inWriteTransaction(db, () => {
    if (existing(db, id).revokedAt !== null) {
      throw new TerminalRegistryError(`terminal ${id} is revoked; add the machine again under a new id`);
    }
    db.prepare('UPDATE terminals SET token_sha256 = ? WHERE id = ?').run(tokenSha256(token), id);
  });
  return { terminal: existing(db, id), token };
}

export type TokenCheck =
  { kind: 'active'; terminalId: string } | { kind: 'revoked'; terminalId: string } | null;

/** Which terminal a token belongs to; a hash lookup, so no timing comparison of secrets happens here. */
export function terminalByToken(db: MasterDatabase, token: string): TokenCheck {
  const row = db
    .prepare('SELECT id, revoked_at FROM terminals WHERE token_sha256 = ?')
    .get(tokenSha256(token)) as { id: string; revoked_at: string | null } | undefined;
  if (!row) return null;
  return { kind: row.revoked_at === null ? 'active' : 'revoked', terminalId: row.id };
}

/** A device reported as 'unknown' (by a sender that cannot see it) keeps the state last known for it. */
function knownDevices(
  db: MasterDatabase,
  terminalId: string,
  reported: Heartbeat['devices'],
): Heartbeat['devices'] {
  const previousText = db.prepare('SELECT devices FROM terminals WHERE id = ?').pluck().get(terminalId) as
    string | null | undefined;
  const previous = previousText ? (JSON.parse(previousText) as Partial<Heartbeat['devices']>) : {};
  return {
    printer: reported.printer === 'unknown' ? (previous.printer ?? 'unknown') : reported.printer,
    cardReader: reported.cardReader === 'unknown' ? (previous.cardReader ?? 'unknown') : reported.cardReader,
  };
}

export function recordHeartbeat(
  db: MasterDatabase,
  terminalId: string,
  heartbeat: Heartbeat,
  receivedAt: Date,
): void {
  const received = receivedAt.toISOString();
  const saveCount = db.prepare(
    `INSERT INTO terminal_usage (terminal_id, day, kind, count, reported_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (terminal_id, day, kind) DO UPDATE SET count = excluded.count, reported_at = excluded.reported_at`,
  );
  db.transaction(() => {
    db.prepare(
      `UPDATE terminals SET last_heartbeat_at = ?, data_version = ?, app_version = ?, devices = ?,
         last_sync_attempted_at = coalesce(?, last_sync_attempted_at),
         last_sync_succeeded_at = coalesce(?, last_sync_succeeded_at)
       WHERE id = ?`,
    ).run(
      received,
      heartbeat.dataVersion,
      heartbeat.appVersion,
      JSON.stringify({ ...knownDevices(db, terminalId, heartbeat.devices), reportedAt: heartbeat.at }),
      heartbeat.lastSync?.attemptedAt ?? null,
      heartbeat.lastSync?.succeededAt ?? null,
      terminalId,
    );
    for (const count of heartbeat.counters ?? []) {
      saveCount.run(terminalId, count.day, count.kind, count.count, received);
    }
  })();
}
