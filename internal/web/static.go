package web

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
)

//go:embed static
var staticFS embed.FS

// asset is one embedded static file with its content hash.
type asset struct {
	name        string
	hash        string
	contentType string
	body        []byte
}

// assets indexes the embedded static files by name and builds their content-hashed URLs.
type assets struct {
	byName map[string]*asset
}

// loadAssets reads every file under static/ and hashes it. It fails on an unknown file type so
// that a file is never served with a guessed type.
func loadAssets() (*assets, error) {
	a := &assets{byName: map[string]*asset{}}
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		ct := mime.TypeByExtension(path.Ext(p))
		if ct == "" {
			return fmt.Errorf("static file %s: unknown content type", p)
		}
		sum := sha256.Sum256(body)
		name := path.Base(p)
		a.byName[name] = &asset{name: name, hash: hex.EncodeToString(sum[:])[:12], contentType: ct, body: body}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("loadAssets: %w", err)
	}
	return a, nil
}

// URL returns the content-hashed URL of the static file name. It panics on an unknown name,
// which happens at template execution in tests, never silently in production.
func (a *assets) URL(name string) string {
	f, ok := a.byName[name]
	if !ok {
		panic(fmt.Sprintf("web: unknown static file %q", name))
	}
	return "/static/" + f.hash + "/" + f.name
}

// serveStatic serves GET /static/{hash}/{name}. A hash that does not match the current content
// is a 404, so that a stale URL never gets new content cached under an old name.
func (a *assets) serveStatic(w http.ResponseWriter, r *http.Request) error {
	f, ok := a.byName[r.PathValue("name")]
	if !ok || f.hash != r.PathValue("hash") {
		http.NotFound(w, r)
		return nil
	}
	w.Header().Set("Content-Type", f.contentType)
	w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	w.Header().Set("ETag", `"`+f.hash+`"`)
	if r.Header.Get("If-None-Match") == `"`+f.hash+`"` {
		w.WriteHeader(http.StatusNotModified)
		return nil
	}
	_, err := w.Write(f.body)
	return err
}
