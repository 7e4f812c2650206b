package storetest

import (
	"crypto/sha256"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/survey"
	"github.com/openitas/itas/internal/thaidate"
	"github.com/openitas/itas/internal/tracking"
)

// trackingTests are the conformance tests of the tracking feature.
var trackingTests = []test{
	{"CountsPerAgency", testTrackingCounts},
	{"OtherYearsApart", testTrackingYearsApart},
	{"StatusFilters", testTrackingStatusFilters},
	{"Orders", testTrackingOrders},
	{"PagesAgreeWithWholeTable", testTrackingPagesAgree},
	{"AgencyFilters", testTrackingAgencyFilters},
	{"DailyCounts", testTrackingDaily},
	{"Suggestions", testTrackingSuggestions},
	{"CountersFollowResponses", testTrackingCounters},
}

// trackingYear is the fiscal year of the tracking tests.
const trackingYear = 2563

// bkkDay is midnight in Bangkok of a day of 2020 (BE 2563).
func bkkDay(m time.Month, d int) time.Time {
	return time.Date(2020, m, d, 0, 0, 0, 0, thaidate.Location)
}

// responses builds n responses of fiscal year fy to survey sv of agency code on day, by
// respondents numbered from first, each with the suggestion suggest(i) ("" for none).
func responses(fy int, code, sv string, day time.Time, first, n int, suggest func(int) string) []survey.Submission {
	item := map[string]string{survey.IIT: "i1.1", survey.EIT: "e1.1"}[sv]
	out := make([]survey.Submission, n)
	for i := range out {
		h := sha256.Sum256([]byte(fmt.Sprintf("%d/%s/%s/%d", fy, code, sv, first+i)))
		out[i] = survey.Submission{
			Response: survey.Response{FiscalYear: fy, AgencyCode: code, Survey: sv, Channel: survey.ChannelLink,
				Day: day, Answers: map[string]string{item: "4"}},
			IDHash: h[:],
		}
		if suggest != nil {
			out[i].Suggestion = suggest(first + i)
		}
	}
	return out
}

// seedTracking registers the energy agencies and Thasung and imports responses:
// 1005 (สป.พน.) 40 IIT over two days and 12 EIT, 1001 (ชธ.) 10 IIT and 35 EIT, Thasung 3 EIT;
// the others none. It returns the minimums of the tests: 1005 IIT 30 and EIT 30, 1001 IIT 30
// and EIT 30, Thasung EIT 30 (IIT unknown); every other agency unknown.
func seedTracking(t *testing.T, e *env) tracking.Minimums {
	t.Helper()
	_, err := e.s.UpsertAgencies(e.ctx, append(Energy(), Thasung()), by)
	must(t, err)
	var subs []survey.Submission
	subs = append(subs, responses(trackingYear, "1005", survey.IIT, bkkDay(5, 1), 0, 25, nil)...)
	subs = append(subs, responses(trackingYear, "1005", survey.IIT, bkkDay(5, 3), 25, 15, nil)...)
	subs = append(subs, responses(trackingYear, "1005", survey.EIT, bkkDay(5, 3), 0, 12, nil)...)
	subs = append(subs, responses(trackingYear, "1001", survey.IIT, bkkDay(5, 2), 0, 10, nil)...)
	subs = append(subs, responses(trackingYear, "1001", survey.EIT, bkkDay(5, 2), 0, 35, nil)...)
	subs = append(subs, responses(trackingYear, Thasung().Code, survey.EIT, bkkDay(5, 4), 0, 3, nil)...)
	must(t, e.s.ImportResponses(e.ctx, subs, by))
	return tracking.Minimums{
		"1005":         {IIT: 30, EIT: 30},
		"1001":         {IIT: 30, EIT: 30},
		Thasung().Code: {EIT: 30},
	}
}

// codes returns the codes of a page's rows in order.
func codes(p tracking.Page) []string {
	out := make([]string, len(p.Rows))
	for i, r := range p.Rows {
		out[i] = r.Agency.Code
	}
	return out
}

