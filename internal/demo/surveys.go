package demo

import (
	"cmp"
	"context"
	"crypto/sha256"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/framework"
	"github.com/openitas/itas/internal/survey"
	"github.com/openitas/itas/internal/thaidate"
)

// surveyStore is what the demo's survey data needs from the store.
type surveyStore interface {
	SurveyLink(ctx context.Context, fy int, code, sv string) (survey.Link, error)
	ImportResponses(ctx context.Context, subs []survey.Submission, by audit.Entry) error
}

// demoResponses is how many synthetic responses some agencies have so far: สป.พน. has passed
// its IIT minimum (125 of 1,250 staff) but not its EIT one; กรมเชื้อเพลิงธรรมชาติ is short of
// its IIT minimum; the others are under way. quality is how well the agency is perceived, 0–1.
var demoResponses = []struct {
	code     string
	iit, eit int
	quality  float64
}{
	{CodeEnergyPS, 130, 120, 0.80},
	{CodeDMF, 30, 0, 0.70},
	{CodeChiangMaiU, 60, 40, 0.88},
	{CodeKlongSe, 15, 35, 0.95},
}

// loadSurveys gives every demo agency its IIT and EIT links for the current year and a few
// agencies a few hundred synthetic responses, the same on every run, so that tracking and
// scoring have data. The responses come in as one import by the system (audit-logged as such);
// their respondent keys are hashes of made-up numbers, not of national IDs.
func loadSurveys(ctx context.Context, st Store, now time.Time) error {
	fy := thaidate.FiscalYear(now)
	for _, a := range agencies() {
		for _, sv := range []string{survey.IIT, survey.EIT} {
			if _, err := st.SurveyLink(ctx, fy, a.Code, sv); err != nil {
				return fmt.Errorf("survey link %s %s: %w", a.Code, sv, err)
			}
		}
	}
	fw, err := framework.Builtin(FrameworkYear)
	if err != nil {
		return err
	}
	var subs []survey.Submission
	for _, d := range demoResponses {
		for _, sv := range []string{survey.IIT, survey.EIT} {
			n := d.iit
			if sv == survey.EIT {
				n = d.eit
			}
			form, err := survey.NewForm(fw, sv)
			if err != nil {
				return err
			}
			r := rand.New(rand.NewPCG(uint64(len(d.code)), hashSeed(d.code+sv)))
			for i := range n {
				subs = append(subs, synthResponse(r, fw, form, fy, d.code, i, d.quality, now))
			}
		}
	}
	if err := st.ImportResponses(ctx, subs, audit.System()); err != nil {
		return fmt.Errorf("survey responses: %w", err)
	}
	return nil
}

// synthResponse makes respondent i's response: each item answered well with probability
// quality (the best answer, or the next best), otherwise anywhere on the scale, "best" taking
// the item's polarity into account.
func synthResponse(r *rand.Rand, fw *framework.Framework, f *survey.Form, fy int, code string, i int, quality float64, now time.Time) survey.Submission {
	answers := map[string]string{}
	for _, q := range f.Questions {
		for _, it := range q.Items {
			ref, _ := fw.Item(it.Key)
			ranked := byScore(q.Options, ref.Negative)
			k := r.IntN(len(ranked))
			if r.Float64() < quality {
				k = len(ranked) - 1 // the best answer, or on a scale sometimes the next best
				if len(ranked) > 2 && r.IntN(4) == 0 {
					k--
				}
			}
			answers[it.Key] = ranked[k].Code
		}
	}
	profile := map[string]string{}
	if r.IntN(10) > 0 { // one in ten leaves the demographic questions blank
		for _, q := range f.Profile {
			profile[q.ID] = q.Options[weighted(r, q.ID, len(q.Options))].Code
		}
	}
	channel := survey.ChannelLink
	switch x := r.IntN(20); {
	case x == 0:
		channel = survey.ChannelAPI
	case x < 3 && f.Survey == survey.EIT:
		channel = survey.ChannelPhone
	}
	sub := survey.Submission{
		Response: survey.Response{
			FiscalYear: fy, AgencyCode: code, Survey: f.Survey, Channel: channel,
			Day: thaidate.StartOfDay(now).AddDate(0, 0, -r.IntN(5)), Answers: answers, Profile: profile,
		},
		IDHash: demoKey(fy, code, f.Survey, i),
	}
	if r.IntN(7) == 0 {
		sub.Suggestion = demoSuggestions[r.IntN(len(demoSuggestions))]
	}
	return sub
}

// byScore returns the options from the worst to the best answer for an item of the given
// polarity.
func byScore(opts []framework.Option, negative bool) []framework.Option {
	out := append([]framework.Option(nil), opts...)
	slices.SortStableFunc(out, func(a, b framework.Option) int {
		return cmp.Compare(a.ScoreFor(negative), b.ScoreFor(negative))
	})
	return out
}

// weighted picks an option of a demographic question the way the seeds' respondents spread:
// more women than men among staff (seed 000: 11 men, 19 women), mostly the public among
// service users (35 of 42), mostly civil servants among staff.
func weighted(r *rand.Rand, id string, n int) int {
	var w []int
	switch id {
	case survey.ProfileGender:
		w = []int{40, 55, 5}
	case survey.ProfileRespondentType:
		w = []int{80, 6, 14}
	case survey.ProfilePosition:
		w = []int{5, 15, 55, 25}
	}
	if len(w) != n {
		return r.IntN(n)
	}
	total := 0
	for _, x := range w {
		total += x
	}
	x := r.IntN(total)
	for i, wi := range w {
		if x < wi {
			return i
		}
		x -= wi
	}
	return n - 1
}

// demoKey stands in for the keyed hash of respondent i's national ID.
func demoKey(fy int, code, sv string, i int) []byte {
	h := sha256.Sum256(fmt.Appendf(nil, "itas demo respondent %d/%s/%s/%d", fy, code, sv, i))
	return h[:]
}

func hashSeed(s string) uint64 {
	h := sha256.Sum256([]byte(s))
	var v uint64
	for _, b := range h[:8] {
		v = v<<8 | uint64(b)
	}
	return v
}

// demoSuggestions are suggestions of the kind respondents leave; the first three are seed
// 000's.
var demoSuggestions = []string{
	"อยากให้ลูกจ้างมีประกันสังคมและขึ้นเงินเดือนเป็น 18,000 บาท",
	"เพิ่มมาตรการป้องกันการทุจริตและให้ความรู้กับบุคคลที่ต้องเกี่ยวข้องกับงานที่อาจเกิดการทุจริตให้มาก",
	"ผู้มีอำนาจในการให้คุณ ให้โทษ กับผู้อื่น ควรมีความโปร่งใส เป็นธรรม มีความเป็นกลาง ไม่ลำเอียง",
	"ควรประชาสัมพันธ์ช่องทางร้องเรียนให้ประชาชนทราบมากกว่านี้",
	"เจ้าหน้าที่บริการดี แต่ขั้นตอนยังใช้เวลานาน",
	"อยากให้มีบริการออนไลน์ ไม่ต้องเดินทางมาที่หน่วยงาน",
	"ควรแจ้งผลการใช้จ่ายงบประมาณให้บุคลากรทราบเป็นระยะ",
}
