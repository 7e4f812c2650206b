package evidence

import (
	"testing"
)

func TestVisibleText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"Plain", "<p>รายงาน  ผล</p>\n<p>การดำเนินงาน</p>", "รายงาน ผล การดำเนินงาน"},
		{"Entities", "<b>A&amp;B&nbsp;C &lt;x&gt;</b>", "A&B C <x>"},
		{"ScriptAndStyle", `<script>var token="abc";</script><STYLE>p{}</STYLE><p>x</p><script src="a.js"></script>`, "x"},
		{"Comments", "a<!-- build 2026-11-21 12:00 -->b", "a b"},
		{"AttributesWithAngles", `<a title="1 > 0" href="/x?csrf=123">link</a>`, "link"},
		{"UnclosedTag", "text <a href='x", "text"},
		{"NotAScriptTag", "<scripture>verse</scripture>", "verse"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := visibleText(tt.in); got != tt.want {
				t.Errorf("visibleText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestHTMLTitle(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<html><head><title>แผน</title>", "แผน"},
		{"<titlebar>x</titlebar><title id=t>ชื่อ &quot;หน้า&quot;</title>", `ชื่อ "หน้า"`},
		{"<TITLE>\n  a\n  b\n</TITLE>", "a b"},
		{"<title>never closed", ""},
		{"no title", ""},
	}
	for _, tt := range tests {
		if got := htmlTitle(tt.in); got != tt.want {
			t.Errorf("htmlTitle(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPDFTitle(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"Literal", "%PDF-1.4\n1 0 obj << /Title (Annual Plan 2563) /Author (x) >>", "Annual Plan 2563"},
		{"Escapes", `<< /Title (Plan \(draft\)\051 ok) >>`, "Plan (draft)) ok"},
		{"UTF16Hex", "<< /Title <FEFF0E41 0E1C0E19> >>", "แผน"},
		{"None", "%PDF-1.7 stream compressed", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := pdfTitle([]byte(tt.in)); got != tt.want {
				t.Errorf("pdfTitle = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestJudge(t *testing.T) {
	const website = "https://www.agency.go.th"
	page := func(reason Reason, url, final string, status int, text string) Record {
		r := Record{URL: url, FinalURL: final, Reason: reason, Status: status, SHA256: textHash("raw " + text), TextSHA256: textHash(text)}
		r.addFlag(statusFlag(status))
		return r
	}
	onsite := "https://www.agency.go.th/plan"
	baseline := page(ReasonConfirmed, onsite, onsite, 200, "แผน 2563")
	baseline.ID = 7
	failedBaseline := page(ReasonConfirmed, onsite, onsite, 503, "")
	tests := []struct {
		name     string
		r        Record
		baseline *Record
		want     []Flag
	}{
		{"Unchanged", page(ReasonOpened, onsite, onsite, 200, "แผน 2563"), &baseline, nil},
		{"Changed", page(ReasonOpened, onsite, onsite, 200, "แผน 2564"), &baseline, []Flag{FlagChanged}},
		{"NoBaseline", page(ReasonSaved, onsite, onsite, 200, "แผน 2564"), nil, nil},
		{"SubmissionIsANewBaseline", page(ReasonConfirmed, onsite, onsite, 200, "แผน 2564"), &baseline, nil},
		{"ClarificationIsANewBaseline", page(ReasonClarified, onsite, onsite, 200, "แผน 2564"), &baseline, nil},
		{"GoneIsNotChanged", page(ReasonOpened, onsite, onsite, 404, "not found"), &baseline, []Flag{FlagNotFound}},
		{"FailedBaselineComparesNothing", page(ReasonOpened, onsite, onsite, 200, "x"), &failedBaseline, nil},
		{"OffSiteURL", page(ReasonSaved, "https://www.facebook.com/agency", "https://www.facebook.com/agency", 200, "x"), nil, []Flag{FlagOffSite}},
		{"OnSiteURLEndingOffSite", page(ReasonSaved, onsite, "https://bit.ly/abc", 200, "x"), nil, []Flag{FlagOffSite}},
		{"ShortLinkEndingOnSite", page(ReasonSaved, "https://bit.ly/abc", onsite, 200, "x"), nil, []Flag{FlagOffSite}},
		{"OffSiteAndChanged", page(ReasonOpened, "https://docs.google.com/x", "https://docs.google.com/x", 200, "y"), &baseline, []Flag{FlagOffSite, FlagChanged}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.r
			Judge(&r, website, tt.baseline)
			wantFlags(t, r, tt.want...)
		})
	}
	t.Run("InternationalizedWebsite", func(t *testing.T) {
		// The registry may hold the Thai name and the fetch end at its xn-- form, or the reverse.
		idn := "https://xn--m3cj0d.xn--42cg3gvan9i.xn--o3cw4h/ita"
		r := page(ReasonSaved, idn, idn, 200, "x")
		Judge(&r, "https://อบต.คลองเส.ไทย", nil)
		wantFlags(t, r)
	})
	t.Run("NoWebsiteNoOffSite", func(t *testing.T) {
		r := page(ReasonSaved, "https://www.facebook.com/agency", "", 200, "x")
		Judge(&r, "", nil)
		wantFlags(t, r)
	})
}
