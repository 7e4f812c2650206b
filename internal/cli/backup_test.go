package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/openitas/itas/internal/store"
)

func TestBackup(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	if _, errOut, code := runCLI(t, "migrate", "--data", data, "--db", ""); code != 0 {
		t.Fatalf("migrate: exit %d: %s", code, errOut)
	}
	out := filepath.Join(dir, "copy.db")
	stdout, errOut, code := runCLI(t, "backup", "--data", data, "--db", "", "--out", out)
	if code != 0 || !strings.Contains(stdout, "backed up to "+out) {
		t.Fatalf("backup: exit %d\n%s%s", code, stdout, errOut)
	}
	// The copy is itself a data directory's database the server can open.
	restored := filepath.Join(dir, "restored")
	if err := os.MkdirAll(restored, 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(out, filepath.Join(restored, "itas.db")); err != nil {
		t.Fatal(err)
	}
	migrations, err := store.Migrations(store.SQLite)
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("schema version %d", len(migrations))
	if stdout, errOut, code := runCLI(t, "migrate", "--data", restored, "--db", ""); code != 0 || !strings.Contains(stdout, want) {
		t.Fatalf("migrate on the restored copy: exit %d %s %s", code, stdout, errOut)
	}
	t.Run("RefusesToOverwrite", func(t *testing.T) {
		existing := filepath.Join(restored, "itas.db")
		if _, errOut, code := runCLI(t, "backup", "--data", data, "--db", "", "--out", existing); code != 1 || errOut == "" {
			t.Errorf("exit %d, stderr %q; want 1 and a message", code, errOut)
		}
	})
	t.Run("NeedsOut", func(t *testing.T) {
		if _, _, code := runCLI(t, "backup", "--data", data, "--db", ""); code != 2 {
			t.Errorf("exit %d, want 2", code)
		}
	})
}
