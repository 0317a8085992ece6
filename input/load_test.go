package input

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/apidocgen/apidocgen/input/inputtest"
)

// TestLoadReusesNoBytes wants every page Load returns (its workers read
// files into reused buffers) to equal Parse of a fresh copy of the file,
// which fails if a page kept a reference to a buffer later overwritten.
func TestLoadReusesNoBytes(t *testing.T) {
	fsys := os.DirFS(inputtest.CorpusDir(t, "seed-family"))
	pages, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 10 {
		t.Fatalf("only %d pages", len(pages))
	}
	for _, p := range pages {
		src, err := fs.ReadFile(fsys, p.Path)
		if err != nil {
			t.Fatal(err)
		}
		if want := Parse(p.Path, src); !reflect.DeepEqual(p, want) {
			t.Errorf("%s: Load and Parse disagree", p.Path)
		}
	}
}

// TestLoadFollowsLinksAndReportsBadEntries: a symbolic link to a folder is
// read as that folder, one to a page as that page; a link that leads
// nowhere, a link loop, a folder that leads back to its parent and a file
// that cannot be read each give a page with a ReadError, and the rest of
// the tree is read.
func TestLoadFollowsLinksAndReportsBadEntries(t *testing.T) {
	root := t.TempDir()
	docs := filepath.Join(root, "docs")
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target, name string) {
		t.Helper()
		if err := os.Symlink(target, filepath.Join(root, filepath.FromSlash(name))); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	write("docs/resources/widget.md", "# widget\n")
	write("shared/api/widget-get.md", "# Get widget\n")
	write("shared/gadget.md", "# gadget\n")
	link("../shared/api", "docs/api")                          // a folder elsewhere
	link("../../shared/gadget.md", "docs/resources/gadget.md") // a page elsewhere
	link("nosuch.md", "docs/resources/gone.md")                // leads nowhere
	link("self.md", "docs/resources/self.md")                  // loops on itself
	link("..", "docs/resources/up")                            // a folder holding the link
	link("missing.png", "docs/resources/logo.png")             // not a page: not reported
	unreadable := filepath.Join(docs, "resources", "locked.md")
	write("docs/resources/locked.md", "# locked\n")
	if err := os.Chmod(unreadable, 0); err != nil {
		t.Fatal(err)
	}
	_, rootCanRead := os.ReadFile(unreadable)

	pages, err := Load(os.DirFS(docs))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, p := range pages {
		got[p.Path] = p.ReadError
		if p.ReadError == "" && len(p.Blocks) == 0 {
			t.Errorf("%s: read as an empty page", p.Path)
		}
	}
	want := map[string]string{
		"api/widget-get.md":   "",
		"resources/gadget.md": "",
		"resources/widget.md": "",
		"resources/gone.md":   "symbolic link leads nowhere",
		"resources/self.md":   "symbolic link leads nowhere",
		"resources/up":        `symbolic link loop: the folder is the docs root, which holds it`,
		"resources/locked.md": "permission denied",
	}
	if rootCanRead == nil {
		want["resources/locked.md"] = "" // running as root: every file is readable
	}
	for p, w := range want {
		g, ok := got[p]
		switch {
		case !ok:
			t.Errorf("%s: not loaded", p)
		case w == "" && g != "":
			t.Errorf("%s: ReadError %q, want none", p, g)
		case w != "" && !strings.Contains(g, w):
			t.Errorf("%s: ReadError %q, want it to say %q", p, g, w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("loaded %v, want %d pages", got, len(want))
	}
}

// failingFS fails to open one file.
type failingFS struct {
	fs.FS
	bad string
}

func (f failingFS) Open(name string) (fs.File, error) {
	if name == f.bad {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return f.FS.Open(name)
}

// TestLoadUnreadableFile: a file that cannot be opened is a page with a
// ReadError (whoever runs the test), not the end of the run.
func TestLoadUnreadableFile(t *testing.T) {
	fsys := failingFS{FS: fstest.MapFS{
		"a.md": {Data: []byte("# a\n")},
		"b.md": {Data: []byte("# b\n")},
	}, bad: "a.md"}
	pages, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 2 || !strings.Contains(pages[0].ReadError, "permission denied") || pages[1].ReadError != "" || len(pages[1].Blocks) != 1 {
		t.Errorf("pages: %+v %+v", pages[0], pages[1])
	}
}
