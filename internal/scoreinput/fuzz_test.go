package scoreinput

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/openitas/itas/internal/framework"
	"github.com/openitas/itas/internal/scoring"
	"github.com/openitas/itas/internal/tabular"
)

func tinyEngine(tb testing.TB) *scoring.Engine {
	tb.Helper()
	data, err := os.ReadFile("../scoring/testdata/tiny.yaml")
	if err != nil {
		tb.Fatal(err)
	}
	fw, err := framework.Parse(data)
	if err != nil {
		tb.Fatal(err)
	}
	e, err := scoring.NewEngine(fw)
	if err != nil {
		tb.Fatal(err)
	}
	return e
}

// FuzzLoadSurvey feeds arbitrary IIT files through the same path itas score uses. Whatever the
// bytes, Load must not panic, and must either fail with positioned problems or yield scores
// within 0–100.
func FuzzLoadSurvey(f *testing.F) {
	for _, seed := range []string{
		"agency,respondent,i1.1,i1.2,i2,i3\nA1,r1,4,1,ไม่มี,3\n",
		"\ufeffagency,respondent,i1.1\r\nA1,r1,2\r\nA1,r2,\r\n",
		"agency,respondent,i9\nA1,r1,4\n",
		"agency,respondent,i1.1\nA1,r1,4\nA1,r1,3\n",
		"agency,respondent,i2\nA1,\"r\n1\",yes\nB,r2,no\n",
		"agency,respondent,i3,i3\n",
		"",
	} {
		f.Add([]byte(seed))
	}
	e := tinyEngine(f)
	dir := f.TempDir()
	agencies := filepath.Join(dir, "agencies.csv")
	if err := os.WriteFile(agencies, []byte("agency,name,internal_population,external_population\nA1,ก,1,1\n"), 0o644); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		iit := filepath.Join(t.TempDir(), "iit.csv")
		if err := os.WriteFile(iit, data, 0o644); err != nil {
			t.Fatal(err)
		}
		inputs, err := Load(e, Files{Agencies: agencies, IIT: iit})
		if err != nil {
			var list *Errors
			if !errors.As(err, &list) || len(list.List) == 0 {
				t.Fatalf("error is not a problem list: %v", err)
			}
			for _, p := range list.List {
				var te *tabular.Error
				if !errors.As(p, &te) || p.Error() == "" {
					t.Fatalf("problem without a position: %v", p)
				}
			}
			return
		}
		for _, in := range inputs {
			for _, part := range in.Surveys["IIT"].Parts {
				for _, q := range part.Questions {
					if v := q.Value(); q.Valid() && (math.IsNaN(v) || v < 0 || v > 100) {
						t.Fatalf("question score %v out of range", v)
					}
				}
			}
		}
	})
}
