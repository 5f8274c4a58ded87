/**
 * The county master database, first version. Everything the county knows and publishes starts here.
 * Conventions: amounts are integer fen (`*_fen`); quantities are integer thousandths (`quantity_milli`, so
 * 3.125 亩 is 3125); local dates are 'YYYY-MM-DD' text in Asia/Shanghai; instants are ISO 8601 text in UTC.
 */
export const sql = `
CREATE TABLE county (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  code TEXT NOT NULL CHECK (length(code) = 6),
  name TEXT NOT NULL,
  hotline TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- Named settings as JSON text: 'kdf' (KdfParams), 'roster_window_months', 'manifest_expiry_days'.
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- county › township (乡镇/街道) › village (村/社区) › group (村民小组), with 统计用区划代码-style codes:
-- 6, 9, 12 and 15 digits.
CREATE TABLE regions (
  code TEXT PRIMARY KEY,
  parent_code TEXT REFERENCES regions(code),
  level TEXT NOT NULL CHECK (level IN ('county', 'township', 'village', 'group')),
  name TEXT NOT NULL,
  CHECK ((level = 'county') = (parent_code IS NULL))
) WITHOUT ROWID;
CREATE INDEX regions_parent ON regions(parent_code);

-- 户: a household registered in a village.
CREATE TABLE households (
  id TEXT PRIMARY KEY,
  village_code TEXT NOT NULL REFERENCES regions(code),
  group_code TEXT REFERENCES regions(code)
) WITHOUT ROWID;
CREATE INDEX households_village ON households(village_code);

CREATE TABLE persons (
  id INTEGER PRIMARY KEY,
  id_number TEXT NOT NULL UNIQUE CHECK (length(id_number) = 18),
  name TEXT NOT NULL,
  sex TEXT NOT NULL CHECK (sex IN ('male', 'female')),
  birth_date TEXT NOT NULL,
  village_code TEXT REFERENCES regions(code),
  household_id TEXT REFERENCES households(id),
  -- to the head of the household: head, spouse, child, parent, other
  relation TEXT CHECK (relation IN ('head', 'spouse', 'child', 'parent', 'other')),
  deceased_on TEXT
);
CREATE INDEX persons_household ON persons(household_id);
CREATE INDEX persons_village ON persons(village_code);

-- 资金项目
CREATE TABLE programs (
  code TEXT PRIMARY KEY,
  name_zh TEXT NOT NULL UNIQUE,
  name_en TEXT NOT NULL,
  category TEXT NOT NULL,
  department TEXT NOT NULL,
  policy_basis TEXT NOT NULL,
  -- NULL where the amount is decided case by case (临时救助)
  standard_fen INTEGER,
  unit_zh TEXT NOT NULL,
  unit_en TEXT NOT NULL,
  frequency TEXT NOT NULL CHECK (frequency IN ('monthly', 'quarterly', 'yearly', 'once')),
  eligibility TEXT NOT NULL,
  process TEXT NOT NULL,
  materials TEXT NOT NULL,
  phone TEXT NOT NULL
) WITHOUT ROWID;

-- Other names departments use for a program in their exports (e.g. 低保金 for 城乡低保).
CREATE TABLE program_aliases (
  alias TEXT PRIMARY KEY,
  program_code TEXT NOT NULL REFERENCES programs(code)
) WITHOUT ROWID;

-- Every department file imported, so a re-import is recognised and every payment traces to its source.
CREATE TABLE import_files (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL,
  file_name TEXT NOT NULL,
  mapping TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  rows_total INTEGER NOT NULL,
  rows_inserted INTEGER NOT NULL,
  rows_updated INTEGER NOT NULL,
  rows_unchanged INTEGER NOT NULL,
  rows_rejected INTEGER NOT NULL
);
CREATE INDEX import_files_sha256 ON import_files(sha256);

-- 发放: one disbursement to one person for one program and period. A second batch (批次) for the same
-- period is a distinct payment (and a pre-audit finding), so the batch is part of the natural key.
CREATE TABLE payments (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES persons(id),
  program_code TEXT NOT NULL REFERENCES programs(code),
  -- what the money is for: '2025', '2025-03', '2025-Q2', '2025-H1'
  period TEXT NOT NULL,
  quantity_milli INTEGER,
  standard_fen INTEGER,
  amount_fen INTEGER NOT NULL,
  planned_date TEXT NOT NULL,
  paid_date TEXT,
  -- paid (已发放), pending (待发放), failed (发放失败/退回); 'overdue' is pending past its planned date
  status TEXT NOT NULL CHECK (status IN ('paid', 'pending', 'failed')),
  -- the last four digits of the 一卡通 account; the full number is never stored
  card_tail TEXT CHECK (card_tail IS NULL OR (length(card_tail) = 4 AND card_tail NOT GLOB '*[^0-9]*')),
  batch TEXT NOT NULL DEFAULT '',
  source_file_id INTEGER REFERENCES import_files(id),
  source_line INTEGER,
  CHECK ((status = 'paid') = (paid_date IS NOT NULL)),
  UNIQUE (person_id, program_code, period, batch)
);
CREATE INDEX payments_program_period ON payments(program_code, period);

-- 公示: who receives a program in a village for a period, before disbursement (for objections) and after.
CREATE TABLE rosters (
  id INTEGER PRIMARY KEY,
  program_code TEXT NOT NULL REFERENCES programs(code),
  village_code TEXT NOT NULL REFERENCES regions(code),
  period TEXT NOT NULL,
  stage TEXT NOT NULL CHECK (stage IN ('before', 'after')),
  posted_on TEXT NOT NULL,
  -- before-disbursement rosters take objections until this day
  objections_until TEXT,
  UNIQUE (program_code, village_code, period, stage)
);
CREATE TABLE roster_entries (
  roster_id INTEGER NOT NULL REFERENCES rosters(id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES persons(id),
  quantity_milli INTEGER,
  amount_fen INTEGER NOT NULL,
  PRIMARY KEY (roster_id, person_id)
) WITHOUT ROWID;

-- 村务村财公开: collective income and spending, by month.
CREATE TABLE village_finances (
  id INTEGER PRIMARY KEY,
  village_code TEXT NOT NULL REFERENCES regions(code),
  month TEXT NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('income', 'expense')),
  category TEXT NOT NULL,
  item TEXT NOT NULL,
  amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
  voucher TEXT
);
CREATE INDEX village_finances_village_month ON village_finances(village_code, month);

-- 查干部: village cadres; their household members are found through persons.household_id, and other
-- declared relatives here.
CREATE TABLE cadres (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES persons(id),
  village_code TEXT NOT NULL REFERENCES regions(code),
  post TEXT NOT NULL,
  term_start TEXT NOT NULL,
  term_end TEXT
);
CREATE TABLE cadre_relatives (
  cadre_id INTEGER NOT NULL REFERENCES cadres(id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES persons(id),
  relation TEXT NOT NULL,
  PRIMARY KEY (cadre_id, person_id)
) WITHOUT ROWID;

-- 我要办事: the service guide.
CREATE TABLE service_items (
  code TEXT PRIMARY KEY,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  category TEXT NOT NULL,
  conditions TEXT NOT NULL,
  -- JSON array of strings
  materials TEXT NOT NULL,
  -- JSON array of strings, in order
  steps TEXT NOT NULL,
  time_limit_days INTEGER,
  fee TEXT NOT NULL,
  department TEXT NOT NULL,
  phone TEXT NOT NULL
) WITHOUT ROWID;

-- 小微权力清单: village-level powers, each with its basis, units and a flow chart of ordered steps.
CREATE TABLE micro_powers (
  code TEXT PRIMARY KEY,
  category TEXT NOT NULL,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  legal_basis TEXT NOT NULL,
  responsible_unit TEXT NOT NULL,
  supervising_unit TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE micro_power_steps (
  power_code TEXT NOT NULL REFERENCES micro_powers(code) ON DELETE CASCADE,
  step_no INTEGER NOT NULL CHECK (step_no >= 1),
  title TEXT NOT NULL,
  actor TEXT NOT NULL,
  detail TEXT NOT NULL,
  PRIMARY KEY (power_code, step_no)
) WITHOUT ROWID;

-- The terminals of the county; a bearer token is stored only as its SHA-256.
CREATE TABLE terminals (
  id TEXT PRIMARY KEY,
  site_name TEXT NOT NULL,
  region_code TEXT REFERENCES regions(code),
  token_sha256 TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  revoked_at TEXT,
  last_heartbeat_at TEXT,
  data_version INTEGER,
  app_version TEXT,
  -- JSON: the last device report of the heartbeat
  devices TEXT
) WITHOUT ROWID;

-- 留言/投诉 as received from terminals; idempotent by the terminal's client key. The workflow is issue 7+.
CREATE TABLE complaints (
  id INTEGER PRIMARY KEY,
  terminal_id TEXT NOT NULL REFERENCES terminals(id),
  client_key TEXT NOT NULL,
  received_at TEXT NOT NULL,
  created_at TEXT NOT NULL,
  category TEXT NOT NULL,
  program_code TEXT,
  -- JSON of the complaint as the terminal sent it (it may hold the complainant's own details)
  body TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'received',
  UNIQUE (terminal_id, client_key)
);

-- Sealing cache: derived keys per person for the county's current KDF parameters, and the last sealed row,
-- so a republish pays scrypt only for new residents and leaves unchanged records byte-identical (small deltas).
CREATE TABLE sealing_keys (
  person_id INTEGER PRIMARY KEY REFERENCES persons(id),
  kdf_fingerprint TEXT NOT NULL,
  tag BLOB NOT NULL,
  key BLOB NOT NULL
);
CREATE TABLE sealed_rows (
  person_id INTEGER PRIMARY KEY REFERENCES persons(id),
  payload_sha256 BLOB NOT NULL,
  nonce BLOB NOT NULL,
  ciphertext BLOB NOT NULL
);

-- Every publish, newest last.
CREATE TABLE publishes (
  version INTEGER PRIMARY KEY,
  published_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  snapshot_path TEXT NOT NULL,
  snapshot_sha256 TEXT NOT NULL,
  snapshot_length INTEGER NOT NULL,
  residents INTEGER NOT NULL,
  payments INTEGER NOT NULL
);
`;
