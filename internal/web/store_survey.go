package web

// surveyStore is what the survey feature needs from the store; see Store.
type surveyStore interface {
}
