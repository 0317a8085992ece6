package lint

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/apidocgen/apidocgen/generator/compile"
	"github.com/apidocgen/apidocgen/generator/crosscheck"
	"github.com/apidocgen/apidocgen/generator/metadata"
	"github.com/apidocgen/apidocgen/input"
	"github.com/apidocgen/apidocgen/input/csdl"
	"github.com/rogpeppe/go-internal/txtar"
)

// TestFlagged: of the fixture's four base and property disagreements,
// three have a docs-only finding about them; the fourth is silent in the
// docs, and the figure's attribution says so.
func TestFlagged(t *testing.T) {
	ar, err := txtar.ParseFile(filepath.Join("testdata", "flagged.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	var pages []*input.Page
	var meta []byte
	for _, f := range ar.Files {
		switch {
		case f.Name == "metadata.xml":
			meta = f.Data
		case strings.HasSuffix(f.Name, ".md"):
			pages = append(pages, input.Parse(f.Name, f.Data))
		}
	}
	mm := metadata.Compile(csdl.Parse("metadata.xml", meta))
	rep := RunReport(pages, compile.Compile(pages), Options{Metadata: mm, Extra: noExtra})
	f, ok := rep.Agreement.Get(crosscheck.FigFlagged)
	if !ok {
		t.Fatal("no flagged figure in the summary")
	}
	if f.Agree != 3 || f.Total != 4 || f.Attribution == nil || f.Attribution.Silent != 1 || f.Attribution.DocsHold != 0 {
		t.Errorf("%s, attribution %+v; want 3/4, one silent", f, f.Attribution)
		for _, d := range rep.Findings {
			t.Logf("%s", d)
		}
	}
}
