package compile

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/input"
	"github.com/rogpeppe/go-internal/txtar"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestGolden compiles the pages of each testdata/golden/*.txtar case (the
// files whose names end in .md) and compares the model (types, operations,
// then what each table was read as) and diagnostics with the case's
// "model.json" and "diagnostics" files.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/golden/*.txtar")
	if len(files) == 0 {
		t.Fatal("no golden cases")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var pages []*input.Page
			for _, f := range ar.Files {
				if strings.HasSuffix(f.Name, ".md") {
					pages = append(pages, input.Parse(f.Name, f.Data))
				}
			}
			m := Compile(pages)
			checkNothingDropped(t, pages, m)
			gotModel, err := json.MarshalIndent(m.Types, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			ops, _ := json.MarshalIndent(m.Operations, "", "  ")
			gotModel = append(append(append(gotModel, '\n'), ops...), '\n')
			// What each table of each page was read as.
			var tables []*model.PageTable
			for _, p := range m.Pages {
				tables = append(tables, p.Tables...)
			}
			tj, _ := json.MarshalIndent(tables, "", "  ")
			gotModel = append(append(gotModel, tj...), '\n')
			var diags bytes.Buffer
			for _, d := range m.Diagnostics {
				diags.WriteString(d.String())
				diags.WriteByte('\n')
			}
			want := map[string][]byte{"model.json": gotModel, "diagnostics": diags.Bytes()}
			if *update {
				var out []txtar.File
				for _, f := range ar.Files {
					if _, ok := want[f.Name]; !ok {
						out = append(out, f)
					}
				}
				out = append(out, txtar.File{Name: "model.json", Data: want["model.json"]}, txtar.File{Name: "diagnostics", Data: want["diagnostics"]})
				ar.Files = out
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			for _, f := range ar.Files {
				if w, ok := want[f.Name]; ok {
					if !bytes.Equal(bytes.TrimSpace(f.Data), bytes.TrimSpace(w)) {
						t.Errorf("%s differs from golden (run with -update and review the diff):\n%s", f.Name, w)
					}
					delete(want, f.Name)
				}
			}
			for name := range want {
				t.Errorf("golden file %s missing (run with -update)", name)
			}
		})
	}
}

// TestUnreadablePage: a page input.Load could not read is reported where
// it is (file-unreadable) and left out; the other pages are read.
func TestUnreadablePage(t *testing.T) {
	pages := []*input.Page{
		{Path: "resources/gone.md", Blocks: []*input.Block{}, ReadError: "symbolic link leads nowhere"},
		input.Parse("resources/kept.md", []byte("# kept resource type\n\n## Properties\n| Property | Type | Description |\n|:--|:--|:--|\n| id | String | Key. |\n")),
	}
	m := Compile(pages)
	if len(m.Diagnostics) != 1 || m.Diagnostics[0].String() != "resources/gone.md:1:1: error: cannot be read, so it is left out: symbolic link leads nowhere [file-unreadable]" {
		t.Errorf("diagnostics: %v", m.Diagnostics)
	}
	if len(m.Types) != 1 || m.Types[0].Name != "kept" || len(m.Pages) != 2 || m.Pages[0].Kind != "conceptual" {
		t.Errorf("model: %d types, pages %+v", len(m.Types), m.Pages)
	}
}
