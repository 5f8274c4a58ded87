/** The master database's migrations, in order; a database's `user_version` is the last one applied. */
import { sql as initial } from './0001-initial';
import { sql as terminalUsage } from './0002-terminal-usage';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'terminal-usage', sql: terminalUsage },
];
