package results

import (
	"strings"
	"testing"

	"github.com/openitas/itas/internal/survey"
)

// BenchmarkAddResponse measures one stored 2563 EIT response (every item answered) through
// decoding and the tally: a national year adds about 1.4 million.
func BenchmarkAddResponse(b *testing.B) {
	e := engine(b, 2563)
	c, err := NewCollector(e, []Agency{{Code: "A1"}})
	if err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	sb.WriteByte('{')
	for i, it := range e.Layout("EIT").Items {
		if i > 0 {
			sb.WriteByte(',')
		}
		sb.WriteString(`"` + it.Key + `":"` + it.Question.AnswerType.Options[i%len(it.Question.AnswerType.Options)].Code + `"`)
	}
	sb.WriteByte('}')
	answers := []byte(sb.String())
	b.ReportAllocs()
	for b.Loop() {
		if err := c.AddResponse("A1", survey.EIT, survey.ChannelLink, answers); err != nil {
			b.Fatal(err)
		}
	}
}
