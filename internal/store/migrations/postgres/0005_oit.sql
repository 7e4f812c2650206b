-- 0005: OIT answers, the executive's checks, assessors' scores and the clarification round
-- (manual 2.4, 6.5; seed 000's calendar steps 2.4–2.6). internal/oit holds the rules; these
-- tables keep their outcome. Every change goes through the store's ApplyOIT, which records an
-- audit entry with the state before and after in the same transaction.

-- oit_records: one agency's OIT answers in one year. version grows with every change and is
-- compared on write (optimistic concurrency: two browser tabs cannot overwrite each other
-- silently). The counts are kept here so that an assessor's queue over thousands of agencies
-- reads one row per agency.
CREATE TABLE oit_records (
	fiscal_year  INTEGER NOT NULL REFERENCES years (fiscal_year),
	agency_code  TEXT NOT NULL REFERENCES agencies (code),
	status       TEXT NOT NULL CHECK (status IN ('draft', 'returned', 'submitted', 'approved', 'released', 'final')),
	version      INTEGER NOT NULL CHECK (version > 0),
	answered     INTEGER NOT NULL DEFAULT 0,
	passed       INTEGER NOT NULL DEFAULT 0,
	failed       INTEGER NOT NULL DEFAULT 0,
	scored       INTEGER NOT NULL DEFAULT 0,
	replied      INTEGER NOT NULL DEFAULT 0,
	decided      INTEGER NOT NULL DEFAULT 0,
	submitted_at TIMESTAMPTZ,
	approved_at  TIMESTAMPTZ,
	released_at  TIMESTAMPTZ,
	confirmed_at TIMESTAMPTZ,
	updated_at   TIMESTAMPTZ NOT NULL,
	PRIMARY KEY (fiscal_year, agency_code)
);
CREATE INDEX oit_records_status_idx ON oit_records (fiscal_year, status);

-- oit_items: one item of a record. urls is a JSON array; components the indexes of the data
-- components an assessor found ("0,2"); score and final_score are NULL until given.
CREATE TABLE oit_items (
	fiscal_year      INTEGER NOT NULL,
	agency_code      TEXT NOT NULL,
	item_id          TEXT NOT NULL,
	version          INTEGER NOT NULL,
	disclosure       TEXT NOT NULL DEFAULT '',
	urls             TEXT NOT NULL DEFAULT '[]',
	explanation      TEXT NOT NULL DEFAULT '',
	reason           TEXT NOT NULL DEFAULT '',
	saved_by         TEXT NOT NULL DEFAULT '',
	saved_at         TIMESTAMPTZ,
	verdict          TEXT NOT NULL DEFAULT '',
	verdict_comment  TEXT NOT NULL DEFAULT '',
	verdict_by       TEXT NOT NULL DEFAULT '',
	verdict_at       TIMESTAMPTZ,
	components       TEXT NOT NULL DEFAULT '',
	score            DOUBLE PRECISION,
	score_comment    TEXT NOT NULL DEFAULT '',
	scored_by        TEXT NOT NULL DEFAULT '',
	scored_at        TIMESTAMPTZ,
	reply_text       TEXT NOT NULL DEFAULT '',
	reply_url        TEXT NOT NULL DEFAULT '',
	replied_by       TEXT NOT NULL DEFAULT '',
	replied_at       TIMESTAMPTZ,
	final_score      DOUBLE PRECISION,
	decision_comment TEXT NOT NULL DEFAULT '',
	decided_by       TEXT NOT NULL DEFAULT '',
	decided_at       TIMESTAMPTZ,
	PRIMARY KEY (fiscal_year, agency_code, item_id),
	FOREIGN KEY (fiscal_year, agency_code) REFERENCES oit_records (fiscal_year, agency_code)
);
