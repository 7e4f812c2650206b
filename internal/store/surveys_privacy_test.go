package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/survey"
)

// TestSurveyPrivacy checks, on both engines, what the conformance suite cannot see through the
// store's methods: that the tables of respondent keys, answers and suggestions share no column
// beyond the survey they belong to, that nothing in them records a time of day, and that the
// rows of one batch carry neither sequential ids nor the order of their keys.
func TestSurveyPrivacy(t *testing.T) {
	t.Run("SQLite", func(t *testing.T) { testSurveyPrivacy(t, MustOpenSQLite(t)) })
	t.Run("Postgres", func(t *testing.T) {
		PostgresDSN(t)
		testSurveyPrivacy(t, MustOpenPostgres(t))
	})
}

func testSurveyPrivacy(t *testing.T, s *Store) {
	ctx := context.Background()
	want := map[string][]string{
		"respondent_keys": {"agency_code", "fiscal_year", "id_hash", "survey"},
		"responses":       {"agency_code", "answers", "channel", "day", "fiscal_year", "id", "profile", "survey"},
		"suggestions":     {"agency_code", "day", "fiscal_year", "id", "survey", "text"},
	}
	for table, cols := range want {
		got := tableColumns(t, s, table)
		if !slices.Equal(got, cols) {
			t.Errorf("%s has columns %v, want exactly %v: a new column may link respondents to answers", table, got, cols)
		}
	}

	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	a := agency.Agency{Code: "6100101", Name: "องค์การบริหารส่วนตำบลท่าซุง", Type: agency.TypeSAO,
		Province: "อุทัยธานี", Group: 6, Supervisor: agency.SupervisorDLA}
	must(s.CreateAgency(ctx, a, audit.System()))
	const n = 64
	subs := make([]survey.Submission, n)
	for i := range subs {
		h := sha256.Sum256([]byte{byte(i)})
		subs[i] = survey.Submission{
			Response: survey.Response{FiscalYear: 2563, AgencyCode: a.Code, Survey: survey.EIT, Channel: survey.ChannelLink,
				Day: time.Date(2020, 3, 1, 15, 4, 5, 0, time.UTC), Answers: map[string]string{"seq": strconv.Itoa(i)}},
			IDHash: h[:], Suggestion: strconv.Itoa(i),
		}
	}
	stored, err := s.InsertResponsesRaw(ctx, subs)
	must(err)
	if stored != n {
		t.Fatalf("stored %d, want %d", stored, n)
	}
	for _, table := range []string{"responses", "suggestions"} {
		col := map[string]string{"responses": "answers", "suggestions": "text"}[table]
		rows, err := s.db.QueryContext(ctx, `SELECT id, `+col+`, day FROM `+table+` ORDER BY id`)
		must(err)
		var order []string
		small := 0
		for rows.Next() {
			var id int64
			var v, day string
			must(rows.Scan(&id, &v, &day))
			if id < 1<<40 {
				small++
			}
			if len(day) < 10 || day[:10] != "2020-03-01" || (len(day) > 10 && day[10:] != "T00:00:00Z") {
				t.Errorf("%s day %q, want the day 2020-03-01 only", table, day)
			}
			order = append(order, v)
		}
		rows.Close()
		must(rows.Err())
		if small > 2 {
			t.Errorf("%s: %d of %d ids below 2^40: ids look sequential, not random", table, small, n)
		}
		if slices.IsSorted(order) || len(order) != n {
			t.Errorf("%s in id order follow the submissions' order: %v", table, order)
		}
	}
}

// tableColumns lists a table's columns, sorted.
func tableColumns(t *testing.T, s *Store, table string) []string {
	t.Helper()
	var rows *sql.Rows
	var err error
	if s.dialect == SQLite {
		rows, err = s.db.Query(`SELECT name FROM pragma_table_info($1)`, table)
	} else {
		rows, err = s.db.Query(`SELECT column_name FROM information_schema.columns
			WHERE table_schema = current_schema() AND table_name = $1`, table)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var cols []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			t.Fatal(err)
		}
		cols = append(cols, c)
	}
	slices.Sort(cols)
	return cols
}
