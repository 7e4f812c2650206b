package web

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/thaidate"
)

// maxBulkAgencies bounds one bulk generation: each password costs an argon2id hash (≈ 11 ms),
// so 500 agencies (1,000 accounts) take about 11 s, within the write timeout.
const maxBulkAgencies = 500

// OneTimePage shows a one-time password after a reset, once.
type OneTimePage struct {
	Page
	Username string
	Password string
	Back     string
}

// issued is one generated account with its agency, for the XLSX export.
type issued struct {
	Agency agency.Agency
	account.OneTime
}

// generateFor creates the two accounts of ag with one-time passwords. It returns Conflict if
// the agency already has accounts.
func (s *Server) generateFor(r *http.Request, ag agency.Agency) ([]issued, error) {
	existing, err := s.store.FindAccountsByAgency(r.Context(), ag.Code)
	if err != nil {
		return nil, err
	}
	if len(existing) > 0 {
		return nil, apperr.Conflict("หน่วยงานนี้มีบัญชีผู้ใช้งานแล้ว หากต้องการรหัสผ่านใหม่ให้ใช้การตั้งรหัสผ่านใหม่",
			"This agency already has accounts; reset a password instead")
	}
	ones, err := account.GenerateAgencyAccounts(ag.Code, s.now())
	if err != nil {
		return nil, err
	}
	accts := make([]account.Account, len(ones))
	for i, o := range ones {
		accts[i] = o.Account
	}
	if _, err := s.store.CreateAccounts(r.Context(), accts, s.by(r)); err != nil {
		return nil, err
	}
	out := make([]issued, len(ones))
	for i, o := range ones {
		out[i] = issued{Agency: ag, OneTime: o}
	}
	return out, nil
}

// generateAgencyAccounts serves POST /agencies/{code}/accounts: it creates the agency's two
// accounts and answers with the XLSX to distribute.
func (s *Server) generateAgencyAccounts(w http.ResponseWriter, r *http.Request) error {
	ag, err := s.store.FindAgencyByCode(r.Context(), r.PathValue("code"))
	if err != nil {
		return err
	}
	out, err := s.generateFor(r, ag)
	if err != nil {
		return err
	}
	return s.writeAccountsXLSX(w, "itas-accounts-"+ag.Code, out)
}

// generateBulkAccounts serves POST /accounts/generate: it creates the accounts of every agency
// matching the list's filters that has none yet (at most maxBulkAgencies) and answers with one
// XLSX of all of them.
func (s *Server) generateBulkAccounts(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return apperr.Wrap(err, apperr.CodeInvalid, "ข้อมูลที่ส่งมาไม่ถูกต้อง", "Malformed form")
	}
	q := url.Values{}
	for _, k := range []string{"q", "type", "group", "province", "ministry", "supervisor"} {
		if v := r.PostFormValue(k); v != "" {
			q.Set(k, v)
		}
	}
	fr := &http.Request{URL: &url.URL{RawQuery: q.Encode()}}
	f, _ := agencyFilterOf(fr, agency.MaxLimit)
	var out []issued
	done := 0
	for f.Offset = 0; done < maxBulkAgencies; f.Offset += f.Limit {
		res, err := s.store.FindAgencies(r.Context(), f)
		if err != nil {
			return err
		}
		for _, ag := range res.Agencies {
			if done >= maxBulkAgencies {
				break
			}
			got, err := s.generateFor(r, ag)
			if apperr.Is(err, apperr.CodeConflict) {
				continue
			}
			if err != nil {
				return err
			}
			out = append(out, got...)
			done++
		}
		if f.Offset+len(res.Agencies) >= res.Total || len(res.Agencies) == 0 {
			break
		}
	}
	if len(out) == 0 {
		return apperr.Conflict("ทุกหน่วยงานในรายการนี้มีบัญชีผู้ใช้งานแล้ว", "Every agency listed already has accounts")
	}
	return s.writeAccountsXLSX(w, "itas-accounts-"+s.now().In(thaidate.Location).Format("20060102-1504"), out)
}

// accountsXLSX builds the workbook of generated accounts: one row per account with the agency,
// role, username and one-time password.
func accountsXLSX(rows []issued, at time.Time) (*bytes.Buffer, error) {
	x := excelize.NewFile()
	defer x.Close()
	sheet := "บัญชีผู้ใช้งาน"
	if err := x.SetSheetName("Sheet1", sheet); err != nil {
		return nil, err
	}
	head := []any{"รหัสหน่วยงาน", "ชื่อหน่วยงาน", "บทบาท", "ชื่อผู้ใช้งาน", "รหัสผ่านครั้งแรก", "ออกให้เมื่อ"}
	if err := x.SetSheetRow(sheet, "A1", &head); err != nil {
		return nil, err
	}
	for i, it := range rows {
		row := []any{it.Agency.Code, it.Agency.Name, it.Account.Role.Name(), it.Account.Username, it.Password, thaidate.FormatDateTime(at)}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := x.SetSheetRow(sheet, cell, &row); err != nil {
			return nil, err
		}
	}
	for col, width := range map[string]float64{"A": 14, "B": 48, "C": 26, "D": 16, "E": 18, "F": 22} {
		_ = x.SetColWidth(sheet, col, col, width)
	}
	_ = x.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	return x.WriteToBuffer()
}

// writeAccountsXLSX sends the generated accounts as an XLSX attachment that no cache keeps.
func (s *Server) writeAccountsXLSX(w http.ResponseWriter, name string, rows []issued) error {
	buf, err := accountsXLSX(rows, s.now())
	if err != nil {
		return apperr.Internal(fmt.Errorf("accountsXLSX: %w", err))
	}
	noStore(w)
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", `attachment; filename="`+url.PathEscape(name)+`.xlsx"`)
	_, err = buf.WriteTo(w)
	return err
}

// resetAccount gives the account a new one-time password, ends its sessions and returns the
// password.
func (s *Server) resetAccount(r *http.Request, username string) (account.Account, string, error) {
	acct, err := s.store.FindAccountByUsername(r.Context(), account.NormalizeUsername(username))
	if err != nil {
		return account.Account{}, "", err
	}
	pw, err := s.store.ResetAccount(r.Context(), acct.ID, s.by(r))
	if err != nil {
		return account.Account{}, "", err
	}
	return acct, pw, nil
}

// accountReset serves POST /accounts/{username}/reset and shows the new password once.
func (s *Server) accountReset(w http.ResponseWriter, r *http.Request) error {
	acct, pw, err := s.resetAccount(r, r.PathValue("username"))
	if err != nil {
		return err
	}
	back := "/dashboard"
	if acct.AgencyCode != "" {
		back = "/agencies/" + acct.AgencyCode
	}
	noStore(w)
	s.render(w, r, http.StatusOK, "onetime", &OneTimePage{Page: Page{Title: "onetime.title"}, Username: acct.Username, Password: pw, Back: back})
	return nil
}
