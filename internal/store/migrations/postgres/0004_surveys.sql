-- 0004: survey links and responses (manual 2.3, 2.4, 6.4, 6.6).
--
-- Privacy by the shape of the tables: respondent_keys records that someone answered (a keyed
-- hash of the national ID, scoped to year, agency and survey) and nothing else — no time, no
-- channel, no id; responses hold the answers with only the day; suggestions hold free text
-- with only the day. No column joins the three. Rows are written in batches (group commit)
-- whose order is shuffled, and responses and suggestions get random ids rather than a
-- sequence, so that neither ids nor the order of rows line a key up with answers beyond the
-- batch it was written in. (PostgreSQL also keeps each row's writing transaction in its
-- system column xmin, which the schema cannot hide, and a batch outside deadline rushes often
-- holds one response: store.MixSurveyRows rewrites these tables in random order every night
-- and when a collection phase closes, and `itas mix` does it by hand.)

-- survey_links: the public link (and QR code) of an agency's survey in a year. Rotating a
-- token retires the old row (retired_at) and adds a new one; a retired token tells the
-- respondent that the link has moved. At most one live link per agency, survey and year.
CREATE TABLE survey_links (
	token       TEXT PRIMARY KEY,
	fiscal_year INTEGER NOT NULL REFERENCES years (fiscal_year) ON DELETE CASCADE,
	agency_code TEXT NOT NULL REFERENCES agencies (code) ON DELETE CASCADE,
	survey      TEXT NOT NULL CHECK (survey IN ('iit', 'eit')),
	created_at  TIMESTAMPTZ NOT NULL,
	retired_at  TIMESTAMPTZ
);
CREATE UNIQUE INDEX survey_links_live_idx ON survey_links (fiscal_year, agency_code, survey)
	WHERE retired_at IS NULL;

-- respondent_keys: one row per national ID that has answered a survey of an agency in a year;
-- the primary key is what enforces "one answer per national ID".
CREATE TABLE respondent_keys (
	fiscal_year INTEGER NOT NULL,
	agency_code TEXT NOT NULL,
	survey      TEXT NOT NULL,
	id_hash     BYTEA NOT NULL,
	PRIMARY KEY (fiscal_year, agency_code, survey, id_hash)
);

-- responses: the answers. answers and profile are JSON objects of item key → answer code and
-- demographic question → option code. id is random (chosen by the store), not a sequence.
CREATE TABLE responses (
	id          BIGINT PRIMARY KEY,
	fiscal_year INTEGER NOT NULL,
	agency_code TEXT NOT NULL REFERENCES agencies (code),
	survey      TEXT NOT NULL CHECK (survey IN ('iit', 'eit')),
	channel     TEXT NOT NULL,
	day         DATE NOT NULL,
	answers     TEXT NOT NULL,
	profile     TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX responses_agency_idx ON responses (fiscal_year, agency_code, survey, day);

-- suggestions: respondents' free-text suggestions, shown to the agency as an anonymous list
-- after collection closes. id is random, like the responses'.
CREATE TABLE suggestions (
	id          BIGINT PRIMARY KEY,
	fiscal_year INTEGER NOT NULL,
	agency_code TEXT NOT NULL REFERENCES agencies (code),
	survey      TEXT NOT NULL,
	day         DATE NOT NULL,
	text        TEXT NOT NULL
);
CREATE INDEX suggestions_agency_idx ON suggestions (fiscal_year, agency_code, survey);
