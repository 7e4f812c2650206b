package loadgen

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"

	"github.com/openitas/itas/internal/survey"
)

// Bodies are complete, valid JSON submissions of one survey form, precomputed so that making
// a request costs a copy: a few variants of answers, each split around the national ID, which
// is the only part that changes from one request to the next.
type Bodies struct {
	variants []variant
}

// variant is one precomputed set of answers: the body before and after the national ID, and
// the same answers as the form checks them, for inserting rows through the store.
type variant struct {
	head, tail []byte
	clean      survey.Clean
}

// suggestions are what some respondents write in the suggestion box.
var suggestions = []string{
	"ควรเปิดเผยข้อมูลการจัดซื้อจัดจ้างให้ครบถ้วนและเป็นปัจจุบันบนเว็บไซต์ของหน่วยงาน",
	"อยากให้ผู้บริหารรับฟังความเห็นของเจ้าหน้าที่มากขึ้น",
	"ขั้นตอนการเบิกจ่ายควรโปร่งใสและตรวจสอบได้",
}

// NewBodies returns n variants of answers to every item of f, drawn from seed: perception
// answers lean to the upper half of the scale as real ones do, demographic answers are given
// or skipped, and one variant in four carries a suggestion. Every variant passes f.Check.
func NewBodies(f *survey.Form, n int, seed uint64) (*Bodies, error) {
	r := rand.New(rand.NewPCG(seed, 0x17a5))
	b := &Bodies{}
	for v := range n {
		answers := map[string]string{}
		for _, q := range f.Questions {
			for _, it := range q.Items {
				// On the 1–4 scale two answers in three are 3 or 4, as in real years;
				// มี/ไม่มี items are drawn evenly.
				i := r.IntN(len(q.Options))
				if len(q.Options) > 2 && r.IntN(3) > 0 {
					i = len(q.Options) - 1 - r.IntN(2)
				}
				answers[it.Key] = q.Options[i].Code
			}
		}
		profile := map[string]string{}
		for _, pq := range f.Profile {
			if r.IntN(5) > 0 { // demographic questions are optional; some skip them
				profile[pq.ID] = pq.Options[r.IntN(len(pq.Options))].Code
			}
		}
		comment := ""
		if v%4 == 3 {
			comment = suggestions[r.IntN(len(suggestions))]
		}
		clean, err := f.Check(answers, profile, comment)
		if err != nil {
			return nil, fmt.Errorf("loadgen.NewBodies: variant %d does not pass the form's check: %w", v, err)
		}
		rest, err := json.Marshal(struct {
			Answers map[string]string `json:"answers"`
			Profile map[string]string `json:"profile,omitempty"`
			Comment string            `json:"comment,omitempty"`
		}{answers, profile, comment})
		if err != nil {
			return nil, fmt.Errorf("loadgen.NewBodies: %w", err)
		}
		b.variants = append(b.variants, variant{
			head:  []byte(`{"national_id":"`),
			tail:  append([]byte(`",`), rest[1:]...),
			clean: clean,
		})
	}
	return b, nil
}

// Append appends the n-th body to dst and returns it: variant n mod the number of variants,
// with national ID NationalID(n). Distinct n give distinct IDs.
func (b *Bodies) Append(dst []byte, n uint64) []byte {
	v := &b.variants[n%uint64(len(b.variants))]
	dst = append(dst, v.head...)
	dst = append(dst, NationalID(n)...)
	return append(dst, v.tail...)
}

// Clean returns the checked answers of the n-th body, as the store receives them.
func (b *Bodies) Clean(n uint64) survey.Clean {
	return b.variants[n%uint64(len(b.variants))].clean
}