func testTrackingCounts(t *testing.T, e *env) {
	mins := seedTracking(t, e)
	page, err := e.s.ResponseCounts(e.ctx, trackingYear, tracking.Filter{}, mins)
	must(t, err)
	if page.Total != 10 || len(page.Rows) != 10 {
		t.Fatalf("Total = %d with %d rows, want every one of the 10 agencies", page.Total, len(page.Rows))
	}
	want := map[string][4]int{ // IIT responses, minimum, EIT responses, minimum
		"1005": {40, 30, 12, 30}, "1001": {10, 30, 35, 30}, Thasung().Code: {0, 0, 3, 30}, "1007": {0, 0, 0, 0},
	}
	for _, r := range page.Rows {
		w, ok := want[r.Agency.Code]
		if !ok {
			continue
		}
		if got := [4]int{r.IIT.Responses, r.IIT.Minimum, r.EIT.Responses, r.EIT.Minimum}; got != w {
			t.Errorf("%s: IIT %d/%d, EIT %d/%d; want %v", r.Agency.Code, got[0], got[1], got[2], got[3], w)
		}
		if r.Agency.Name == "" || r.Agency.Type == "" {
			t.Errorf("%s: the row lacks the agency's record: %+v", r.Agency.Code, r.Agency)
		}
	}
	for code, w := range map[string][2]tracking.Status{
		"1005": {tracking.StatusMet, tracking.StatusShort}, "1001": {tracking.StatusShort, tracking.StatusMet},
		Thasung().Code: {tracking.StatusUnknown, tracking.StatusShort}, "1007": {tracking.StatusUnknown, tracking.StatusUnknown},
	} {
		i := slices.Index(codes(page), code)
		if got := [2]tracking.Status{page.Rows[i].IIT.Status(), page.Rows[i].EIT.Status()}; got != w {
			t.Errorf("%s: status %v, want %v", code, got, w)
		}
	}
	// A page cut after counting every agency (a status filter, an order by responses) carries
	// the same rows, records included, as the page by name.
	byCode := map[string]tracking.Row{}
	for _, r := range page.Rows {
		byCode[r.Agency.Code] = r
	}
	for _, f := range []tracking.Filter{{Status: tracking.AnyShort}, {Sort: tracking.SortEIT, Desc: true, Agency: agency.Filter{Limit: 4}}} {
		ranked, err := e.s.ResponseCounts(e.ctx, trackingYear, f, mins)
		must(t, err)
		if len(ranked.Rows) == 0 {
			t.Errorf("%+v: no rows", f)
		}
		for _, r := range ranked.Rows {
			w := byCode[r.Agency.Code]
			if r.Agency != w.Agency || r.IIT != w.IIT || r.EIT != w.EIT || string(r.SortKey) != string(w.SortKey) {
				t.Errorf("%+v: row %+v, want %+v", f, r, w)
			}
		}
	}
	c, err := e.s.AgencyResponseCounts(e.ctx, trackingYear, "1005")
	must(t, err)
	if c != (tracking.Counts{IIT: 40, EIT: 12}) {
		t.Errorf("AgencyResponseCounts(1005) = %+v, want IIT 40, EIT 12", c)
	}
	c, err = e.s.AgencyResponseCounts(e.ctx, trackingYear, "9999")
	must(t, err)
	if c != (tracking.Counts{}) {
		t.Errorf("AgencyResponseCounts(unknown agency) = %+v, want none", c)
	}
}

