package loadgen

import (
	"context"
	"fmt"
	"time"

	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/assessment"
	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/framework"
	"github.com/openitas/itas/internal/survey"
	"github.com/openitas/itas/internal/thaidate"
)

// FrameworkYear is the framework of the year Setup creates: the manual's 2563 questions.
const FrameworkYear = 2563

// SetupStore is what Setup needs from the store.
type SetupStore interface {
	CreateYear(ctx context.Context, y assessment.Year, by audit.Entry) error
	UpsertAgencies(ctx context.Context, batch []agency.Agency, by audit.Entry) (agency.ImportResult, error)
	SurveyLink(ctx context.Context, fy int, code, sv string) (survey.Link, error)
}

// Target is what a load run posts to: an open year, its IIT form, and one live IIT link per
// agency.
type Target struct {
	FiscalYear int
	Form       *survey.Form
	Agencies   []string // agency codes
	Tokens     []string // Tokens[i] is the IIT link of Agencies[i]
}

// Setup fills an empty database with what a load run needs: the fiscal year of now, open, on
// framework 2563, every phase open from yesterday for 30 days (so IIT collection is open), and
// n local administrations with their IIT links. It fails with a Conflict if the year exists:
// load runs want a database of their own.
func Setup(ctx context.Context, st SetupStore, n int, now time.Time) (Target, error) {
	fw, err := framework.Builtin(FrameworkYear)
	if err != nil {
		return Target{}, fmt.Errorf("loadgen.Setup: %w", err)
	}
	form, err := survey.NewForm(fw, survey.IIT)
	if err != nil {
		return Target{}, fmt.Errorf("loadgen.Setup: %w", err)
	}
	t := Target{FiscalYear: thaidate.FiscalYear(now), Form: form}
	by := audit.System()
	if err := st.CreateYear(ctx, openYear(t.FiscalYear, now), by); err != nil {
		return Target{}, fmt.Errorf("loadgen.Setup: %w", err)
	}
	batch := make([]agency.Agency, n)
	for i := range batch {
		p := agency.Provinces[i%len(agency.Provinces)]
		a := agency.Agency{Code: fmt.Sprintf("99%05d", i+1), Name: fmt.Sprintf("องค์การบริหารส่วนตำบลทดสอบภาระที่ %d", i+1),
			Type: agency.TypeSAO, Ministry: "กระทรวงมหาดไทย", Province: p.Name, Supervisor: agency.SupervisorDLA}
		a.Group = agency.SuggestGroup(a.Type, a.Province)
		batch[i] = a
	}
	if _, err := st.UpsertAgencies(ctx, batch, by); err != nil {
		return Target{}, fmt.Errorf("loadgen.Setup: %w", err)
	}
	for _, a := range batch {
		l, err := st.SurveyLink(ctx, t.FiscalYear, a.Code, survey.IIT)
		if err != nil {
			return Target{}, fmt.Errorf("loadgen.Setup: %w", err)
		}
		t.Agencies = append(t.Agencies, a.Code)
		t.Tokens = append(t.Tokens, l.Token)
	}
	return t, nil
}

// openYear is fiscal year fy with every phase open from the day before now for 30 days.
func openYear(fy int, now time.Time) assessment.Year {
	y := assessment.Year{FiscalYear: fy, FrameworkYear: FrameworkYear, Status: assessment.StatusOpen}
	start := thaidate.StartOfDay(now).AddDate(0, 0, -1)
	end := thaidate.EndOfDay(start.AddDate(0, 0, 30))
	for _, p := range assessment.Phases {
		y.Phases = append(y.Phases, assessment.Window{Phase: p, Start: start, End: end})
	}
	return y
}
