package storetest

import (
	"crypto/sha256"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/survey"
)

// surveyTests are the conformance tests of the survey feature.
var surveyTests = []test{
	{"LinkCreatedOnFirstUse", testLinkCreatedOnFirstUse},
	{"LinkScope", testLinkScope},
	{"LinkRotation", testLinkRotation},
	{"SubmitOncePerID", testSubmitOncePerID},
	{"ConcurrentSameID", testConcurrentSameID},
	{"ConcurrentDistinctIDs", testConcurrentDistinctIDs},
	{"DuplicatesWithinBatch", testDuplicatesWithinBatch},
	{"ImportAllOrNothing", testImportAllOrNothing},
	{"SubmitRejectsMalformed", testSubmitRejectsMalformed},
}

// surveyYear is the fiscal year of the survey tests (Year2563).
const surveyYear = 2563

// seedSurveys creates the agency Thasung and year 2563 and returns the agency's code.
func seedSurveys(t *testing.T, e *env) string {
	t.Helper()
	must(t, e.s.CreateAgency(e.ctx, Thasung(), by))
	must(t, e.s.CreateYear(e.ctx, Year2563(), by))
	return Thasung().Code
}

// idHash stands in for the keyed hash of respondent n.
func idHash(n int) []byte {
	h := sha256.Sum256([]byte("respondent " + strconv.Itoa(n)))
	return h[:]
}

// submission is respondent n's IIT response to the agency code, answering i1.1 with n mod 4 + 1.
func submission(code string, n int) survey.Submission {
	return survey.Submission{
		Response: survey.Response{
			FiscalYear: surveyYear, AgencyCode: code, Survey: survey.IIT, Channel: survey.ChannelLink,
			Answers: map[string]string{"i1.1": strconv.Itoa(n%4 + 1), "i4.1": "ไม่มี"},
			Profile: map[string]string{survey.ProfileGender: "female"},
		},
		IDHash:     idHash(n),
		Suggestion: "ข้อเสนอแนะ " + strconv.Itoa(n),
	}
}

func countResponses(t *testing.T, e *env, code, sv string) int {
	t.Helper()
	rs, err := e.s.FindResponses(e.ctx, surveyYear, code, sv)
	must(t, err)
	return len(rs)
}

func testLinkCreatedOnFirstUse(t *testing.T, e *env) {
	code := seedSurveys(t, e)
	iit, err := e.s.SurveyLink(e.ctx, surveyYear, code, survey.IIT)
	must(t, err)
	if !survey.ValidToken(iit.Token) || iit.Retired() || iit.AgencyCode != code || iit.FiscalYear != surveyYear {
		t.Fatalf("link = %+v", iit)
	}
	again, err := e.s.SurveyLink(e.ctx, surveyYear, code, survey.IIT)
	must(t, err)
	if again.Token != iit.Token {
		t.Errorf("second SurveyLink gave token %q, want the first %q", again.Token, iit.Token)
	}
	eit, err := e.s.SurveyLink(e.ctx, surveyYear, code, survey.EIT)
	must(t, err)
	if eit.Token == iit.Token || eit.Survey != survey.EIT {
		t.Errorf("EIT link %+v shares the IIT token", eit)
	}
	found, err := e.s.FindSurveyLink(e.ctx, iit.Token)
	must(t, err)
	if found.Token != iit.Token || found.Survey != survey.IIT || found.Retired() || !found.CreatedAt.Equal(iit.CreatedAt) {
		t.Errorf("FindSurveyLink = %+v, want %+v", found, iit)
	}
}

func testLinkScope(t *testing.T, e *env) {
	code := seedSurveys(t, e)
	_, err := e.s.SurveyLink(e.ctx, surveyYear, "9999999", survey.EIT)
	wantCode(t, err, apperr.CodeNotFound)
	_, err = e.s.SurveyLink(e.ctx, 2599, code, survey.EIT)
	wantCode(t, err, apperr.CodeNotFound)
	_, err = e.s.SurveyLink(e.ctx, surveyYear, code, "oit")
	wantCode(t, err, apperr.CodeInvalid)
	_, err = e.s.FindSurveyLink(e.ctx, survey.NewLinkToken())
	wantCode(t, err, apperr.CodeNotFound)
	_, err = e.s.FindSurveyLink(e.ctx, "'; DROP TABLE survey_links; --")
	wantCode(t, err, apperr.CodeNotFound)
}

