package account

// Filter selects accounts for a listing. The zero Filter selects every
// account, first page of 50.
//
// Role and AgencyCode match exactly when not empty; Staff, when true,
// keeps the staff roles (StaffRoles) only; Query matches a part of the
// username or the name.
type Filter struct {
	Role       Role
	Staff      bool
	AgencyCode string
	Query      string
	Limit      int // 50 when ≤ 0, at most 1000
	Offset     int // negative means 0
}

// Normalized returns f with Limit and Offset brought into range.
func (f Filter) Normalized() Filter {
	switch {
	case f.Limit <= 0:
		f.Limit = 50
	case f.Limit > 1000:
		f.Limit = 1000
	}
	if f.Offset < 0 {
		f.Offset = 0
	}
	return f
}

// Page is one page of accounts, ordered by username, and the total number
// matching the filter.
type Page struct {
	Accounts []Account
	Total    int
}
