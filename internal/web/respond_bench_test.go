package web

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/openitas/itas/internal/demo"
	"github.com/openitas/itas/internal/survey"
)

// BenchmarkRespondAPI posts complete IIT responses to POST /api/v1/s/{token}/responses from
// hundreds of goroutines, in process (no TCP): JSON decoding, the ID check and hash, the
// form check and the group-committed insert, each acknowledged only once durable.
//
//	go test ./internal/web -run '^$' -bench RespondAPI -benchtime 20000x
func BenchmarkRespondAPI(b *testing.B) {
	e := newSurveyEnv(b, Config{RatePerMinute: 1e12, SurveyPostsPerMinute: 1e12})
	path := "/api/v1/s/" + e.surveyToken(demo.CodeEnergyPS, survey.IIT) + "/responses"
	answers := map[string]string{}
	for k, v := range answerAll(demoForm(b, survey.IIT), 3) {
		answers[k] = v[0]
	}
	tail, err := json.Marshal(map[string]any{"answers": answers, "profile": map[string]string{"gender": "female"}})
	if err != nil {
		b.Fatal(err)
	}
	var next atomic.Int64
	b.SetParallelism(250)
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			body := `{"national_id":"` + nationalID(int(1000+next.Add(1))) + `",` + string(tail[1:])
			r := httptest.NewRequest("POST", path, strings.NewReader(body))
			r.Header.Set("Content-Type", "application/json")
			w := httptest.NewRecorder()
			e.srv.ServeHTTP(w, r)
			if w.Code != http.StatusCreated {
				b.Errorf("status %d: %s", w.Code, w.Body.String())
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "responses/s")
}
