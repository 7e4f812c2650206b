package web

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/openitas/itas/internal/demo"
)

// TestBrowserImportAndStaff drives the central admin's registry and staff screens in
// Chromium: a registry file with mistakes is rejected with every problem listed beside the
// form, the corrected file is imported, and an assessor account is created with its groups.
// Screenshots of each step are kept at 360 and 1280 px.
func TestBrowserImportAndStaff(t *testing.T) {
	e := newEnv(t, Config{})
	b := newBrowserSession(t, e)
	dir := t.TempDir()
	bad, good := filepath.Join(dir, "ทะเบียน-ผิด.xlsx"), filepath.Join(dir, "ทะเบียน.xlsx")
	if err := os.WriteFile(bad, xlsxFile(t, badImport), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(good, xlsxFile(t, goodImport), 0o600); err != nil {
		t.Fatal(err)
	}
	b.Login("admin")
	b.Do("upload a file with mistakes",
		chromedp.EmulateViewport(1280, 740),
		b.Navigate("/agencies/import"),
		chromedp.SetUploadFiles(chromedp.ID("f-file"), []string{bad}),
		chromedp.Submit(chromedp.ID("f-file")),
		chromedp.WaitVisible(chromedp.ID("problems")))
	if text := b.Text("ol.problems"); !strings.Contains(text, "แถวที่ 3 ช่อง D3") || !strings.Contains(text, "ซ้ำกับแถวที่ 2") {
		t.Errorf("problems listed: %q", text)
	}
	b.Screenshot(360, "import-problems-360.png")
	b.Screenshot(1280, "import-problems-1280.png")
	b.Do("upload the corrected file",
		chromedp.SetUploadFiles(chromedp.ID("f-file"), []string{good}),
		chromedp.Submit(chromedp.ID("f-file")),
		chromedp.WaitVisible(chromedp.ID("created")))
	if text := b.Text(".alert.ok"); !strings.Contains(text, "หน่วยงานใหม่ 2") || !strings.Contains(text, "ปรับปรุงข้อมูล 1") {
		t.Errorf("import result: %q", text)
	}
	b.Screenshot(1280, "import-done-1280.png")
	b.Do("create an assessor",
		b.Navigate("/staff/new"),
		chromedp.SendKeys(chromedp.ID("f-username"), "adviser.somsri"),
		chromedp.SendKeys(chromedp.ID("f-name"), "สมศรี ตรวจดี"),
		chromedp.Click(chromedp.CSS(`input[name="groups"][value="8"]`)),
		chromedp.Click(chromedp.CSS(`input[name="groups"][value="9"]`)))
	b.Screenshot(360, "staff-new-360.png")
	b.Do("submit", chromedp.Submit(chromedp.ID("f-username")), chromedp.WaitVisible(chromedp.CSS(".secret")))
	if a := e.account("adviser.somsri"); len(a.Groups) != 2 || a.Groups[0] != 8 || a.Groups[1] != 9 {
		t.Errorf("stored groups %v, want [8 9]", a.Groups)
	}
	b.Do("open the staff list", b.Navigate("/staff"), chromedp.WaitVisible(chromedp.CSS(`a[href="/accounts/adviser.somsri"]`)))
	b.Screenshot(360, "staff-360.png")
	b.Screenshot(1280, "staff-1280.png")
	b.Do("open the agency page", b.Navigate("/agencies/"+demo.CodeKlongSe), chromedp.WaitVisible(chromedp.ID("progress")))
	b.Screenshot(360, "agency-progress-360.png")
}
