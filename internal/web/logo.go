package web

import (
	"bytes"
	"context"
	"errors"
	"image"
	_ "image/jpeg" // register the decoders the logo check uses
	_ "image/png"
	"io"
	"net/http"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/apperr"
)

// maxLogoBytes is the largest agency logo accepted.
const maxLogoBytes = 1 << 20

// errNoLogos answers logo requests when the store keeps no logos.
var errNoLogos = apperr.NotFound("ระบบนี้ยังไม่รองรับตราสัญลักษณ์ของหน่วยงาน", "Agency logos are not supported here")

// findLogo returns the logo of the agency with code; NotFound when it has none or the store
// keeps no logos.
func (s *Server) findLogo(ctx context.Context, code string) (string, []byte, error) {
	if s.logos == nil {
		return "", nil, errNoLogos
	}
	ct, data, err := s.logos.FindAgencyLogo(ctx, code)
	if err == nil && len(data) == 0 {
		err = apperr.NotFound("หน่วยงานนี้ยังไม่มีตราสัญลักษณ์", "This agency has no logo yet")
	}
	return ct, data, err
}

// errLogo returns an Invalid error about the logo field.
func errLogo(msg string) error { return apperr.Fields("logo", msg) }

// checkLogo reports whether data is a PNG or JPEG image of at most maxLogoBytes, judged by
// its content (never by the file name or the browser's claim), and returns its content type.
func checkLogo(data []byte) (string, error) {
	if len(data) == 0 {
		return "", errLogo("กรุณาเลือกไฟล์ตราสัญลักษณ์")
	}
	if len(data) > maxLogoBytes {
		return "", errLogo("ไฟล์มีขนาดเกิน 1 MB กรุณาย่อขนาดไฟล์แล้วอัปโหลดใหม่")
	}
	ct := http.DetectContentType(data)
	if ct != "image/png" && ct != "image/jpeg" {
		return "", errLogo("รับเฉพาะไฟล์ภาพ PNG หรือ JPEG")
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || "image/"+format != ct || cfg.Width < 1 || cfg.Height < 1 || cfg.Width > 4096 || cfg.Height > 4096 {
		return "", errLogo("ไฟล์ภาพเสียหายหรือมีขนาดภาพเกิน 4096 × 4096 จุด")
	}
	return ct, nil
}

// readLogo reads the "logo" file of a multipart request, bounded to one byte past the limit
// so that an oversized file is reported rather than silently cut.
func readLogo(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	r.Body = http.MaxBytesReader(w, r.Body, maxLogoBytes+64<<10)
	if err := r.ParseMultipartForm(maxLogoBytes + 64<<10); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, errLogo("ไฟล์มีขนาดเกิน 1 MB กรุณาย่อขนาดไฟล์แล้วอัปโหลดใหม่")
		}
		return nil, errLogo("กรุณาเลือกไฟล์ตราสัญลักษณ์")
	}
	file, _, err := r.FormFile("logo")
	if err != nil {
		return nil, errLogo("กรุณาเลือกไฟล์ตราสัญลักษณ์")
	}
	defer file.Close()
	return io.ReadAll(io.LimitReader(file, maxLogoBytes+1))
}

// logoSubmit serves POST /profile/logo: the agency admin uploads the agency's logo.
func (s *Server) logoSubmit(w http.ResponseWriter, r *http.Request) error {
	if s.logos == nil {
		return errNoLogos
	}
	a := authOf(r.Context())
	ag, err := s.store.FindAgencyByCode(r.Context(), a.Account.AgencyCode)
	if err != nil {
		return err
	}
	if !account.CanEditAgencyProfile(a.Account, ag) {
		return apperr.Forbidden("", "")
	}
	data, err := readLogo(w, r)
	var ct string
	if err == nil {
		ct, err = checkLogo(data)
	}
	if err == nil {
		err = s.logos.SetAgencyLogo(r.Context(), ag.Code, ct, data, s.by(r))
	}
	if apperr.CodeOf(err) == apperr.CodeInvalid {
		page := s.profilePage(r, profileFormOf(a.Account.Profile))
		page.LogoError = localFields(requestLang(r), err)["logo"]
		noStore(w)
		s.render(w, r, http.StatusUnprocessableEntity, "profile", page)
		return nil
	}
	if err != nil {
		return err
	}
	setFlash(w, "logo.saved")
	http.Redirect(w, r, "/profile", http.StatusSeeOther)
	return nil
}

// agencyLogo serves GET /agencies/{code}/logo to those who may view the agency.
func (s *Server) agencyLogo(w http.ResponseWriter, r *http.Request) error {
	ag, err := s.viewableAgency(r, r.PathValue("code"))
	if err != nil {
		return err
	}
	ct, data, err := s.findLogo(r.Context(), ag.Code)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Cache-Control", "private, max-age=300")
	w.Header().Set("Content-Security-Policy", "default-src 'none'")
	_, err = w.Write(data)
	return err
}
