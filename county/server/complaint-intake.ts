/**
 * Storing complaints from terminals, idempotent by the terminal's client key: the first POST stores the
 * complaint, a retry of the same complaint gets the same row back, and the same key with a different body is
 * a conflict (a terminal bug or a key reused by mistake; the county must not guess which body is right).
 */
import { isDeepStrictEqual } from 'node:util';
import type { Complaint } from '../../domain/county-api';
import { inWriteTransaction, type MasterDatabase } from '../master/open-master';

export type IntakeOutcome =
  | { kind: 'stored'; id: number; receivedAt: string }
  | { kind: 'repeated'; id: number; receivedAt: string }
  | { kind: 'conflict'; id: number };

export function takeInComplaint(
  db: MasterDatabase,
  terminalId: string,
  complaint: Complaint,
  receivedAt: Date,
): IntakeOutcome {
  // Compared as parsed JSON, so key order and whitespace in what the terminal sent do not matter.
  const body = JSON.stringify(complaint);
  return inWriteTransaction(db, () => {
    const earlier = db
      .prepare(
        'SELECT id, received_at AS receivedAt, body FROM complaints WHERE terminal_id = ? AND client_key = ?',
      )
      .get(terminalId, complaint.clientKey) as { id: number; receivedAt: string; body: string } | undefined;
    if (earlier) {
      return isDeepStrictEqual(JSON.parse(earlier.body), JSON.parse(body))
        ? { kind: 'repeated', id: earlier.id, receivedAt: earlier.receivedAt }
        : { kind: 'conflict', id: earlier.id };
    }
    const at = receivedAt.toISOString();
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO complaints (terminal_id, client_key, received_at, created_at, category, program_code, body)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        terminalId,
        complaint.clientKey,
        at,
        complaint.createdAt,
        complaint.category,
        complaint.programCode ?? null,
        body,
      );
    return { kind: 'stored', id: Number(lastInsertRowid), receivedAt: at };
  });
}
