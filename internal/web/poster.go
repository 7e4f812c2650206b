package web

import (
	"net/http"
)

// PosterPage is the printable A4 poster of one survey link: the agency's name and logo, the
// QR code, the link in print and a few lines on why and how to answer.
type PosterPage struct {
	Page
	Link    SurveyLinkView
	HasLogo bool
}

// surveyPoster serves GET /agencies/{code}/surveys/{survey}/poster.
func (h *surveys) surveyPoster(w http.ResponseWriter, r *http.Request) error {
	sl, err := h.agencySurvey(r)
	if err != nil {
		return err
	}
	p := &PosterPage{Page: Page{Title: sl.NameKey}, Link: sl}
	if _, data, err := h.findLogo(r.Context(), sl.Agency.Code); err == nil && len(data) > 0 {
		p.HasLogo = true
	}
	noStore(w)
	h.render(w, r, http.StatusOK, "poster", p)
	return nil
}
