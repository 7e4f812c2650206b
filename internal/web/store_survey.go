package web

import (
	"context"

	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/survey"
)

// surveyStore is what the survey feature needs from the store; see Store.
type surveyStore interface {
	// SurveyLink returns the live link of an agency's survey in a fiscal year, creating it on
	// first use. Errors: NotFound for an unknown agency or year.
	SurveyLink(ctx context.Context, fiscalYear int, agencyCode, sv string) (survey.Link, error)
	// FindSurveyLink returns the link with a token, live or retired. Errors: NotFound.
	FindSurveyLink(ctx context.Context, token string) (survey.Link, error)
	// RotateSurveyLink retires the live link and returns its replacement, audit-logged.
	RotateSurveyLink(ctx context.Context, fiscalYear int, agencyCode, sv string, by audit.Entry) (survey.Link, error)
	// SubmitResponse stores a response once it is durably committed. Errors: Conflict when
	// the ID hash has already answered.
	SubmitResponse(ctx context.Context, sub survey.Submission) error
}