func testLinkRotation(t *testing.T, e *env) {
	code := seedSurveys(t, e)
	old, err := e.s.SurveyLink(e.ctx, surveyYear, code, survey.EIT)
	must(t, err)
	iit, err := e.s.SurveyLink(e.ctx, surveyYear, code, survey.IIT)
	must(t, err)
	e.clock.Advance(time.Hour)
	admin := audit.By("a"+code, "agency_admin", "192.0.2.9")
	rotated, err := e.s.RotateSurveyLink(e.ctx, surveyYear, code, survey.EIT, admin)
	must(t, err)
	if rotated.Token == old.Token || rotated.Retired() || !survey.ValidToken(rotated.Token) {
		t.Fatalf("rotated link %+v (old token %q)", rotated, old.Token)
	}
	gotOld, err := e.s.FindSurveyLink(e.ctx, old.Token)
	must(t, err)
	if !gotOld.Retired() || !gotOld.RetiredAt.Equal(e.clock.Now().UTC().Truncate(time.Microsecond)) {
		t.Errorf("old link after rotation = %+v, want retired now", gotOld)
	}
	live, err := e.s.SurveyLink(e.ctx, surveyYear, code, survey.EIT)
	must(t, err)
	if live.Token != rotated.Token {
		t.Errorf("live link %q, want the rotated %q", live.Token, rotated.Token)
	}
	stillIIT, err := e.s.SurveyLink(e.ctx, surveyYear, code, survey.IIT)
	must(t, err)
	if stillIIT.Token != iit.Token {
		t.Error("rotating the EIT link changed the IIT link")
	}
	page, err := e.s.FindAudit(e.ctx, audit.Filter{Action: survey.ActionLinkRotate})
	must(t, err)
	if page.Total != 1 {
		t.Fatalf("%d rotation entries, want 1", page.Total)
	}
	en := page.Entries[0]
	if en.Actor != admin.Actor || en.AgencyCode != code || en.Subject != "2563/eit" || en.IP != admin.IP {
		t.Errorf("audit entry %+v", en)
	}
	if !strings.Contains(en.Before, old.Token) || !strings.Contains(en.After, rotated.Token) {
		t.Errorf("audit before %s after %s: want the old and new tokens", en.Before, en.After)
	}
	// Rotating twice retires the second token too.
	again, err := e.s.RotateSurveyLink(e.ctx, surveyYear, code, survey.EIT, admin)
	must(t, err)
	prev, err := e.s.FindSurveyLink(e.ctx, rotated.Token)
	must(t, err)
	if !prev.Retired() || again.Token == rotated.Token {
		t.Errorf("second rotation: previous %+v, new %q", prev, again.Token)
	}
	_, err = e.s.RotateSurveyLink(e.ctx, surveyYear, "9999999", survey.EIT, admin)
	wantCode(t, err, apperr.CodeNotFound)
}

