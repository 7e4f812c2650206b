package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/evidence"
	"github.com/openitas/itas/internal/oit"
	"github.com/openitas/itas/internal/thaidate"
)

// evidenceStore is what the demo's evidence needs from the store.
type evidenceStore interface {
	FindOIT(ctx context.Context, fy int, code string) (oit.Record, error)
	SaveEvidence(ctx context.Context, r evidence.Record) (evidence.Record, error)
}

// evidenceItems are the items of มหาวิทยาลัยเชียงใหม่ — approved, waiting in the assessor's
// queue — whose evidence the demo has already "fetched", and what happened to each page after
// the executive confirmed: most stay as they were; one was edited, one was removed, one site
// started refusing robots. Facebook (o9) is off the main website whatever happens.
var evidenceItems = []struct {
	id    string
	after int // the status an assessor's later fetch found; 0: no later fetch
	edit  bool
}{
	{"o1", 0, false}, {"o2", 0, false}, {"o3", 0, false}, {"o4", 200, false},
	{"o5", 403, false}, {"o6", 0, false}, {"o7", 200, true}, {"o8", 404, false},
	{"o9", 0, false}, {"o10", 0, false},
}

// loadEvidence records what the evidence capture would have found at those URLs, so that an
// assessor of the demo sees a history with each kind of flag without the demo reaching the
// internet: a fetch when the admin saved each answer and when the executive confirmed, and a
// later fetch from an assessor's visit for some. Records are built from the demo pages' bytes
// by evidence.Summarize, the fetcher's own code. The URLs are real agencies' addresses: an
// assessor opening an item with a network makes a real fetch beside these.
func loadEvidence(ctx context.Context, st Store, now time.Time) error {
	fy := thaidate.FiscalYear(now)
	rec, err := st.FindOIT(ctx, fy, CodeChiangMaiU)
	if apperr.CodeOf(err) == apperr.CodeNotFound {
		return nil
	}
	if err != nil {
		return fmt.Errorf("evidence: %w", err)
	}
	c, err := oit.ChecklistOf(FrameworkYear)
	if err != nil {
		return err
	}
	day := thaidate.StartOfDay(now)
	for i, spec := range evidenceItems {
		ref, ok := c.Item(spec.id)
		if !ok {
			continue
		}
		for _, u := range rec.Item(spec.id).Answer.URLs {
			t := evidence.Target{FiscalYear: fy, AgencyCode: CodeChiangMaiU, ItemID: spec.id}
			page := demoPage(ref.Item.Title, "")
			at := day.AddDate(0, 0, -3).Add(time.Duration(9*60+i) * time.Minute)
			steps := []evidence.Record{
				demoFetch(t, u, evidence.ReasonSaved, at, 200, page),
				demoFetch(t, u, evidence.ReasonConfirmed, at.AddDate(0, 0, 1), 200, page),
			}
			if spec.after != 0 {
				later := page
				if spec.edit {
					later = demoPage(ref.Item.Title, "ปรับปรุงข้อมูลล่าสุด")
				}
				steps = append(steps, demoFetch(t, u, evidence.ReasonOpened, day.Add(8*time.Hour+time.Duration(i)*time.Minute), spec.after, later))
			}
			var baseline *evidence.Record
			for _, r := range steps {
				evidence.Judge(&r, cmuSite, baseline)
				saved, err := st.SaveEvidence(ctx, r)
				if err != nil {
					return fmt.Errorf("evidence %s %s: %w", spec.id, u, err)
				}
				if r.Reason == evidence.ReasonConfirmed {
					baseline = &saved
				}
			}
		}
	}
	return nil
}

// cmuSite is the main website the demo's OIT answers of มหาวิทยาลัยเชียงใหม่ point to.
const cmuSite = "https://cmu.ac.th"

// demoPage is the HTML of a demo agency page about an OIT item.
func demoPage(title, note string) string {
	return fmt.Sprintf(`<!doctype html><html lang="th"><head><meta charset="utf-8"><title>%s | มหาวิทยาลัยเชียงใหม่</title></head>`+
		`<body><h1>%s</h1><p>ข้อมูลสำหรับการประเมินคุณธรรมและความโปร่งใส (ITA) %s</p></body></html>`, title, title, note)
}

// demoFetch returns the record of a fetch that found status and body at u.
func demoFetch(t evidence.Target, u string, reason evidence.Reason, at time.Time, status int, body string) evidence.Record {
	r := evidence.Record{Target: t, URL: u, Reason: reason, FetchedAt: at, Status: status, FinalURL: u, ElapsedMS: 180}
	switch status {
	case 200:
		r.Type = "text/html; charset=utf-8"
	case 403:
		body = "<html><head><title>403 Forbidden</title></head><body>Access denied</body></html>"
		r.Type, r.Flags = "text/html", []evidence.Flag{evidence.FlagCheck}
	case 404:
		body = "<html><head><title>404 Not Found</title></head><body>Not Found</body></html>"
		r.Type, r.Flags = "text/html", []evidence.Flag{evidence.FlagNotFound}
	}
	r.Title, r.SHA256, r.TextSHA256 = evidence.Summarize(r.Type, []byte(body))
	r.Size, r.Copy, r.HasCopy = int64(len(body)), []byte(body), true
	return r
}
