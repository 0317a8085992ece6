package output

import (
	"fmt"
	"math/rand"
	"strconv"
	"strings"
	"testing"
)

func TestUnifiedExact(t *testing.T) {
	old := "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\n"
	new := "a\nb\nc\nD\ne\nf\ng\nh\ni\nj\nk\nl\nm\n"
	want := `--- a/x
+++ b/x
@@ -1,7 +1,7 @@
 a
 b
 c
-d
+D
 e
 f
 g
@@ -10,3 +10,4 @@
 j
 k
 l
+m
`
	if got := Unified("a/x", "b/x", []byte(old), []byte(new)); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestUnifiedMergesCloseHunks(t *testing.T) {
	// Changes separated by six unchanged lines share one hunk; by seven, not.
	six := "x\n1\n2\n3\n4\n5\n6\ny\n"
	got := Unified("a", "b", []byte(six), []byte(strings.Replace(strings.Replace(six, "x", "X", 1), "y", "Y", 1)))
	if n := strings.Count(got, "@@ -"); n != 1 {
		t.Errorf("six lines apart: %d hunks, want 1:\n%s", n, got)
	}
	seven := "x\n1\n2\n3\n4\n5\n6\n7\ny\n"
	got = Unified("a", "b", []byte(seven), []byte(strings.Replace(strings.Replace(seven, "x", "X", 1), "y", "Y", 1)))
	if n := strings.Count(got, "@@ -"); n != 2 {
		t.Errorf("seven lines apart: %d hunks, want 2:\n%s", n, got)
	}
}

func TestUnifiedAddRemoveNoNewline(t *testing.T) {
	if got, want := Unified("/dev/null", "b/f", nil, []byte("one\ntwo\n")), "--- /dev/null\n+++ b/f\n@@ -0,0 +1,2 @@\n+one\n+two\n"; got != want {
		t.Errorf("added:\n%s\nwant:\n%s", got, want)
	}
	if got, want := Unified("a/f", "/dev/null", []byte("one\n"), nil), "--- a/f\n+++ /dev/null\n@@ -1 +0,0 @@\n-one\n"; got != want {
		t.Errorf("removed:\n%s\nwant:\n%s", got, want)
	}
	got := Unified("a/f", "b/f", []byte("one\ntwo"), []byte("one\ntwo\n"))
	want := "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n one\n-two\n\\ No newline at end of file\n+two\n"
	if got != want {
		t.Errorf("no newline:\n%s\nwant:\n%s", got, want)
	}
	if got := Unified("a", "b", []byte("same\n"), []byte("same\n")); got != "" {
		t.Errorf("equal inputs: %q", got)
	}
}

// applyUnified applies a diff made by Unified to old, checking that the
// context and deleted lines match.
func applyUnified(t *testing.T, old, diff string) string {
	t.Helper()
	a := splitLines(old)
	lines := strings.SplitAfter(diff, "\n")
	var out []string
	pos := 0
	for i := 2; i < len(lines); i++ {
		l := lines[i]
		if l == "" {
			continue
		}
		if !strings.HasPrefix(l, "@@ -") {
			t.Fatalf("expected hunk header, got %q in\n%s", l, diff)
		}
		f := strings.Fields(l)
		r := strings.Split(strings.TrimPrefix(f[1], "-"), ",")
		start, _ := strconv.Atoi(r[0])
		if len(r) == 1 || r[1] != "0" {
			start-- // 1-based, unless the range is empty
		}
		for pos < start {
			out = append(out, a[pos])
			pos++
		}
		for i+1 < len(lines) && lines[i+1] != "" && !strings.HasPrefix(lines[i+1], "@@") {
			i++
			l := lines[i]
			body := l[1:]
			if i+1 < len(lines) && strings.HasPrefix(lines[i+1], `\ No newline`) {
				body = strings.TrimSuffix(body, "\n")
				i++
			}
			switch l[0] {
			case ' ', '-':
				if pos >= len(a) || a[pos] != body {
					t.Fatalf("line %d: diff says %q, old has %q\n%s", pos+1, body, a[min(pos, len(a)-1)], diff)
				}
				if l[0] == ' ' {
					out = append(out, body)
				}
				pos++
			case '+':
				out = append(out, body)
			default:
				t.Fatalf("bad diff line %q", l)
			}
		}
	}
	out = append(out, a[pos:]...)
	return strings.Join(out, "")
}

func lcsLen(a, b []string) int {
	dp := make([][]int, len(a)+1)
	for i := range dp {
		dp[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				dp[i][j] = dp[i+1][j+1] + 1
			} else {
				dp[i][j] = max(dp[i+1][j], dp[i][j+1])
			}
		}
	}
	return dp[0][0]
}

func randomText(r *rand.Rand, n int) string {
	var sb strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&sb, "%c\n", 'a'+r.Intn(4))
	}
	if r.Intn(4) == 0 {
		return strings.TrimSuffix(sb.String(), "\n")
	}
	return sb.String()
}

func TestUnifiedRandomRoundTripAndMinimal(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for iter := 0; iter < 500; iter++ {
		old, new := randomText(r, r.Intn(30)), randomText(r, r.Intn(30))
		d := Unified("a/f", "b/f", []byte(old), []byte(new))
		if old == new {
			if d != "" {
				t.Fatalf("equal texts gave a diff")
			}
			continue
		}
		if got := applyUnified(t, old, d); got != new {
			t.Fatalf("applying the diff to %q gave %q, want %q\n%s", old, got, new, d)
		}
		a, b := splitLines(old), splitLines(new)
		edits := diffLines(a, b)
		changed := 0
		for _, e := range edits {
			if e.op != ' ' {
				changed++
			}
		}
		if want := len(a) + len(b) - 2*lcsLen(a, b); changed != want {
			t.Fatalf("edit script has %d changes, minimum is %d", changed, want)
		}
	}
}

func TestUnifiedLargeDifferentFallsBack(t *testing.T) {
	var a, b strings.Builder
	for i := 0; i < 3*maxEditDistance; i++ {
		fmt.Fprintf(&a, "old %d\n", i)
		fmt.Fprintf(&b, "new %d\n", i)
	}
	d := Unified("a/f", "b/f", []byte(a.String()), []byte(b.String()))
	if got := applyUnified(t, a.String(), d); got != b.String() {
		t.Fatal("fallback diff does not apply")
	}
}
