/** The outbox's migrations, in order; the file's `user_version` is the last one applied. */
import { sql as initial } from './0001-initial';

export interface OutboxMigration {
  version: number;
  name: string;
  sql: string;
}

export const OUTBOX_MIGRATIONS: readonly OutboxMigration[] = [{ version: 1, name: 'initial', sql: initial }];
