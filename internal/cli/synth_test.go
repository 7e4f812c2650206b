package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestSynthThenScore runs the score command itas synth prints, as a user would paste it.
func TestSynthThenScore(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"BuiltinYear", []string{"--year", "2563"}},
		{"FrameworkWithParts", []string{"--framework", tinyFramework}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "year")
			args := append([]string{"synth", "--out", dir, "--agencies", "60", "--iit", "2500", "--eit", "4000"}, tt.args...)
			stdout, stderr, code := runCLI(t, args...)
			if code != 0 {
				t.Fatalf("itas synth exited %d: %s", code, stderr)
			}
			lines := strings.Split(strings.TrimSpace(stdout), "\n")
			command := strings.Fields(lines[len(lines)-1])
			if len(command) < 2 || command[0] != "itas" || command[1] != "score" {
				t.Fatalf("last line of output is %q, want the itas score command", lines[len(lines)-1])
			}
			for _, want := range []string{"agencies.csv", "iit.csv", "eit.csv", "oit.csv", "2,500 respondents"} {
				if !strings.Contains(stdout, want) {
					t.Errorf("output does not mention %q:\n%s", want, stdout)
				}
			}
			out, stderr, code := runCLI(t, append(command[1:], "--format", "csv")...)
			if code != 0 {
				t.Fatalf("%s exited %d: %s", strings.Join(command, " "), code, stderr)
			}
			if got := strings.Count(out, "\n"); got != 61 {
				t.Errorf("itas score wrote %d lines, want a header and 60 agencies", got)
			}
		})
	}
}

func TestSynthUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"NoOut", []string{"synth"}},
		{"NoAgencies", []string{"synth", "--out", "x", "--agencies", "0"}},
		{"NegativeIIT", []string{"synth", "--out", "x", "--iit", "-5"}},
		{"Positional", []string{"synth", "--out", "x", "extra"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, stderr, code := runCLI(t, tt.args...); code != 2 {
				t.Errorf("exit %d, want 2 (stderr %q)", code, stderr)
			}
		})
	}
}

func TestShellQuote(t *testing.T) {
	tests := []struct{ in, want string }{
		{"/tmp/year/iit.csv", "/tmp/year/iit.csv"},
		{"my files/iit.csv", "'my files/iit.csv'"},
		{"it's.csv", `'it'\''s.csv'`},
		{"ปี2563/iit.csv", "'ปี2563/iit.csv'"},
	}
	for _, tt := range tests {
		if got := shellQuote(tt.in); got != tt.want {
			t.Errorf("shellQuote(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
