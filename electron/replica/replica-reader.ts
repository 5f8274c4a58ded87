/**
 * Read-only access to the terminal's replica. The sync agent replaces the file atomically (rename), so the
 * reader notices a new file by its inode and reopens it: every query sees one complete version.
 */
import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { kdfParamsSchema, REPLICA_SCHEMA_VERSION, type KdfParams } from '../../domain/published/replica-format';

export interface ReplicaMeta {
  dataVersion: number;
  dataAsOf: string;
  countyName: string;
  hotline: string;
  kdf: KdfParams;
}

export interface ReplicaProgram {
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface SealedRow {
  tag: Buffer;
  nonce: Buffer;
  ciphertext: Buffer;
}

export interface ReplicaReader {
  meta(): ReplicaMeta;
  programs(): ReadonlyMap<string, ReplicaProgram>;
  sealedRecord(tag: Buffer): SealedRow | undefined;
  close(): void;
}

export class ReplicaUnavailableError extends Error {
  override name = 'ReplicaUnavailableError';
}

const metaRowsSchema = z
  .object({
    schema_version: z.coerce.number().int(),
    data_version: z.coerce.number().int().nonnegative(),
    data_as_of: z.string().min(1),
    county_name: z.string(),
    hotline: z.string(),
    kdf: z.string().transform((text, ctx) => {
      try {
        return kdfParamsSchema.parse(JSON.parse(text));
      } catch {
        ctx.addIssue({ code: 'custom', message: 'kdf is not valid JSON of KDF parameters' });
        return z.NEVER;
      }
    }),
  })
  .refine((meta) => meta.schema_version === REPLICA_SCHEMA_VERSION, {
    message: `replica schema version must be ${REPLICA_SCHEMA_VERSION}`,
  });

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
    const parsed = metaRowsSchema.parse(Object.fromEntries(metaRows.map((row) => [row.key, row.value])));
    const programRows = db.prepare('SELECT code, name_zh AS nameZh, name_en AS nameEn FROM programs').all() as ReplicaProgram[];
    return {
      db,
      inode,
      meta: {
        dataVersion: parsed.data_version,
        dataAsOf: parsed.data_as_of,
        countyName: parsed.county_name,
        hotline: parsed.hotline,
        kdf: parsed.kdf,
      },
      programs: new Map(programRows.map((program) => [program.code, program])),
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
    sealedRecord: (tag) => replica().selectSealed.get(tag),
    close: () => {
      current?.db.close();
      current = undefined;
    },
  };
}
