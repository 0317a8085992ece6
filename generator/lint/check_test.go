package lint

import (
	"bytes"
	"os"
	"testing"

	"github.com/apidocgen/apidocgen/generator/compile"
	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/input"
	"github.com/apidocgen/apidocgen/input/inputtest"
)

// TestCheckMatchesRun wants Check, which runs the page checks while the
// compiler works, to report the same bytes as Run on a compiled model
// (under -race it also checks that the groups share nothing they write).
func TestCheckMatchesRun(t *testing.T) {
	for _, corpus := range []string{"seed-family", "graph-v1.0"} {
		t.Run(corpus, func(t *testing.T) {
			pages, err := input.Load(os.DirFS(inputtest.CorpusDir(t, corpus)))
			if err != nil {
				t.Fatal(err)
			}
			js := func(ds []model.Diagnostic) []byte {
				var b bytes.Buffer
				if err := Write(&b, "json", ds, ReportOptions{}); err != nil {
					t.Fatal(err)
				}
				return b.Bytes()
			}
			for _, opts := range []Options{{}, {Extra: noExtra}} {
				a, b := js(Check(pages, opts)), js(Run(pages, compile.Compile(pages), opts))
				if !bytes.Equal(a, b) {
					t.Errorf("Check and Run differ (%d and %d bytes of JSON)", len(a), len(b))
				}
			}
		})
	}
}
