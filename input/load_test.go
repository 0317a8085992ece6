package input

import (
	"io/fs"
	"os"
	"reflect"
	"testing"

	"github.com/apidocgen/apidocgen/input/inputtest"
)

// TestLoadReusesNoBytes wants every page Load returns (its workers read
// files into reused buffers) to equal Parse of a fresh copy of the file,
// which fails if a page kept a reference to a buffer later overwritten.
func TestLoadReusesNoBytes(t *testing.T) {
	fsys := os.DirFS(inputtest.CorpusDir(t, "seed-family"))
	pages, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 10 {
		t.Fatalf("only %d pages", len(pages))
	}
	for _, p := range pages {
		src, err := fs.ReadFile(fsys, p.Path)
		if err != nil {
			t.Fatal(err)
		}
		if want := Parse(p.Path, src); !reflect.DeepEqual(p, want) {
			t.Errorf("%s: Load and Parse disagree", p.Path)
		}
	}
}
