// Package assessment defines the yearly ITA assessment: the fiscal year
// with its framework and timeline of phases, the check that a phase is
// open, and an agency's progress through the steps of the manual.
package assessment

// Phase is a step of the year's timeline during which some writes are
// allowed (manual sections 2.4 and 4).
type Phase string

// The phases, in the order of the year.
const (
	PhaseRegistration    Phase = "registration"     // agencies register their two accounts
	PhaseStakeholderData Phase = "stakeholder_data" // internal count, external estimate and list
	PhaseIITCollection   Phase = "iit_collection"   // internal stakeholders answer the IIT
	PhaseEITCollection   Phase = "eit_collection"   // external stakeholders answer the EIT
	PhaseOITAnswering    Phase = "oit_answering"    // agencies answer the OIT; executives approve
	PhaseOITReview       Phase = "oit_review"       // assessors check and score OIT answers
	PhaseClarification   Phase = "clarification"    // agencies clarify and confirm OIT results
	PhaseProcessing      Phase = "processing"       // NACC processes the scores
	PhasePublication     Phase = "publication"      // results are published
)

// Phases lists every phase in the order of the year.
var Phases = []Phase{
	PhaseRegistration, PhaseStakeholderData, PhaseIITCollection, PhaseEITCollection,
	PhaseOITAnswering, PhaseOITReview, PhaseClarification, PhaseProcessing, PhasePublication,
}

var phaseNames = map[Phase][2]string{
	PhaseRegistration:    {"การลงทะเบียน", "Registration"},
	PhaseStakeholderData: {"การนำเข้าข้อมูลผู้มีส่วนได้ส่วนเสีย", "Stakeholder data"},
	PhaseIITCollection:   {"การเก็บข้อมูลแบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)", "IIT collection"},
	PhaseEITCollection:   {"การเก็บข้อมูลแบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)", "EIT collection"},
	PhaseOITAnswering:    {"การตอบแบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)", "OIT answering"},
	PhaseOITReview:       {"การตรวจและให้คะแนนแบบ OIT", "OIT review"},
	PhaseClarification:   {"การชี้แจงและยืนยันผลการประเมิน OIT", "Clarification"},
	PhaseProcessing:      {"การประมวลผลคะแนน", "Processing"},
	PhasePublication:     {"การประกาศผลการประเมิน", "Publication"},
}

// Valid reports whether p is one of Phases.
func (p Phase) Valid() bool {
	_, ok := phaseNames[p]
	return ok
}

// Name returns the Thai name of p, or p itself if it is unknown.
func (p Phase) Name() string {
	if n, ok := phaseNames[p]; ok {
		return n[0]
	}
	return string(p)
}

// NameEN returns the English name of p, or p itself if it is unknown.
func (p Phase) NameEN() string {
	if n, ok := phaseNames[p]; ok {
		return n[1]
	}
	return string(p)
}

// Index returns the position of p in Phases, or -1.
func (p Phase) Index() int {
	for i, q := range Phases {
		if q == p {
			return i
		}
	}
	return -1
}
