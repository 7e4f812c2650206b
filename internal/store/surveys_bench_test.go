package store

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"sync/atomic"
	"testing"

	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/framework"
	"github.com/openitas/itas/internal/survey"
)

// The response path's speed: SubmitResponse from many goroutines (group commit, one durable
// transaction per batch) against the raw ceiling of the same rows written in batches of 256
// without the queue. Each op is one complete 2563 IIT response (51 answers, a profile, a
// suggestion in one of seven).
//
//	go test ./internal/store -run '^$' -bench 'Responses' -benchtime 20000x
//	ITAS_TEST_PG=… adds the PostgreSQL variants.

func BenchmarkSQLiteSubmitResponses(b *testing.B) { benchSubmit(b, MustOpenSQLite(b)) }
func BenchmarkSQLiteRawResponses(b *testing.B)    { benchRaw(b, MustOpenSQLite(b)) }

func BenchmarkPostgresSubmitResponses(b *testing.B) {
	PostgresDSN(b)
	benchSubmit(b, MustOpenPostgres(b))
}

func BenchmarkPostgresRawResponses(b *testing.B) {
	PostgresDSN(b)
	benchRaw(b, MustOpenPostgres(b))
}

// benchAgency creates the agency the benchmark responses go to.
func benchAgency(b *testing.B, s *Store) string {
	a := agency.Agency{Code: "6100101", Name: "องค์การบริหารส่วนตำบลท่าซุง", Type: agency.TypeSAO,
		Province: "อุทัยธานี", Group: 6, Supervisor: agency.SupervisorDLA}
	if err := s.CreateAgency(context.Background(), a, audit.System()); err != nil {
		b.Fatal(err)
	}
	return a.Code
}

// benchResponse returns respondent n's complete IIT response.
func benchResponse(b *testing.B, form *survey.Form, code string, n uint64) survey.Submission {
	answers := map[string]string{}
	for i, q := range form.Questions {
		for _, it := range q.Items {
			answers[it.Key] = q.Options[(int(n)+i)%len(q.Options)].Code
		}
	}
	var buf [8]byte
	binary.BigEndian.PutUint64(buf[:], n)
	h := sha256.Sum256(buf[:])
	sub := survey.Submission{
		Response: survey.Response{FiscalYear: 2570, AgencyCode: code, Survey: survey.IIT, Channel: survey.ChannelLink,
			Answers: answers, Profile: map[string]string{"gender": "female", "service_years": "6-10", "position": "official"}},
		IDHash: h[:],
	}
	if n%7 == 0 {
		sub.Suggestion = "ขอให้ประชาสัมพันธ์ช่องทางร้องเรียนภายในให้ทั่วถึง"
	}
	return sub
}

func benchForm(b *testing.B) *survey.Form {
	fw, err := framework.Builtin(2563)
	if err != nil {
		b.Fatal(err)
	}
	f, err := survey.NewForm(fw, survey.IIT)
	if err != nil {
		b.Fatal(err)
	}
	return f
}

func benchSubmit(b *testing.B, s *Store) {
	code, form := benchAgency(b, s), benchForm(b)
	var next atomic.Uint64
	b.SetParallelism(250) // 250 × GOMAXPROCS goroutines: a deadline rush of hundreds of clients
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		ctx := context.Background()
		for pb.Next() {
			if err := s.SubmitResponse(ctx, benchResponse(b, form, code, next.Add(1))); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "responses/s")
}

func benchRaw(b *testing.B, s *Store) {
	code, form := benchAgency(b, s), benchForm(b)
	b.ReportAllocs()
	b.ResetTimer()
	ctx := context.Background()
	for lo := 0; lo < b.N; lo += maxBatch {
		b.StopTimer()
		batch := make([]survey.Submission, 0, maxBatch)
		for i := lo; i < min(lo+maxBatch, b.N); i++ {
			batch = append(batch, benchResponse(b, form, code, uint64(i)))
		}
		b.StartTimer()
		if n, err := s.InsertResponsesRaw(ctx, batch); err != nil || n != len(batch) {
			b.Fatalf("stored %d of %d: %v", n, len(batch), err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "responses/s")
}
