package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"fmt"
	mrand "math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/openitas/itas/internal/survey"
)

// rowsPerStatement bounds the rows of one multi-row INSERT, well below both engines' limits on
// bound values.
const rowsPerStatement = 500

// insertResponses writes subs within tx: first every respondent key (ON CONFLICT DO NOTHING),
// then the answers and suggestions of the submissions whose key was new, in a shuffled order
// and with random ids, and last the number of those per agency and survey into
// response_counts. It returns one outcome per submission: nil when stored, Conflict when its
// key was already there or appeared earlier in subs. It does not audit-log.
func (s *Store) insertResponses(ctx context.Context, tx *sql.Tx, subs []survey.Submission) ([]error, error) {
	out := make([]error, len(subs))
	first := make(map[string]bool, len(subs))
	var fresh []int
	for i, sub := range subs {
		k := respondentKey(sub.FiscalYear, sub.AgencyCode, sub.Survey, sub.IDHash)
		if first[k] {
			out[i] = alreadyAnswered()
			continue
		}
		first[k] = true
		fresh = append(fresh, i)
	}
	inserted, err := s.insertKeys(ctx, tx, subs, fresh)
	if err != nil {
		return nil, fmt.Errorf("respondent keys: %w", err)
	}
	var accepted []int
	for _, i := range fresh {
		sub := subs[i]
		if !inserted[respondentKey(sub.FiscalYear, sub.AgencyCode, sub.Survey, sub.IDHash)] {
			out[i] = alreadyAnswered()
			continue
		}
		accepted = append(accepted, i)
	}
	// Shuffle, so that the order of answers says nothing of the order of the keys.
	mrand.Shuffle(len(accepted), func(a, b int) { accepted[a], accepted[b] = accepted[b], accepted[a] })
	if err := s.insertAnswers(ctx, tx, subs, accepted); err != nil {
		return nil, fmt.Errorf("responses: %w", err)
	}
	if err := s.insertSuggestions(ctx, tx, subs, accepted); err != nil {
		return nil, fmt.Errorf("suggestions: %w", err)
	}
	if err := s.addResponseCounts(ctx, tx, countStored(subs, accepted)); err != nil {
		return nil, fmt.Errorf("response counts: %w", err)
	}
	return out, nil
}

func respondentKey(fy int, code, sv string, hash []byte) string {
	return strconv.Itoa(fy) + "\x00" + code + "\x00" + sv + "\x00" + string(hash)
}

// insertKeys inserts the respondent keys of subs[idx] and returns the set of those that were
// new (by respondentKey).
func (s *Store) insertKeys(ctx context.Context, tx *sql.Tx, subs []survey.Submission, idx []int) (map[string]bool, error) {
	inserted := make(map[string]bool, len(idx))
	for lo := 0; lo < len(idx); lo += rowsPerStatement {
		part := idx[lo:min(lo+rowsPerStatement, len(idx))]
		rows := make([][]any, len(part))
		for j, i := range part {
			sub := subs[i]
			rows[j] = []any{sub.FiscalYear, sub.AgencyCode, sub.Survey, sub.IDHash}
		}
		q, vals := s.valuesSQL(`INSERT INTO respondent_keys (fiscal_year, agency_code, survey, id_hash)`, rows,
			` ON CONFLICT DO NOTHING RETURNING fiscal_year, agency_code, survey, id_hash`)
		res, err := tx.QueryContext(ctx, q, vals...)
		if err != nil {
			return nil, err
		}
		for res.Next() {
			var (
				fy       int
				code, sv string
				hash     []byte
			)
			if err := res.Scan(&fy, &code, &sv, &hash); err != nil {
				res.Close()
				return nil, err
			}
			inserted[respondentKey(fy, code, sv, hash)] = true
		}
		res.Close()
		if err := res.Err(); err != nil {
			return nil, err
		}
	}
	return inserted, nil
}

// insertAnswers inserts the responses of subs[idx], in that order, each with a random id; the
// rare id already taken is retried with another.
func (s *Store) insertAnswers(ctx context.Context, tx *sql.Tx, subs []survey.Submission, idx []int) error {
	for lo := 0; lo < len(idx); lo += rowsPerStatement {
		part := idx[lo:min(lo+rowsPerStatement, len(idx))]
		rows := make([][]any, len(part))
		for j, i := range part {
			sub := subs[i]
			rows[j] = []any{sub.FiscalYear, sub.AgencyCode, sub.Survey, string(sub.Channel), dayValue(sub.Day),
				jsonObject(sub.Answers), jsonObject(sub.Profile)}
		}
		if err := s.insertWithRandomIDs(ctx, tx,
			`INSERT INTO responses (id, fiscal_year, agency_code, survey, channel, day, answers, profile)`, rows); err != nil {
			return err
		}
	}
	return nil
}

