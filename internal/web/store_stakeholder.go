package web

import (
	"context"

	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/stakeholder"
)

// stakeholderStore is what the stakeholder feature needs from the store; see Store. Writes
// check the approval cycle (stakeholder.Next) with by.Role inside their transaction; the
// handlers check scope and the phase before calling them.
type stakeholderStore interface {
	FindStakeholderData(ctx context.Context, fiscalYear int, code string) (stakeholder.Data, error)
	// StakeholderCounts returns the approved counts of every agency with approved data.
	StakeholderCounts(ctx context.Context, fiscalYear int) (map[string]stakeholder.Counts, error)
	SetStakeholderPopulation(ctx context.Context, fiscalYear int, code string, k stakeholder.Kind, n int, by audit.Entry) (stakeholder.Record, error)
	ChangeStakeholderStatus(ctx context.Context, fiscalYear int, code string, k stakeholder.Kind, a stakeholder.Action, reason string, by audit.Entry) (stakeholder.Record, error)
	FindStakeholderContacts(ctx context.Context, fiscalYear int, code string, f stakeholder.ContactFilter) (stakeholder.ContactPage, error)
	FindStakeholderContact(ctx context.Context, fiscalYear int, code string, id int64) (stakeholder.Contact, error)
	AddStakeholderContact(ctx context.Context, fiscalYear int, code string, c stakeholder.Contact, by audit.Entry) (stakeholder.Contact, error)
	UpdateStakeholderContact(ctx context.Context, fiscalYear int, code string, c stakeholder.Contact, by audit.Entry) (stakeholder.Contact, error)
	DeleteStakeholderContact(ctx context.Context, fiscalYear int, code string, id int64, by audit.Entry) error
	ImportStakeholderContacts(ctx context.Context, fiscalYear int, code string, cs []stakeholder.Contact, by audit.Entry) (int, error)
}
