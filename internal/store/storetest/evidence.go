package storetest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"reflect"
	"testing"
	"time"

	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/evidence"
	"github.com/openitas/itas/internal/store"
)

// evidenceTests are the conformance tests of the evidence feature.
var evidenceTests = []test{
	{"SaveAndHistory", func(t *testing.T, e *env) {
		target := evidenceSetup(t, e)
		first := fetched(e, target, evidence.ReasonSaved, "https://www.thasung.go.th/plan", 200, "แผน")
		first.Redirects = []string{"http://www.thasung.go.th/plan"}
		first.Flags = []evidence.Flag{evidence.FlagOffSite}
		saved, err := e.s.SaveEvidence(e.ctx, first)
		must(t, err)
		if saved.ID == 0 || !saved.HasCopy || saved.Copy != nil {
			t.Fatalf("SaveEvidence = id %d, has copy %v, copy %d bytes", saved.ID, saved.HasCopy, len(saved.Copy))
		}
		e.clock.Advance(time.Minute)
		second := fetched(e, target, evidence.ReasonConfirmed, "https://www.thasung.go.th/plan", 404, "")
		second.Copy = nil
		second.Error = "ไม่พบ"
		_, err = e.s.SaveEvidence(e.ctx, second)
		must(t, err)
		other := target
		other.ItemID = "o2"
		_, err = e.s.SaveEvidence(e.ctx, fetched(e, other, evidence.ReasonSaved, "https://www.thasung.go.th/x", 200, "x"))
		must(t, err)

		hist, err := e.s.EvidenceHistory(e.ctx, target)
		must(t, err)
		if len(hist) != 2 {
			t.Fatalf("history has %d records, want 2", len(hist))
		}
		got := hist[1]
		want := saved
		if !reflect.DeepEqual(got, want) {
			t.Errorf("history[1] =\n%+v\nwant\n%+v", got, want)
		}
		if hist[0].Status != 404 || hist[0].HasCopy || hist[0].Error != "ไม่พบ" || len(hist[0].Redirects) != 0 || hist[0].Redirects == nil {
			t.Errorf("history[0] = %+v, want the newer 404 without a copy", hist[0])
		}
		none, err := e.s.EvidenceHistory(e.ctx, evidence.Target{FiscalYear: 2563, AgencyCode: "6100101", ItemID: "o9"})
		must(t, err)
		if none == nil || len(none) != 0 {
			t.Errorf("history of an item never fetched = %v, want an empty list", none)
		}
	}},
	{"Copies", func(t *testing.T, e *env) {
		target := evidenceSetup(t, e)
		a, err := e.s.SaveEvidence(e.ctx, fetched(e, target, evidence.ReasonSaved, "https://www.thasung.go.th/a.pdf", 200, "%PDF-1.4 same"))
		must(t, err)
		b, err := e.s.SaveEvidence(e.ctx, fetched(e, target, evidence.ReasonOpened, "https://www.thasung.go.th/a.pdf", 200, "%PDF-1.4 same"))
		must(t, err)
		noCopy := fetched(e, target, evidence.ReasonOpened, "https://www.thasung.go.th/b", 0, "")
		noCopy.Copy = nil
		c, err := e.s.SaveEvidence(e.ctx, noCopy)
		must(t, err)
		for _, id := range []int64{a.ID, b.ID} {
			r, data, err := e.s.EvidenceCopy(e.ctx, id)
			must(t, err)
			if string(data) != "%PDF-1.4 same" || r.ID != id || r.Type != "text/html; charset=utf-8" || r.Target != target {
				t.Errorf("EvidenceCopy(%d) = %+v, %q", id, r, data)
			}
		}
		_, _, err = e.s.EvidenceCopy(e.ctx, c.ID)
		wantCode(t, err, apperr.CodeNotFound)
		_, _, err = e.s.EvidenceCopy(e.ctx, c.ID+100)
		wantCode(t, err, apperr.CodeNotFound)
	}},
	{"LatestSubmitted", func(t *testing.T, e *env) {
		target := evidenceSetup(t, e)
		const url = "https://www.thasung.go.th/plan"
		_, err := e.s.LatestSubmittedEvidence(e.ctx, target, url)
		wantCode(t, err, apperr.CodeNotFound)
		save := func(reason evidence.Reason, u string, status int, body string) evidence.Record {
			e.clock.Advance(time.Minute)
			r, err := e.s.SaveEvidence(e.ctx, fetched(e, target, reason, u, status, body))
			must(t, err)
			return r
		}
		save(evidence.ReasonSaved, url, 200, "draft")
		_, err = e.s.LatestSubmittedEvidence(e.ctx, target, url)
		wantCode(t, err, apperr.CodeNotFound)
		confirmed := save(evidence.ReasonConfirmed, url, 200, "v1")
		save(evidence.ReasonConfirmed, url, 503, "down") // a failed fetch is no baseline
		save(evidence.ReasonOpened, url, 200, "v2")
		save(evidence.ReasonConfirmed, url+"?other", 200, "other URL")
		got, err := e.s.LatestSubmittedEvidence(e.ctx, target, url)
		must(t, err)
		if got.ID != confirmed.ID {
			t.Errorf("latest submitted = #%d (%s %d), want #%d", got.ID, got.Reason, got.Status, confirmed.ID)
		}
		clarified := save(evidence.ReasonClarified, url, 200, "v3")
		got, err = e.s.LatestSubmittedEvidence(e.ctx, target, url)
		must(t, err)
		if got.ID != clarified.ID {
			t.Errorf("latest submitted = #%d, want the clarification #%d", got.ID, clarified.ID)
		}
	}},
	{"Refused", func(t *testing.T, e *env) {
		target := evidenceSetup(t, e)
		ok := fetched(e, target, evidence.ReasonSaved, "https://www.thasung.go.th/", 200, "x")
		for name, change := range map[string]func(*evidence.Record){
			"NoTarget": func(r *evidence.Record) { r.Target.ItemID = "" },
			"NoURL":    func(r *evidence.Record) { r.URL = "" },
			"Reason":   func(r *evidence.Record) { r.Reason = "whim" },
			"BigCopy":  func(r *evidence.Record) { r.Copy = make([]byte, store.MaxEvidenceCopyBytes+1) },
		} {
			r := ok
			change(&r)
			_, err := e.s.SaveEvidence(e.ctx, r)
			if apperr.CodeOf(err) != apperr.CodeInvalid {
				t.Errorf("%s: error %v, want Invalid", name, err)
			}
		}
		r := ok
		r.Target.AgencyCode = "9999999"
		_, err := e.s.SaveEvidence(e.ctx, r)
		wantCode(t, err, apperr.CodeNotFound)
		r = ok
		r.Target.FiscalYear = 2599
		_, err = e.s.SaveEvidence(e.ctx, r)
		wantCode(t, err, apperr.CodeNotFound)
	}},
	{"NotAudited", func(t *testing.T, e *env) {
		target := evidenceSetup(t, e)
		before, err := e.s.FindAudit(e.ctx, audit.Filter{})
		must(t, err)
		_, err = e.s.SaveEvidence(e.ctx, fetched(e, target, evidence.ReasonSaved, "https://www.thasung.go.th/", 200, "x"))
		must(t, err)
		after, err := e.s.FindAudit(e.ctx, audit.Filter{})
		must(t, err)
		if after.Total != before.Total {
			t.Errorf("saving evidence added %d audit entries; fetches are system reads, not changes", after.Total-before.Total)
		}
	}},
	{"LargeCopy", func(t *testing.T, e *env) {
		target := evidenceSetup(t, e)
		r := fetched(e, target, evidence.ReasonSaved, "https://www.thasung.go.th/big.pdf", 200, "")
		r.Copy = bytes.Repeat([]byte{0, 1, 2, 0xff}, (5<<20)/4)
		saved, err := e.s.SaveEvidence(e.ctx, r)
		must(t, err)
		_, data, err := e.s.EvidenceCopy(e.ctx, saved.ID)
		must(t, err)
		if !bytes.Equal(data, r.Copy) {
			t.Errorf("copy of %d bytes came back as %d bytes, or different", len(r.Copy), len(data))
		}
	}},
}

// evidenceSetup creates the agency and year the evidence tests record against and returns an
// OIT answer of it.
func evidenceSetup(t *testing.T, e *env) evidence.Target {
	t.Helper()
	must(t, e.s.CreateAgency(e.ctx, Thasung(), by))
	must(t, e.s.CreateYear(e.ctx, Year2563(), by))
	return evidence.Target{FiscalYear: 2563, AgencyCode: "6100101", ItemID: "o1"}
}

// fetched returns a record as the fetcher would make it, at the suite's clock, with body as
// the copy.
func fetched(e *env, t evidence.Target, reason evidence.Reason, url string, status int, body string) evidence.Record {
	return evidence.Record{
		Target: t, URL: url, Reason: reason, FetchedAt: e.clock.Now(), Status: status, FinalURL: url,
		Type: "text/html; charset=utf-8", Size: int64(len(body)), Title: "แผนปฏิบัติราชการ",
		SHA256: sha256Hex(body), TextSHA256: sha256Hex("text " + body), Truncated: len(body) > 3, ElapsedMS: 120,
		Copy: []byte(body), Redirects: []string{},
	}
}

// sha256Hex returns the hex SHA-256 of s.
func sha256Hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}
