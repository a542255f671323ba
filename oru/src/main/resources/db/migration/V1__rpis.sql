-- The ORU concentrator's tables, on PostgreSQL (a region) and SQLite (the embedded default). What differs is a
-- placeholder OruDatabase gives Flyway: ${id} (a generated key), ${real} (a double).
-- Every RS-RPIS message received, as received (its payload in the model's shape): the record's history.
CREATE TABLE delivery (
  id ${id},
  distribution_id TEXT NOT NULL UNIQUE,
  sender_id TEXT NOT NULL,
  sent_at TEXT NOT NULL,
  received_at TEXT NOT NULL,
  digest TEXT NOT NULL,
  record_id BIGINT,
  outcome TEXT NOT NULL,
  payload TEXT NOT NULL,
  -- what this version did: [{"kind": "SET", "paths": [...]}, {"path", "kind", "old", "new"}...] (kinds: Change.Kind)
  changes TEXT NOT NULL
);
-- One consolidated record per (SMUR unit, mission, patient), with what the dashboard shows of it.
CREATE TABLE rpis_record (
  id ${id},
  smur_unit TEXT NOT NULL,
  org_id TEXT NOT NULL,
  case_id TEXT NOT NULL,
  patient_id TEXT NOT NULL,
  month TEXT NOT NULL,
  decision_at TEXT NOT NULL,
  first_received_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  versions INTEGER NOT NULL,
  completeness ${real} NOT NULL,
  missing TEXT NOT NULL,
  doubtful TEXT NOT NULL,
  conflicts INTEGER NOT NULL,
  delay_departure BIGINT,
  delay_on_scene BIGINT,
  delay_available BIGINT,
  -- the consolidated record: each field's value and provenance, and another sender's differing value:
  -- {"versions": [[distributionID, sender, sentAt]...], "fields": {"<path>": [value, version(, other value, other sender)]}}
  fields TEXT NOT NULL,
  UNIQUE (smur_unit, org_id, case_id, patient_id)
);
CREATE INDEX rpis_record_month ON rpis_record (month, smur_unit);
-- Messages refused, with the rule and the path (never the value).
CREATE TABLE refusal (
  id ${id},
  distribution_id TEXT,
  sender_id TEXT,
  received_at TEXT NOT NULL,
  path TEXT NOT NULL,
  rule TEXT NOT NULL
);
CREATE TABLE app_user (
  name TEXT PRIMARY KEY,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL
);
CREATE TABLE audit_log (
  id ${id},
  at TEXT NOT NULL,
  user_name TEXT NOT NULL,
  action TEXT NOT NULL,
  detail TEXT NOT NULL
);
