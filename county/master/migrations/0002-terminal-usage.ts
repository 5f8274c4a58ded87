/**
 * What terminals report in their heartbeats beyond their state: when they last synced, and anonymous usage
 * counts per day (lookups, receipts printed, ratings…), the latest count per terminal, day and kind.
 */
export const sql = `
ALTER TABLE terminals ADD COLUMN last_sync_attempted_at TEXT;
ALTER TABLE terminals ADD COLUMN last_sync_succeeded_at TEXT;

CREATE TABLE terminal_usage (
  terminal_id TEXT NOT NULL REFERENCES terminals(id),
  day TEXT NOT NULL,
  kind TEXT NOT NULL,
  count INTEGER NOT NULL CHECK (count >= 0),
  reported_at TEXT NOT NULL,
  PRIMARY KEY (terminal_id, day, kind)
) WITHOUT ROWID;
`;