// insertSuggestions inserts the non-empty suggestions of subs[idx], in that order.
func (s *Store) insertSuggestions(ctx context.Context, tx *sql.Tx, subs []survey.Submission, idx []int) error {
	var rows [][]any
	for _, i := range idx {
		sub := subs[i]
		if strings.TrimSpace(sub.Suggestion) == "" {
			continue
		}
		rows = append(rows, []any{sub.FiscalYear, sub.AgencyCode, sub.Survey, dayValue(sub.Day), sub.Suggestion})
	}
	for lo := 0; lo < len(rows); lo += rowsPerStatement {
		if err := s.insertWithRandomIDs(ctx, tx, `INSERT INTO suggestions (id, fiscal_year, agency_code, survey, day, text)`,
			rows[lo:min(lo+rowsPerStatement, len(rows))]); err != nil {
			return err
		}
	}
	return nil
}

// insertWithRandomIDs inserts rows (without their id) under head, whose first column is id,
// giving each a random positive id. Ids that collide with an existing row are drawn again: with
// 63 random bits that is about once in ten million years of a national year's responses, but
// a collision must never lose an answer.
func (s *Store) insertWithRandomIDs(ctx context.Context, tx *sql.Tx, head string, rows [][]any) error {
	for attempt := 0; len(rows) > 0; attempt++ {
		if attempt == 5 {
			return fmt.Errorf("no free random id after %d attempts", attempt)
		}
		byID := make(map[int64][]any, len(rows))
		withID := make([][]any, 0, len(rows))
		for _, r := range rows {
			id := randomID()
			for byID[id] != nil {
				id = randomID()
			}
			byID[id] = r
			withID = append(withID, append([]any{id}, r...))
		}
		q, vals := s.valuesSQL(head, withID, ` ON CONFLICT (id) DO NOTHING RETURNING id`)
		res, err := tx.QueryContext(ctx, q, vals...)
		if err != nil {
			return err
		}
		for res.Next() {
			var id int64
			if err := res.Scan(&id); err != nil {
				res.Close()
				return err
			}
			delete(byID, id)
		}
		res.Close()
		if err := res.Err(); err != nil {
			return err
		}
		rows = rows[:0]
		for _, r := range byID {
			rows = append(rows, r)
		}
	}
	return nil
}

// randomID returns a random positive 63-bit id.
func randomID() int64 {
	var b [8]byte
	_, _ = rand.Read(b[:]) // never fails (crypto/rand panics instead)
	if id := int64(binary.BigEndian.Uint64(b[:]) >> 1); id != 0 {
		return id
	}
	return 1
}

// valuesSQL builds head VALUES (…), (…) tail with one placeholder per value: "?" on SQLite,
// "$n" on PostgreSQL.
func (s *Store) valuesSQL(head string, rows [][]any, tail string) (string, []any) {
	var b strings.Builder
	b.WriteString(head)
	b.WriteString(" VALUES ")
	vals := make([]any, 0, len(rows)*len(rows[0]))
	for i, r := range rows {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('(')
		for j, v := range r {
			if j > 0 {
				b.WriteString(", ")
			}
			vals = append(vals, v)
			if s.dialect == SQLite {
				b.WriteByte('?')
			} else {
				b.WriteByte('$')
				b.WriteString(strconv.Itoa(len(vals)))
			}
		}
		b.WriteByte(')')
	}
	b.WriteString(tail)
	return b.String(), vals
}

// jsonObject encodes m as a JSON object with its keys sorted, as json.Marshal does but at a
// fraction of the cost for the plain short strings of answers: a national year writes about
// 70 million of them.
func jsonObject(m map[string]string) string {
	keys := make([]string, 0, len(m))
	size := 2
	for k, v := range m {
		keys = append(keys, k)
		size += len(k) + len(v) + 6
	}
	slices.Sort(keys)
	b := make([]byte, 0, size)
	b = append(b, '{')
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, k)
		b = append(b, ':')
		b = appendJSONString(b, m[k])
	}
	return string(append(b, '}'))
}

// appendJSONString appends s as a JSON string: as it is when it needs no escaping (valid
// UTF-8 without quotes, backslashes or control characters), else through encoding/json.
func appendJSONString(b []byte, s string) []byte {
	plain := utf8.ValidString(s)
	for i := 0; plain && i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '"' || c == '\\' {
			plain = false
		}
	}
	if plain {
		b = append(b, '"')
		b = append(b, s...)
		return append(b, '"')
	}
	q, _ := json.Marshal(s) // a string always encodes
	return append(b, q...)
}
