package tabular

import (
	"bytes"
	"io"
	"runtime"
	"strconv"
	"testing"
)

// surveyCSV returns an Excel-style survey answer file: BOM, CRLF, a Thai
// header cell, rows of an ID, cols-2 answers 1–5 and a Thai comment.
func surveyCSV(rows, cols int) []byte {
	var b bytes.Buffer
	b.WriteString("\uFEFFรหัส")
	for c := 1; c < cols-1; c++ {
		b.WriteString(",i" + strconv.Itoa(c))
	}
	b.WriteString(",ความเห็น\r\n")
	for r := range rows {
		b.WriteString(strconv.Itoa(100000 + r))
		for c := 1; c < cols-1; c++ {
			b.WriteByte(',')
			b.WriteByte(byte('1' + (r+c)%5))
		}
		if r%10 == 0 {
			b.WriteString(",\"ควรปรับปรุง, การให้บริการ\"\r\n")
		} else {
			b.WriteString(",\r\n")
		}
	}
	return b.Bytes()
}

func BenchmarkCSVRows(b *testing.B) {
	const rows, cols = 100_000, 60
	data := surveyCSV(rows, cols)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	for range b.N {
		r, err := NewCSV(bytes.NewReader(data), "bench.csv")
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for {
			_, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != rows {
			b.Fatalf("read %d rows, want %d", n, rows)
		}
	}
	b.StopTimer()
	runtime.ReadMemStats(&after)
	total := float64(b.N) * rows
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/total, "ns/row")
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/total, "allocs/row")
}
