-- 0006: evidence captured from OIT URLs (issue 5, manual ข้อควรระวัง #3 and #8). The server
-- fetches every URL an agency gives when the answer is saved, when the executive confirms and
-- when an assessor opens the item; each fetch is one row of evidence, never changed once
-- written. The bodies kept for disputes live in evidence_copies, apart, so that listings never
-- read them; a copy is stored once per content (keyed by its SHA-256), so refetching a page
-- that has not changed costs no space.

CREATE TABLE evidence_copies (
	sha256       TEXT PRIMARY KEY, -- hex SHA-256 of data
	content_type TEXT NOT NULL,
	data         BLOB NOT NULL,
	created_at   TEXT NOT NULL
);

-- evidence: one fetch of one URL given for one OIT item. redirects is a JSON array of URLs;
-- flags a comma-separated list (evidence.Flag values). copy_sha256 names the kept copy, NULL
-- when none was kept.
CREATE TABLE evidence (
	id           INTEGER PRIMARY KEY,
	fiscal_year  INTEGER NOT NULL REFERENCES years (fiscal_year),
	agency_code  TEXT NOT NULL REFERENCES agencies (code),
	item_id      TEXT NOT NULL,
	url          TEXT NOT NULL,
	reason       TEXT NOT NULL CHECK (reason IN ('saved', 'confirmed', 'opened', 'clarified')),
	fetched_at   TEXT NOT NULL,
	status       INTEGER NOT NULL DEFAULT 0,
	redirects    TEXT NOT NULL DEFAULT '[]',
	final_url    TEXT NOT NULL DEFAULT '',
	content_type TEXT NOT NULL DEFAULT '',
	size         INTEGER NOT NULL DEFAULT 0,
	title        TEXT NOT NULL DEFAULT '',
	sha256       TEXT NOT NULL DEFAULT '',
	text_sha256  TEXT NOT NULL DEFAULT '',
	error        TEXT NOT NULL DEFAULT '',
	flags        TEXT NOT NULL DEFAULT '',
	truncated    INTEGER NOT NULL DEFAULT 0,
	elapsed_ms   INTEGER NOT NULL DEFAULT 0,
	copy_sha256  TEXT REFERENCES evidence_copies (sha256)
);
-- The history of an item and the latest submitted record of a URL read this index.
CREATE INDEX evidence_target_idx ON evidence (fiscal_year, agency_code, item_id, url, fetched_at);

-- What was fetched stays as it was: a record that could be edited would settle no dispute.
CREATE TRIGGER evidence_no_update BEFORE UPDATE ON evidence
BEGIN SELECT RAISE(ABORT, 'evidence is append-only'); END;
CREATE TRIGGER evidence_copies_no_update BEFORE UPDATE ON evidence_copies
BEGIN SELECT RAISE(ABORT, 'evidence is append-only'); END;
