package store

import (
	"context"
	"database/sql"
	"slices"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/audit"
)

// changeAccount loads account id within a write transaction, lets change
// modify it and write it with its own statement, and records the change
// under action when change reports one.
func (s *Store) changeAccount(ctx context.Context, id int64, by audit.Entry, action string,
	change func(tx *sql.Tx, a *account.Account) (bool, error)) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		before, err := findAccount(ctx, tx, id)
		if err != nil {
			return err
		}
		after := before
		changed, err := change(tx, &after)
		if err != nil || !changed {
			return err
		}
		return s.record(ctx, tx, by, action, after.AgencyCode, after.Username, stateOf(before), stateOf(after))
	})
}

// UpdatePassword stores a new password hash chosen by the user: it clears
// MustChangePassword, stamps PasswordChangedAt, and ends every session of
// the account (the caller starts a fresh one). Errors: NotFound.
func (s *Store) UpdatePassword(ctx context.Context, id int64, hash string, by audit.Entry) (err error) {
	defer wrap(&err, "store.UpdatePassword(%d)", id)
	return s.changeAccount(ctx, id, by, audit.ActionAccountPassword, func(tx *sql.Tx, a *account.Account) (bool, error) {
		a.PasswordHash, a.MustChangePassword, a.PasswordChangedAt = hash, false, s.now()
		if _, err := tx.ExecContext(ctx, `UPDATE accounts SET password_hash = $2, must_change_password = $3,
			password_changed_at = $4 WHERE id = $1`, id, hash, false, s.tv(a.PasswordChangedAt)); err != nil {
			return false, err
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE account_id = $1`, id)
		return true, err
	})
}

// UpdatePasswordHash replaces the hash of an unchanged password, after a
// login found account.NeedsRehash; it records nothing and ends no
// session. Errors: NotFound.
func (s *Store) UpdatePasswordHash(ctx context.Context, id int64, hash string) (err error) {
	defer wrap(&err, "store.UpdatePasswordHash(%d)", id)
	return s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE accounts SET password_hash = $2 WHERE id = $1`, id, hash)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return accountNotFound("")
		}
		return nil
	})
}

// UpdateProfile stores the user's profile (normalised; all four fields
// required) and stamps ProfileCompletedAt the first time. Errors:
// Invalid, NotFound.
func (s *Store) UpdateProfile(ctx context.Context, id int64, p account.Profile, by audit.Entry) (err error) {
	defer wrap(&err, "store.UpdateProfile(%d)", id)
	p = p.Normalize()
	if err := p.Validate(); err != nil {
		return err
	}
	return s.changeAccount(ctx, id, by, audit.ActionAccountProfile, func(tx *sql.Tx, a *account.Account) (bool, error) {
		if a.Profile == p && !a.ProfileCompletedAt.IsZero() {
			return false, nil
		}
		a.Profile = p
		if a.ProfileCompletedAt.IsZero() {
			a.ProfileCompletedAt = s.now()
		}
		_, err := tx.ExecContext(ctx, `UPDATE accounts SET name = $2, position = $3, phone = $4, email = $5,
			profile_completed_at = $6 WHERE id = $1`, id, p.Name, p.Position, p.Phone, p.Email, s.tv(a.ProfileCompletedAt))
		return true, err
	})
}

// ResetAccount gives the account a fresh one-time password, which it
// returns for the central admin to hand over: the user must change it at
// the next login. Every session of the account ends. Errors: NotFound.
func (s *Store) ResetAccount(ctx context.Context, id int64, by audit.Entry) (password string, err error) {
	defer wrap(&err, "store.ResetAccount(%d)", id)
	password, hash := account.NewOneTimePassword()
	err = s.changeAccount(ctx, id, by, audit.ActionAccountReset, func(tx *sql.Tx, a *account.Account) (bool, error) {
		a.MustChangePassword = true
		if _, err := tx.ExecContext(ctx, `UPDATE accounts SET password_hash = $2, must_change_password = $3
			WHERE id = $1`, id, hash, true); err != nil {
			return false, err
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE account_id = $1`, id)
		return true, err
	})
	if err != nil {
		return "", err
	}
	return password, nil
}

// SetDisabled disables or enables the account; disabling ends its
// sessions. Setting the state it already has changes and records
// nothing. Errors: NotFound.
func (s *Store) SetDisabled(ctx context.Context, id int64, disabled bool, by audit.Entry) (err error) {
	defer wrap(&err, "store.SetDisabled(%d, %v)", id, disabled)
	action := audit.ActionAccountEnable
	if disabled {
		action = audit.ActionAccountDisable
	}
	return s.changeAccount(ctx, id, by, action, func(tx *sql.Tx, a *account.Account) (bool, error) {
		if a.Disabled == disabled {
			return false, nil
		}
		a.Disabled = disabled
		if _, err := tx.ExecContext(ctx, `UPDATE accounts SET disabled = $2 WHERE id = $1`, id, disabled); err != nil {
			return false, err
		}
		if !disabled {
			return true, nil
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE account_id = $1`, id)
		return true, err
	})
}

// UpdateAccountScope sets the groups of an assessor (sorted, each once)
// or the body of a supervisor account (the other is ignored for each
// role). Setting the scope the account has changes and records nothing.
// Errors: Invalid (including for other roles), NotFound.
func (s *Store) UpdateAccountScope(ctx context.Context, id int64, groups []int, supervisor agency.Supervisor, by audit.Entry) (err error) {
	defer wrap(&err, "store.UpdateAccountScope(%d)", id)
	groups = account.NormalizeGroups(groups)
	return s.changeAccount(ctx, id, by, audit.ActionAccountScope, func(tx *sql.Tx, a *account.Account) (bool, error) {
		switch a.Role {
		case account.RoleAssessor:
			if slices.Equal(a.Groups, groups) {
				return false, nil
			}
			a.Groups = groups
		case account.RoleSupervisor:
			if a.Supervisor == supervisor {
				return false, nil
			}
			a.Supervisor = supervisor
		default:
			return false, apperr.Invalid("บัญชีนี้ไม่มีขอบเขตให้กำหนด", "This account has no scope to set")
		}
		if err := a.Validate(); err != nil {
			return false, err
		}
		_, err := tx.ExecContext(ctx, `UPDATE accounts SET assessor_groups = $2, supervisor = $3 WHERE id = $1`,
			id, intList(a.Groups), string(a.Supervisor))
		return true, err
	})
}
