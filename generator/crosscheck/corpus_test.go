package crosscheck_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/apidocgen/apidocgen/generator/compile"
	"github.com/apidocgen/apidocgen/generator/crosscheck"
	"github.com/apidocgen/apidocgen/generator/metadata"
	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/input"
	"github.com/apidocgen/apidocgen/input/inputtest"
)

// corpusModels builds the models of graph-v1.0 and of its metadata.
func corpusModels(t *testing.T) (docs, meta *model.Model) {
	t.Helper()
	pages, err := input.Load(os.DirFS(inputtest.CorpusDir(t, "graph-v1.0")))
	if err != nil {
		t.Fatal(err)
	}
	meta, err = metadata.Load(os.DirFS(inputtest.CorpusDir(t, "metadata")), "graph-v1.0.xml")
	if err != nil {
		t.Fatal(err)
	}
	return compile.Compile(pages), meta
}

// TestCorpusAgreement logs the agreement of graph-v1.0 with its metadata
// (the docs reader's fidelity figures of the README) and checks the
// self-check on the real metadata: compared with itself, no finding.
func TestCorpusAgreement(t *testing.T) {
	docs, meta := corpusModels(t)
	res := crosscheck.Compare(docs, meta, crosscheck.Options{})
	var buf bytes.Buffer
	if err := res.Summary.WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	t.Logf("graph-v1.0 vs %s (%d findings):\n%s", filepath.Base("graph-v1.0.xml"), len(res.Findings), buf.String())
	for _, f := range res.Summary.Figures {
		if f.Total == 0 {
			t.Errorf("figure %s counts nothing on graph-v1.0", f.ID)
		}
	}
	self := crosscheck.Compare(meta, meta, crosscheck.Options{})
	for i, f := range self.Findings {
		if i < 20 {
			t.Errorf("self-check: %s", f)
		}
	}
	for _, f := range self.Summary.Figures {
		if f.Agree != f.Total {
			t.Errorf("self-check: %s", f)
		}
	}
}
