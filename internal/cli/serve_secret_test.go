package cli

import (
	"bytes"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadSecret(t *testing.T) {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	t.Run("SQLiteCreatesThenReuses", func(t *testing.T) {
		data := filepath.Join(t.TempDir(), "data")
		first, err := loadSecret("", dbOptions{data: data}, log)
		if err != nil {
			t.Fatal(err)
		}
		st, err := os.Stat(filepath.Join(data, "secret.key"))
		if err != nil || st.Mode().Perm() != 0o600 || st.Size() != 32 || len(first) != 32 {
			t.Fatalf("secret.key: %v, %v, %d bytes returned", st, err, len(first))
		}
		again, err := loadSecret("", dbOptions{data: data}, log)
		if err != nil || !bytes.Equal(first, again) {
			t.Errorf("second start: %v, same secret = %v", err, bytes.Equal(first, again))
		}
	})
	t.Run("PostgresNeedsAFile", func(t *testing.T) {
		_, err := loadSecret("", dbOptions{dsn: "postgres://x@localhost/itas"}, log)
		if err == nil || !strings.Contains(err.Error(), "--secret-file") {
			t.Errorf("error %v, want one asking for --secret-file", err)
		}
	})
	t.Run("GivenFile", func(t *testing.T) {
		dir := t.TempDir()
		good := filepath.Join(dir, "good")
		want := []byte(strings.Repeat("k", 48) + "\n")
		os.WriteFile(good, want, 0o600)
		got, err := loadSecret(good, dbOptions{dsn: "postgres://x@localhost/itas"}, log)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("loadSecret(file) = %q, %v", got, err)
		}
		short := filepath.Join(dir, "short")
		os.WriteFile(short, []byte("too short"), 0o600)
		if _, err := loadSecret(short, dbOptions{data: dir}, log); err == nil {
			t.Error("a 9-byte secret was accepted")
		}
		if _, err := loadSecret(filepath.Join(dir, "missing"), dbOptions{data: dir}, log); err == nil {
			t.Error("a missing secret file was accepted")
		}
	})
}
