package lint

import (
	"path"
	"testing"
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
