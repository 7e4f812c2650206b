package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/assessment"
	"github.com/openitas/itas/internal/framework"
	"github.com/openitas/itas/internal/thaidate"
)

// YearsPage lists the assessment years.
type YearsPage struct {
	Page
	Years []YearRow
}

// YearRow is one year in the list with the phases open now.
type YearRow struct {
	assessment.Year
	Open []assessment.Phase
}

// YearFormPage is the form that opens a year or changes its timeline.
type YearFormPage struct {
	Page
	IsNew          bool
	Action         string
	Form           YearForm
	Error          string
	Errors         map[string]string
	FrameworkField Field
	StatusField    Field
	Phases         []PhaseFields
}

// PhaseFields are the two date inputs of one phase.
type PhaseFields struct {
	Key        string
	Start, End Field
}

// YearForm is the year form: years as typed, dates in the Buddhist era (dd/mm/yyyy).
type YearForm struct {
	FiscalYear    string            `json:"fiscal_year"`
	FrameworkYear string            `json:"framework_year"`
	Status        string            `json:"status"`
	Starts        map[string]string `json:"starts"`
	Ends          map[string]string `json:"ends"`
}

func (f *YearForm) parse(r *http.Request) {
	f.FiscalYear = strings.TrimSpace(r.PostFormValue("fiscal_year"))
	f.FrameworkYear = r.PostFormValue("framework_year")
	f.Status = r.PostFormValue("status")
	f.Starts, f.Ends = map[string]string{}, map[string]string{}
	for _, p := range assessment.Phases {
		f.Starts[string(p)] = r.PostFormValue("start_" + string(p))
		f.Ends[string(p)] = r.PostFormValue("end_" + string(p))
	}
}

// year returns the year the form describes, or Invalid with Thai messages per field; date
// messages are keyed "start_<phase>" and "end_<phase>". A phase with both dates empty has no
// window. End dates cover their whole day.
func (f YearForm) year() (assessment.Year, error) {
	y := assessment.Year{Status: assessment.Status(f.Status)}
	fields := map[string]string{}
	var err error
	if y.FiscalYear, err = strconv.Atoi(f.FiscalYear); err != nil {
		fields[assessment.FieldFiscalYear] = "ปีงบประมาณต้องเป็นตัวเลขปีพุทธศักราช เช่น 2563"
	}
	y.FrameworkYear, _ = strconv.Atoi(f.FrameworkYear)
	for _, p := range assessment.Phases {
		s, e := strings.TrimSpace(f.Starts[string(p)]), strings.TrimSpace(f.Ends[string(p)])
		if s == "" && e == "" {
			continue
		}
		var w assessment.Window
		w.Phase = p
		var err1, err2 error
		if w.Start, err1 = thaidate.ParseDate(s); err1 != nil {
			fields["start_"+string(p)] = apperr.MessageOf(err1)
		}
		if w.End, err2 = thaidate.ParseDate(e); err2 != nil {
			fields["end_"+string(p)] = apperr.MessageOf(err2)
		}
		w.End = thaidate.EndOfDay(w.End)
		if err1 == nil && err2 == nil {
			y.Phases = append(y.Phases, w)
		}
	}
	if err := y.Validate(); err != nil {
		for k, v := range apperr.FieldsOf(err) {
			if assessment.Phase(k).Valid() {
				k = "end_" + k
			}
			if fields[k] == "" {
				fields[k] = v
			}
		}
	}
	return y, apperr.Check(fields)
}

func yearFormOf(y assessment.Year) YearForm {
	f := YearForm{FiscalYear: strconv.Itoa(y.FiscalYear), FrameworkYear: strconv.Itoa(y.FrameworkYear),
		Status: string(y.Status), Starts: map[string]string{}, Ends: map[string]string{}}
	for _, w := range y.Phases {
		f.Starts[string(w.Phase)] = thaidate.FormatInput(w.Start)
		f.Ends[string(w.Phase)] = thaidate.FormatInput(w.End)
	}
	return f
}

