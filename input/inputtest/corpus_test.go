package inputtest

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// recorder is a testing.TB that records Skipf and Fatalf instead of
// stopping the test.
type recorder struct {
	testing.TB
	skipped, failed []string
}

func (r *recorder) Helper() {}
func (r *recorder) Skipf(format string, args ...any) {
	r.skipped = append(r.skipped, fmt.Sprintf(format, args...))
}
func (r *recorder) Fatalf(format string, args ...any) {
	r.failed = append(r.failed, fmt.Sprintf(format, args...))
}

func TestCorpusDirSkipsWithOneLine(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "no-corpus")
	var out bytes.Buffer
	note := &skipNote{w: &out}
	for range 3 {
		r := &recorder{TB: t}
		// An explicit relative or absolute folder that is missing fails.
		if dir := corpusDir(r, "graph-v1.0", missing, note); dir != "" || len(r.failed) != 1 || len(r.skipped) != 0 {
			t.Fatalf("explicit missing corpus: dir %q, failed %q, skipped %q", dir, r.failed, r.skipped)
		}
	}
	if out.Len() != 0 {
		t.Errorf("a failing corpus test printed %q", out.String())
	}

	// Without the variable, a missing ../shared/corpus skips, and the first
	// skip prints one line.
	if _, err := os.Stat(filepath.Join(repoRoot(), "..", "shared", "corpus", "no-such-corpus")); err == nil {
		t.Skip("no-such-corpus exists")
	}
	for range 3 {
		r := &recorder{TB: t}
		if dir := corpusDir(r, "no-such-corpus", "", note); dir != "" || len(r.skipped) != 1 || len(r.failed) != 0 {
			t.Fatalf("missing corpus: dir %q, failed %q, skipped %q", dir, r.failed, r.skipped)
		}
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != 1 || !strings.HasPrefix(lines[0], "corpus tests skipped: ") || !strings.Contains(lines[0], EnvCorpus) {
		t.Errorf("skip note: got %q, want one line naming %s", out.String(), EnvCorpus)
	}
}
