package agency

// Filter selects agencies for a listing. The zero Filter selects every
// agency, first page of DefaultLimit.
//
// Query matches a part of the Thai name, the short name, or a prefix of
// the code. Type, Province, Ministry and Supervisor match exactly when
// not empty; Group when not zero. Groups, when not nil, restricts the
// result to those groups (an empty non-nil slice selects nothing): it is
// how an assessor's scope narrows a listing, and combines with Group by
// AND. Codes, when not nil, restricts the result to those codes in the
// same way (an agency account's scope).
type Filter struct {
	Query      string
	Type       string
	Group      int
	Groups     []int
	Codes      []string
	Province   string
	Ministry   string
	Supervisor Supervisor
	Limit      int // DefaultLimit when ≤ 0, at most MaxLimit
	Offset     int // negative means 0
}

// Paging defaults.
const (
	DefaultLimit = 50
	MaxLimit     = 1000
)

// Normalized returns f with white space collapsed in the texts and Limit
// and Offset brought into range.
func (f Filter) Normalized() Filter {
	f.Query = collapseSpace(f.Query)
	f.Province = NormalizeProvince(f.Province)
	f.Ministry = collapseSpace(f.Ministry)
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

// Empty reports whether f can match nothing because a scope slice is
// empty but not nil.
func (f Filter) Empty() bool {
	return (f.Groups != nil && len(f.Groups) == 0) || (f.Codes != nil && len(f.Codes) == 0)
}

// Page is one page of a listing: the agencies on it, ordered by name, and
// the total number matching the filter.
type Page struct {
	Agencies []Agency
	Total    int
}