func testSubmitOncePerID(t *testing.T, e *env) {
	code := seedSurveys(t, e)
	must(t, e.s.CreateAgency(e.ctx, Energy()[0], by))
	other := Energy()[0].Code
	must(t, e.s.SubmitResponse(e.ctx, submission(code, 1)))
	err := e.s.SubmitResponse(e.ctx, submission(code, 1))
	wantCode(t, err, apperr.CodeConflict)
	if msg := apperr.MessageOf(err); !strings.Contains(msg, "ท่านได้ตอบแบบสำรวจนี้แล้ว") {
		t.Errorf("conflict message %q", msg)
	}
	must(t, e.s.SubmitResponse(e.ctx, submission(code, 2)))
	// The same person may answer the other survey and another agency's survey.
	eit := submission(code, 1)
	eit.Survey = survey.EIT
	must(t, e.s.SubmitResponse(e.ctx, eit))
	elsewhere := submission(other, 1)
	elsewhere.AgencyCode = other
	must(t, e.s.SubmitResponse(e.ctx, elsewhere))

	if n := countResponses(t, e, code, survey.IIT); n != 2 {
		t.Errorf("%d IIT responses, want 2", n)
	}
	rs, err := e.s.FindResponses(e.ctx, surveyYear, code, survey.EIT)
	must(t, err)
	if len(rs) != 1 {
		t.Fatalf("%d EIT responses, want 1", len(rs))
	}
	r := rs[0]
	wantDay := time.Date(2020, 3, 1, 0, 0, 0, 0, r.Day.Location())
	if r.Channel != survey.ChannelLink || r.Answers["i1.1"] != "2" || r.Answers["i4.1"] != "ไม่มี" ||
		r.Profile[survey.ProfileGender] != "female" || !r.Day.Equal(wantDay) || r.Day.Hour() != 0 {
		t.Errorf("stored response %+v, want link, i1.1=2, i4.1=ไม่มี, female, day 1 Mar 2020", r)
	}
}

// testConcurrentSameID is the deadline rush at its worst: 200 submissions with one national ID
// at once store exactly one response; the 199 others are told the ID has answered.
func testConcurrentSameID(t *testing.T, e *env) {
	code := seedSurveys(t, e)
	const n = 200
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sub := submission(code, 7)
			sub.Answers = map[string]string{"i1.1": strconv.Itoa(i%4 + 1)}
			errs[i] = e.s.SubmitResponse(e.ctx, sub)
		}()
	}
	wg.Wait()
	ok, conflicts := 0, 0
	for _, err := range errs {
		switch {
		case err == nil:
			ok++
		case apperr.Is(err, apperr.CodeConflict):
			conflicts++
		default:
			t.Errorf("unexpected error: %v", err)
		}
	}
	if ok != 1 || conflicts != n-1 {
		t.Errorf("%d stored, %d conflicts; want 1 and %d", ok, conflicts, n-1)
	}
	if got := countResponses(t, e, code, survey.IIT); got != 1 {
		t.Errorf("%d responses stored, want 1", got)
	}
}

// testConcurrentDistinctIDs: 200 different people at once are all stored, however the
// committer batches them.
func testConcurrentDistinctIDs(t *testing.T, e *env) {
	code := seedSurveys(t, e)
	const n = 200
	errs := make(chan error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- e.s.SubmitResponse(e.ctx, submission(code, 1000+i))
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		must(t, err)
	}
	if got := countResponses(t, e, code, survey.IIT); got != n {
		t.Errorf("%d responses stored, want %d", got, n)
	}
}

func testDuplicatesWithinBatch(t *testing.T, e *env) {
	code := seedSurveys(t, e)
	batch := []survey.Submission{submission(code, 1), submission(code, 2), submission(code, 1), submission(code, 3), submission(code, 2)}
	stored, err := e.s.InsertResponsesRaw(e.ctx, batch)
	must(t, err)
	if stored != 3 {
		t.Errorf("InsertResponsesRaw stored %d, want 3 (two duplicates within the batch)", stored)
	}
	if got := countResponses(t, e, code, survey.IIT); got != 3 {
		t.Errorf("%d responses, want 3", got)
	}
	wantCode(t, e.s.SubmitResponse(e.ctx, submission(code, 3)), apperr.CodeConflict)
	// A batch of keys all known stores nothing and is not an error.
	stored, err = e.s.InsertResponsesRaw(e.ctx, batch[:2])
	must(t, err)
	if stored != 0 {
		t.Errorf("re-inserting known keys stored %d, want 0", stored)
	}
}

