-- 0001: the platform's first tables — agencies, accounts, sessions,
-- assessment years with their phase windows, and the append-only audit log.
-- Times are UTC text "YYYY-MM-DDTHH:MM:SS.ffffffZ" (fixed width, so text
-- order is time order); booleans are 0/1.

CREATE TABLE agencies (
	code        TEXT PRIMARY KEY,
	name        TEXT NOT NULL,
	short_name  TEXT NOT NULL DEFAULT '',
	type        TEXT NOT NULL,
	ministry    TEXT NOT NULL DEFAULT '',
	province    TEXT NOT NULL DEFAULT '',
	group_no    INTEGER NOT NULL CHECK (group_no BETWEEN 1 AND 10),
	supervisor  TEXT NOT NULL DEFAULT '',
	website     TEXT NOT NULL DEFAULT '',
	-- search_key: name and short name folded (NFKC, lower case, no spaces)
	-- for substring search; sort_key: the name's Thai collation key, so that
	-- both databases list agencies in the same Thai dictionary order.
	search_key  TEXT NOT NULL,
	sort_key    BLOB NOT NULL,
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL
);
CREATE INDEX agencies_sort_idx ON agencies (sort_key, code);
CREATE INDEX agencies_group_idx ON agencies (group_no, sort_key);
CREATE INDEX agencies_type_idx ON agencies (type, sort_key);
CREATE INDEX agencies_province_idx ON agencies (province, sort_key);
CREATE INDEX agencies_supervisor_idx ON agencies (supervisor, sort_key);
CREATE INDEX agencies_ministry_idx ON agencies (ministry);

CREATE TABLE accounts (
	id                   INTEGER PRIMARY KEY,
	username             TEXT NOT NULL UNIQUE,
	role                 TEXT NOT NULL,
	agency_code          TEXT REFERENCES agencies (code),
	assessor_groups      TEXT NOT NULL DEFAULT '',  -- "6,7"
	supervisor           TEXT NOT NULL DEFAULT '',
	name                 TEXT NOT NULL DEFAULT '',
	position             TEXT NOT NULL DEFAULT '',
	phone                TEXT NOT NULL DEFAULT '',
	email                TEXT NOT NULL DEFAULT '',
	password_hash        TEXT NOT NULL,
	must_change_password INTEGER NOT NULL DEFAULT 1,
	profile_completed_at TEXT,
	password_changed_at  TEXT,
	disabled             INTEGER NOT NULL DEFAULT 0,
	created_at           TEXT NOT NULL,
	-- one admin and one executive per agency; staff have no agency.
	UNIQUE (agency_code, role)
);

CREATE TABLE sessions (
	token_hash      TEXT PRIMARY KEY,
	account_id      INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
	created_at      TEXT NOT NULL,
	last_seen_at    TEXT NOT NULL,
	idle_seconds    INTEGER NOT NULL,
	idle_expires_at TEXT NOT NULL,  -- min(last_seen_at + idle, expires_at)
	expires_at      TEXT NOT NULL,
	ip              TEXT NOT NULL DEFAULT '',
	user_agent      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_account_idx ON sessions (account_id);
CREATE INDEX sessions_idle_expires_idx ON sessions (idle_expires_at);

CREATE TABLE years (
	fiscal_year    INTEGER PRIMARY KEY,
	framework_year INTEGER NOT NULL,
	status         TEXT NOT NULL,
	created_at     TEXT NOT NULL
);

CREATE TABLE phase_windows (
	fiscal_year INTEGER NOT NULL REFERENCES years (fiscal_year) ON DELETE CASCADE,
	phase       TEXT NOT NULL,
	starts_at   TEXT NOT NULL,
	ends_at     TEXT NOT NULL,
	PRIMARY KEY (fiscal_year, phase),
	CHECK (ends_at >= starts_at)
);

CREATE TABLE audit_log (
	id           INTEGER PRIMARY KEY,
	at           TEXT NOT NULL,
	actor        TEXT NOT NULL,
	role         TEXT NOT NULL DEFAULT '',
	agency_code  TEXT NOT NULL DEFAULT '',
	action       TEXT NOT NULL,
	subject      TEXT NOT NULL DEFAULT '',
	before_state TEXT NOT NULL DEFAULT '',
	after_state  TEXT NOT NULL DEFAULT '',
	ip           TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_agency_idx ON audit_log (agency_code, id);
CREATE INDEX audit_log_actor_idx ON audit_log (actor, id);
CREATE INDEX audit_log_action_idx ON audit_log (action, id);

-- The audit log is append-only, whatever code runs against the database.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
