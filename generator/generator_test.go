package generator

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"math/rand"
	"os"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/apidocgen/apidocgen/input/inputtest"
	"github.com/apidocgen/apidocgen/output"
)

// A small docs tree in the Graph Markdown format: an entity hierarchy, an
// enum, a collection, and a second namespace.
var smallDocs = map[string]string{
	"resources/entity.md": `# entity resource type

Namespace: microsoft.graph

The root of addressable objects.

## Properties
| Property | Type | Description |
|:--|:--|:--|
| id | String | Unique key. Key. Read-only. |
`,
	"resources/shelf.md": `# shelf resource type

Namespace: microsoft.graph

A shelf that holds books. Inherits from [entity](entity.md).

## Properties
| Property | Type | Description |
|:--|:--|:--|
| label | String | Shown on the shelf. Nullable. |
| wood | [woodKind](woodkind.md) | What it is made of. |
| books | [book](book.md) collection | The books on it. |
`,
	"resources/book.md": `# book resource type

Namespace: microsoft.graph

A book.

## Properties
| Property | Type | Description |
|:--|:--|:--|
| title | String | The title. Not nullable. |
| pages | Int32 | Number of pages. |
`,
	"resources/woodkind.md": `# woodKind enum type

Namespace: microsoft.graph

## Members
|Member|Description|
|:---|:---|
|oak|Hard.|
|pine|Soft.|
`,
	"resources/loan.md": `# loan resource type

Namespace: microsoft.graph.lending

A book lent to someone.

## Properties
| Property | Type | Description |
|:--|:--|:--|
| borrower | String | Who has it. |
| item | [book](book.md) | The book. |
`,
}

func mapFS(files map[string]string, prefix string) fstest.MapFS {
	m := fstest.MapFS{}
	for p, s := range files {
		m[prefix+p] = &fstest.MapFile{Data: []byte(s)}
	}
	return m
}

func paths(fs output.Files) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Path)
	}
	return out
}