func testTrackingYearsApart(t *testing.T, e *env) {
	mins := seedTracking(t, e)
	must(t, e.s.ImportResponses(e.ctx, responses(trackingYear+1, "1005", survey.IIT, bkkDay(5, 1), 0, 7, nil), by))
	for _, tt := range []struct {
		fy   int
		want int
	}{{trackingYear, 40}, {trackingYear + 1, 7}, {trackingYear - 1, 0}} {
		f := tracking.Filter{Agency: agency.Filter{Codes: []string{"1005"}}}
		for _, path := range []string{"page", "whole"} {
			f.Unpaged = path == "whole"
			page, err := e.s.ResponseCounts(e.ctx, tt.fy, f, mins)
			must(t, err)
			if len(page.Rows) != 1 || page.Rows[0].IIT.Responses != tt.want {
				t.Errorf("year %d (%s): rows %+v, want 1005 with %d IIT responses", tt.fy, path, page.Rows, tt.want)
			}
		}
		days, err := e.s.DailyResponseCounts(e.ctx, tt.fy, "1005")
		must(t, err)
		n := 0
		for _, d := range days {
			if d.Survey == survey.IIT {
				n += d.Count
			}
		}
		if n != tt.want {
			t.Errorf("year %d: daily IIT counts sum to %d, want %d", tt.fy, n, tt.want)
		}
	}
}

func testTrackingStatusFilters(t *testing.T, e *env) {
	mins := seedTracking(t, e)
	others := []string{"1002", "1003", "1004", "1006", "1007", "1008", "1009"}
	tests := []struct {
		status tracking.StatusFilter
		want   []string
	}{
		{tracking.IITMet, []string{"1005"}},
		{tracking.IITShort, []string{"1001"}},
		{tracking.EITMet, []string{"1001"}},
		{tracking.EITShort, []string{"1005", Thasung().Code}},
		{tracking.AnyShort, []string{"1001", "1005", Thasung().Code}},
		{tracking.BothMet, nil},
		{tracking.NoMinimum, append([]string{Thasung().Code}, others...)},
	}
	for _, tt := range tests {
		page, err := e.s.ResponseCounts(e.ctx, trackingYear, tracking.Filter{Status: tt.status}, mins)
		must(t, err)
		got := sortedCopy(codes(page))
		if strings.Join(got, ",") != strings.Join(sortedCopy(tt.want), ",") || page.Total != len(tt.want) {
			t.Errorf("status %s: %v (total %d), want %v", tt.status, got, page.Total, tt.want)
		}
	}
	page, err := e.s.ResponseCounts(e.ctx, trackingYear, tracking.Filter{Status: tracking.AnyShort}, nil)
	must(t, err)
	if page.Total != 0 {
		t.Errorf("without minimums, %d agencies are short; want none (their minimums are unknown)", page.Total)
	}
}

func testTrackingOrders(t *testing.T, e *env) {
	mins := seedTracking(t, e)
	first := func(f tracking.Filter) []string {
		t.Helper()
		f.Agency.Limit = 3
		page, err := e.s.ResponseCounts(e.ctx, trackingYear, f, mins)
		must(t, err)
		return codes(page)
	}
	tests := []struct {
		name string
		f    tracking.Filter
		want []string
	}{
		{"IITDesc", tracking.Filter{Sort: tracking.SortIIT, Desc: true}, []string{"1005", "1001"}},
		{"EITDesc", tracking.Filter{Sort: tracking.SortEIT, Desc: true}, []string{"1001", "1005", Thasung().Code}},
		// 1005: 40/30 IIT; 1001: 10/30; the rest unknown, last in both directions.
		{"IITShareAsc", tracking.Filter{Sort: tracking.SortIITPct}, []string{"1001", "1005"}},
		{"IITShareDesc", tracking.Filter{Sort: tracking.SortIITPct, Desc: true}, []string{"1005", "1001"}},
		// EIT: Thasung 3/30, 1005 12/30, 1001 35/30.
		{"EITShareAsc", tracking.Filter{Sort: tracking.SortEITPct}, []string{Thasung().Code, "1005", "1001"}},
		{"CodeDesc", tracking.Filter{Sort: tracking.SortCode, Desc: true}, []string{Thasung().Code, "1009", "1008"}},
		{"Name", tracking.Filter{}, []string{"1001", "1002", "1003"}}, // กรมเชื้อเพลิง…, กรมธุรกิจ…, กรมพัฒนา…
	}
	for _, tt := range tests {
		got := first(tt.f)
		if strings.Join(got[:len(tt.want)], ",") != strings.Join(tt.want, ",") {
			t.Errorf("%s: first rows %v, want %v first", tt.name, got, tt.want)
		}
	}
	// Ties (no responses) fall back to Thai name order whatever the direction.
	page, err := e.s.ResponseCounts(e.ctx, trackingYear, tracking.Filter{Sort: tracking.SortIIT, Desc: true, Unpaged: true}, mins)
	must(t, err)
	tail := codes(page)[2:]
	if tail[0] != "1002" || tail[1] != "1003" {
		t.Errorf("agencies without IIT responses in order %v, want Thai name order (1002, 1003, …)", tail)
	}
}

