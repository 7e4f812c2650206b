package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"
)

//go:embed templates
var templateFS embed.FS

// pageTemplate is one page parsed with the layout and partials, ready to execute.
type pageTemplate struct {
	t *template.Template
}

// page is implemented by every typed page struct through its embedded Page.
type page interface {
	base() *Page
}

// Page holds what the layout needs on every page. Each page's struct embeds it.
type Page struct {
	Lang  Lang
	Title string // message key of the page title
	Path  string // the request URI, for the language switch to come back to
	User  *Viewer
	Nav   []NavItem
	Flash string // message key of a one-line confirmation, or ""
}

func (p *Page) base() *Page { return p }

// Viewer is the logged-in user as the layout shows it.
type Viewer struct {
	Username string
	Name     string
	RoleKey  string // message key of the role's name
}

// NavItem is one entry of the main menu.
type NavItem struct {
	Href    string
	Key     string
	Current bool
}

// parseTemplates parses every page under templates/ with the layout, once per language, so
// that {{t "key"}} is bound to a catalogue at start-up. Any parse error fails start-up.
func (s *Server) parseTemplates() (map[Lang]map[string]*pageTemplate, error) {
	pages, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	out := map[Lang]map[string]*pageTemplate{}
	for _, lang := range langs {
		out[lang] = map[string]*pageTemplate{}
		for _, p := range pages {
			name := strings.TrimSuffix(path.Base(p), ".html")
			if name == "layout" {
				continue
			}
			t, err := template.New("layout").Funcs(s.funcs(lang)).ParseFS(templateFS, "templates/layout.html", p)
			if err != nil {
				return nil, fmt.Errorf("parse template %s: %w", p, err)
			}
			out[lang][name] = &pageTemplate{t: t}
		}
	}
	return out, nil
}

// funcs returns the template functions for one language.
func (s *Server) funcs(lang Lang) template.FuncMap {
	return template.FuncMap{
		"t":        lang.T,
		"asset":    s.assets.URL,
		"field":    newField,
		"date":     func(v any) string { return formatDate(lang, v) },
		"number":   formatNumber,
		"datetime": func(t time.Time) string { return formatDateTime(lang, t) },
	}
}

// render executes the named page template into a buffer, then writes it with status, so that a
// template error becomes a clean 500 instead of half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, p page) {
	b := p.base()
	b.Lang = requestLang(r)
	b.Path = r.URL.RequestURI()
	if a := authOf(r.Context()); a != nil && b.User == nil {
		b.User = viewerOf(a)
		if !a.needsSetup() {
			b.Nav = navFor(a.Account.Role, r.URL.Path)
		}
	}
	if c, err := r.Cookie(flashCookie); err == nil {
		if _, ok := messagesTH[c.Value]; ok && b.Flash == "" {
			b.Flash = c.Value
		}
		http.SetCookie(w, &http.Cookie{Name: flashCookie, Path: "/", MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteLaxMode})
	}
	pt, ok := s.templates[b.Lang][name]
	if !ok {
		s.log.Error("unknown template", "name", name)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	var buf bytes.Buffer
	if err := pt.t.ExecuteTemplate(&buf, "layout", p); err != nil {
		s.log.Error("template failed", "name", name, "error", err.Error(), "request_id", requestID(r.Context()))
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Language", string(b.Lang))
	w.Header().Set("Vary", "Cookie, Accept-Language")
	if w.Header().Get("Cache-Control") == "" {
		w.Header().Set("Cache-Control", "private, no-cache")
	}
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w)
}

// Field is one form input as the "input" and "select" partials render it.
type Field struct {
	Name         string
	Label        string // message key
	Type         string
	Value        string
	Error        string // Thai message shown beside the field, or ""
	Hint         string // message key of a hint, or ""
	Autocomplete string
	Inputmode    string
	Required     bool
	Options      []Option
}

// Option is one choice of a select field.
type Option struct {
	Value    string
	Label    string
	Selected bool
}

// newField builds a Field in a template: field name labelKey type value errors [options…],
// where options are "required", "autocomplete=…", "hint=…" and "inputmode=…".
func newField(name, label, typ, value string, errs map[string]string, opts ...string) Field {
	f := Field{Name: name, Label: label, Type: typ, Value: value, Error: errs[name]}
	for _, o := range opts {
		k, v, _ := strings.Cut(o, "=")
		switch k {
		case "required":
			f.Required = true
		case "autocomplete":
			f.Autocomplete = v
		case "hint":
			f.Hint = v
		case "inputmode":
			f.Inputmode = v
		}
	}
	return f
}
