package tracking

import (
	"bytes"
	"cmp"
	"slices"

	"github.com/openitas/itas/internal/agency"
)

// Filter selects, orders and pages the tracking table. Agency selects the agencies (and
// carries the account's scope, see account.ScopeFilter); its Limit and Offset page the
// result unless Unpaged is set (an export takes every row); its Query is ignored. The zero
// Filter is every agency by name, first page.
type Filter struct {
	Agency  agency.Filter
	Status  StatusFilter
	Sort    Sort
	Desc    bool
	Unpaged bool
}

// StatusFilter keeps the agencies whose surveys stand in a given way; "" keeps every agency.
type StatusFilter string

// The status filters.
const (
	AnyStatus StatusFilter = ""
	IITShort  StatusFilter = "iit_short" // IIT below its minimum
	IITMet    StatusFilter = "iit_met"   // IIT at or above its minimum
	EITShort  StatusFilter = "eit_short" // EIT below its minimum
	EITMet    StatusFilter = "eit_met"   // EIT at or above its minimum
	AnyShort  StatusFilter = "short"     // IIT or EIT below its minimum
	BothMet   StatusFilter = "met"       // both at or above their minimums
	NoMinimum StatusFilter = "unknown"   // a minimum not known yet
)

// StatusFilters lists the status filters other than AnyStatus, in the order a form offers them.
var StatusFilters = []StatusFilter{AnyShort, BothMet, IITShort, IITMet, EITShort, EITMet, NoMinimum}

// Valid reports whether f is AnyStatus or one of StatusFilters.
func (f StatusFilter) Valid() bool { return f == AnyStatus || slices.Contains(StatusFilters, f) }

// Keep reports whether row r passes f.
func (f StatusFilter) Keep(r Row) bool {
	iit, eit := r.IIT.Status(), r.EIT.Status()
	switch f {
	case IITShort:
		return iit == StatusShort
	case IITMet:
		return iit == StatusMet
	case EITShort:
		return eit == StatusShort
	case EITMet:
		return eit == StatusMet
	case AnyShort:
		return iit == StatusShort || eit == StatusShort
	case BothMet:
		return iit == StatusMet && eit == StatusMet
	case NoMinimum:
		return iit == StatusUnknown || eit == StatusUnknown
	}
	return true
}

// Sort names the order of the table.
type Sort string

// The orders. Ties are broken by name, then code.
const (
	SortName     Sort = "name"     // Thai dictionary order of the name (the default)
	SortCode     Sort = "code"     // agency code
	SortGroup    Sort = "group"    // assessment group
	SortProvince Sort = "province" // province
	SortIIT      Sort = "iit"      // IIT responses
	SortEIT      Sort = "eit"      // EIT responses
	SortIITPct   Sort = "iit_pct"  // IIT responses as a share of the minimum; unknown last
	SortEITPct   Sort = "eit_pct"  // EIT responses as a share of the minimum; unknown last
)

// Sorts lists every order.
var Sorts = []Sort{SortName, SortCode, SortGroup, SortProvince, SortIIT, SortEIT, SortIITPct, SortEITPct}

// Valid reports whether s is one of Sorts.
func (s Sort) Valid() bool { return slices.Contains(Sorts, s) }

// ByAgency reports whether s orders by the agency's record alone, so that a page can be cut
// before any response is counted.
func (s Sort) ByAgency() bool {
	return s == SortName || s == SortCode || s == SortGroup || s == SortProvince || s == ""
}

// Normalized returns f with an unknown sort replaced by SortName, an unknown status filter
// by AnyStatus, and the agency filter normalised (Limit and Offset in range).
func (f Filter) Normalized() Filter {
	f.Agency = f.Agency.Normalized()
	if !f.Sort.Valid() {
		f.Sort = SortName
	}
	if !f.Status.Valid() {
		f.Status = AnyStatus
	}
	return f
}

// NeedsAll reports whether every matching agency's responses must be counted before the page
// can be cut: a status filter, an order by responses, or no paging at all.
func (f Filter) NeedsAll() bool {
	return f.Status != AnyStatus || !f.Sort.ByAgency() || f.Unpaged
}

// Arrange applies f's status filter, order and page to rows, every agency that matches f's
// agency filter with its counts and minimums, and returns the page (every row kept when f is
// Unpaged). rows is not modified.
func Arrange(rows []Row, f Filter) Page {
	f = f.Normalized()
	kept := make([]*Row, 0, len(rows))
	for i := range rows {
		if f.Status.Keep(rows[i]) {
			kept = append(kept, &rows[i])
		}
	}
	// Pointers, since rows are large (8,302 in the national table); not stable, since byName
	// ends every tie (codes are unique).
	slices.SortFunc(kept, func(a, b *Row) int {
		if c := unknownLast(f.Sort, a, b); c != 0 {
			return c
		}
		c := Compare(f.Sort, a, b)
		if f.Desc {
			c = -c
		}
		if c == 0 {
			c = byName(a, b)
		}
		return c
	})
	total := len(kept)
	if !f.Unpaged {
		kept = kept[min(f.Agency.Offset, total):min(total, f.Agency.Offset+f.Agency.Limit)]
	}
	p := Page{Total: total, Rows: make([]Row, len(kept))}
	for i, r := range kept {
		p.Rows[i] = *r
	}
	return p
}

// Compare orders a and b by s alone (SortName, and an unknown sort, by name then code); 0
// when s cannot tell them apart.
func Compare(s Sort, a, b *Row) int {
	switch s {
	case SortCode:
		return cmp.Compare(a.Agency.Code, b.Agency.Code)
	case SortGroup:
		return cmp.Compare(a.Agency.Group, b.Agency.Group)
	case SortProvince:
		return cmp.Compare(a.Agency.Province, b.Agency.Province)
	case SortIIT:
		return cmp.Compare(a.IIT.Responses, b.IIT.Responses)
	case SortEIT:
		return cmp.Compare(a.EIT.Responses, b.EIT.Responses)
	case SortIITPct:
		return comparePct(a.IIT, b.IIT)
	case SortEITPct:
		return comparePct(a.EIT, b.EIT)
	}
	return byName(a, b)
}

// comparePct orders by responses over minimum, uncapped; unknown minimums compare equal to
// each other (see unknownLast for their place).
func comparePct(a, b Survey) int {
	if a.Minimum <= 0 || b.Minimum <= 0 {
		return 0
	}
	// a.R/a.M against b.R/b.M without floats.
	return cmp.Compare(a.Responses*b.Minimum, b.Responses*a.Minimum)
}

// unknownLast puts rows whose minimum is unknown after the others when s orders by share of
// the minimum, in either direction: a share that cannot be computed is not the smallest.
func unknownLast(s Sort, a, b *Row) int {
	var ka, kb bool
	switch s {
	case SortIITPct:
		ka, kb = a.IIT.Minimum > 0, b.IIT.Minimum > 0
	case SortEITPct:
		ka, kb = a.EIT.Minimum > 0, b.EIT.Minimum > 0
	default:
		return 0
	}
	switch {
	case ka && !kb:
		return -1
	case !ka && kb:
		return 1
	}
	return 0
}

func byName(a, b *Row) int {
	if c := bytes.Compare(a.SortKey, b.SortKey); c != 0 {
		return c
	}
	return cmp.Compare(a.Agency.Code, b.Agency.Code)
}
