package web

import (
	"strconv"
	"testing"

	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/store/storetest"
)

// registryRows returns the 8,302 agencies of a national registry as import rows.
func registryRows() [][]string {
	rows := [][]string{importHeader}
	for _, a := range storetest.Generate(8302, 1) {
		rows = append(rows, []string{a.Code, a.Name, a.ShortName, a.Type, a.Ministry, a.Province,
			strconv.Itoa(a.Group), supervisorCell(a.Supervisor), a.Website})
	}
	return rows
}

// supervisorCell writes a supervising body as an import file does: "-" for none.
func supervisorCell(s agency.Supervisor) string {
	if s == "" {
		return "-"
	}
	return string(s)
}

// BenchmarkAgencyImport imports a national registry of 8,302 agencies through
// POST /api/v1/agencies/import, end to end: upload, reading and checking every row, and the
// one transaction that writes them with their audit entries. "new" imports into a registry
// without them (a fresh database each time, not timed), "unchanged" imports the same file
// again. PostgreSQL runs with ITAS_TEST_PG set:
//
//	go test ./internal/web -run '^$' -bench AgencyImport -benchtime 5x
func BenchmarkAgencyImport(b *testing.B) {
	rows := registryRows()
	files := []struct {
		name, contentType string
		data              []byte
	}{
		{"csv", "text/csv", csvFile(b, rows)},
		{"xlsx", xlsxType, xlsxFile(b, rows)},
	}
	for _, en := range []engine{onSQLite, onPostgres} {
		for _, f := range files {
			b.Run(string(en)+"/"+f.name+"/new", func(b *testing.B) {
				b.SetBytes(int64(len(f.data)))
				for b.Loop() {
					b.StopTimer()
					e := newEnvOn(b, Config{}, en)
					tok := e.session("admin")
					b.StartTimer()
					benchImport(b, e, tok, f.contentType, f.data, 8302)
				}
			})
			b.Run(string(en)+"/"+f.name+"/unchanged", func(b *testing.B) {
				e := newEnvOn(b, Config{}, en)
				tok := e.session("admin")
				benchImport(b, e, tok, f.contentType, f.data, 8302)
				b.SetBytes(int64(len(f.data)))
				for b.Loop() {
					benchImport(b, e, tok, f.contentType, f.data, 0)
				}
			})
		}
	}
}

// benchImport posts one import and checks that it created want agencies.
func benchImport(b *testing.B, e *env, tok, contentType string, data []byte, want int) {
	res := e.do(request{method: "POST", path: "/api/v1/agencies/import", bearer: tok, raw: data, contentType: contentType})
	var got ImportResultJSON
	decode(b, res, &got)
	if res.StatusCode != 200 || got.Created != want {
		b.Fatalf("status %d, created %d, want %d", res.StatusCode, got.Created, want)
	}
}