// testTrackingPagesAgree pages through the table ordered by each of the agency's fields, a
// path that counts only the page's agencies, and checks it against the whole table ordered
// in memory.
func testTrackingPagesAgree(t *testing.T, e *env) {
	all := Generate(120, 5)
	_, err := e.s.UpsertAgencies(e.ctx, all, by)
	must(t, err)
	var subs []survey.Submission
	for i, a := range all[:40] {
		subs = append(subs, responses(trackingYear, a.Code, survey.IIT, bkkDay(5, 1+i%3), 0, i%7, nil)...)
		subs = append(subs, responses(trackingYear, a.Code, survey.EIT, bkkDay(5, 2), 0, (i*5)%9, nil)...)
	}
	must(t, e.s.ImportResponses(e.ctx, subs, by))
	for _, sort := range []tracking.Sort{tracking.SortName, tracking.SortCode, tracking.SortGroup, tracking.SortProvince} {
		for _, desc := range []bool{false, true} {
			f := tracking.Filter{Sort: sort, Desc: desc, Unpaged: true}
			whole, err := e.s.ResponseCounts(e.ctx, trackingYear, f, nil)
			must(t, err)
			f.Unpaged = false
			var paged []tracking.Row
			for off := 0; ; off += 17 {
				f.Agency.Limit, f.Agency.Offset = 17, off
				page, err := e.s.ResponseCounts(e.ctx, trackingYear, f, nil)
				must(t, err)
				if page.Total != len(all) {
					t.Fatalf("%s desc=%v: Total = %d, want %d", sort, desc, page.Total, len(all))
				}
				paged = append(paged, page.Rows...)
				if len(page.Rows) < 17 {
					break
				}
			}
			if len(paged) != len(whole.Rows) {
				t.Fatalf("%s desc=%v: pages hold %d rows, the whole table %d", sort, desc, len(paged), len(whole.Rows))
			}
			for i := range paged {
				p, w := paged[i], whole.Rows[i]
				if p.Agency.Code != w.Agency.Code || p.IIT != w.IIT || p.EIT != w.EIT {
					t.Fatalf("%s desc=%v: row %d is %s %+v %+v on the pages and %s %+v %+v in the whole table",
						sort, desc, i, p.Agency.Code, p.IIT, p.EIT, w.Agency.Code, w.IIT, w.EIT)
				}
			}
		}
	}
}

func testTrackingAgencyFilters(t *testing.T, e *env) {
	mins := seedTracking(t, e)
	tests := []struct {
		name string
		f    agency.Filter
		want []string
	}{
		{"Codes", agency.Filter{Codes: []string{"1005", Thasung().Code}}, []string{"1005", Thasung().Code}},
		{"EmptyScope", agency.Filter{Groups: []int{}}, nil},
		{"Groups", agency.Filter{Groups: []int{Thasung().Group}}, []string{Thasung().Code}},
		{"Supervisor", agency.Filter{Supervisor: agency.SupervisorSEPO}, []string{"1006", "1007"}},
		{"Province", agency.Filter{Province: "อุทัยธานี"}, []string{Thasung().Code}},
		{"TypeAndMinistry", agency.Filter{Type: agency.TypeStateEnterprise, Ministry: "กระทรวงพลังงาน"}, []string{"1006", "1007"}},
	}
	for _, tt := range tests {
		for _, status := range []tracking.StatusFilter{tracking.AnyStatus, tracking.NoMinimum} {
			page, err := e.s.ResponseCounts(e.ctx, trackingYear, tracking.Filter{Agency: tt.f, Status: status}, mins)
			must(t, err)
			want := tt.want
			if status == tracking.NoMinimum {
				want = slices.DeleteFunc(slices.Clone(want), func(c string) bool { return c == "1005" })
			}
			got := sortedCopy(codes(page))
			if strings.Join(got, ",") != strings.Join(sortedCopy(want), ",") || page.Total != len(want) {
				t.Errorf("%s (status %q): %v (total %d), want %v", tt.name, status, got, page.Total, want)
			}
		}
	}
}

