package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/apidocgen/apidocgen/generator/compile"
	"github.com/apidocgen/apidocgen/input"
	"github.com/rogpeppe/go-internal/txtar"
)

// lintArchive parses the .md files of a txtar archive as a docs tree and
// lints it with genschema's checks left out.
func lintArchive(t *testing.T, ar *txtar.Archive, opts Options) ([]*input.Page, []string) {
	t.Helper()
	var pages []*input.Page
	var files []string
	for _, f := range ar.Files {
		if f.Name == "want" || strings.HasPrefix(f.Name, "want-") {
			continue
		}
		files = append(files, f.Name)
		if strings.HasSuffix(f.Name, ".md") {
			pages = append(pages, input.Parse(f.Name, f.Data))
		}
	}
	sort.Strings(files)
	return pages, files
}

var wantLine = regexp.MustCompile(`^(\S+):(\d+) (\S+) (.*)$`)

// TestRules runs every testdata/rules/<rule-id>.txtar: its Markdown files
// form a docs tree, and its "want" section lists each expected finding of
// that rule as `file:line rule-id "message regexp"`. Findings of the rule
// that are not listed fail the test, and so do listed ones that are
// missing. Every fixture must also hold a page named ok*.md (or under an
// ok/ folder) on which the rule stays silent.
func TestRules(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "rules", "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, path := range paths {
		id := strings.TrimSuffix(filepath.Base(path), ".txtar")
		seen[id] = true
		t.Run(id, func(t *testing.T) {
			ar, err := txtar.ParseFile(path)
			if err != nil {
				t.Fatal(err)
			}
			pages, files := lintArchive(t, ar, Options{})
			m := compile.Compile(pages)
			ds := Run(pages, m, Options{Files: files, Extra: noExtra})
			var got []string
			hasOK := false
			for _, p := range pages {
				if strings.HasPrefix(filepath.Base(p.Path), "ok") || strings.Contains(p.Path, "ok/") {
					hasOK = true
				}
			}
			if !hasOK {
				t.Errorf("fixture has no ok*.md page showing the rule staying silent")
			}
			for _, d := range ds {
				if d.Rule == id {
					got = append(got, fmt.Sprintf("%s:%d %s %s", d.Pos.File, d.Pos.Line, d.Rule, d.Message))
				}
			}
			var want []*regexp.Regexp
			var wantKeys []string
			for _, f := range ar.Files {
				if f.Name != "want" {
					continue
				}
				for _, line := range strings.Split(string(f.Data), "\n") {
					line = strings.TrimSpace(line)
					if line == "" || strings.HasPrefix(line, "#") {
						continue
					}
					m := wantLine.FindStringSubmatch(line)
					if m == nil {
						t.Fatalf("bad want line %q", line)
					}
					msg, err := strconv.Unquote(m[4])
					if err != nil {
						t.Fatalf("want line %q: message must be a quoted regexp: %v", line, err)
					}
					want = append(want, regexp.MustCompile("^"+regexp.QuoteMeta(m[1]+":"+m[2]+" "+m[3]+" ")+".*"+msg))
					wantKeys = append(wantKeys, line)
				}
			}
			if len(want) == 0 {
				t.Errorf("fixture has no want lines: it must trigger the rule")
			}
			used := make([]bool, len(got))
			for i, re := range want {
				found := false
				for j, g := range got {
					if !used[j] && re.MatchString(g) {
						used[j], found = true, true
						break
					}
				}
				if !found {
					t.Errorf("missing finding: %s", wantKeys[i])
				}
			}
			for j, g := range got {
				if !used[j] {
					t.Errorf("unexpected finding: %s", g)
				}
				if strings.Contains(g, "ok") && okFile(g) {
					t.Errorf("finding on an ok page: %s", g)
				}
			}
		})
	}
	for _, r := range Rules {
		if !seen[r.ID] {
			t.Errorf("rule %s has no fixture testdata/rules/%s.txtar", r.ID, r.ID)
		}
	}
	_ = os.Getenv
}

func okFile(finding string) bool {
	file, _, _ := strings.Cut(finding, ":")
	return strings.HasPrefix(filepath.Base(file), "ok") || strings.Contains(file, "ok/")
}

// TestTruncatedPagesDoNotPanic lints every fixture page cut short at many
// points (unclosed fences, comments, tables, JSON): bad input is normal.
func TestTruncatedPagesDoNotPanic(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "rules", "*.txtar"))
	if testing.Short() {
		paths = paths[:3]
	}
	for _, path := range paths {
		ar, err := txtar.ParseFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range ar.Files {
			if !strings.HasSuffix(f.Name, ".md") {
				continue
			}
			for cut := 1; cut < len(f.Data); cut += 53 {
				var pages []*input.Page
				for _, g := range ar.Files {
					if !strings.HasSuffix(g.Name, ".md") {
						continue
					}
					data := g.Data
					if g.Name == f.Name {
						data = data[:cut]
					}
					pages = append(pages, input.Parse(g.Name, data))
				}
				func() {
					defer func() {
						if r := recover(); r != nil {
							t.Fatalf("%s: %s cut at %d: panic: %v", path, f.Name, cut, r)
						}
					}()
					Run(pages, compile.Compile(pages), Options{})
				}()
			}
		}
	}
}
