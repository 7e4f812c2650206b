-- 0007: how many responses each agency has per survey and year, kept beside the responses so
-- that the national tracking table (manual 6.6) reads 16,600 small rows instead of counting
-- 1.4 million responses whenever it filters by status or sorts by counts.
--
-- The store adds to n in the same transaction that inserts the responses (one upsert per
-- agency and survey per group commit or import), so n always equals the number of rows of
-- responses with that year, agency and survey. A count per agency links nothing to anyone: it
-- has no day, no channel and no key, and says only what the tracking table already shows to
-- the agency, its supervisors, its assessors and NACC.
CREATE TABLE response_counts (
	fiscal_year INTEGER NOT NULL,
	agency_code TEXT NOT NULL REFERENCES agencies (code),
	survey      TEXT NOT NULL CHECK (survey IN ('iit', 'eit')),
	n           INTEGER NOT NULL CHECK (n >= 0),
	PRIMARY KEY (fiscal_year, agency_code, survey)
);

-- The responses stored before this migration. SHARE mode waits for the transactions writing
-- responses to end and holds off new ones until this migration commits, so the counts include
-- every response committed before it. A server still running older code after the upgrade
-- would insert responses without counting them: stop old servers before upgrading.
LOCK TABLE responses IN SHARE MODE;
INSERT INTO response_counts (fiscal_year, agency_code, survey, n)
	SELECT fiscal_year, agency_code, survey, COUNT(*) FROM responses
	GROUP BY fiscal_year, agency_code, survey;
