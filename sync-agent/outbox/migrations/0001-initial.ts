/**
 * The terminal's outbox, first version: what the terminal creates and the county has not yet acknowledged.
 * Instants are ISO 8601 text in UTC; days are 'YYYY-MM-DD' in Asia/Shanghai.
 */
export const sql = `
-- Records uploaded one by one with an idempotency key: complaints (a later kind needs a migration).
CREATE TABLE items (
  seq INTEGER PRIMARY KEY,
  client_key TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('complaint')),
  -- JSON exactly as it is sent every time, so a retry carries the same body and the county answers 200
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'acknowledged', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  -- null: due at once
  next_attempt_at TEXT,
  -- a classification such as 'network' or 'conflict (409 idempotency-conflict)', never the body
  last_error TEXT,
  county_id INTEGER,
  acknowledged_at TEXT,
  CHECK ((state = 'acknowledged') = (county_id IS NOT NULL AND acknowledged_at IS NOT NULL))
);
CREATE INDEX items_pending ON items (state, seq);

-- Anonymous usage counts per day and kind (ratings are counts too): no person, no session, only how often.
CREATE TABLE usage_counters (
  day TEXT NOT NULL,
  kind TEXT NOT NULL,
  count INTEGER NOT NULL CHECK (count >= 0),
  -- the count the county last acknowledged in a heartbeat; a past day is settled when both agree
  reported_count INTEGER NOT NULL DEFAULT 0,
  reported_at TEXT,
  PRIMARY KEY (day, kind)
) WITHOUT ROWID;
`;