func testTrackingDaily(t *testing.T, e *env) {
	seedTracking(t, e)
	days, err := e.s.DailyResponseCounts(e.ctx, trackingYear, "1005")
	must(t, err)
	var got []string
	for _, d := range days {
		if d.Day.Location().String() != thaidate.Location.String() || d.Day.Hour() != 0 || d.Day.Minute() != 0 {
			t.Errorf("day %v is not midnight in Bangkok", d.Day)
		}
		got = append(got, fmt.Sprintf("%s %s %d", d.Day.Format("01-02"), d.Survey, d.Count))
	}
	want := []string{"05-01 iit 25", "05-03 eit 12", "05-03 iit 15"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("DailyResponseCounts(1005) = %v, want %v (by day, then survey)", got, want)
	}
	days, err = e.s.DailyResponseCounts(e.ctx, trackingYear, "1002")
	must(t, err)
	if days == nil || len(days) != 0 {
		t.Errorf("DailyResponseCounts of an agency without responses = %#v, want an empty list", days)
	}
}

func testTrackingSuggestions(t *testing.T, e *env) {
	_, err := e.s.UpsertAgencies(e.ctx, append(Energy(), Thasung()), by)
	must(t, err)
	texts := []string{"ควรเพิ่มช่องทางออนไลน์", "เจ้าหน้าที่บริการดี", "", "ขอให้ลดขั้นตอน", "กรุณาติดป้ายบอกทาง"}
	suggest := func(i int) string { return texts[i%len(texts)] }
	code := Thasung().Code
	must(t, e.s.ImportResponses(e.ctx, responses(trackingYear, code, survey.EIT, bkkDay(5, 1), 0, 5, suggest), by))
	must(t, e.s.ImportResponses(e.ctx, responses(trackingYear, code, survey.IIT, bkkDay(5, 1), 0, 1,
		func(int) string { return "ข้อเสนอแนะของบุคลากร" }), by))
	must(t, e.s.ImportResponses(e.ctx, responses(trackingYear, "1001", survey.EIT, bkkDay(5, 1), 0, 1,
		func(int) string { return "ของหน่วยงานอื่น" }), by))
	got, err := e.s.Suggestions(e.ctx, trackingYear, code, survey.EIT)
	must(t, err)
	want := []string{"กรุณาติดป้ายบอกทาง", "ขอให้ลดขั้นตอน", "ควรเพิ่มช่องทางออนไลน์", "เจ้าหน้าที่บริการดี"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Suggestions(EIT) = %q, want %q (Thai dictionary order, no empty ones)", got, want)
	}
	got, err = e.s.Suggestions(e.ctx, trackingYear, code, survey.IIT)
	must(t, err)
	if len(got) != 1 || got[0] != "ข้อเสนอแนะของบุคลากร" {
		t.Errorf("Suggestions(IIT) = %q", got)
	}
	got, err = e.s.Suggestions(e.ctx, trackingYear+1, code, survey.EIT)
	must(t, err)
	if got == nil || len(got) != 0 {
		t.Errorf("Suggestions of another year = %#v, want an empty list", got)
	}
}

