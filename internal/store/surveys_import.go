package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"

	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/survey"
)

// importState is what the audit log keeps of an import into one agency's survey: how many
// responses arrived by which channel, never the answers.
type importState struct {
	FiscalYear int                    `json:"fiscal_year"`
	Survey     string                 `json:"survey"`
	Responses  int                    `json:"responses"`
	Channels   map[survey.Channel]int `json:"channels"`
}

// ImportResponses stores a set of responses all together or not at all, in one durable
// transaction: the assessors' phone and field interviews and their file imports. Every
// submission is checked as SubmitResponse checks it; an ID hash that has already answered,
// or appears twice in subs, fails the whole import. Each agency and survey touched gets one
// audit entry counting its responses by channel.
//
// Errors: Invalid for a malformed submission and Conflict for the first duplicate, each with
// one entry in Fields keyed by the submission's 0-based index in subs, so that the caller can
// name the row of its file; NotFound for an unknown agency.
func (s *Store) ImportResponses(ctx context.Context, subs []survey.Submission, by audit.Entry) (err error) {
	defer wrap(&err, "store.ImportResponses(%d)", len(subs))
	if len(subs) == 0 {
		return apperr.Invalid("ไม่มีคำตอบให้นำเข้า", "Nothing to import")
	}
	for i := range subs {
		if err := s.checkSubmission(&subs[i]); err != nil {
			return atIndex(err, i)
		}
	}
	return s.durableWrite(ctx, func(tx *sql.Tx) error {
		outcomes, err := s.insertResponses(ctx, tx, subs)
		if isForeignKey(err) {
			return apperr.Wrap(err, apperr.CodeNotFound, "ไม่พบหน่วยงานของคำตอบที่นำเข้า",
				"The responses name an agency that does not exist")
		}
		if err != nil {
			return err
		}
		for i, o := range outcomes {
			if o != nil {
				return atIndex(o, i)
			}
		}
		return s.recordImport(ctx, tx, subs, by)
	})
}

// recordImport appends one audit entry per agency and survey of subs, in order of first
// appearance.
func (s *Store) recordImport(ctx context.Context, tx *sql.Tx, subs []survey.Submission, by audit.Entry) error {
	type scope struct {
		fy       int
		code, sv string
	}
	var order []scope
	states := map[scope]*importState{}
	for _, sub := range subs {
		k := scope{sub.FiscalYear, sub.AgencyCode, sub.Survey}
		st, ok := states[k]
		if !ok {
			st = &importState{FiscalYear: k.fy, Survey: k.sv, Channels: map[survey.Channel]int{}}
			states[k] = st
			order = append(order, k)
		}
		st.Responses++
		st.Channels[sub.Channel]++
	}
	for _, k := range order {
		if err := s.record(ctx, tx, by, survey.ActionImport, k.code, fmt.Sprintf("%d/%s", k.fy, k.sv), nil, states[k]); err != nil {
			return err
		}
	}
	return nil
}

// atIndex returns err's application error with its message prefixed by the submission's
// 1-based number and Fields set to {index: message}.
func atIndex(err error, i int) error {
	ae := apperr.As(err)
	if ae == nil {
		return err
	}
	n := strconv.Itoa(i + 1)
	msg := "รายการที่ " + n + ": " + apperr.MessageOf(ae)
	msgEN := "Response " + n + ": " + apperr.MessageENOf(ae)
	out := apperr.Wrap(err, ae.Code, msg, msgEN)
	out.Fields = map[string]string{strconv.Itoa(i): msg}
	return out
}
