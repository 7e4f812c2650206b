// Package stakeholder holds the stakeholder data an agency enters each year (manual 2.3 and
// 6.2 ข้อ 2): the internal stakeholders — staff with at least one year of service, a count —
// and the external stakeholders — an estimate of this year's service users and a list of
// sample stakeholders. Each of the two goes through the same approval cycle (see Next): the
// agency admin enters and submits it (ยื่นขออนุมัติ), the executive approves it (อนุมัติ) or
// returns it with a reason (ตีกลับ); approved data is locked.
//
// The minimum survey samples the counts imply come from the year's framework
// (framework.SampleRule). The package also builds the XLSX template for the sample list and
// reads it back strictly (template.go, importer.go). It does no I/O of its own.
package stakeholder

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/framework"
)

// Kind is one of the two kinds of stakeholder data.
type Kind string

// The kinds.
const (
	// Internal is the number of staff who have worked for the agency at least one year; it
	// sets the IIT minimum sample.
	Internal Kind = "internal"
	// External is the estimated number of people, businesses and other agencies that use the
	// agency's services this year, with a sample list of them; it sets the EIT minimum sample.
	External Kind = "external"
)

// Kinds lists both kinds, internal first.
var Kinds = []Kind{Internal, External}

var kindNames = map[Kind][2]string{
	Internal: {"ข้อมูลผู้มีส่วนได้ส่วนเสียภายใน", "Internal stakeholder data"},
	External: {"ข้อมูลผู้มีส่วนได้ส่วนเสียภายนอก", "External stakeholder data"},
}

// ParseKind returns the kind named s ("internal" or "external") and reports whether there is
// one.
func ParseKind(s string) (Kind, bool) {
	k := Kind(s)
	_, ok := kindNames[k]
	return k, ok
}

// Name returns the Thai name of k, or k itself if it is unknown.
func (k Kind) Name() string {
	if n, ok := kindNames[k]; ok {
		return n[0]
	}
	return string(k)
}

// NameEN returns the English name of k, or k itself if it is unknown.
func (k Kind) NameEN() string {
	if n, ok := kindNames[k]; ok {
		return n[1]
	}
	return string(k)
}

// MaxPopulation bounds a count: more than any agency has staff or service users.
const MaxPopulation = 100_000_000

// Field names of messages about a Record.
const (
	FieldPopulation = "population"
	FieldReason     = "reason"
	FieldContacts   = "contacts"
)

// MaxReasonRunes bounds the executive's reason for returning data.
const MaxReasonRunes = 1000

// Record is one kind of stakeholder data of an agency in a fiscal year, with where it stands
// in the approval cycle. A record that was never saved is a Draft with Population 0; the
// zero times mean "not yet".
type Record struct {
	FiscalYear int
	AgencyCode string
	Kind       Kind
	// Population is the internal staff count or the external estimate; 0 until entered.
	Population int
	Status     Status
	// ReturnReason is why the executive returned the data; it is kept only while the record
	// is Returned (the audit log keeps every reason).
	ReturnReason string
	SubmittedAt  time.Time
	SubmittedBy  string
	DecidedAt    time.Time // when the executive last approved or returned it
	DecidedBy    string
	UpdatedAt    time.Time
	UpdatedBy    string
}

// NewRecord returns the record of data never entered: a Draft with no population.
func NewRecord(fiscalYear int, agencyCode string, k Kind) Record {
	return Record{FiscalYear: fiscalYear, AgencyCode: agencyCode, Kind: k, Status: Draft}
}

// Approved reports whether the executive has approved r.
func (r Record) Approved() bool { return r.Status == Approved }

// Minimum returns the minimum survey sample r's population implies under rule (IIT for
// Internal, EIT for External); 0 when no population is entered.
func (r Record) Minimum(rule framework.SampleRule) int { return rule.Minimum(r.Population) }

// CheckPopulation reports, as an Invalid error on FieldPopulation, whether n is not a count
// the agency can enter: at least 1 and at most MaxPopulation.
func CheckPopulation(k Kind, n int) error {
	what := "จำนวนบุคลากรที่ปฏิบัติงานมาไม่น้อยกว่า 1 ปี"
	if k == External {
		what = "จำนวนผู้มีส่วนได้ส่วนเสียภายนอกโดยประมาณ"
	}
	switch {
	case n < 1:
		return apperr.Fields(FieldPopulation, "กรุณากรอก"+what+" เป็นจำนวนเต็มตั้งแต่ 1 ขึ้นไป")
	case n > MaxPopulation:
		return apperr.Fields(FieldPopulation, fmt.Sprintf("%sต้องไม่เกิน %s", what, FormatCount(MaxPopulation)))
	}
	return nil
}

