package web

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"sort"
)

// openAPIFiles holds the OpenAPI 3.1 description of /api/v1, written by hand: openapi.json is
// the base document and each feature adds an openapi_*.json fragment with its "paths" and
// "components"."schemas". TestOpenAPICoversRoutes keeps the whole in step with the route table.
//
//go:embed openapi*.json
var openAPIFiles embed.FS

// openAPIDoc is the merged document served at /api/openapi.json.
var openAPIDoc = mustMergeOpenAPI(openAPIFiles)

// mustMergeOpenAPI merges the fragments into the base document; a fragment that is not valid
// JSON or that defines a path or schema twice is a mistake in the repository and panics at
// start-up (and in every test).
func mustMergeOpenAPI(fsys fs.FS) []byte {
	doc, err := mergeOpenAPI(fsys)
	if err != nil {
		panic(err)
	}
	return doc
}

func mergeOpenAPI(fsys fs.FS) ([]byte, error) {
	var base map[string]any
	if err := readJSON(fsys, "openapi.json", &base); err != nil {
		return nil, err
	}
	paths := objectAt(base, "paths")
	schemas := objectAt(objectAt(base, "components"), "schemas")
	names, err := fs.Glob(fsys, "openapi_*.json")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	for _, name := range names {
		var frag map[string]any
		if err := readJSON(fsys, name, &frag); err != nil {
			return nil, err
		}
		if err := mergeInto(paths, objectAt(frag, "paths"), name, "path"); err != nil {
			return nil, err
		}
		if err := mergeInto(schemas, objectAt(objectAt(frag, "components"), "schemas"), name, "schema"); err != nil {
			return nil, err
		}
	}
	return json.MarshalIndent(base, "", "  ")
}

func readJSON(fsys fs.FS, name string, v any) error {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// objectAt returns m[key] as an object, creating it when absent.
func objectAt(m map[string]any, key string) map[string]any {
	if o, ok := m[key].(map[string]any); ok {
		return o
	}
	o := map[string]any{}
	m[key] = o
	return o
}

func mergeInto(dst, src map[string]any, file, what string) error {
	for k, v := range src {
		if _, dup := dst[k]; dup {
			return fmt.Errorf("%s: %s %q is already described", file, what, k)
		}
		dst[k] = v
	}
	return nil
}

// openAPI serves GET /api/openapi.json.
func (s *Server) openAPI(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=300")
	_, err := w.Write(openAPIDoc)
	return err
}