func TestRunSmall(t *testing.T) {
	res, err := Run(context.Background(), mapFS(smallDocs, "docs/"), Config{Docs: []string{"docs"}, GoDir: "gen", Package: "library", Schema: "gen/schema.json"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := res.Stats.Pages, 5; got != want {
		t.Errorf("pages = %d, want %d", got, want)
	}
	if got, want := res.Stats.Types, 5; got != want {
		t.Errorf("types = %d, want %d", got, want)
	}
	if len(res.Outputs) != 2 {
		t.Fatalf("outputs = %+v, want go and schema", res.Outputs)
	}
	g, s := res.Outputs[0], res.Outputs[1]
	if g.Kind != "go" || g.Dir != "gen" || g.Package != "library" || !g.Exclusive {
		t.Errorf("go output = %+v", g)
	}
	if s.Kind != "schema" || s.Dir != "gen" || s.Exclusive || !reflect.DeepEqual(paths(s.Files), []string{"schema.json"}) {
		t.Errorf("schema output = %+v", s)
	}
	var sawShelf bool
	for _, f := range g.Files {
		if !output.Generated(f.Data) {
			t.Errorf("%s has no generated-code header", f.Path)
		}
		if !bytes.Contains(f.Data, []byte("package library\n")) {
			t.Errorf("%s is not in package library", f.Path)
		}
		sawShelf = sawShelf || bytes.Contains(f.Data, []byte("type Shelf struct"))
	}
	if !sawShelf {
		t.Error("no Shelf type generated")
	}
	if !output.Generated(s.Files[0].Data) || !bytes.Contains(s.Files[0].Data, []byte(`"microsoft.graph.shelf"`)) {
		t.Errorf("schema does not define shelf:\n%.400s", s.Files[0].Data)
	}
	if res.Stats.Files != len(g.Files)+1 {
		t.Errorf("stats files = %d", res.Stats.Files)
	}
}

func TestRunRootsAndOverrides(t *testing.T) {
	cfg := Config{
		GoDir: ".", Package: "library", Roots: []string{"book"},
		Types:      map[string]TypeOverride{"microsoft.graph.book": {Name: "Volume"}},
		Properties: map[string]PropertyOverride{"microsoft.graph.book.pages": {Name: "PageCount", GoType: "int64"}},
	}
	res, err := Run(context.Background(), mapFS(smallDocs, ""), cfg)
	if err != nil {
		t.Fatal(err)
	}
	all := string(joinFiles(res.Outputs[0].Files))
	for _, want := range []string{"type Volume struct", "PageCount int64"} {
		if !strings.Contains(all, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	for _, not := range []string{"type Shelf struct", "type Book struct"} {
		if strings.Contains(all, not) {
			t.Errorf("output has %q, which roots or overrides should exclude", not)
		}
	}
}

func TestRunNamespacePackages(t *testing.T) {
	cfg := Config{GoDir: "gen", Package: "library", Namespaces: map[string]string{"microsoft.graph.lending": "lending"}}
	res, err := Run(context.Background(), mapFS(smallDocs, ""), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Outputs) != 2 {
		t.Fatalf("want two go packages, got %d outputs", len(res.Outputs))
	}
	byDir := map[string]Output{}
	for _, o := range res.Outputs {
		byDir[o.Dir] = o
	}
	lending, main := byDir["gen/lending"], byDir["gen"]
	if lending.Package != "lending" || main.Package != "library" {
		t.Fatalf("outputs: %+v", res.Outputs)
	}
	l, m := string(joinFiles(lending.Files)), string(joinFiles(main.Files))
	if !strings.Contains(l, "Loan struct {") || !strings.Contains(l, "package lending\n") {
		t.Error("lending package lacks Loan")
	}
	if !strings.Contains(l, "type Book struct") {
		t.Error("lending package lacks Book, which Loan uses (packages are self-contained)")
	}
	if strings.Contains(m, "Loan struct {") {
		t.Error("main package has Loan, which is mapped to lending")
	}
	if len(res.Diagnostics) != 0 {
		t.Errorf("diagnostics: %v", res.Diagnostics)
	}

	cfg.Namespaces["microsoft.graph.nosuch"] = "nosuch"
	res, err = Run(context.Background(), mapFS(smallDocs, ""), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Diagnostics) != 1 || res.Diagnostics[0].Rule != RuleUnknownNamespace.ID || res.Diagnostics[0].Pos.IsValid() {
		t.Errorf("unknown namespace: diagnostics %v", res.Diagnostics)
	}
}

func TestRunUnionOfDocsRoots(t *testing.T) {
	fsys := mapFS(map[string]string{}, "")
	for p, s := range smallDocs {
		dir := "a/"
		if strings.Contains(p, "loan") || strings.Contains(p, "book") {
			dir = "b/"
		}
		fsys[dir+p] = &fstest.MapFile{Data: []byte(s)}
	}
	res, err := Run(context.Background(), fsys, Config{Docs: []string{"a", "b"}, Schema: "s.json"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Stats.Pages != 5 || res.Stats.Types != 5 {
		t.Errorf("stats = %+v", res.Stats)
	}
	if got := Source(fsys, []string{"a", "b"}, "resources/loan.md"); got != "b/resources/loan.md" {
		t.Errorf("Source = %q", got)
	}
	if _, err := Run(context.Background(), fsys, Config{Docs: []string{"nope"}}); err == nil {
		t.Error("missing docs root: no error")
	}
}

func TestRunCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Run(ctx, mapFS(smallDocs, ""), Config{GoDir: "."}); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func joinFiles(fs output.Files) []byte {
	var b bytes.Buffer
	for _, f := range fs {
		b.Write(f.Data)
	}
	return b.Bytes()
}

// shuffledFS lists folders in a random (seeded) order.
type shuffledFS struct {
	fs.FS
	r *rand.Rand
}

func (s shuffledFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(s.FS, name)
	s.r.Shuffle(len(entries), func(i, j int) { entries[i], entries[j] = entries[j], entries[i] })
	return entries, err
}

func TestShuffledFSShuffles(t *testing.T) {
	fsys := shuffledFS{mapFS(smallDocs, ""), rand.New(rand.NewSource(3))}
	first, _ := fs.ReadDir(fsys, "resources")
	for i := 0; i < 10; i++ {
		again, _ := fs.ReadDir(fsys, "resources")
		if again[0].Name() != first[0].Name() {
			return
		}
	}
	t.Fatal("shuffledFS does not change the order")
}

// TestCorpusDeterministic generates from graph-v1.0 three times, with
// different GOMAXPROCS and folder orders, and wants the same bytes.
func TestCorpusDeterministic(t *testing.T) {
	dir := inputtest.CorpusDir(t, "graph-v1.0")
	if testing.Short() {
		t.Skip("corpus generation three times; skipped with -short")
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	cfg := Config{GoDir: "graph", Package: "graph", Schema: "schema/graph.json"}
	var first []Output
	for i, procs := range []int{1, 2, 4} {
		runtime.GOMAXPROCS(procs)
		fsys := shuffledFS{os.DirFS(dir), rand.New(rand.NewSource(int64(i + 1)))}
		res, err := Run(context.Background(), fsys, cfg)
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = res.Outputs
			n := 0
			for _, o := range res.Outputs {
				for _, f := range o.Files {
					n += len(f.Data)
				}
			}
			t.Logf("graph-v1.0: %d pages, %d types, %d diagnostics, %d files, %d bytes", res.Stats.Pages, res.Stats.Types, len(res.Diagnostics), res.Stats.Files, n)
			if res.Stats.Types < 1000 {
				t.Errorf("only %d types from the corpus", res.Stats.Types)
			}
			continue
		}
		if len(res.Outputs) != len(first) {
			t.Fatalf("run %d: %d outputs, want %d", i, len(res.Outputs), len(first))
		}
		for k, o := range res.Outputs {
			a, b := first[k].Files, o.Files
			if !reflect.DeepEqual(paths(a), paths(b)) {
				t.Fatalf("run %d (GOMAXPROCS=%d): files %v, want %v", i, procs, paths(b), paths(a))
			}
			for j := range a {
				if !bytes.Equal(a[j].Data, b[j].Data) {
					t.Errorf("run %d (GOMAXPROCS=%d): %s/%s differs:\n%s", i, procs, o.Dir, a[j].Path,
						firstLines(output.Unified("a", "b", a[j].Data, b[j].Data), 30))
				}
			}
		}
	}
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}
