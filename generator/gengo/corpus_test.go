package gengo

import (
	"os"
	"testing"
	"time"

	"github.com/apidocgen/apidocgen/generator/compile"
	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/input"
	"github.com/apidocgen/apidocgen/input/inputtest"
)

func compileCorpus(t *testing.T, sub string) *model.Model {
	t.Helper()
	dir := inputtest.CorpusDir(t, sub)
	pages, err := input.Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	return compile.Compile(pages)
}

// TestCorpusBuild emits the Go package of each corpus and checks that it
// builds and vets; it logs the size and the build time.
func TestCorpusBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a generated module")
	}
	for _, sub := range []string{"seed-family", "graph-v1.0"} {
		t.Run(sub, func(t *testing.T) {
			m := compileCorpus(t, sub)
			start := time.Now()
			res, err := Generate(m, Options{Package: "graph"})
			if err != nil {
				t.Fatal(err)
			}
			genTime := time.Since(start)
			size := 0
			for _, f := range res.Files {
				size += len(f.Data)
			}
			dir := t.TempDir()
			writeModule(t, dir, "example.com/corpus", res.Files)
			start = time.Now()
			goCmd(t, dir, "build", "./...")
			buildTime := time.Since(start)
			goCmd(t, dir, "vet", "./...")
			structs, enums := 0, 0
			for _, typ := range m.Types {
				if typ.Kind == model.KindEnum {
					enums++
				} else {
					structs++
				}
			}
			t.Logf("%s: %d structs, %d enums, %d files, %d bytes, generate %v, go build %v, %d diagnostics",
				sub, structs, enums, len(res.Files), size, genTime.Round(time.Millisecond), buildTime.Round(time.Millisecond), len(res.Diagnostics))
			counts := map[string]int{}
			for _, d := range res.Diagnostics {
				counts[d.Rule]++
			}
			t.Logf("diagnostics by rule: %v", counts)
		})
	}
}
