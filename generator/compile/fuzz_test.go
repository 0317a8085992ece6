package compile

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/apidocgen/apidocgen/input"
	"github.com/rogpeppe/go-internal/txtar"
)

// FuzzCompile feeds one arbitrary page, next to the fixed pages of a golden
// case, through the reader and the compiler: nothing may panic, and every
// diagnostic must have a position inside a page.
func FuzzCompile(f *testing.F) {
	files, _ := filepath.Glob("testdata/golden/*.txtar")
	var base []*input.Page
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, tf := range ar.Files {
			if strings.HasSuffix(tf.Name, ".md") {
				f.Add(tf.Name, tf.Data)
				if len(base) < 8 {
					base = append(base, input.Parse(tf.Name, tf.Data))
				}
			}
		}
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		if !strings.HasSuffix(name, ".md") || strings.Contains(name, "..") {
			name = "resources/fuzz.md"
		}
		p := input.Parse(name, data)
		m := Compile(append([]*input.Page{p}, base...))
		for _, d := range m.Diagnostics {
			if d.Pos.Line < 1 || d.Pos.Col < 1 || d.Rule == "" {
				t.Fatalf("diagnostic without a position or rule: %+v", d)
			}
		}
	})
}
