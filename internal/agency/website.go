package agency

import (
	"net/url"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// OnWebsite reports whether rawURL is on the agency's main website, whose URL (or bare host
// name) is website — the one rule of the manual's ข้อควรระวัง #8 that the OIT answer's
// warning and the evidence capture's off-site flag both apply. A URL is on the website when
// its host is the website's host or a subdomain of it; a leading "www." of the website is
// ignored, so https://energy.go.th/x and https://ita.energy.go.th/x belong to
// https://www.energy.go.th. Scheme, port, letter case, a trailing dot and the form of an
// internationalized name (ไทย or xn--o3cw4h) do not matter. It is false when either has no
// host that can be read; callers that warn only on a sure finding check HostOf first.
func OnWebsite(website, rawURL string) bool {
	site := websiteHost(website)
	h := HostOf(rawURL)
	return site != "" && h != "" && (h == site || strings.HasSuffix(h, "."+site))
}

// websiteHost returns the host of a website URL without a leading "www." (unless nothing
// but a top-level domain would be left), or "".
func websiteHost(website string) string {
	h := HostOf(website)
	if rest, ok := strings.CutPrefix(h, "www."); ok && strings.Contains(rest, ".") {
		h = rest
	}
	return h
}

// HostOf returns the host of a URL, or of a bare host name ("energy.go.th/x"), as OnWebsite
// compares hosts: lower case, without port or trailing dot, every internationalized label in
// its ASCII "xn--" form. It returns "" when raw has no host that can be read.
func HostOf(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}
	if !strings.Contains(raw, "://") {
		raw = "http://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return asciiHost(u.Hostname())
}

// asciiHost returns host lower-cased and NFC-normalized, with the ideographic full stops that
// IDNA reads as dots read so, without a trailing dot, and each non-ASCII label replaced by its
// punycode "xn--" form; "" when a label cannot be encoded. It is the part of IDNA's ToASCII
// that comparing two names needs (golang.org/x/net/idna is only an indirect module here).
func asciiHost(host string) string {
	host = norm.NFC.String(strings.ToLower(host))
	host = strings.NewReplacer("\u3002", ".", "\uff0e", ".", "\uff61", ".").Replace(host)
	host = strings.TrimSuffix(host, ".")
	if host == "" {
		return ""
	}
	labels := strings.Split(host, ".")
	for i, l := range labels {
		if isASCII(l) {
			continue
		}
		enc, ok := punycode(l)
		if !ok {
			return ""
		}
		labels[i] = "xn--" + enc
	}
	return strings.Join(labels, ".")
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
