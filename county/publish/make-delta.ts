/** A delta between two replicas: the rows that changed or appeared, and the keys of those that went. */
import Database from 'better-sqlite3';
import { DELTA_DDL, DELTA_SCHEMA_VERSION, deltaDiffStatements } from '../../domain/published/publish-format';
import { preparePrivateDatabase } from '../../domain/private-files.nodejs';

export function makeDelta(
  oldReplica: string,
  newReplica: string,
  outFile: string,
  versions: { base: number; data: number },
): { puts: number; deletes: number } {
  preparePrivateDatabase(outFile);
  const db = new Database(outFile);
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.exec(DELTA_DDL);
    db.prepare('ATTACH DATABASE ? AS old').run(oldReplica);
    db.prepare('ATTACH DATABASE ? AS new').run(newReplica);
    let puts = 0;
    let deletes = 0;
    db.transaction(() => {
      db.prepare('INSERT INTO delta_meta (base_version, data_version, schema_version) VALUES (?, ?, ?)').run(
        versions.base,
        versions.data,
        DELTA_SCHEMA_VERSION,
      );
      for (const sql of deltaDiffStatements({ into: 'main', old: 'old', new: 'new' })) {
        const { changes } = db.prepare(sql).run();
        if (sql.includes('.deleted_')) deletes += changes;
        else puts += changes;
      }
    })();
    db.exec('DETACH DATABASE old; DETACH DATABASE new');
    db.exec('VACUUM');
    return { puts, deletes };
  } finally {
    db.close();
  }
}