// yearFormPage builds the year form page.
func (s *Server) yearFormPage(r *http.Request, isNew bool, f YearForm, err error) *YearFormPage {
	lang := requestLang(r)
	errs := localFields(lang, err)
	p := &YearFormPage{Page: Page{Title: "year.edit.title"}, IsNew: isNew, Form: f, Errors: errs, Action: "/years/" + f.FiscalYear}
	if isNew {
		p.Title, p.Action = "year.new.title", "/years"
	}
	if err != nil {
		p.Error = s.message(r, err)
	}
	fw := Field{Name: "framework_year", Label: "year.framework", Required: true, Error: errs[assessment.FieldFrameworkYear]}
	for _, y := range framework.BuiltinYears() {
		v := strconv.Itoa(y)
		fw.Options = append(fw.Options, Option{Value: v, Label: v, Selected: v == f.FrameworkYear})
	}
	p.FrameworkField = fw
	st := Field{Name: "status", Label: "year.status", Required: true, Error: errs[assessment.FieldStatus]}
	for _, v := range []assessment.Status{assessment.StatusDraft, assessment.StatusOpen, assessment.StatusClosed} {
		st.Options = append(st.Options, Option{Value: string(v), Label: lang.T("year.status." + string(v)), Selected: string(v) == f.Status})
	}
	p.StatusField = st
	for _, ph := range assessment.Phases {
		k := string(ph)
		p.Phases = append(p.Phases, PhaseFields{
			Key:   "phase." + k,
			Start: Field{Name: "start_" + k, Label: "year.start", Type: "text", Value: f.Starts[k], Error: errs["start_"+k], Inputmode: "numeric"},
			End:   Field{Name: "end_" + k, Label: "year.end", Type: "text", Value: f.Ends[k], Error: errs["end_"+k], Inputmode: "numeric"},
		})
	}
	return p
}

// yearList serves GET /years.
func (s *Server) yearList(w http.ResponseWriter, r *http.Request) error {
	years, err := s.store.FindYears(r.Context())
	if err != nil {
		return err
	}
	p := &YearsPage{Page: Page{Title: "years.title"}}
	for _, y := range years {
		p.Years = append(p.Years, YearRow{Year: y, Open: y.OpenPhases(s.now())})
	}
	s.render(w, r, http.StatusOK, "years", p)
	return nil
}

// yearNew serves GET /years/new with the next fiscal year filled in.
func (s *Server) yearNew(w http.ResponseWriter, r *http.Request) error {
	fy := thaidate.FiscalYear(s.now())
	f := YearForm{FiscalYear: strconv.Itoa(fy), Status: string(assessment.StatusDraft)}
	if ys := framework.BuiltinYears(); len(ys) > 0 {
		f.FrameworkYear = strconv.Itoa(ys[len(ys)-1])
	}
	s.render(w, r, http.StatusOK, "year_form", s.yearFormPage(r, true, f, nil))
	return nil
}

// yearSave handles both POST /years (create) and POST /years/{year} (update).
func (s *Server) yearSave(w http.ResponseWriter, r *http.Request, isNew bool) error {
	if err := parseForm(w, r); err != nil {
		return apperr.Wrap(err, apperr.CodeInvalid, "ข้อมูลที่ส่งมาไม่ถูกต้อง", "Malformed form")
	}
	var f YearForm
	f.parse(r)
	if !isNew {
		f.FiscalYear = r.PathValue("year")
	}
	y, err := f.year()
	if err == nil {
		y.CreatedAt = s.now()
		if isNew {
			err = s.store.CreateYear(r.Context(), y, s.by(r))
		} else {
			err = s.store.UpdateYear(r.Context(), y, s.by(r))
		}
	}
	if c := apperr.CodeOf(err); c == apperr.CodeInvalid || (isNew && c == apperr.CodeConflict) {
		if c == apperr.CodeConflict {
			err = &apperr.Error{Code: c, Message: apperr.MessageOf(err), MessageEN: apperr.MessageENOf(err),
				Fields: map[string]string{assessment.FieldFiscalYear: "มีปีงบประมาณนี้อยู่แล้ว"}, Err: err}
		}
		s.render(w, r, httpStatus(err), "year_form", s.yearFormPage(r, isNew, f, err))
		return nil
	}
	if err != nil {
		return err
	}
	setFlash(w, "year.saved")
	http.Redirect(w, r, "/years", http.StatusSeeOther)
	return nil
}

func (s *Server) yearCreate(w http.ResponseWriter, r *http.Request) error {
	return s.yearSave(w, r, true)
}
func (s *Server) yearUpdate(w http.ResponseWriter, r *http.Request) error {
	return s.yearSave(w, r, false)
}

// yearEdit serves GET /years/{year}.
func (s *Server) yearEdit(w http.ResponseWriter, r *http.Request) error {
	fy, err := strconv.Atoi(r.PathValue("year"))
	if err != nil {
		return apperr.NotFound("ไม่พบปีการประเมินนี้", "No such assessment year")
	}
	y, err := s.store.FindYear(r.Context(), fy)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "year_form", s.yearFormPage(r, false, yearFormOf(y), nil))
	return nil
}

// currentYear returns the newest year that is open, else the newest year; ok is false when
// there is none.
func currentYear(years []assessment.Year) (assessment.Year, bool) {
	var best *assessment.Year
	for i := range years {
		y := &years[i]
		switch {
		case best == nil:
			best = y
		case y.Status == assessment.StatusOpen && best.Status != assessment.StatusOpen:
			best = y
		case (y.Status == assessment.StatusOpen) == (best.Status == assessment.StatusOpen) && y.FiscalYear > best.FiscalYear:
			best = y
		}
	}
	if best == nil {
		return assessment.Year{}, false
	}
	return *best, true
}
