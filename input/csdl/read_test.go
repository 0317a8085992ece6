package csdl

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/apidocgen/apidocgen/input/inputtest"
	"github.com/rogpeppe/go-internal/txtar"
)

var update = flag.Bool("update", false, "rewrite golden files")

// fixtures returns the metadata.xml of every testdata/read archive, by
// archive path.
func fixtures(tb testing.TB) map[string][]byte {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "read", "*.txtar"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no fixtures: %v", err)
	}
	out := map[string][]byte{}
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			tb.Fatal(err)
		}
		for _, f := range ar.Files {
			if f.Name == "metadata.xml" {
				out[file] = f.Data
			}
		}
		if out[file] == nil {
			tb.Fatalf("%s: no metadata.xml", file)
		}
	}
	return out
}

// TestGolden reads the metadata.xml of each testdata/read/*.txtar archive and
// compares the JSON dump of the Document with its document.json. Run with
// -update to rewrite the dumps.
func TestGolden(t *testing.T) {
	for file, src := range fixtures(t) {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) {
			got, err := json.MarshalIndent(Parse("metadata.xml", src), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			inputtest.Golden(t, file, "document.json", append(got, '\n'), *update)
		})
	}
}

// TestProblemKinds pins which kind of problem each bad fixture gives, so
// that the golden files cannot drift into accepting bad input silently.
func TestProblemKinds(t *testing.T) {
	want := map[string][]ProblemKind{
		"constructs": nil,
		"truncated":  {ProblemXML},
		"not-xml":    {ProblemXML},
		"wrong-root": {ProblemRoot},
		"oddities": {ProblemElement, ProblemAttribute, ProblemAttribute, ProblemAttribute, ProblemElement,
			ProblemElement, ProblemAttribute, ProblemElement, ProblemElement},
	}
	for file, src := range fixtures(t) {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		var got []ProblemKind
		for _, p := range Parse("m.xml", src).Problems {
			got = append(got, p.Kind)
		}
		w, ok := want[name]
		if !ok {
			t.Errorf("%s: add the fixture to TestProblemKinds", name)
			continue
		}
		if !reflect.DeepEqual(got, w) {
			t.Errorf("%s: problem kinds %v, want %v", name, got, w)
		}
	}
}

// TestTruncatedKeepsPrefix checks that a cut file keeps what was read
// before the cut and reports the cut at the end of the file.
func TestTruncatedKeepsPrefix(t *testing.T) {
	src := fixtures(t)[filepath.Join("testdata", "read", "truncated.txtar")]
	doc := Parse("m.xml", src)
	if len(doc.Schemas) != 1 || len(doc.Schemas[0].ComplexTypes) != 1 || len(doc.Schemas[0].EntityTypes) != 1 {
		t.Fatalf("truncated file: want the schema with its complex and entity type, got %+v", doc.Schemas)
	}
	if p := doc.Problems[0]; p.Pos.Line < 8 {
		t.Errorf("the cut is reported at %s, before the last lines", p.Pos)
	}
}

// TestReadIOError tells an I/O failure apart from bad XML.
func TestReadIOError(t *testing.T) {
	boom := errors.New("disk on fire")
	src := fixtures(t)[filepath.Join("testdata", "read", "constructs.txtar")]
	r := iotest.TimeoutReader(bytes.NewReader(src)) // the second Read fails
	_, err := Read("m.xml", &failAfter{r: r, err: boom, n: 64})
	if !errors.Is(err, boom) {
		t.Fatalf("Read: err %v, want %v", err, boom)
	}
}

type failAfter struct {
	r   interface{ Read([]byte) (int, error) }
	err error
	n   int
}

func (f *failAfter) Read(p []byte) (int, error) {
	if f.n <= 0 {
		return 0, f.err
	}
	if len(p) > f.n {
		p = p[:f.n]
	}
	n, _ := f.r.Read(p)
	f.n -= n
	return n, nil
}

// FuzzRead checks that Read never panics, that every position lies inside
// the file, and that it is deterministic.
func FuzzRead(f *testing.F) {
	for _, src := range fixtures(f) {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		doc := Parse("m.xml", src)
		checkPositions(t, doc, src)
		if again := Parse("m.xml", src); !reflect.DeepEqual(doc, again) {
			t.Fatal("two reads of the same bytes differ")
		}
	})
}

// checkPositions checks every Pos field of doc (found by reflection) lies
// inside src: the line exists and the column is at most one past its end.
func checkPositions(t *testing.T, doc *Document, src []byte) {
	t.Helper()
	lines := bytes.Split(src, []byte("\n"))
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Struct:
			if p, ok := v.Interface().(Pos); ok {
				if p.Line == 0 && p.Col == 0 {
					return
				}
				if p.File != "m.xml" || p.Line < 1 || p.Line > len(lines) || p.Col < 1 || p.Col > len(lines[p.Line-1])+1 {
					t.Fatalf("position %s outside the %d-line file", p, len(lines))
				}
				return
			}
			for i := range v.NumField() {
				walk(v.Field(i))
			}
		}
	}
	walk(reflect.ValueOf(doc))
}
