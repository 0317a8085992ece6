package metadata

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/input/csdl"
	"github.com/google/go-cmp/cmp"
	"github.com/rogpeppe/go-internal/txtar"
)

var update = flag.Bool("update", false, "rewrite golden files")

// dumpModel is the JSON of m as "apidocgen model" prints it.
func dumpModel(t testing.TB, m *model.Model) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(m); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestGolden compiles the metadata.xml of each testdata/compile/*.txtar
// archive and compares the model's JSON with its model.json. Run with
// -update to rewrite them.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "compile", "*.txtar"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			src, idx := []byte(nil), -1
			for i, f := range ar.Files {
				switch f.Name {
				case "metadata.xml":
					src = f.Data
				case "model.json":
					idx = i
				}
			}
			got := dumpModel(t, Compile(csdl.Parse("metadata.xml", src)))
			if *update {
				if idx < 0 {
					ar.Files = append(ar.Files, txtar.File{Name: "model.json"})
					idx = len(ar.Files) - 1
				}
				ar.Files[idx].Data = got
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if idx < 0 {
				t.Fatalf("%s: no model.json (run with -update)", file)
			}
			if want := ar.Files[idx].Data; !bytes.Equal(got, want) {
				t.Errorf("%s: model differs (-want +got):\n%s", file, cmp.Diff(string(want), string(got)))
			}
		})
	}
}
