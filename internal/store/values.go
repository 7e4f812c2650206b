package store

import (
	"database/sql/driver"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/openitas/itas/internal/thaidate"
)

// sqliteTime is how times are stored in SQLite: UTC, fixed width, so that
// comparing the text compares the times.
const sqliteTime = "2006-01-02T15:04:05.000000Z"

// tv returns t as a bound value for the dialect: a time for PostgreSQL,
// fixed-width UTC text for SQLite.
func (s *Store) tv(t time.Time) any {
	t = t.UTC().Truncate(time.Microsecond)
	if s.dialect == SQLite {
		return t.Format(sqliteTime)
	}
	return t
}

// ntv is tv for a nullable column: the zero time is NULL.
func (s *Store) ntv(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return s.tv(t)
}

// timeScan scans a time column of either dialect (time, text or NULL)
// into *t, in UTC; NULL gives the zero time.
type timeScan struct{ t *time.Time }

func (ts timeScan) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*ts.t = time.Time{}
	case time.Time:
		*ts.t = v.UTC()
	case string:
		return ts.parse(v)
	case []byte:
		return ts.parse(string(v))
	default:
		return fmt.Errorf("store: cannot scan %T into a time", src)
	}
	return nil
}

func (ts timeScan) parse(v string) error {
	for _, layout := range []string{sqliteTime, time.RFC3339Nano, "2006-01-02 15:04:05.999999999-07:00"} {
		if t, err := time.Parse(layout, v); err == nil {
			*ts.t = t.UTC()
			return nil
		}
	}
	return fmt.Errorf("store: cannot parse time %q", v)
}

// intList is a list of small integers kept in one text column as "6,7".
type intList []int

func (l intList) Value() (driver.Value, error) {
	parts := make([]string, len(l))
	for i, n := range l {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, ","), nil
}

type intListScan struct{ l *[]int }

func (ls intListScan) Scan(src any) error {
	var s string
	switch v := src.(type) {
	case nil:
	case string:
		s = v
	case []byte:
		s = string(v)
	default:
		return fmt.Errorf("store: cannot scan %T into a list", src)
	}
	*ls.l = nil
	if s == "" {
		return nil
	}
	for _, p := range strings.Split(s, ",") {
		n, err := strconv.Atoi(p)
		if err != nil {
			return fmt.Errorf("store: bad list %q: %w", s, err)
		}
		*ls.l = append(*ls.l, n)
	}
	return nil
}

// args collects bound values and hands out their placeholders, for
// queries whose conditions depend on a filter.
type args []any

// add appends v and returns its placeholder ("$3").
func (a *args) add(v any) string {
	*a = append(*a, v)
	return "$" + strconv.Itoa(len(*a))
}

// list appends every value and returns "($3, $4, …)".
func (a *args) list(vs ...any) string {
	ps := make([]string, len(vs))
	for i, v := range vs {
		ps[i] = a.add(v)
	}
	return "(" + strings.Join(ps, ", ") + ")"
}

// likeEscape escapes the LIKE wildcards in s with a backslash; queries use
// ESCAPE '\'.
func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// dayValue is a response's day as both engines take it: the date in Bangkok, "2006-01-02".
func dayValue(t time.Time) string {
	return t.In(thaidate.Location).Format(time.DateOnly)
}

// dayScan scans a day column of either engine into midnight in Bangkok of that day: a DATE
// (PostgreSQL) arrives as a time at midnight UTC, a SQLite text as "2006-01-02" or, should a
// full time have been stored, the Bangkok day of that time.
type dayScan struct{ t *time.Time }

func (ds dayScan) Scan(src any) error {
	var v time.Time
	switch x := src.(type) {
	case time.Time:
		v = x.UTC()
	case string:
		return ds.parse(x)
	case []byte:
		return ds.parse(string(x))
	default:
		return fmt.Errorf("store: cannot scan %T into a day", src)
	}
	*ds.t = time.Date(v.Year(), v.Month(), v.Day(), 0, 0, 0, 0, thaidate.Location)
	return nil
}

func (ds dayScan) parse(v string) error {
	if d, err := time.ParseInLocation(time.DateOnly, v, thaidate.Location); err == nil {
		*ds.t = d
		return nil
	}
	var t time.Time
	if err := (timeScan{&t}).parse(v); err != nil {
		return err
	}
	*ds.t = thaidate.StartOfDay(t)
	return nil
}
