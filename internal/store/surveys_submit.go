package store

import (
	"context"
	"database/sql"
	"fmt"
	"runtime/debug"
	"sync"
	"time"

	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/survey"
)

// maxBatch bounds how many submissions one group commit writes.
const maxBatch = 256

// batchTimeout bounds one group commit; the submissions' own contexts do not apply, since a
// batch serves many requests.
const batchTimeout = 30 * time.Second

// submitQueue is the group-commit queue of SubmitResponse. The zero value is ready: the first
// submission starts a committer goroutine, which writes batches while submissions keep
// coming and ends when the queue is empty, so no goroutine outlives the work or needs
// stopping when the store closes.
type submitQueue struct {
	mu      sync.Mutex
	pending []*pendingSubmission
	running bool
}

type pendingSubmission struct {
	sub  survey.Submission
	done chan error // receives the outcome once; buffered
}

// SubmitResponse stores one respondent's response and returns once it is durably committed
// (on SQLite the write-ahead log is synced to disk at the commit; on PostgreSQL the commit is
// synchronous). It is the path of every respondent, so it does no query of its own: it joins
// a queue that one committer writes in batches of up to 256 submissions per transaction
// (group commit), one fsync for the whole batch.
//
// Each submission's IDHash is inserted into respondent_keys with ON CONFLICT DO NOTHING: a
// hash already there, or twice in the batch, makes that submission a Conflict ("already
// answered") while the rest of the batch proceeds. Answers and suggestions are written in a
// shuffled order with random ids. Single responses are deliberately not audit-logged: an
// audit entry carries a time and an order, which would undo the day-only design.
//
// sub.Day, when zero, is set to today in Bangkok from the store's clock. Errors: Invalid for
// a malformed submission; Conflict when that ID hash has already answered; the context's
// error if ctx ends first (the response may still have been stored).
func (s *Store) SubmitResponse(ctx context.Context, sub survey.Submission) (err error) {
	defer wrap(&err, "store.SubmitResponse")
	if err := s.checkSubmission(&sub); err != nil {
		return err
	}
	p := &pendingSubmission{sub: sub, done: make(chan error, 1)}
	q := &s.submits
	q.mu.Lock()
	q.pending = append(q.pending, p)
	start := !q.running
	q.running = true
	q.mu.Unlock()
	if start {
		go s.commitLoop()
	}
	select {
	case err := <-p.done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// commitLoop writes batches until the queue is empty.
func (s *Store) commitLoop() {
	q := &s.submits
	for {
		q.mu.Lock()
		n := min(len(q.pending), maxBatch)
		if n == 0 {
			q.running = false
			q.pending = nil
			q.mu.Unlock()
			return
		}
		batch := make([]*pendingSubmission, n)
		copy(batch, q.pending)
		q.pending = q.pending[n:]
		q.mu.Unlock()
		s.commitBatch(batch)
	}
}

// commitBatch writes a batch in one transaction and answers every waiter. If the transaction
// fails, each submission is retried alone, so that one bad submission cannot fail the
// others.
//
// A panic (a bug) fails the waiters not yet answered with an Internal error instead of
// killing the server or leaving the queue marked running with no goroutine behind it.
func (s *Store) commitBatch(batch []*pendingSubmission) {
	answered := 0
	answer := func(p *pendingSubmission, err error) {
		p.done <- err
		answered++
	}
	defer func() {
		if v := recover(); v != nil {
			err := apperr.Internal(fmt.Errorf("group commit panicked: %v\n%s", v, debug.Stack()))
			for _, p := range batch[answered:] {
				p.done <- err
			}
		}
	}()
	subs := make([]survey.Submission, len(batch))
	for i, p := range batch {
		subs[i] = p.sub
	}
	ctx, cancel := context.WithTimeout(context.Background(), batchTimeout)
	outcomes, err := s.writeResponses(ctx, subs)
	cancel()
	if err != nil && len(batch) > 1 {
		for _, p := range batch {
			// Each retry has its own deadline: a batch that failed by timing out must not
			// leave its retries no time at all.
			ctx, cancel := context.WithTimeout(context.Background(), batchTimeout)
			one, err := s.writeResponses(ctx, []survey.Submission{p.sub})
			cancel()
			if err == nil {
				err = one[0]
			}
			answer(p, err)
		}
		return
	}
	for i, p := range batch {
		if err != nil {
			answer(p, err)
		} else {
			answer(p, outcomes[i])
		}
	}
}

// writeResponses inserts subs in one durable transaction and returns each submission's
// outcome (nil or Conflict).
func (s *Store) writeResponses(ctx context.Context, subs []survey.Submission) (outcomes []error, err error) {
	err = s.durableWrite(ctx, func(tx *sql.Tx) error {
		outcomes, err = s.insertResponses(ctx, tx, subs)
		return err
	})
	return outcomes, err
}

// InsertResponsesRaw writes subs in one durable transaction exactly as a group commit does,
// without the queue, and returns how many were stored (the others had answered already).
// Benchmarks use it for the ceiling of the response path; nothing else should.
func (s *Store) InsertResponsesRaw(ctx context.Context, subs []survey.Submission) (stored int, err error) {
	defer wrap(&err, "store.InsertResponsesRaw(%d)", len(subs))
	for i := range subs {
		if err := s.checkSubmission(&subs[i]); err != nil {
			return 0, err
		}
	}
	outcomes, err := s.writeResponses(ctx, subs)
	for _, o := range outcomes {
		if o == nil {
			stored++
		}
	}
	return stored, err
}

// durableWrite runs fn in a write transaction that is on disk when it commits: SQLite's
// writer connection is opened with synchronous=FULL (see openSQLite), which syncs the
// write-ahead log at every commit; PostgreSQL commits synchronously even if the server's
// default says otherwise.
func (s *Store) durableWrite(ctx context.Context, fn func(*sql.Tx) error) (err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer func() {
		if p := recover(); p != nil {
			tx.Rollback()
			panic(p)
		}
		if err != nil {
			tx.Rollback()
			return
		}
		if cerr := tx.Commit(); cerr != nil {
			err = fmt.Errorf("commit: %w", cerr)
		}
	}()
	if s.dialect == Postgres {
		if _, err := tx.ExecContext(ctx, `SET LOCAL synchronous_commit = on`); err != nil {
			return err
		}
	}
	return fn(tx)
}

// checkSubmission rejects what the tables would refuse or misfile, and sets a zero Day to
// today.
func (s *Store) checkSubmission(sub *survey.Submission) error {
	switch {
	case !survey.ValidSurvey(sub.Survey):
		return apperr.Invalid("แบบสำรวจต้องเป็น IIT หรือ EIT", "The survey must be IIT or EIT")
	case !sub.Channel.Valid():
		return apperr.Invalid("ช่องทางการตอบไม่ถูกต้อง", "Unknown response channel")
	case sub.FiscalYear <= 0 || sub.AgencyCode == "":
		return apperr.Invalid("ไม่ระบุปีงบประมาณหรือหน่วยงาน", "No fiscal year or agency given")
	case len(sub.IDHash) < 16:
		return apperr.Invalid("ไม่มีรหัสผู้ตอบ", "No respondent key")
	case len(sub.Answers) == 0:
		return apperr.Invalid("ไม่มีคำตอบ", "No answers")
	}
	if sub.Day.IsZero() {
		sub.Day = s.Now()
	}
	return nil
}

func alreadyAnswered() error {
	return apperr.Conflict(
		"ท่านได้ตอบแบบสำรวจนี้แล้ว ระบบรับคำตอบได้ครั้งเดียวต่อเลขประจำตัวประชาชนหนึ่งเลข ขอบคุณที่ให้ความร่วมมือ",
		"You have already answered this survey: each national ID can answer once. Thank you.")
}
