package audit

import "time"

// Filter selects audit entries, newest first. The zero Filter selects
// every entry, first page of DefaultLimit.
//
// Actor, AgencyCode and Subject match exactly when not empty. Action
// matches exactly, or as a prefix when it ends in "." ("account." finds
// every account action). Since and Until bound At (inclusive, exclusive)
// when not zero.
type Filter struct {
	Actor      string
	AgencyCode string
	Action     string
	Subject    string
	Since      time.Time
	Until      time.Time
	Limit      int // DefaultLimit when ≤ 0, at most MaxLimit
	Offset     int // negative means 0
}

// Paging defaults.
const (
	DefaultLimit = 50
	MaxLimit     = 1000
)

// Normalized returns f with Limit and Offset brought into range.
func (f Filter) Normalized() Filter {
	switch {
	case f.Limit <= 0:
		f.Limit = DefaultLimit
	case f.Limit > MaxLimit:
		f.Limit = MaxLimit
	}
	if f.Offset < 0 {
		f.Offset = 0
	}
	return f
}

// Page is one page of entries, newest first, and the total number
// matching the filter.
type Page struct {
	Entries []Entry
	Total   int
}