// testTrackingCounters checks that the counts the tracking table reads (response_counts) stay
// equal to the responses stored, counted from the responses themselves, through every path
// that writes them: concurrent submissions with duplicates (some within a group commit, some
// across), a batch one of whose submissions names an unknown agency (the batch fails and each
// submission is retried alone), duplicates in InsertResponsesRaw, a successful import, and
// imports that fail and roll back.
func testTrackingCounters(t *testing.T, e *env) {
	_, err := e.s.UpsertAgencies(e.ctx, append(Energy(), Thasung()), by)
	must(t, err)
	agencies := []string{"1001", "1005", Thasung().Code}
	want := map[string]*tracking.Counts{}
	for _, c := range agencies {
		want[c] = &tracking.Counts{}
	}
	add := func(sub survey.Submission) {
		if sub.Survey == survey.IIT {
			want[sub.AgencyCode].IIT++
		} else {
			want[sub.AgencyCode].EIT++
		}
	}
	day := bkkDay(5, 1)
	// respondent builds respondent n's response to agency code; 90 people answer from 300
	// submissions, so most are duplicates.
	respondent := func(code, sv string, n int) survey.Submission {
		return responses(trackingYear, code, sv, day, n, 1, nil)[0]
	}

	t.Run("ConcurrentSubmissions", func(t *testing.T) {
		const n = 300
		subs := make([]survey.Submission, n)
		for i := range subs {
			subs[i] = respondent(agencies[i%3], []string{survey.IIT, survey.EIT}[i%2], i%90)
			if i == 77 {
				subs[i].AgencyCode = "9999999" // fails its batch, which is then retried one by one
			}
		}
		errs := make([]error, n)
		var wg sync.WaitGroup
		for i := range subs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs[i] = e.s.SubmitResponse(e.ctx, subs[i])
			}()
		}
		wg.Wait()
		for i, err := range errs {
			switch {
			case err == nil:
				add(subs[i])
			case i == 77 || apperr.Is(err, apperr.CodeConflict):
			default:
				t.Errorf("submission %d: %v", i, err)
			}
		}
		checkCounters(t, e, agencies, want)
	})
	t.Run("RawWithDuplicates", func(t *testing.T) {
		// 500 twice in the batch, 0 stored above (every key of the first 90 was), 501 and 1
		// new (1001's IIT is submitted by multiples of 6 only, so never by respondent 1).
		batch := []survey.Submission{respondent("1001", survey.IIT, 500), respondent("1001", survey.IIT, 500),
			respondent("1001", survey.IIT, 0), respondent("1005", survey.EIT, 501), respondent("1001", survey.IIT, 1)}
		stored, err := e.s.InsertResponsesRaw(e.ctx, batch)
		must(t, err)
		if stored != 3 {
			t.Fatalf("InsertResponsesRaw stored %d, want 3", stored)
		}
		want["1001"].IIT += 2
		want["1005"].EIT++
		checkCounters(t, e, agencies, want)
	})
	t.Run("Import", func(t *testing.T) {
		var subs []survey.Submission
		subs = append(subs, responses(trackingYear, "1005", survey.IIT, bkkDay(5, 2), 1000, 12, nil)...)
		subs = append(subs, responses(trackingYear, "1007", survey.EIT, bkkDay(5, 2), 1000, 5, nil)...)
		must(t, e.s.ImportResponses(e.ctx, subs, by))
		agencies = append(agencies, "1007")
		want["1007"] = &tracking.Counts{}
		for _, sub := range subs {
			add(sub)
		}
		checkCounters(t, e, agencies, want)
	})
	t.Run("ConcurrentImports", func(t *testing.T) {
		// Imports naming the same agencies in different orders, beside submissions: on
		// PostgreSQL each holds its counters' row locks until it commits.
		const importers = 8
		errs := make([]error, 2*importers)
		var wg sync.WaitGroup
		for g := range importers {
			var subs []survey.Submission
			for j := range 3 {
				code := agencies[(g+j)%3]
				subs = append(subs, responses(trackingYear, code, []string{survey.IIT, survey.EIT}[(g+j)%2], day, 3000+10*g, 4, nil)...)
			}
			if g%2 == 1 {
				slices.Reverse(subs)
			}
			for _, sub := range subs {
				add(sub)
			}
			sub := respondent(agencies[g%3], survey.EIT, 4000+g)
			add(sub)
			wg.Add(2)
			go func() {
				defer wg.Done()
				errs[g] = e.s.ImportResponses(e.ctx, subs, by)
			}()
			go func() {
				defer wg.Done()
				errs[importers+g] = e.s.SubmitResponse(e.ctx, sub)
			}()
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Errorf("writer %d: %v", i, err)
			}
		}
		checkCounters(t, e, agencies, want)
	})
	t.Run("FailedImports", func(t *testing.T) {
		fresh := responses(trackingYear, "1005", survey.IIT, bkkDay(5, 3), 2000, 4, nil)
		known := responses(trackingYear, "1005", survey.IIT, bkkDay(5, 2), 1000, 1, nil)[0]
		unknown := responses(trackingYear, "9999999", survey.EIT, bkkDay(5, 3), 0, 1, nil)[0]
		for name, tt := range map[string]struct {
			subs []survey.Submission
			code apperr.Code
		}{
			"KnownRespondent": {append(slices.Clone(fresh), known), apperr.CodeConflict},
			"TwiceInFile":     {append(slices.Clone(fresh), fresh[1]), apperr.CodeConflict},
			"UnknownAgency":   {append(slices.Clone(fresh), unknown), apperr.CodeNotFound},
		} {
			err := e.s.ImportResponses(e.ctx, tt.subs, by)
			if apperr.CodeOf(err) != tt.code {
				t.Errorf("%s: error %v, want %s", name, err, tt.code)
			}
		}
		checkCounters(t, e, agencies, want)
	})
}

