package loadgen

import (
	"bytes"
	"encoding/json"
	"maps"
	"testing"

	"github.com/openitas/itas/internal/framework"
	"github.com/openitas/itas/internal/survey"
)

func iitForm(t *testing.T) *survey.Form {
	t.Helper()
	fw, err := framework.Builtin(FrameworkYear)
	if err != nil {
		t.Fatal(err)
	}
	f, err := survey.NewForm(fw, survey.IIT)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// apiBody is the body of POST /api/v1/s/{token}/responses as the issue defines it; decoding
// with DisallowUnknownFields catches a field the API does not take.
type apiBody struct {
	NationalID string            `json:"national_id"`
	Answers    map[string]string `json:"answers"`
	Profile    map[string]string `json:"profile"`
	Comment    string            `json:"comment"`
}

// TestBodies checks every body against the form as the server does: valid JSON of the API's
// shape, a valid national ID, every item answered with an allowed answer, and the answers
// Clean reports for the store equal to what the form's check makes of the body.
func TestBodies(t *testing.T) {
	f := iitForm(t)
	b, err := NewBodies(f, 16, 7)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	withComment, withoutProfile := 0, 0
	for n := range uint64(64) {
		raw := b.Append(nil, n)
		var got apiBody
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&got); err != nil {
			t.Fatalf("body %d is not the API's JSON: %v\n%s", n, err, raw)
		}
		if got.NationalID != NationalID(n) {
			t.Errorf("body %d: national_id %q, want NationalID(%d) = %q", n, got.NationalID, n, NationalID(n))
		}
		if _, err := survey.ParseNationalID(got.NationalID); err != nil {
			t.Errorf("body %d: %v", n, err)
		}
		ids[got.NationalID] = true
		if len(got.Answers) != len(f.ItemKeys()) {
			t.Errorf("body %d answers %d items, want all %d", n, len(got.Answers), len(f.ItemKeys()))
		}
		clean, err := f.Check(got.Answers, got.Profile, got.Comment)
		if err != nil {
			t.Fatalf("body %d fails the form's check: %v", n, err)
		}
		want := b.Clean(n)
		if !maps.Equal(clean.Answers, want.Answers) || !maps.Equal(clean.Profile, want.Profile) || clean.Suggestion != want.Suggestion {
			t.Errorf("body %d: Clean = %+v, the form's check of the body = %+v", n, want, clean)
		}
		if got.Comment != "" {
			withComment++
		}
		if len(got.Profile) < len(f.Profile) {
			withoutProfile++
		}
	}
	if len(ids) != 64 {
		t.Errorf("64 bodies carry %d distinct national IDs", len(ids))
	}
	if withComment == 0 || withComment == 64 {
		t.Errorf("%d of 64 bodies carry a suggestion; want some, not all", withComment)
	}
	if withoutProfile == 0 {
		t.Error("every body answers every demographic question; some respondents skip them")
	}
	t.Run("Deterministic", func(t *testing.T) {
		again, err := NewBodies(f, 16, 7)
		if err != nil {
			t.Fatal(err)
		}
		if x, y := b.Append(nil, 5), again.Append(nil, 5); !bytes.Equal(x, y) {
			t.Errorf("the same seed gave\n%s\n%s", x, y)
		}
	})
	t.Run("AnswersVary", func(t *testing.T) {
		if x, y := b.Clean(0).Answers, b.Clean(1).Answers; maps.Equal(x, y) {
			t.Error("two variants answer alike")
		}
	})
}