func testImportAllOrNothing(t *testing.T, e *env) {
	code := seedSurveys(t, e)
	must(t, e.s.SubmitResponse(e.ctx, submission(code, 1)))
	assessor := audit.By("assessor", "assessor", "192.0.2.7")
	phone := func(n int) survey.Submission {
		s := submission(code, n)
		s.Channel = survey.ChannelPhone
		return s
	}
	t.Run("KnownID", func(t *testing.T) {
		err := e.s.ImportResponses(e.ctx, []survey.Submission{phone(10), phone(11), phone(1), phone(12)}, assessor)
		wantCode(t, err, apperr.CodeConflict)
		if f := apperr.FieldsOf(err); len(f) != 1 || f["2"] == "" {
			t.Errorf("fields %v, want the third submission (index 2)", f)
		}
		if msg := apperr.MessageOf(err); !strings.Contains(msg, "รายการที่ 3") {
			t.Errorf("message %q does not name submission 3", msg)
		}
	})
	t.Run("DuplicateInFile", func(t *testing.T) {
		err := e.s.ImportResponses(e.ctx, []survey.Submission{phone(10), phone(11), phone(10)}, assessor)
		wantCode(t, err, apperr.CodeConflict)
		if f := apperr.FieldsOf(err); f["2"] == "" {
			t.Errorf("fields %v, want index 2", f)
		}
	})
	t.Run("Malformed", func(t *testing.T) {
		bad := phone(13)
		bad.Channel = "pigeon"
		err := e.s.ImportResponses(e.ctx, []survey.Submission{phone(10), bad}, assessor)
		wantCode(t, err, apperr.CodeInvalid)
		if f := apperr.FieldsOf(err); f["1"] == "" {
			t.Errorf("fields %v, want index 1", f)
		}
	})
	if got := countResponses(t, e, code, survey.IIT); got != 1 {
		t.Fatalf("failed imports left %d responses, want the 1 submitted before", got)
	}
	// Respondents 10–12 keep no key from the failed imports: the import below, of the same
	// people, would be refused otherwise.
	field := phone(12)
	field.Channel = survey.ChannelField
	eit := phone(14)
	eit.Survey = survey.EIT
	must(t, e.s.ImportResponses(e.ctx, []survey.Submission{phone(10), phone(11), field, eit}, assessor))
	if got := countResponses(t, e, code, survey.IIT); got != 4 {
		t.Errorf("%d IIT responses after the import, want 4", got)
	}
	page, err := e.s.FindAudit(e.ctx, audit.Filter{Action: survey.ActionImport})
	must(t, err)
	if page.Total != 2 {
		t.Fatalf("%d import entries, want one per survey (2)", page.Total)
	}
	for _, en := range page.Entries {
		if en.Actor != "assessor" || en.AgencyCode != code {
			t.Errorf("import entry %+v", en)
		}
		if en.Subject == "2563/iit" && !strings.Contains(en.After, `"responses":3`) {
			t.Errorf("IIT import entry after = %s, want 3 responses", en.After)
		}
	}
}

func testSubmitRejectsMalformed(t *testing.T, e *env) {
	code := seedSurveys(t, e)
	for name, edit := range map[string]func(*survey.Submission){
		"Survey":  func(s *survey.Submission) { s.Survey = "oit" },
		"Channel": func(s *survey.Submission) { s.Channel = "" },
		"Hash":    func(s *survey.Submission) { s.IDHash = nil },
		"Answers": func(s *survey.Submission) { s.Answers = nil },
		"Agency":  func(s *survey.Submission) { s.AgencyCode = "" },
	} {
		sub := submission(code, 1)
		edit(&sub)
		if err := e.s.SubmitResponse(e.ctx, sub); !apperr.Is(err, apperr.CodeInvalid) {
			t.Errorf("%s: error %v, want Invalid", name, err)
		}
	}
	// An unknown agency fails alone, not the batch it shares.
	var wg sync.WaitGroup
	errs := make([]error, 20)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sub := submission(code, 100+i)
			if i == 5 {
				sub.AgencyCode = "9999999"
			}
			errs[i] = e.s.SubmitResponse(e.ctx, sub)
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if (err != nil) != (i == 5) {
			t.Errorf("submission %d: error %v", i, err)
		}
	}
	if got := countResponses(t, e, code, survey.IIT); got != 19 {
		t.Errorf("%d responses, want 19", got)
	}
}
