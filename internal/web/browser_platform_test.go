package web

import (
	"net/http/httptest"
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
	ctx := newBrowser(t)
	e := newEnv(t, Config{})
	ts := httptest.NewServer(e.srv)
	defer ts.Close()
	do := func(name string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	dir := t.TempDir()
	bad, good := filepath.Join(dir, "ทะเบียน-ผิด.xlsx"), filepath.Join(dir, "ทะเบียน.xlsx")
	if err := os.WriteFile(bad, xlsxFile(t, badImport), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(good, xlsxFile(t, goodImport), 0o600); err != nil {
		t.Fatal(err)
	}
	do("log in",
		chromedp.EmulateViewport(1280, 740),
		chromedp.Navigate(ts.URL+"/login"),
		chromedp.SendKeys(chromedp.ID("f-username"), "admin"),
		chromedp.SendKeys(chromedp.ID("f-password"), demo.Password),
		chromedp.Submit(chromedp.ID("f-password")),
		chromedp.WaitVisible(chromedp.ID("registry")))
	do("upload a file with mistakes",
		chromedp.Navigate(ts.URL+"/agencies/import"),
		chromedp.SetUploadFiles(chromedp.ID("f-file"), []string{bad}),
		chromedp.Submit(chromedp.ID("f-file")),
		chromedp.WaitVisible(chromedp.ID("problems")))
	text, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("ol.problems")))
	if err != nil || !strings.Contains(text, "แถวที่ 3 ช่อง D3") || !strings.Contains(text, "ซ้ำกับแถวที่ 2") {
		t.Errorf("problems listed: %q (%v)", text, err)
	}
	screenshot(t, ctx, 360, "import-problems-360.png")
	screenshot(t, ctx, 1280, "import-problems-1280.png")
	do("upload the corrected file",
		chromedp.SetUploadFiles(chromedp.ID("f-file"), []string{good}),
		chromedp.Submit(chromedp.ID("f-file")),
		chromedp.WaitVisible(chromedp.ID("created")))
	text, err = chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".alert.ok")))
	if err != nil || !strings.Contains(text, "หน่วยงานใหม่ 2") || !strings.Contains(text, "ปรับปรุงข้อมูล 1") {
		t.Errorf("import result: %q (%v)", text, err)
	}
	screenshot(t, ctx, 1280, "import-done-1280.png")
	do("create an assessor",
		chromedp.Navigate(ts.URL+"/staff/new"),
		chromedp.SendKeys(chromedp.ID("f-username"), "adviser.somsri"),
		chromedp.SendKeys(chromedp.ID("f-name"), "สมศรี ตรวจดี"),
		chromedp.Click(chromedp.CSS(`input[name="groups"][value="8"]`)),
		chromedp.Click(chromedp.CSS(`input[name="groups"][value="9"]`)))
	screenshot(t, ctx, 360, "staff-new-360.png")
	do("submit", chromedp.Submit(chromedp.ID("f-username")), chromedp.WaitVisible(chromedp.CSS(".secret")))
	if a := e.account("adviser.somsri"); len(a.Groups) != 2 || a.Groups[0] != 8 || a.Groups[1] != 9 {
		t.Errorf("stored groups %v, want [8 9]", a.Groups)
	}
	do("open the staff list", chromedp.Navigate(ts.URL+"/staff"), chromedp.WaitVisible(chromedp.CSS(`a[href="/accounts/adviser.somsri"]`)))
	screenshot(t, ctx, 360, "staff-360.png")
	screenshot(t, ctx, 1280, "staff-1280.png")
	do("open the agency page", chromedp.Navigate(ts.URL+"/agencies/"+demo.CodeKlongSe), chromedp.WaitVisible(chromedp.ID("progress")))
	screenshot(t, ctx, 360, "agency-progress-360.png")
}