// ParsePopulation reads a count as people type it ("1,250", " 1250 ", "๑๒๕๐") and checks it
// with CheckPopulation.
func ParsePopulation(k Kind, s string) (int, error) {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == ',' || r == ' ' || r == '\u00a0':
			return -1
		case r >= '๐' && r <= '๙':
			return '0' + (r - '๐')
		}
		return r
	}, s)
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, CheckPopulation(k, 0)
	}
	return n, CheckPopulation(k, n)
}

// CheckReady reports, as an Invalid error, whether r lacks what it needs to be submitted: a
// population, and for External at least one sample stakeholder among contacts.
func (r Record) CheckReady(contacts int) error {
	f := map[string]string{}
	if err := CheckPopulation(r.Kind, r.Population); err != nil {
		f[FieldPopulation] = apperr.FieldsOf(err)[FieldPopulation]
	}
	if r.Kind == External && contacts < 1 {
		f[FieldContacts] = "กรุณาเพิ่มรายชื่อผู้มีส่วนได้ส่วนเสียภายนอกอย่างน้อย 1 รายก่อนยื่นขออนุมัติ"
	}
	if len(f) == 0 {
		return nil
	}
	e := apperr.FieldErrors(f)
	e.Message = "ยังยื่นขออนุมัติไม่ได้ เพราะข้อมูลยังไม่ครบถ้วน"
	e.MessageEN = "Cannot submit yet: the data is incomplete"
	return e
}

// CheckReason reports, as an Invalid error on FieldReason, whether reason is not a usable
// reason for returning data: it is required, at most MaxReasonRunes long.
func CheckReason(reason string) error {
	reason = strings.TrimSpace(reason)
	switch {
	case reason == "":
		return apperr.Fields(FieldReason, "กรุณาระบุเหตุผลที่ตีกลับ เพื่อให้ผู้ดูแลระบบแก้ไขได้ถูกต้อง")
	case len([]rune(reason)) > MaxReasonRunes:
		return apperr.Fields(FieldReason, fmt.Sprintf("เหตุผลยาวเกิน %d ตัวอักษร", MaxReasonRunes))
	}
	return nil
}

// Data is an agency's stakeholder data in a fiscal year: both records and how many sample
// stakeholders the external list holds.
type Data struct {
	Internal Record
	External Record
	Contacts int
}

// Record returns the record of kind k.
func (d Data) Record(k Kind) Record {
	if k == External {
		return d.External
	}
	return d.Internal
}

// ContactFilter pages through a sample list, in the order the contacts were added.
type ContactFilter struct {
	Limit  int // at most this many; 0 or less means all
	Offset int
}

// ContactPage is one page of a sample list and how many contacts the list holds.
type ContactPage struct {
	Contacts []Contact
	Total    int
}

// The actions the audit log records for stakeholder data.
const (
	AuditPopulation    = "stakeholder.population"     // the count or estimate changed
	AuditSubmit        = "stakeholder.submit"         // ยื่นขออนุมัติ
	AuditApprove       = "stakeholder.approve"        // อนุมัติ
	AuditReturn        = "stakeholder.return"         // ตีกลับ
	AuditContactAdd    = "stakeholder.contact_add"    // a sample stakeholder added
	AuditContactUpdate = "stakeholder.contact_update" // … changed
	AuditContactDelete = "stakeholder.contact_delete" // … removed
	AuditContactImport = "stakeholder.contact_import" // a file imported (one entry besides each add)
)

// AuditActions lists the audit actions above.
var AuditActions = []string{
	AuditPopulation, AuditSubmit, AuditApprove, AuditReturn,
	AuditContactAdd, AuditContactUpdate, AuditContactDelete, AuditContactImport,
}

// AuditActionOf returns the audit action recording a, "" for ActionEdit (recorded by what
// was edited).
func AuditActionOf(a Action) string {
	switch a {
	case ActionSubmit:
		return AuditSubmit
	case ActionApprove:
		return AuditApprove
	case ActionReturn:
		return AuditReturn
	}
	return ""
}

// Counts are an agency's APPROVED populations, which set its minimum samples; a kind not
// approved counts 0, "not known yet".
type Counts struct {
	Internal int // staff with at least one year of service
	External int // estimated service users this year
}

// Minimums returns the IIT and EIT minimum samples the counts imply under rule; 0 where the
// count is not known.
func (c Counts) Minimums(rule framework.SampleRule) (iit, eit int) {
	return rule.Minimum(c.Internal), rule.Minimum(c.External)
}

// FormatCount writes n with thousands separators, as Thai forms show numbers: 12,345.
func FormatCount(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}
