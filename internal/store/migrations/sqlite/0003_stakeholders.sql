-- 0003: stakeholder data (manual 2.3, 6.2 ข้อ 2). For each agency and fiscal year, one row per
-- kind: the internal staff count or the external estimate of service users, and where it
-- stands in the approval cycle (draft → submitted → approved, or returned with a reason).
-- A kind with no row is a draft with nothing entered. The external kind also has a list of
-- sample stakeholders. Times are UTC text, as in 0001.
CREATE TABLE stakeholder_data (
	fiscal_year   INTEGER NOT NULL REFERENCES years (fiscal_year) ON DELETE CASCADE,
	agency_code   TEXT NOT NULL REFERENCES agencies (code) ON DELETE CASCADE,
	kind          TEXT NOT NULL CHECK (kind IN ('internal', 'external')),
	population    INTEGER NOT NULL DEFAULT 0 CHECK (population >= 0),
	status        TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'approved', 'returned')),
	return_reason TEXT NOT NULL DEFAULT '',
	submitted_at  TEXT,
	submitted_by  TEXT NOT NULL DEFAULT '',
	decided_at    TEXT,
	decided_by    TEXT NOT NULL DEFAULT '',
	updated_at    TEXT NOT NULL,
	updated_by    TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (fiscal_year, agency_code, kind)
);
-- StakeholderCounts reads the approved rows of a year for every agency at once, from this
-- index alone.
CREATE INDEX stakeholder_data_status_idx ON stakeholder_data (fiscal_year, status, agency_code, kind, population);

-- stakeholder_contacts: the sample list of external stakeholders. phone holds digits only and
-- email lower case; name_key is the name in lower case with single spaces. Two rows are the
-- same person when they share name_key and phone, or name_key and email: the partial unique
-- indexes enforce it whatever code writes here.
CREATE TABLE stakeholder_contacts (
	id           INTEGER PRIMARY KEY,
	fiscal_year  INTEGER NOT NULL REFERENCES years (fiscal_year) ON DELETE CASCADE,
	agency_code  TEXT NOT NULL REFERENCES agencies (code) ON DELETE CASCADE,
	name         TEXT NOT NULL,
	organisation TEXT NOT NULL DEFAULT '',
	type         TEXT NOT NULL CHECK (type IN ('public', 'official', 'business')),
	phone        TEXT NOT NULL DEFAULT '',
	email        TEXT NOT NULL DEFAULT '',
	service      TEXT NOT NULL DEFAULT '',
	name_key     TEXT NOT NULL,
	created_at   TEXT NOT NULL,
	updated_at   TEXT NOT NULL
);
CREATE INDEX stakeholder_contacts_agency_idx ON stakeholder_contacts (fiscal_year, agency_code, id);
CREATE UNIQUE INDEX stakeholder_contacts_phone_idx ON stakeholder_contacts (fiscal_year, agency_code, name_key, phone)
	WHERE phone <> '';
CREATE UNIQUE INDEX stakeholder_contacts_email_idx ON stakeholder_contacts (fiscal_year, agency_code, name_key, email)
	WHERE email <> '';
