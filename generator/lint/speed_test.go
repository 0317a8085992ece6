package lint

import (
	"path"
	"strconv"
	"testing"

	"github.com/apidocgen/apidocgen/input"
)

// TestJoinRel checks joinRel against path.Join wherever it answers.
func TestJoinRel(t *testing.T) {
	pages := []string{"a.md", "api/a.md", "api/beta/a.md", "x/y/z/a.md", "../a.md", "../../a/b.md", "/abs/a.md", "./a.md", "a/./b.md"}
	files := []string{
		"user.md", "../resources/user.md", "../../x.md", "./user.md", "./../x/y.md", ".././x.md", "../", "..", ".", "./",
		"a//b.md", "a/./b.md", "a/../b.md", "a/b/", "a/.", "a/..", "../../../../x.md", "resources/user.md", "...", "..x/y", "x../y",
		"../..", "../../", "././a", "a", ".a/b", "a/.b", "../.", "../a/../b",
	}
	answered := 0
	for _, p := range pages {
		dir := path.Dir(p)
		for _, f := range files {
			got, ok := joinRel(dir, f)
			if !ok {
				continue
			}
			answered++
			if want := path.Join(dir, f); got != want {
				t.Errorf("joinRel(%q, %q) = %q, path.Join gives %q", dir, f, got, want)
			}
		}
	}
	if answered < 40 {
		t.Errorf("joinRel answered only %d cases", answered)
	}
}

// TestInheritedFromPrefix checks that matching inheritedRe from the byte
// before the first "inherited from" (checkInheritedRows) finds what
// matching the whole text finds.
func TestInheritedFromPrefix(t *testing.T) {
	texts := []string{
		"Inherited from [entity](entity.md).", "inherited from the directoryObject", "xinherited from a, Inherited from b", "Inherited from: x; inherited from y",
		"İnherited from x", "INHERITED FROM \u212Aelvin", "text. Inherited from\tbase.type.", "noinherited from x inherited from y", "inherited from", "Inherited From [user]",
		"inherited\u00a0from x", "a | Inherited from b", "the thing inherited from  [ outlookItem ](x.md)",
	}
	for _, s := range texts {
		want := inheritedRe.FindStringSubmatch(s)
		var got []string
		if k := indexFoldASCII(s, "inherited from"); k >= 0 {
			got = inheritedRe.FindStringSubmatch(s[max(k-1, 0):])
		}
		if len(got) != len(want) || len(got) > 0 && got[1] != want[1] {
			t.Errorf("%q: got %q, want %q", s, got, want)
		}
	}
}

// TestProseNumbers checks mentions (digit runs) against containsWord over
// the joined block texts it replaces.
func TestProseNumbers(t *testing.T) {
	p := input.Parse("api/x.md", []byte("# X\n\nReturns `202 Accepted`, not 2020 or x200.\n\n- item 30\n- 4xx\n\n| Code | Meaning |\n|:--|:--|\n| 404 | not found |\n| 5 | 0200 |\n\n> quote 7\n\n```\n999\n```\n"))
	l := newLinter([]*input.Page{p}, nil, nil)
	for _, n := range []int{202, 200, 2020, 30, 4, 404, 5, 200, 7, 999, 0, 20, -5} {
		if got, want := l.mentions(p.Path, n), l.mentionsText(p.Path, strconv.Itoa(n)); got != want {
			t.Errorf("mentions(%d) = %v, containsWord gives %v", n, got, want)
		}
	}
}
