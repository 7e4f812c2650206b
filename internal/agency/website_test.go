package agency

import "testing"

func TestOnWebsite(t *testing.T) {
	tests := []struct {
		name, website, url string
		want               bool
	}{
		{"SameHost", "https://www.energy.go.th", "https://www.energy.go.th/plan", true},
		{"WebsiteWWWIgnored", "https://www.energy.go.th", "https://energy.go.th/plan", true},
		{"URLWWWIsSubdomain", "https://energy.go.th", "https://www.energy.go.th/x", true},
		{"Subdomain", "https://www.energy.go.th/", "https://ita.energy.go.th/o1", true},
		{"DeepSubdomain", "energy.go.th", "https://a.b.energy.go.th/o1", true},
		{"PortsIgnored", "https://www.energy.go.th:443", "http://ita.energy.go.th:8080/x", true},
		{"CaseAndTrailingDot", "www.energy.go.th", "https://WWW.Energy.GO.TH./x", true},
		{"BareWebsite", "energy.go.th", "https://energy.go.th/x", true},
		{"BareURL", "https://energy.go.th", "energy.go.th/x", true},
		{"SchemeIgnored", "http://energy.go.th", "https://energy.go.th/x", true},
		{"ThaiWebsitePunycodeURL", "https://อบต.คลองเส.ไทย", "https://xn--m3cj0d.xn--42cg3gvan9i.xn--o3cw4h/", true},
		{"OtherPunycodeName", "https://คลองเส.ไทย", "https://xn--42cg3gvan9j.xn--o3cw4h/", false},
		{"ThaiNamePunycodeForm", "https://คลองเส.ไทย", "https://xn--42cg3gvan9i.xn--o3cw4h/ita", true},
		{"PunycodeWebsiteThaiURL", "https://www.xn--42cg3gvan9i.xn--o3cw4h", "https://คลองเส.ไทย/ita", true},
		{"ThaiSubdomain", "https://คลองเส.ไทย", "https://ita.คลองเส.ไทย/", true},
		{"PercentEncodedHost", "https://คลองเส.ไทย", "https://%E0%B8%84%E0%B8%A5%E0%B8%AD%E0%B8%87%E0%B9%80%E0%B8%AA.%E0%B9%84%E0%B8%97%E0%B8%A2/", true},
		{"OtherSite", "https://www.energy.go.th", "https://www.facebook.com/energy.go.th", false},
		{"SuffixNotSubdomain", "https://www.energy.go.th", "https://notenergy.go.th/x", false},
		{"LookalikeAppended", "https://energy.go.th", "https://energy.go.th.evil.example/o1", false},
		{"SharedHosting", "https://www.energy.go.th", "https://drive.google.com/file/d/1", false},
		{"WWWOnlyBeforeTLD", "https://www.com", "https://evil.com/", false},
		{"ParentDomainNotOnSite", "https://ita.energy.go.th", "https://energy.go.th/x", false},
		{"NoWebsite", "", "https://www.energy.go.th/x", false},
		{"NotAURL", "https://www.energy.go.th", "not a url", false},
		{"Empty", "https://www.energy.go.th", "", false},
		{"JavaScript", "https://www.energy.go.th", "javascript:alert(1)", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := OnWebsite(tt.website, tt.url); got != tt.want {
				t.Errorf("OnWebsite(%q, %q) = %v, want %v", tt.website, tt.url, got, tt.want)
			}
		})
	}
}

func TestHostOf(t *testing.T) {
	for raw, want := range map[string]string{
		"https://WWW.Energy.GO.TH.:8443/x": "www.energy.go.th",
		"energy.go.th/plan":                "energy.go.th",
		"https://ไทย/":                     "xn--o3cw4h",
		"https://ไทย。คลองเส/":              "xn--o3cw4h.xn--42cg3gvan9i",
		"https://[2001:DB8::1]:443/":       "2001:db8::1",
		"https://กรมบัญชีกลาง.go.th/":      "xn--12casko1f3bpx0jpa7a.go.th",
		"":           "",
		"   ":        "",
		"https:///x": "",
		"not a url":  "",
	} {
		if got := HostOf(raw); got != want {
			t.Errorf("HostOf(%q) = %q, want %q", raw, got, want)
		}
	}
}

// TestPunycode checks the encoder against RFC 3492's samples and Thai names as
// golang.org/x/net/idna's ToASCII gives them.
func TestPunycode(t *testing.T) {
	for in, want := range map[string]string{
		"ไทย":               "o3cw4h",
		"คลองเส":            "42cg3gvan9i",
		"อบต":               "m3cj0d",
		"bücher":            "bcher-kva",
		"münchen":           "mnchen-3ya",
		"他们为什么不说中文":         "ihqwcrb4cv8a8dqg056pqjye",
		"ليهمابتكلموشعربي؟": "egbpdaj6bu4bxfgehfvwxn",
		"3年b組金八先生":          "3b-ww4c5e180e575a65lsy2b",
	} {
		if got, ok := punycode(in); !ok || got != want {
			t.Errorf("punycode(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, ok := punycode(string(make([]rune, 64))); ok {
		t.Error("a 64-character label was encoded")
	}
}
