package stakeholder

import (
	"bytes"
	"testing"
)

// BenchmarkReadContacts reads and checks a template of 2,500 rows against a list of 2,500
// already entered: together the most an agency may list.
func BenchmarkReadContacts(b *testing.B) {
	rows := make([][]string, MaxImportRows/2)
	for i := range rows {
		rows[i] = row(i + 1)
	}
	data := filled(b, rows, nil)
	existing := make([]Contact, MaxContacts/2)
	for i := range existing {
		existing[i] = Contact{ID: int64(i + 1), Name: "เดิม", Phone: "09" + row(i)[3][2:], Type: TypePublic, Service: "x"}
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		cs, err := ReadContacts(bytes.NewReader(data), "list.xlsx", existing)
		if err != nil || len(cs) != len(rows) {
			b.Fatalf("%d contacts, %v", len(cs), err)
		}
	}
}
