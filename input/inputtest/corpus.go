// Package inputtest helps tests find the real-world corpora.
package inputtest

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
)

// EnvCorpus names the variable that points at the corpus folder (the one
// holding graph-v1.0/ and seed-family/). CI sets it; when it is set the
// corpus is mandatory.
const EnvCorpus = "APIDOCGEN_CORPUS"

// CorpusDir returns the path of corpus subfolder sub (e.g. "graph-v1.0").
// It looks in $APIDOCGEN_CORPUS, else in ../shared/corpus beside the
// repository. When the folder is absent the test is skipped with a message,
// unless APIDOCGEN_CORPUS is set, in which case the test fails. The first
// skip of a test binary also prints one line to standard error, so that
// it shows without -v (go test prints it when run in a package's folder;
// "make test", which tests every package, prints its own line).
func CorpusDir(t testing.TB, sub string) string {
	t.Helper()
	return corpusDir(t, sub, os.Getenv(EnvCorpus), stderrNote)
}

// A skipNote prints the skip line once.
type skipNote struct {
	once sync.Once
	w    io.Writer
}

var stderrNote = &skipNote{w: os.Stderr}

func corpusDir(t testing.TB, sub, env string, note *skipNote) string {
	t.Helper()
	root := env
	explicit := root != ""
	if !explicit {
		root = filepath.Join(repoRoot(), "..", "shared", "corpus")
	} else if !filepath.IsAbs(root) {
		// Relative to the repository root, as .ci/run writes it.
		root = filepath.Join(repoRoot(), root)
	}
	dir := filepath.Join(root, sub)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		if explicit {
			t.Fatalf("%s=%s is set but %s is missing", EnvCorpus, env, dir)
			return ""
		}
		note.once.Do(func() {
			fmt.Fprintf(note.w, "corpus tests skipped: %s not found (set %s to run them)\n", dir, EnvCorpus)
		})
		t.Skipf("corpus %s not found (set %s to run corpus tests)", dir, EnvCorpus)
		return ""
	}
	return dir
}

// repoRoot returns the module root, found from this file's location.
func repoRoot() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "."
	}
	return filepath.Join(filepath.Dir(file), "..", "..")
}
