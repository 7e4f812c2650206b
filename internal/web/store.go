package web

import (
	"context"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/assessment"
	"github.com/openitas/itas/internal/audit"
)

// Store is what the web layer needs from storage. Methods return *apperr.Error values with
// code NotFound for missing records and Conflict for duplicates; writes that change state take
// the audit entry template (audit.By) naming who acts and record the entry in the same
// transaction.
type Store interface {
	Ping(ctx context.Context) error
	sessionStore
	accountStore
	agencyStore
	yearStore
	stakeholderStore // store_stakeholder.go
	surveyStore      // store_survey.go
	trackingStore    // store_tracking.go
	oitStore         // store_oit.go
	evidenceStore    // evidence_store.go
	resultsStore     // store_results.go
	FindAudit(ctx context.Context, f audit.Filter) (audit.Page, error)
	// AppendAudit records an event that changes no other table (logins, logouts, exports).
	AppendAudit(ctx context.Context, e audit.Entry) (audit.Entry, error)
}

type sessionStore interface {
	CreateSession(ctx context.Context, s account.Session) error
	// FindSession returns the live session whose token hashes to tokenHash with its account;
	// Unauthorized when there is none (expired, ended, or the account is disabled).
	FindSession(ctx context.Context, tokenHash string) (account.Session, account.Account, error)
	TouchSession(ctx context.Context, tokenHash string) error
	DeleteSession(ctx context.Context, tokenHash string) error
}

type accountStore interface {
	FindAccountByID(ctx context.Context, id int64) (account.Account, error)
	FindAccountByUsername(ctx context.Context, username string) (account.Account, error)
	FindAccountsByAgency(ctx context.Context, code string) ([]account.Account, error)
	CreateAccounts(ctx context.Context, batch []account.Account, by audit.Entry) ([]account.Account, error)
	// UpdatePassword stores a password the user chose and ends every session of the account.
	UpdatePassword(ctx context.Context, id int64, hash string, by audit.Entry) error
	UpdateProfile(ctx context.Context, id int64, p account.Profile, by audit.Entry) error
	// ResetAccount gives the account a one-time password, ends its sessions and returns it.
	ResetAccount(ctx context.Context, id int64, by audit.Entry) (password string, err error)
	FindAccounts(ctx context.Context, f account.Filter) (account.Page, error)
	// SetDisabled disables (ending its sessions) or enables the account.
	SetDisabled(ctx context.Context, id int64, disabled bool, by audit.Entry) error
	UpdateAccountScope(ctx context.Context, id int64, groups []int, supervisor agency.Supervisor, by audit.Entry) error
}

type agencyStore interface {
	FindAgencies(ctx context.Context, f agency.Filter) (agency.Page, error)
	FindAgencyByCode(ctx context.Context, code string) (agency.Agency, error)
	CreateAgency(ctx context.Context, a agency.Agency, by audit.Entry) error
	UpdateAgency(ctx context.Context, code string, upd agency.Agency, by audit.Entry) error
	// UpsertAgencies imports a batch as one change, all or nothing; see store.UpsertAgencies.
	UpsertAgencies(ctx context.Context, batch []agency.Agency, by audit.Entry) (agency.ImportResult, error)
}

// logoStore is the optional part of the store that keeps agency logos. When the store given to
// New does not implement it, the logo upload is not offered and logo URLs answer 404.
type logoStore interface {
	SetAgencyLogo(ctx context.Context, code, contentType string, data []byte, by audit.Entry) error
	FindAgencyLogo(ctx context.Context, code string) (contentType string, data []byte, err error)
}

type yearStore interface {
	FindYears(ctx context.Context) ([]assessment.Year, error)
	FindYear(ctx context.Context, fiscalYear int) (assessment.Year, error)
	CreateYear(ctx context.Context, y assessment.Year, by audit.Entry) error
	UpdateYear(ctx context.Context, y assessment.Year, by audit.Entry) error
}

// sessionSweeper is the optional part of the store that removes expired sessions; when the
// store has it, Run calls it every sweepEvery.
type sessionSweeper interface {
	DeleteExpiredSessions(ctx context.Context) (int64, error)
}