// countedResponses counts the responses of agency code in the tracking year from the
// responses themselves.
func countedResponses(t *testing.T, e *env, code string) tracking.Counts {
	t.Helper()
	var c tracking.Counts
	for _, sv := range []string{survey.IIT, survey.EIT} {
		rs, err := e.s.FindResponses(e.ctx, trackingYear, code, sv)
		must(t, err)
		if sv == survey.IIT {
			c.IIT = len(rs)
		} else {
			c.EIT = len(rs)
		}
	}
	return c
}

// checkCounters checks, for each agency of agencies, that the responses stored, the sum of its
// daily counts (both counted from the responses), the counts AgencyResponseCounts and both
// paths of ResponseCounts give (read from the counters) all equal want.
func checkCounters(t *testing.T, e *env, agencies []string, want map[string]*tracking.Counts) {
	t.Helper()
	f := tracking.Filter{Agency: agency.Filter{Codes: agencies, Limit: len(agencies)}}
	paged, err := e.s.ResponseCounts(e.ctx, trackingYear, f, nil)
	must(t, err)
	f.Sort = tracking.SortIIT // counts every agency, then orders in memory
	whole, err := e.s.ResponseCounts(e.ctx, trackingYear, f, nil)
	must(t, err)
	for _, code := range agencies {
		w := *want[code]
		if got := countedResponses(t, e, code); got != w {
			t.Errorf("%s: %d IIT and %d EIT responses stored, want %d and %d", code, got.IIT, got.EIT, w.IIT, w.EIT)
		}
		days, err := e.s.DailyResponseCounts(e.ctx, trackingYear, code)
		must(t, err)
		var daily tracking.Counts
		for _, d := range days {
			if d.Survey == survey.IIT {
				daily.IIT += d.Count
			} else {
				daily.EIT += d.Count
			}
		}
		if daily != w {
			t.Errorf("%s: daily counts sum to %+v, want %+v", code, daily, w)
		}
		c, err := e.s.AgencyResponseCounts(e.ctx, trackingYear, code)
		must(t, err)
		if c != w {
			t.Errorf("%s: AgencyResponseCounts = %+v, want %+v", code, c, w)
		}
		for name, page := range map[string]tracking.Page{"page": paged, "whole": whole} {
			i := slices.Index(codes(page), code)
			if i < 0 {
				t.Errorf("%s: not in the %s table", code, name)
				continue
			}
			if r := page.Rows[i]; r.IIT.Responses != w.IIT || r.EIT.Responses != w.EIT {
				t.Errorf("%s: the %s table counts IIT %d, EIT %d; want %+v", code, name, r.IIT.Responses, r.EIT.Responses, w)
			}
		}
	}
}
