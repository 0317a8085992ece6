package gengo

import (
	"bytes"
	"flag"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/apidocgen/apidocgen/output"
)

var update = flag.Bool("update", false, "rewrite golden files")

// isValidator reports whether path is a validator file (another emitter,
// with its own tests).
func isValidator(path string) bool {
	return strings.HasPrefix(path, "validate_") || path == "apidocgen_validate.go"
}

// isRuntime reports whether path is one of the template-rendered runtime
// files, the same for every model.
func isRuntime(path string) bool {
	switch path {
	case "apidocgen_codec.go", "apidocgen_enums.go", "apidocgen_json.go", "apidocgen_nullable.go", "apidocgen_operations.go", "apidocgen_pages.go", "apidocgen_scalars.go":
		return true
	}
	return false
}

func TestGolden(t *testing.T) {
	for _, c := range goldenCases() {
		t.Run(c.name, func(t *testing.T) {
			res, err := Generate(c.model(), c.opts)
			if err != nil {
				t.Fatal(err)
			}
			got := goldenFiles(res, c.name == "primitives")
			checkGolden(t, filepath.Join("testdata", "golden", c.name), got)
		})
	}
}

// checkGolden compares got (file name -> bytes) with the files of dir, or
// rewrites dir with -update.
func checkGolden(t *testing.T, dir string, got map[string][]byte) {
	t.Helper()
	if *update {
		os.RemoveAll(dir)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for name, data := range got {
			if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("%v (run go test -run Golden -update)", err)
	}
	var want []string
	for _, e := range entries {
		want = append(want, e.Name())
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		g, ok := got[e.Name()]
		if !ok {
			t.Errorf("%s: no longer generated", e.Name())
			continue
		}
		if !bytes.Equal(g, data) {
			t.Errorf("%s differs from the golden file (run go test -run Golden -update and review the diff)\n%s", e.Name(), firstDiff(string(data), string(g)))
		}
	}
	for name := range got {
		if !contains(want, name) {
			t.Errorf("%s: generated but not in %s", name, dir)
		}
	}
}

// goldenFiles returns the files of res to keep as golden files: the model
// files and diagnostics (the runtime only with runtime set).
func goldenFiles(res *Result, runtime bool) map[string][]byte {
	got := map[string][]byte{}
	for _, f := range res.Files {
		base := path.Base(f.Path)
		if isRuntime(base) && !runtime || isValidator(base) {
			continue
		}
		// Files of internal packages (a split output) are kept flat.
		got[strings.ReplaceAll(f.Path, "/", "__")+".golden"] = f.Data
	}
	var diag strings.Builder
	for _, d := range res.Diagnostics {
		diag.WriteString(d.String() + "\n")
	}
	got["diagnostics.txt"] = []byte(diag.String())
	return got
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// firstDiff shows the first differing line.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + itoa(i+1) + ":\n  want: " + w + "\n  got:  " + g
		}
	}
	return ""
}

func itoa(i int) string {
	const digits = "0123456789"
	if i < 10 {
		return digits[i : i+1]
	}
	return itoa(i/10) + digits[i%10:i%10+1]
}

// TestDeterministic checks that two runs give the same bytes and that every
// file has the header and is gofmt'd (go/format ran in Generate).
func TestDeterministic(t *testing.T) {
	for _, c := range goldenCases() {
		a, err := Generate(c.model(), c.opts)
		if err != nil {
			t.Fatal(err)
		}
		b, err := Generate(c.model(), c.opts)
		if err != nil {
			t.Fatal(err)
		}
		if len(a.Files) != len(b.Files) {
			t.Fatalf("%s: %d files, then %d", c.name, len(a.Files), len(b.Files))
		}
		for i := range a.Files {
			if a.Files[i].Path != b.Files[i].Path || !bytes.Equal(a.Files[i].Data, b.Files[i].Data) {
				t.Errorf("%s: %s differs between runs", c.name, a.Files[i].Path)
			}
			if !bytes.HasPrefix(a.Files[i].Data, []byte("// "+Header+"\n")) {
				t.Errorf("%s: %s does not start with the header", c.name, a.Files[i].Path)
			}
			if strings.Contains(string(a.Files[i].Data), "/*") {
				t.Errorf("%s: %s has a block comment", c.name, a.Files[i].Path)
			}
		}
		if !sort.SliceIsSorted(a.Files, func(i, j int) bool { return a.Files[i].Path < a.Files[j].Path }) {
			t.Errorf("%s: files not sorted", c.name)
		}
	}
}

// writeModule writes files as a module with no dependencies into dir.
func writeModule(t *testing.T, dir, module string, files output.Files) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module "+module+"\n\ngo 1.24\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
