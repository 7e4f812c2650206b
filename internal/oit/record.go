package oit

import (
	"slices"
	"time"
)

// Record is one agency's OIT answers in one fiscal year with everything that happened to
// them. The zero Version means nothing has been saved yet: such a record is a draft with no
// items.
//
// Version grows by one with every change; a change names the version its author saw
// (Command.Base), so that two browser tabs cannot overwrite each other silently.
type Record struct {
	FiscalYear int
	AgencyCode string
	Status     Status
	Version    int
	// Items holds the items that have been touched, by item id; an item not here has no
	// answer yet.
	Items       map[string]Item
	SubmittedAt time.Time // last ยื่นขออนุมัติ
	ApprovedAt  time.Time // ยืนยันการตรวจ
	ReleasedAt  time.Time // scores released for clarification
	ConfirmedAt time.Time // final scores confirmed
	UpdatedAt   time.Time
}

// NewRecord returns the empty draft of an agency in a year.
func NewRecord(fiscalYear int, agencyCode string) Record {
	return Record{FiscalYear: fiscalYear, AgencyCode: agencyCode, Status: StatusDraft, Items: map[string]Item{}}
}

// Item is one item of an agency's record: the admin's answer, the executive's check, the
// assessor's score, the agency's reply in the clarification round and the assessor's decision
// on it. Who and when are kept with each part.
type Item struct {
	ID string
	// Version is the record's version when the item last changed.
	Version    int
	Answer     Answer
	SavedBy    string
	SavedAt    time.Time
	Review     Review
	Assessment Assessment
	Reply      Reply
	Decision   Decision
}

// Review is the executive's check of an answer.
type Review struct {
	Verdict Verdict
	Comment string
	By      string
	At      time.Time
}

// Assessment is an assessor's score of an answer: the item's data components found (indexes
// into the framework item's Components), a score the framework allows, and a comment for the
// agency.
type Assessment struct {
	Scored     bool
	Components []int
	Score      float64
	Comment    string
	By         string
	At         time.Time
}

// Reply is the agency's clarification of a disputed item: text and, optionally, a corrected
// or additional URL.
type Reply struct {
	Text string
	URL  string
	By   string
	At   time.Time
}

// Replied reports whether the agency replied.
func (r Reply) Replied() bool { return !r.At.IsZero() }

// Decision is the assessor's answer to a reply: the score that stands and why.
type Decision struct {
	Decided bool
	Score   float64
	Comment string
	By      string
	At      time.Time
}

// Answered reports whether the item has an answer.
func (it Item) Answered() bool { return it.Answer.Disclosure != "" }

// FinalScore returns the item's score after clarification, and whether it has one: the
// assessor's decision on the agency's reply when there is one, else the assessor's score.
func (it Item) FinalScore() (float64, bool) {
	if it.Decision.Decided {
		return it.Decision.Score, true
	}
	return it.Assessment.Score, it.Assessment.Scored
}

// Item returns the item with the given id, empty (but with its id) when never touched.
func (r Record) Item(id string) Item {
	if it, ok := r.Items[id]; ok {
		return it
	}
	return Item{ID: id}
}

// Counts is how far a record has got, item by item.
type Counts struct {
	Answered int // items with an answer
	Passed   int // items the executive passed
	Failed   int // items the executive failed
	Scored   int // items an assessor scored
	Replied  int // items the agency replied to
	Decided  int // replied items with the assessor's decision
}

// Counts counts the record's items.
func (r Record) Counts() Counts {
	var c Counts
	for _, it := range r.Items {
		if it.Answered() {
			c.Answered++
		}
		switch it.Review.Verdict {
		case Pass:
			c.Passed++
		case Fail:
			c.Failed++
		}
		if it.Assessment.Scored {
			c.Scored++
		}
		if it.Reply.Replied() {
			c.Replied++
			if it.Decision.Decided {
				c.Decided++
			}
		}
	}
	return c
}

// Scores returns the final score of every item once the assessors have confirmed them
// (StatusFinal), for the scoring engine's Input.OIT; nil before, which the engine reports as
// OIT not scored.
func (r Record) Scores() map[string]float64 {
	if r.Status != StatusFinal {
		return nil
	}
	out := make(map[string]float64, len(r.Items))
	for id, it := range r.Items {
		if s, ok := it.FinalScore(); ok {
			out[id] = s
		}
	}
	return out
}

// clone returns a deep copy of r, so that a failed command leaves no trace.
func (r Record) clone() Record {
	c := r
	c.Items = make(map[string]Item, len(r.Items))
	for id, it := range r.Items {
		it.Answer.URLs = slices.Clone(it.Answer.URLs)
		it.Assessment.Components = slices.Clone(it.Assessment.Components)
		c.Items[id] = it
	}
	return c
}
