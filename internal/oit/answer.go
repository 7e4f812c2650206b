package oit

import (
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/apperr"
)

// Limits on what an agency types; generous for real answers, small enough that a page of
// 43 items stays light.
const (
	MaxURLs      = 10   // URLs per answer
	MaxURLLen    = 2000 // bytes per URL
	MaxText      = 3000 // characters of an explanation, reason, comment or reply
	MinReasonLen = 15   // characters of a reason for not disclosing (#4 asks for it in detail)
)

// Field names of the messages Validate and the commands return.
const (
	FieldDisclosure  = "disclosure"
	FieldURLs        = "urls"
	FieldExplanation = "explanation"
	FieldReason      = "reason"
	FieldVerdict     = "verdict"
	FieldComment     = "comment"
	FieldComponents  = "components"
	FieldScore       = "score"
	FieldText        = "text"
	FieldURL         = "url"
	FieldVersion     = "version"
)

// Answer is what the admin says about one item: มี with one or more URLs of pages on the
// agency's main website and an optional explanation; ไม่มี, optionally explained; or cannot
// disclose, with the legal or insurmountable reason (ข้อควรระวัง #4).
type Answer struct {
	Disclosure  Disclosure
	URLs        []string
	Explanation string
	Reason      string
}

// Normalize trims the texts and drops empty and repeated URLs.
func (a Answer) Normalize() Answer {
	a.Disclosure = Disclosure(strings.TrimSpace(string(a.Disclosure)))
	a.Explanation = strings.TrimSpace(a.Explanation)
	a.Reason = strings.TrimSpace(a.Reason)
	var urls []string
	seen := map[string]bool{}
	for _, u := range a.URLs {
		u = strings.TrimSpace(u)
		if u != "" && !seen[u] {
			seen[u] = true
			urls = append(urls, u)
		}
	}
	a.URLs = urls
	return a
}

// Validate reports every rule a breaks as an Invalid error with Thai messages per field, or
// returns nil. It does not check that the URLs are on the agency's website: an off-site URL
// is a warning (OffSite), since only the assessor can judge it (ข้อควรระวัง #8).
func (a Answer) Validate() error {
	f := map[string]string{}
	switch a.Disclosure {
	case Yes:
		switch {
		case len(a.URLs) == 0:
			f[FieldURLs] = "กรุณาระบุ URL ของหน้าเว็บไซต์หลักของหน่วยงานที่เปิดเผยข้อมูลอย่างน้อยหนึ่งรายการ"
		case len(a.URLs) > MaxURLs:
			f[FieldURLs] = fmt.Sprintf("ระบุ URL ได้ไม่เกิน %d รายการ", MaxURLs)
		default:
			for i, u := range a.URLs {
				if msg := CheckURL(u); msg != "" {
					f[FieldURLs] = fmt.Sprintf("URL รายการที่ %d: %s", i+1, msg)
					break
				}
			}
		}
	case No:
		if len(a.URLs) > 0 {
			f[FieldURLs] = "ตอบว่า ไม่มี จึงไม่ต้องระบุ URL หากมีการเผยแพร่ข้อมูล กรุณาเลือก มี"
		}
	case CannotDisclose:
		if len(a.URLs) > 0 {
			f[FieldURLs] = "ตอบว่าไม่สามารถเปิดเผยข้อมูลได้ จึงไม่ต้องระบุ URL หากมีการเผยแพร่ข้อมูล กรุณาเลือก มี"
		}
		switch n := utf8.RuneCountInString(a.Reason); {
		case n == 0:
			f[FieldReason] = "กรุณาอธิบายเหตุผลความจำเป็นที่ไม่สามารถเปิดเผยข้อมูลได้ โดยระบุสาเหตุด้านกฎหมายหรือข้อจำกัดอันสุดวิสัย"
		case n < MinReasonLen:
			f[FieldReason] = "กรุณาอธิบายเหตุผลโดยละเอียด พร้อมระบุกฎหมายหรือข้อจำกัดอันสุดวิสัยที่ทำให้เปิดเผยข้อมูลไม่ได้"
		}
	default:
		f[FieldDisclosure] = "กรุณาเลือก มี ไม่มี หรือไม่สามารถเปิดเผยข้อมูลได้"
	}
	if a.Disclosure != CannotDisclose && a.Reason != "" {
		f[FieldReason] = "ระบุเหตุผลเฉพาะเมื่อไม่สามารถเปิดเผยข้อมูลได้"
	}
	if utf8.RuneCountInString(a.Explanation) > MaxText {
		f[FieldExplanation] = fmt.Sprintf("คำอธิบายยาวได้ไม่เกิน %d ตัวอักษร", MaxText)
	}
	if utf8.RuneCountInString(a.Reason) > MaxText {
		f[FieldReason] = fmt.Sprintf("เหตุผลยาวได้ไม่เกิน %d ตัวอักษร", MaxText)
	}
	return apperr.Check(f)
}

// CheckURL returns a Thai message saying what is wrong with an evidence URL, or "": it must be
// an absolute http or https URL with a host and no user name or password.
func CheckURL(raw string) string {
	if len(raw) > MaxURLLen {
		return fmt.Sprintf("ยาวเกิน %d ตัวอักษร", MaxURLLen)
	}
	if strings.ContainsAny(raw, " \t\r\n") {
		return "มีช่องว่างอยู่ใน URL"
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.Hostname() == "" {
		return "ไม่ใช่ URL ที่ถูกต้อง ต้องขึ้นต้นด้วย https:// หรือ http:// ตามด้วยชื่อเว็บไซต์"
	}
	if s := strings.ToLower(u.Scheme); s != "http" && s != "https" {
		return "ต้องขึ้นต้นด้วย https:// หรือ http://"
	}
	if u.User != nil {
		return "ต้องไม่มีชื่อผู้ใช้หรือรหัสผ่านอยู่ใน URL"
	}
	return ""
}

// OffSite returns the URLs of a that are not on the agency's main website (ข้อควรระวัง #8), for
// a warning beside the answer; none when the website is unknown. The rule is
// agency.OnWebsite's: the website's host or one of its subdomains, "www." and the port aside.
func (a Answer) OffSite(website string) []string {
	var out []string
	for _, u := range a.URLs {
		if OffSite(u, website) {
			out = append(out, u)
		}
	}
	return out
}

// OffSite reports whether raw is a URL that is not on website; false when either has no host
// that can be read, so that only a sure finding warns.
func OffSite(raw, website string) bool {
	if agency.HostOf(website) == "" || agency.HostOf(raw) == "" {
		return false
	}
	return !agency.OnWebsite(website, raw)
}
