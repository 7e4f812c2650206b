-- 0002: agency logos (ตราสัญลักษณ์), uploaded at registration (manual
-- section 6.1). Kept apart from agencies so that listings never read them.
CREATE TABLE agency_logos (
	agency_code  TEXT PRIMARY KEY REFERENCES agencies (code) ON DELETE CASCADE,
	content_type TEXT NOT NULL,
	data         BYTEA NOT NULL,
	updated_at   TIMESTAMPTZ NOT NULL
);
