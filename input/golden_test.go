package input

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rogpeppe/go-internal/txtar"
)

var update = flag.Bool("update", false, "rewrite golden files")

// dump is the stable JSON form of a page used by the golden files.
func dump(t testing.TB, p *Page) []byte {
	t.Helper()
	b, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		t.Fatalf("marshal %s: %v", p.Path, err)
	}
	return append(b, '\n')
}

// TestGolden parses the "page.md" of each testdata/parse/*.txtar archive and
// compares the JSON dump of the Page with its "page.json". Run with -update
// to rewrite the dumps.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "parse", "*.txtar"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden archives: %v", err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			src, wantIdx := []byte(nil), -1
			for i, f := range ar.Files {
				switch f.Name {
				case "page.md":
					src = f.Data
				case "page.json":
					wantIdx = i
				}
			}
			if src == nil {
				t.Fatalf("%s: no page.md", file)
			}
			got := dump(t, Parse(name+".md", src))
			if *update {
				if wantIdx < 0 {
					ar.Files = append(ar.Files, txtar.File{Name: "page.json"})
					wantIdx = len(ar.Files) - 1
				}
				ar.Files[wantIdx].Data = got
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if wantIdx < 0 {
				t.Fatalf("%s: no page.json (run with -update)", file)
			}
			if want := ar.Files[wantIdx].Data; !bytes.Equal(got, want) {
				t.Errorf("%s: page differs (-want +got):\n%s", file, cmp.Diff(string(want), string(got)))
			}
		})
	}
}
