package scoring

// Result is one agency's scored assessment. Maps are keyed by framework ids: indicators "1"…,
// sub-indicators "9.1"…, questions "i1", "e1", "o1"….
type Result struct {
	Agency string `json:"agency"`
	Name   string `json:"name,omitempty"`
	// Total is Σ weight × instrument score; Missing when any instrument cannot be scored.
	Total Score `json:"total"`
	// Rating is the band label ("A", "ผ่านดี"), empty when Total is missing.
	Rating   string `json:"rating"`
	RatingEN string `json:"rating_en,omitempty"`
	Passed   bool   `json:"passed"`
	// Official reports whether the result may be announced officially; when false it is shown
	// with "*" (ข้อควรระวัง #5).
	Official      bool                        `json:"official"`
	Flags         []Flag                      `json:"flags"`
	Instruments   map[string]InstrumentResult `json:"instruments"`
	Indicators    map[string]Score            `json:"indicators"`
	SubIndicators map[string]Score            `json:"subindicators"`
	Questions     map[string]Score            `json:"questions"`
}

// InstrumentResult is one instrument's score. Respondents and Minimum are set for surveys.
type InstrumentResult struct {
	Score       Score        `json:"score"`
	Respondents *int         `json:"respondents,omitempty"`
	Minimum     *int         `json:"minimum,omitempty"`
	Parts       []PartResult `json:"parts,omitempty"`
}

// PartResult is one collection part of a survey collected in parts (EIT 2568).
type PartResult struct {
	Part        int              `json:"part"`
	Score       Score            `json:"score"`
	Respondents int              `json:"respondents"`
	Indicators  map[string]Score `json:"indicators"`
	Questions   map[string]Score `json:"questions"`
}

// Flag is a machine-readable remark on a result. Flags that make a result unofficial are the
// cases of ข้อควรระวัง #5; the others are informational.
type Flag string

// Flags.
const (
	// The agency skipped a required step (ข้อควรระวัง #5): the result is unofficial.
	FlagNotRegistered           Flag = "not_registered"
	FlagInternalDataNotApproved Flag = "internal_data_not_approved"
	FlagExternalDataNotApproved Flag = "external_data_not_approved"
	FlagOITNotApproved          Flag = "oit_not_approved"
	// Fewer IIT respondents than the minimum: IIT questions and indicators are not scored,
	// the result is unofficial and has no total.
	FlagIITBelowMinimum Flag = "iit_below_minimum"

	// Informational.
	FlagEITBelowMinimum  Flag = "eit_below_minimum"
	FlagNoEITRespondents Flag = "eit_no_respondents"
	FlagEITPartMissing   Flag = "eit_part_without_respondents"
	FlagOITNotScored     Flag = "oit_not_scored"
	FlagOITItemsUnscored Flag = "oit_items_unscored"
	FlagQuestionsBlank   Flag = "questions_without_answers"
)

// Unofficial reports whether the flag makes a result unofficial ("*").
func (f Flag) Unofficial() bool {
	switch f {
	case FlagNotRegistered, FlagInternalDataNotApproved, FlagExternalDataNotApproved,
		FlagOITNotApproved, FlagIITBelowMinimum:
		return true
	}
	return false
}

// Compliance records the steps of the year an agency did not complete (ข้อควรระวัง #5). The
// zero value means every step was completed, which is what offline scoring assumes unless the
// agencies file says otherwise.
type Compliance struct {
	NotRegistered           bool
	InternalDataNotApproved bool
	ExternalDataNotApproved bool
	OITNotApproved          bool
}

func (c Compliance) flags() []Flag {
	var f []Flag
	if c.NotRegistered {
		f = append(f, FlagNotRegistered)
	}
	if c.InternalDataNotApproved {
		f = append(f, FlagInternalDataNotApproved)
	}
	if c.ExternalDataNotApproved {
		f = append(f, FlagExternalDataNotApproved)
	}
	if c.OITNotApproved {
		f = append(f, FlagOITNotApproved)
	}
	return f
}
