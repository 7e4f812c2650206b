package web

import (
	"context"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/assessment"
)

// Which of the platform's writes are bound to a phase of the year (manual section 4's timeline
// and section 6.1):
//
//   - Registration — an agency account completing its profile for the first time, which with
//     the other account's makes the agency "registered" (ลงทะเบียน) — happens only while the
//     current year's registration phase is open. Outside it the server answers 403 with the
//     phase's dates; NACC can lengthen the window on the year's page.
//   - Not bound: changing a password (a one-time password must never stay in use), later edits
//     of a completed profile (contact details must stay current all year), the agency admin's
//     logo (self-service), and everything central admins do to the registry and accounts
//     (agencies, imports, account generation, staff accounts, resets), which is NACC's own
//     administration rather than a step of an agency's assessment.

// requireRegistration is the phase lock of registration: it returns nil unless a is an agency
// account that has not completed its profile yet, and then a PhaseClosed error unless the
// current year's registration phase is open now.
func (s *Server) requireRegistration(ctx context.Context, a account.Account) error {
	if !a.Role.OfAgency() || !a.ProfileCompletedAt.IsZero() {
		return nil
	}
	_, err := s.requirePhase(ctx, 0, assessment.PhaseRegistration)
	switch {
	case err == nil:
		return nil
	case apperr.Is(err, apperr.CodeNotFound):
		return apperr.PhaseClosed("ยังไม่เปิดการลงทะเบียน เนื่องจากยังไม่มีการเปิดปีการประเมิน",
			"Registration is not open: no assessment year has been opened")
	case apperr.Is(err, apperr.CodePhaseClosed):
		return apperr.PhaseClosed(apperr.MessageOf(err)+" หากหน่วยงานยังต้องลงทะเบียน กรุณาติดต่อสำนักงาน ป.ป.ช.",
			apperr.MessageENOf(err)+". If your agency still has to register, please contact NACC.")
	}
	return err
}
