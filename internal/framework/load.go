package framework

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"path"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

//go:embed data/*.yaml
var builtin embed.FS

// Parse decodes a framework file and validates it. Unknown fields are errors, so that a typo
// in a hand-edited file is reported rather than silently ignored. A validation failure is a
// *ValidationError listing every problem found.
func Parse(data []byte) (*Framework, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var f Framework
	if err := dec.Decode(&f); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, errors.New("framework file is empty")
		}
		return nil, fmt.Errorf("decode framework: %w", err)
	}
	if err := f.Validate(); err != nil {
		return nil, err
	}
	f.buildIndex()
	return &f, nil
}

// Builtin returns the embedded framework of a fiscal year (Buddhist era), or an error naming
// the years that exist.
func Builtin(year int) (*Framework, error) {
	data, err := builtin.ReadFile(path.Join("data", strconv.Itoa(year)+".yaml"))
	if err != nil {
		return nil, fmt.Errorf("no built-in framework for fiscal year %d (have %s)", year, yearList())
	}
	f, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("built-in framework %d: %w", year, err)
	}
	return f, nil
}

// BuiltinYears lists the fiscal years with an embedded framework, oldest first.
func BuiltinYears() []int {
	entries, _ := builtin.ReadDir("data")
	var years []int
	for _, e := range entries {
		if y, err := strconv.Atoi(strings.TrimSuffix(e.Name(), ".yaml")); err == nil {
			years = append(years, y)
		}
	}
	sort.Ints(years)
	return years
}

func yearList() string {
	var s []string
	for _, y := range BuiltinYears() {
		s = append(s, strconv.Itoa(y))
	}
	return strings.Join(s, ", ")
}
