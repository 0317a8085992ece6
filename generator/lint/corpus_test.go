package lint

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/apidocgen/apidocgen/generator/compile"
	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/input"
	"github.com/apidocgen/apidocgen/input/inputtest"
)

var (
	update = flag.Bool("update", false, "rewrite golden files")
	dump   = flag.String("dump", "", "write the graph-v1.0 findings (text format) to this file")
)

// noExtra skips genschema's example checks where a test is about the
// linter's own rules only.
var noExtra = []func(*model.Model) []model.Diagnostic{}

func lintCorpus(t testing.TB, name string, opts Options) []model.Diagnostic {
	dir := inputtest.CorpusDir(t, name)
	fsys := os.DirFS(dir)
	pages, err := input.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	m := compile.Compile(pages)
	if opts.Files == nil {
		err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				opts.Files = append(opts.Files, p)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return Run(pages, m, opts)
}

func TestGoldenGraphCounts(t *testing.T) {
	ds := lintCorpus(t, "graph-v1.0", Options{})
	if *dump != "" {
		var b bytes.Buffer
		if err := Write(&b, "text", ds, ReportOptions{}); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(*dump, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	counts := map[string]int{}
	for _, d := range ds {
		counts[d.Rule]++
	}
	pinCounts(t, "graph-v1.0-counts.txt", "# findings per rule on graph-v1.0 (compile, genschema and lint rules; go test ./generator/lint -run Golden -update)", 34, counts)
}

// pinCounts compares the findings per rule with testdata/file (header,
// then one "rule count" line a rule, sorted, then the total, the rule
// column width wide), or rewrites the file with -update.
func pinCounts(t *testing.T, file, header string, width int, counts map[string]int) {
	t.Helper()
	var ids []string
	for id := range counts {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var b strings.Builder
	b.WriteString(header + "\n")
	total := 0
	for _, id := range ids {
		fmt.Fprintf(&b, "%-*s %d\n", width, id, counts[id])
		total += counts[id]
	}
	fmt.Fprintf(&b, "%-*s %d\n", width, "total", total)
	golden := filepath.Join("testdata", file)
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./generator/lint -run Golden -update)", err)
	}
	if got := b.String(); got != string(want) {
		t.Errorf("findings per rule changed (rerun with -update and review the diff):\n--- want\n%s\n--- got\n%s", want, got)
	}
}

// TestDeterministic lints the seed family twice, the second time with the
// pages in reverse order, and wants identical bytes.
func TestDeterministic(t *testing.T) {
	dir := inputtest.CorpusDir(t, "seed-family")
	pages, err := input.Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	out := func(ps []*input.Page) []byte {
		var b bytes.Buffer
		ds := Run(ps, compile.Compile(ps), Options{})
		if err := Write(&b, "json", ds, ReportOptions{}); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	first := out(pages)
	rev := make([]*input.Page, len(pages))
	for i, p := range pages {
		rev[len(pages)-1-i] = p
	}
	if second := out(rev); !bytes.Equal(first, second) {
		t.Error("findings depend on page order")
	}
}
