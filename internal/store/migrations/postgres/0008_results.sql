-- 0008: the results NACC computes for a fiscal year (manual 3.1–3.2; the year's processing
-- and publication steps). Computing a national year reads every response of the year — about
-- 1.4 million — and takes seconds, so the results are computed once, on NACC's request during
-- processing, and kept: the national table pages and sorts them like any list, and what an
-- agency reads after publication is what was published, not a figure that would move if an
-- account were disabled later. Computing again replaces the year's rows in one transaction.

-- result_runs: one computation of a year's results: when, by whom, under which framework.
CREATE TABLE result_runs (
	fiscal_year    INTEGER PRIMARY KEY REFERENCES years (fiscal_year),
	framework_year INTEGER NOT NULL,
	computed_at    TIMESTAMPTZ NOT NULL,
	computed_by    TEXT NOT NULL,
	agencies       INTEGER NOT NULL
);

-- results: one agency's result in the run of its year, as the national table filters and
-- sorts it (NULL: not scored). Kept apart from the detail so that the table's scans over a
-- national year's 8,300 rows read a few hundred kilobytes, not the details' tens of megabytes.
CREATE TABLE results (
	fiscal_year INTEGER NOT NULL REFERENCES result_runs (fiscal_year) ON DELETE CASCADE,
	agency_code TEXT NOT NULL REFERENCES agencies (code),
	total       DOUBLE PRECISION,
	iit         DOUBLE PRECISION,
	eit         DOUBLE PRECISION,
	oit         DOUBLE PRECISION,
	rating      TEXT NOT NULL DEFAULT '',
	passed      BOOLEAN NOT NULL DEFAULT FALSE,
	official    BOOLEAN NOT NULL DEFAULT FALSE,
	flags       TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (fiscal_year, agency_code)
);

-- The national table sorts by each score, best first, unscored last (each index in that order).
CREATE INDEX results_total_idx ON results (fiscal_year, total DESC NULLS LAST);
CREATE INDEX results_iit_idx ON results (fiscal_year, iit DESC NULLS LAST);
CREATE INDEX results_eit_idx ON results (fiscal_year, eit DESC NULLS LAST);
CREATE INDEX results_oit_idx ON results (fiscal_year, oit DESC NULLS LAST);

-- result_details: the whole scoring.Result of an agency as JSON — instruments, indicators,
-- sub-indicators, questions and flags — for the agency's page.
CREATE TABLE result_details (
	fiscal_year INTEGER NOT NULL REFERENCES result_runs (fiscal_year) ON DELETE CASCADE,
	agency_code TEXT NOT NULL REFERENCES agencies (code),
	detail      TEXT NOT NULL,
	PRIMARY KEY (fiscal_year, agency_code)
);
