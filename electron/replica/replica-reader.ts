/**
 * Read-only access to the terminal's replica. The sync agent replaces the file atomically (rename), so the
 * reader notices a new file by its inode and reopens it: every query sees one complete version.
 */
import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import {
  READABLE_REPLICA_SCHEMA_VERSIONS,
  replicaMetaSchema,
  replicaProgramSchema,
  type ReplicaMeta,
  type ReplicaProgram,
} from '../../domain/published/replica-format';
import type { SealedRow } from '../../domain/published/sealing.nodejs';

export interface ReplicaReader {
  meta(): ReplicaMeta;
  programs(): ReadonlyMap<string, ReplicaProgram>;
  /**
   * The sealed row under `tag`, with the meta of the very version it was read from: the file may have been
   * replaced since `meta()` was read, and the caller must know which KDF the row needs.
   */
  sealedRecord(tag: Buffer): { meta: ReplicaMeta; row: SealedRow | undefined };
  close(): void;
}

export class ReplicaUnavailableError extends Error {
  override name = 'ReplicaUnavailableError';
}

const PROGRAM_COLUMNS = `code, name_zh AS nameZh, name_en AS nameEn, category, department, policy_basis AS policyBasis,
  standard_fen AS standardFen, unit_zh AS unitZh, unit_en AS unitEn, frequency, eligibility, process, materials,
  phone`;

interface OpenReplica {
  db: Database.Database;
  inode: number;
  meta: ReplicaMeta;
  programs: Map<string, ReplicaProgram>;
  selectSealed: Database.Statement<[Buffer], SealedRow>;
}

function openReplica(filePath: string): OpenReplica {
  let db: Database.Database;
  let inode: number;
  try {
    inode = statSync(filePath).ino;
    db = new Database(filePath, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new ReplicaUnavailableError(`replica not readable: ${(error as Error).message}`);
  }
  try {
    const metaRows = db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[];
    const meta = replicaMetaSchema.parse(Object.fromEntries(metaRows.map((row) => [row.key, row.value])));
    if (!READABLE_REPLICA_SCHEMA_VERSIONS.includes(meta.schemaVersion)) {
      throw new Error(
        `schema version ${meta.schemaVersion}, this terminal reads ${READABLE_REPLICA_SCHEMA_VERSIONS.join(', ')}`,
      );
    }
    const programs = db
      .prepare(`SELECT ${PROGRAM_COLUMNS} FROM programs`)
      .all()
      .map((row) => replicaProgramSchema.parse(row));
    return {
      db,
      inode,
      meta,
      programs: new Map(programs.map((program) => [program.code, program])),
      selectSealed: db.prepare('SELECT tag, nonce, ciphertext FROM sealed_records WHERE tag = ?'),
    };
  } catch (error) {
    db.close();
    throw new ReplicaUnavailableError(`replica unusable: ${(error as Error).message}`);
  }
}

export function createReplicaReader(filePath: string): ReplicaReader {
  let current: OpenReplica | undefined;

  function replica(): OpenReplica {
    let inode: number | undefined;
    try {
      inode = statSync(filePath).ino;
    } catch {
      inode = undefined;
    }
    // Keep serving the open version if the file vanished mid-swap; reopen when a new file took its place.
    if (current && (inode === undefined || inode === current.inode)) return current;
    const next = openReplica(filePath);
    current?.db.close();
    current = next;
    return next;
  }

  return {
    meta: () => replica().meta,
    programs: () => replica().programs,
    sealedRecord: (tag) => {
      const open = replica();
      return { meta: open.meta, row: open.selectSealed.get(tag) };
    },
    close: () => {
      current?.db.close();
      current = undefined;
    },
  };
}
