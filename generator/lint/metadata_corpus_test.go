package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apidocgen/apidocgen/generator/metadata"
	"github.com/apidocgen/apidocgen/input/csdl"
	"github.com/apidocgen/apidocgen/input/inputtest"
)

// TestGoldenGraphMetadataCounts lints graph-v1.0 against its metadata of
// the same month and pins the number of findings of each metadata-* and
// csdl-* rule in testdata/graph-v1.0-metadata-counts.txt (the other
// rules are pinned by TestGoldenGraphCounts). -dump writes the findings
// of these rules, for the precision draws of docs/lint-precision.md.
func TestGoldenGraphMetadataCounts(t *testing.T) {
	f, err := os.Open(filepath.Join(inputtest.CorpusDir(t, "metadata"), "graph-v1.0.xml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// Positions relative to the docs folder, as apidocgen lint writes them.
	doc, err := csdl.Read("../metadata/graph-v1.0.xml", f)
	if err != nil {
		t.Fatal(err)
	}
	meta := metadata.Compile(doc)
	var ds []string
	counts := map[string]int{}
	for _, d := range lintCorpus(t, "graph-v1.0", Options{Metadata: meta, Extra: noExtra}) {
		if strings.HasPrefix(d.Rule, "metadata-") || strings.HasPrefix(d.Rule, "csdl-") {
			counts[d.Rule]++
			ds = append(ds, d.String())
		}
	}
	if *dump != "" {
		if err := os.WriteFile(*dump, []byte(strings.Join(ds, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pinCounts(t, "graph-v1.0-metadata-counts.txt", "# findings per metadata-* and csdl-* rule: graph-v1.0 against metadata/graph-v1.0.xml (go test ./generator/lint -run Golden -update)", 40, counts)
}
