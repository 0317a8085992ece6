package inputtest

import (
	"bytes"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rogpeppe/go-internal/txtar"
)

// Golden compares got with the file called section of the txtar archive
// at path; with update it writes got there instead (adding the file when
// the archive lacks it).
func Golden(t testing.TB, path, section string, got []byte, update bool) {
	t.Helper()
	ar, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	idx := -1
	for i, f := range ar.Files {
		if f.Name == section {
			idx = i
		}
	}
	if update {
		if idx < 0 {
			ar.Files = append(ar.Files, txtar.File{Name: section})
			idx = len(ar.Files) - 1
		}
		ar.Files[idx].Data = got
		if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if idx < 0 {
		t.Fatalf("%s: no %s (run with -update)", path, section)
	}
	if want := ar.Files[idx].Data; !bytes.Equal(got, want) {
		t.Errorf("%s: %s differs (-want +got):\n%s", path, section, cmp.Diff(string(want), string(got)))
	}
}
