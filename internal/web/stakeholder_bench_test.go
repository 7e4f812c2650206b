package web

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/demo"
)

// BenchmarkStakeholderImport uploads a full template of 5,000 contacts through the import page,
// end to end: multipart upload, strict reading and checking, the all-or-nothing store import
// with its 5,000 audit entries, and the redirect. Each iteration imports into a fresh agency.
func BenchmarkStakeholderImport(b *testing.B) {
	e := newEnv(b, Config{})
	ctx := context.Background()
	hash := account.HashPassword(demo.Password)
	var rows [][]string
	for i := range 5000 {
		rows = append(rows, []string{fmt.Sprintf("ผู้รับบริการ ที่%d", i), "บริษัท ตัวอย่าง จำกัด", "ภาคธุรกิจ",
			fmt.Sprintf("08%08d", i), fmt.Sprintf("p%d@example.com", i), "ชำระภาษีป้าย"})
	}
	data := contactsFile(b, e, "a"+demo.CodeChiangMaiU, demo.CodeChiangMaiU, rows)
	b.SetBytes(int64(len(data)))
	n := 0
	for b.Loop() {
		b.StopTimer()
		n++
		code := fmt.Sprintf("99%05d", n)
		ag := agency.Agency{Code: code, Name: fmt.Sprintf("หน่วยงานทดสอบ %d", n), Type: agency.TypeDepartment, Group: 10}
		if err := e.st.CreateAgency(ctx, ag, audit.System()); err != nil {
			b.Fatal(err)
		}
		done := time.Now().Add(-time.Hour)
		admin := account.Account{Username: "a" + code, Role: account.RoleAgencyAdmin, AgencyCode: code, PasswordHash: hash,
			Profile:           account.Profile{Name: "ทดสอบ ระบบ", Position: "ผู้ดูแลระบบ", Phone: "021234567", Email: "a@example.com"},
			PasswordChangedAt: done, ProfileCompletedAt: done, CreatedAt: done}
		if _, err := e.st.CreateAccounts(ctx, []account.Account{admin}, audit.System()); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		res := e.shUpload("a"+code, shURL(code, "/contacts/import"), "list.xlsx", data)
		res.Body.Close()
		if res.StatusCode != 303 {
			b.Fatalf("import: status %d", res.StatusCode)
		}
	}
}
