package evidence

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"html"
	"mime"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	xunicode "golang.org/x/text/encoding/unicode"
)

// Summarize returns what a Record keeps of a body of the given content type: the title of an
// HTML page or PDF ("" for anything else), the hex SHA-256 of the body, and the hash that
// "changed" compares (see Record.TextSHA256).
func Summarize(contentType string, body []byte) (title, sha, textSHA string) {
	sum := sha256.Sum256(body)
	sha = hex.EncodeToString(sum[:])
	switch {
	case isHTML(contentType):
		doc := decodeHTML(body, contentType)
		return htmlTitle(doc), sha, textHash(visibleText(doc))
	case isPDF(contentType):
		return pdfTitle(body), sha, sha
	}
	return "", sha, sha
}

// maxTitle bounds a recorded page title, in runes.
const maxTitle = 300

// isHTML reports whether a response of this content type is an HTML page.
func isHTML(contentType string) bool {
	mt, _, _ := mime.ParseMediaType(contentType)
	return mt == "text/html" || mt == "application/xhtml+xml"
}

// isPDF reports whether a response of this content type is a PDF document.
func isPDF(contentType string) bool {
	mt, _, _ := mime.ParseMediaType(contentType)
	return mt == "application/pdf"
}

// metaCharset finds a charset declared in a <meta charset> or <meta http-equiv> tag.
var metaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)`)

// sniffLen is how far into an HTML page the fetcher looks for a <meta> charset; HTML requires
// the declaration in the first 1024 bytes, and some Thai sites put it later.
const sniffLen = 4096

// htmlEncoding chooses how to decode an HTML page, in the order browsers use: a byte-order
// mark, the charset of the Content-Type header, a <meta> declaration, then UTF-8 if the bytes
// are valid UTF-8. What is left is taken as windows-874 (TIS-620 with extensions), the legacy
// Thai encoding: older Thai government sites that declare nothing use it.
func htmlEncoding(body []byte, contentType string) encoding.Encoding {
	switch {
	case bytes.HasPrefix(body, []byte{0xEF, 0xBB, 0xBF}):
		return xunicode.UTF8BOM
	case bytes.HasPrefix(body, []byte{0xFE, 0xFF}):
		return xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM)
	case bytes.HasPrefix(body, []byte{0xFF, 0xFE}):
		return xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM)
	}
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		if e, err := htmlindex.Get(params["charset"]); err == nil {
			return e
		}
	}
	head := body[:min(len(body), sniffLen)]
	if m := metaCharset.FindSubmatch(head); m != nil {
		if e, err := htmlindex.Get(string(m[1])); err == nil {
			return e
		}
	}
	if validUTF8Prefix(body) {
		return xunicode.UTF8
	}
	return charmap.Windows874
}

// validUTF8Prefix reports whether b is valid UTF-8, allowing a sequence cut off at the end
// (the body may have been truncated at the read limit).
func validUTF8Prefix(b []byte) bool {
	if utf8.Valid(b) {
		return true
	}
	for cut := 1; cut <= 3 && cut < len(b); cut++ {
		if utf8.Valid(b[:len(b)-cut]) {
			return true
		}
	}
	return false
}

// decodeHTML returns an HTML page as UTF-8 text; bytes that do not decode become U+FFFD.
func decodeHTML(body []byte, contentType string) string {
	e := htmlEncoding(body, contentType)
	out, err := e.NewDecoder().Bytes(body)
	if err != nil {
		out = body
	}
	return strings.ToValidUTF8(string(out), "\uFFFD")
}

// titleWithin is how far into a page htmlTitle looks: the title belongs in the head.
const titleWithin = 256 << 10

// htmlTitle returns the text of the first <title> element of an HTML document (already
// UTF-8), with entities decoded and white space collapsed.
func htmlTitle(doc string) string {
	doc = doc[:min(len(doc), titleWithin)]
	low := asciiLower(doc)
	for from := 0; ; {
		i := strings.Index(low[from:], "<title")
		if i < 0 {
			return ""
		}
		i += from
		rest := low[i+len("<title"):]
		if rest == "" || !(rest[0] == '>' || isSpace(rest[0])) {
			from = i + 1 // <titlebar> or similar
			continue
		}
		open := strings.IndexByte(rest, '>')
		if open < 0 {
			return ""
		}
		start := i + len("<title") + open + 1
		end := strings.Index(low[start:], "</title")
		if end < 0 {
			return ""
		}
		return clip(collapse(html.UnescapeString(doc[start:start+end])), maxTitle)
	}
}

// visibleText returns the text a reader of an HTML document (already UTF-8) sees: tags with
// their attributes, comments, scripts and styles removed, entities decoded, white space
// collapsed. It is what "changed" compares, so that a CSRF token in a hidden input, a nonce
// in a script or a session id in a link does not count as a change of content.
func visibleText(doc string) string {
	low := asciiLower(doc)
	var b strings.Builder
	for i := 0; i < len(doc); {
		lt := strings.IndexByte(doc[i:], '<')
		if lt < 0 {
			b.WriteString(doc[i:])
			break
		}
		b.WriteString(doc[i : i+lt])
		b.WriteByte(' ')
		i += lt
		switch {
		case strings.HasPrefix(low[i:], "<!--"):
			i = skipPast(low, i+4, "-->")
		case hasTag(low[i:], "script"):
			i = skipPast(low, i, "</script")
			i = skipPast(low, i, ">")
		case hasTag(low[i:], "style"):
			i = skipPast(low, i, "</style")
			i = skipPast(low, i, ">")
		default:
			i = tagEnd(doc, i+1)
		}
	}
	return collapse(html.UnescapeString(b.String()))
}

// hasTag reports whether s starts with the opening tag <name followed by '>', '/' or a space.
func hasTag(s, name string) bool {
	if !strings.HasPrefix(s, "<"+name) || len(s) == len(name)+1 {
		return false
	}
	c := s[len(name)+1]
	return c == '>' || c == '/' || isSpace(c)
}

// skipPast returns the index just past the first sep in s at or after from, or len(s).
func skipPast(s string, from int, sep string) int {
	j := strings.Index(s[from:], sep)
	if j < 0 {
		return len(s)
	}
	return from + j + len(sep)
}

// tagEnd returns the index just past the '>' that ends the tag whose body starts at from,
// skipping '>' inside quoted attribute values.
func tagEnd(s string, from int) int {
	var quote byte
	for j := from; j < len(s); j++ {
		c := s[j]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return j + 1
		}
	}
	return len(s)
}

// pdfTitle returns the /Title of a PDF's document information when it is stored as a plain
// (uncompressed) string, as most office exports do; "" otherwise.
func pdfTitle(body []byte) string {
	m := pdfTitleRE.FindSubmatch(body)
	if m == nil {
		return ""
	}
	var raw []byte
	if m[1] != nil {
		raw = pdfLiteral(m[1])
	} else {
		raw, _ = hex.DecodeString(string(bytes.Join(bytes.Fields(m[2]), nil)))
	}
	var s string
	if bytes.HasPrefix(raw, []byte{0xFE, 0xFF}) {
		u := make([]uint16, 0, len(raw)/2)
		for i := 2; i+1 < len(raw); i += 2 {
			u = append(u, uint16(raw[i])<<8|uint16(raw[i+1]))
		}
		s = string(utf16.Decode(u))
	} else {
		s = strings.ToValidUTF8(string(raw), "\uFFFD")
	}
	return clip(collapse(s), maxTitle)
}

var pdfTitleRE = regexp.MustCompile(`/Title\s*(?:\(((?:\\.|[^\\)])*)\)|<([0-9A-Fa-f\s]*)>)`)

// pdfLiteral decodes the escapes of a PDF literal string.
func pdfLiteral(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] != '\\' || i+1 == len(b) {
			out = append(out, b[i])
			continue
		}
		i++
		switch c := b[i]; c {
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'b', 'f':
			out = append(out, ' ')
		case '0', '1', '2', '3', '4', '5', '6', '7':
			n := 0
			for k := 0; k < 3 && i < len(b) && b[i] >= '0' && b[i] <= '7'; k++ {
				n = n*8 + int(b[i]-'0')
				i++
			}
			i--
			out = append(out, byte(n))
		default:
			out = append(out, c)
		}
	}
	return out
}

// textHash returns the hex SHA-256 of s.
func textHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// asciiLower lowers A–Z only, so that byte offsets in the result match the input.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// collapse trims s and turns every run of white space into one space.
func collapse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// clip cuts s to at most n runes.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n])
}
