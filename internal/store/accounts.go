package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/audit"
)

const accountColumns = `id, username, role, agency_code, assessor_groups, supervisor, name, position, phone, email,
	password_hash, must_change_password, profile_completed_at, password_changed_at, disabled, created_at`

func scanAccount(sc interface{ Scan(...any) error }) (account.Account, error) {
	var a account.Account
	var agencyCode sql.NullString
	err := sc.Scan(&a.ID, &a.Username, &a.Role, &agencyCode, intListScan{&a.Groups}, &a.Supervisor,
		&a.Name, &a.Position, &a.Phone, &a.Email, &a.PasswordHash, &a.MustChangePassword,
		timeScan{&a.ProfileCompletedAt}, timeScan{&a.PasswordChangedAt}, &a.Disabled, timeScan{&a.CreatedAt})
	a.AgencyCode = agencyCode.String
	return a, err
}

// accountState is what the audit log keeps of an account: never the
// password hash.
type accountState struct {
	Username           string            `json:"username"`
	Role               account.Role      `json:"role"`
	AgencyCode         string            `json:"agency_code,omitempty"`
	Groups             []int             `json:"groups,omitempty"`
	Supervisor         agency.Supervisor `json:"supervisor,omitempty"`
	Name               string            `json:"name,omitempty"`
	Position           string            `json:"position,omitempty"`
	Phone              string            `json:"phone,omitempty"`
	Email              string            `json:"email,omitempty"`
	MustChangePassword bool              `json:"must_change_password"`
	Disabled           bool              `json:"disabled"`
}

func stateOf(a account.Account) accountState {
	return accountState{a.Username, a.Role, a.AgencyCode, a.Groups, a.Supervisor,
		a.Name, a.Position, a.Phone, a.Email, a.MustChangePassword, a.Disabled}
}

func accountNotFound(what string) error {
	return apperr.NotFound("ไม่พบบัญชีผู้ใช้งาน "+what, "No account "+what)
}

// CreateAccount adds a (validated; its username folded to lower case and
// CreatedAt set from the store's clock when zero) and records it. It
// returns a with its ID. Errors: Invalid; Conflict if the username is
// taken or the agency already has an account of that role; NotFound if
// the agency of an agency role does not exist.
func (s *Store) CreateAccount(ctx context.Context, a account.Account, by audit.Entry) (_ account.Account, err error) {
	defer wrap(&err, "store.CreateAccount(%q)", a.Username)
	out, err := s.CreateAccounts(ctx, []account.Account{a}, by)
	if err != nil {
		return a, err
	}
	return out[0], nil
}

