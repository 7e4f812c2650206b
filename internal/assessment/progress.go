package assessment

// Step is one of the things an agency must get done in ITAS during the
// year (manual section 6). Steps marked required there (*) decide whether
// the agency's result is official (ข้อควรระวัง #5).
type Step string

// The steps, in the order of the year.
const (
	StepRegistered           Step = "registered"             // both accounts registered
	StepInternalDataApproved Step = "internal_data_approved" // internal stakeholder count approved
	StepExternalDataApproved Step = "external_data_approved" // external stakeholder data approved
	StepIITMinimum           Step = "iit_minimum"            // IIT respondents reached the minimum
	StepEITMinimum           Step = "eit_minimum"            // EIT respondents reached the minimum
	StepOITSubmitted         Step = "oit_submitted"          // the admin sent the OIT answers
	StepOITApproved          Step = "oit_approved"           // the executive approved them
)

type stepInfo struct {
	name, nameEN string
	required     bool
}

var steps = []Step{
	StepRegistered, StepInternalDataApproved, StepExternalDataApproved,
	StepIITMinimum, StepEITMinimum, StepOITSubmitted, StepOITApproved,
}

var stepInfos = map[Step]stepInfo{
	StepRegistered:           {"ลงทะเบียนใช้งาน", "Registered", true},
	StepInternalDataApproved: {"ผู้บริหารอนุมัติข้อมูลผู้มีส่วนได้ส่วนเสียภายใน", "Internal stakeholder data approved", true},
	StepExternalDataApproved: {"ผู้บริหารอนุมัติข้อมูลผู้มีส่วนได้ส่วนเสียภายนอก", "External stakeholder data approved", true},
	StepIITMinimum:           {"ผู้ตอบแบบ IIT ครบตามจำนวนขั้นต่ำ", "IIT respondents reached the minimum", true},
	StepEITMinimum:           {"ผู้ตอบแบบ EIT ครบตามจำนวนขั้นต่ำ", "EIT respondents reached the minimum", false},
	StepOITSubmitted:         {"ผู้ดูแลระบบส่งแบบ OIT ขออนุมัติ", "OIT answers submitted", true},
	StepOITApproved:          {"ผู้บริหารอนุมัติแบบ OIT", "OIT answers approved", true},
}

// Steps returns every step in order.
func Steps() []Step { return append([]Step(nil), steps...) }

// Name returns the Thai name of s, or s itself if unknown.
func (s Step) Name() string {
	if i, ok := stepInfos[s]; ok {
		return i.name
	}
	return string(s)
}

// NameEN returns the English name of s, or s itself if unknown.
func (s Step) NameEN() string {
	if i, ok := stepInfos[s]; ok {
		return i.nameEN
	}
	return string(s)
}

// Required reports whether the manual requires s for an official result.
func (s Step) Required() bool { return stepInfos[s].required }

// Facts is what is known about an agency's year; each feature fills in
// its part. The zero Facts means nothing is done yet. A minimum of 0
// means it is not known yet, and the step counts as not done.
type Facts struct {
	Registered           bool
	InternalDataApproved bool
	ExternalDataApproved bool
	IITResponses         int
	IITMinimum           int
	EITResponses         int
	EITMinimum           int
	OITSubmitted         bool
	OITApproved          bool
}

// StepStatus is one step of an agency's progress.
type StepStatus struct {
	Step     Step
	Done     bool
	Required bool
}

// Progress returns the agency's steps in order with whether each is done.
// An approved OIT counts as submitted.
func Progress(f Facts) []StepStatus {
	done := map[Step]bool{
		StepRegistered:           f.Registered,
		StepInternalDataApproved: f.InternalDataApproved,
		StepExternalDataApproved: f.ExternalDataApproved,
		StepIITMinimum:           f.IITMinimum > 0 && f.IITResponses >= f.IITMinimum,
		StepEITMinimum:           f.EITMinimum > 0 && f.EITResponses >= f.EITMinimum,
		StepOITSubmitted:         f.OITSubmitted || f.OITApproved,
		StepOITApproved:          f.OITApproved,
	}
	out := make([]StepStatus, len(steps))
	for i, s := range steps {
		out[i] = StepStatus{Step: s, Done: done[s], Required: s.Required()}
	}
	return out
}

// Missing returns the required steps not done in progress: when there
// are any, the agency's result is unofficial and marked "*".
func Missing(progress []StepStatus) []Step {
	var out []Step
	for _, s := range progress {
		if s.Required && !s.Done {
			out = append(out, s.Step)
		}
	}
	return out
}