// CreateAccounts adds every account of the batch in one transaction —
// all or none, as CreateAccount does for one — and returns them with
// their IDs. Use it to store the accounts of GenerateAgencyAccounts.
func (s *Store) CreateAccounts(ctx context.Context, batch []account.Account, by audit.Entry) (out []account.Account, err error) {
	defer wrap(&err, "store.CreateAccounts(%d accounts)", len(batch))
	out = make([]account.Account, len(batch))
	for i, a := range batch {
		a.Username = account.NormalizeUsername(a.Username)
		if a.CreatedAt.IsZero() {
			a.CreatedAt = s.now()
		}
		a.CreatedAt = a.CreatedAt.UTC()
		if err := a.Validate(); err != nil {
			return nil, err
		}
		if a.PasswordHash == "" {
			return nil, apperr.Errorf(apperr.CodeInvalid, "account %s has no password hash", a.Username)
		}
		out[i] = a
	}
	err = s.write(ctx, func(tx *sql.Tx) error {
		for i := range out {
			a := &out[i]
			var agencyCode any
			if a.AgencyCode != "" {
				agencyCode = a.AgencyCode
				if _, err := findAgency(ctx, tx, a.AgencyCode); err != nil {
					return err
				}
			}
			err := tx.QueryRowContext(ctx, `
				INSERT INTO accounts (username, role, agency_code, assessor_groups, supervisor, name, position,
					phone, email, password_hash, must_change_password, profile_completed_at, password_changed_at,
					disabled, created_at)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
				RETURNING id`,
				a.Username, string(a.Role), agencyCode, intList(a.Groups), string(a.Supervisor), a.Name, a.Position,
				a.Phone, a.Email, a.PasswordHash, a.MustChangePassword, s.ntv(a.ProfileCompletedAt),
				s.ntv(a.PasswordChangedAt), a.Disabled, s.tv(a.CreatedAt),
			).Scan(&a.ID)
			if isUnique(err) {
				return apperr.Wrap(err, apperr.CodeConflict,
					fmt.Sprintf("มีบัญชีผู้ใช้งาน %s หรือบัญชี%sของหน่วยงานนี้อยู่แล้ว", a.Username, a.Role.Name()),
					fmt.Sprintf("Account %s, or this agency's %s account, already exists", a.Username, a.Role.NameEN()))
			}
			if err != nil {
				return err
			}
			if err := s.record(ctx, tx, by, audit.ActionAccountCreate, a.AgencyCode, a.Username, nil, stateOf(*a)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// FindAccountByUsername returns the account with the given username (in
// any letter case). Errors: NotFound.
func (s *Store) FindAccountByUsername(ctx context.Context, username string) (a account.Account, err error) {
	defer wrap(&err, "store.FindAccountByUsername(%q)", username)
	username = account.NormalizeUsername(username)
	row := s.rdb.QueryRowContext(ctx, `SELECT `+accountColumns+` FROM accounts WHERE username = $1`, username)
	a, err = scanAccount(row)
	if errors.Is(err, sql.ErrNoRows) {
		return a, accountNotFound(username)
	}
	return a, err
}

// FindAccountByID returns the account with the given ID. Errors:
// NotFound.
func (s *Store) FindAccountByID(ctx context.Context, id int64) (a account.Account, err error) {
	defer wrap(&err, "store.FindAccountByID(%d)", id)
	err = s.read(ctx, func(tx *sql.Tx) error {
		a, err = findAccount(ctx, tx, id)
		return err
	})
	return a, err
}

func findAccount(ctx context.Context, tx *sql.Tx, id int64) (account.Account, error) {
	row := tx.QueryRowContext(ctx, `SELECT `+accountColumns+` FROM accounts WHERE id = $1`, id)
	a, err := scanAccount(row)
	if errors.Is(err, sql.ErrNoRows) {
		return a, accountNotFound(fmt.Sprintf("#%d", id))
	}
	return a, err
}

// FindAccountsByAgency returns the accounts of the agency with the given
// code, admin first; an empty slice if it has none.
func (s *Store) FindAccountsByAgency(ctx context.Context, agencyCode string) (out []account.Account, err error) {
	defer wrap(&err, "store.FindAccountsByAgency(%q)", agencyCode)
	out = []account.Account{}
	rows, err := s.rdb.QueryContext(ctx,
		`SELECT `+accountColumns+` FROM accounts WHERE agency_code = $1 ORDER BY role, id`, agencyCode)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		a, err := scanAccount(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// FindAccounts returns the page of accounts matching f, by username, and
// how many match in all.
func (s *Store) FindAccounts(ctx context.Context, f account.Filter) (page account.Page, err error) {
	defer wrap(&err, "store.FindAccounts")
	f = f.Normalized()
	var a args
	var where []string
	if f.Role != "" {
		where = append(where, "role = "+a.add(string(f.Role)))
	}
	if f.AgencyCode != "" {
		where = append(where, "agency_code = "+a.add(f.AgencyCode))
	}
	if f.Staff {
		roles := make([]any, len(account.StaffRoles))
		for i, r := range account.StaffRoles {
			roles[i] = string(r)
		}
		where = append(where, "role IN "+a.list(roles...))
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		p := a.add("%" + likeEscape(strings.ToLower(q)) + "%")
		where = append(where, `(username LIKE `+p+` ESCAPE '\' OR LOWER(name) LIKE `+p+` ESCAPE '\')`)
	}
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	page.Accounts = []account.Account{}
	err = s.read(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM accounts`+cond, a...).Scan(&page.Total); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT `+accountColumns+` FROM accounts`+cond+
			` ORDER BY username LIMIT `+a.add(f.Limit)+` OFFSET `+a.add(f.Offset), a...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			acct, err := scanAccount(rows)
			if err != nil {
				return err
			}
			page.Accounts = append(page.Accounts, acct)
		}
		return rows.Err()
	})
	return page, err
}
