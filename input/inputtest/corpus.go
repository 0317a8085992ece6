// Package inputtest helps tests find the real-world corpora.
package inputtest

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// EnvCorpus names the variable that points at the corpus folder (the one
// holding graph-v1.0/ and seed-family/). CI sets it; when it is set the
// corpus is mandatory.
const EnvCorpus = "APIDOCGEN_CORPUS"

// CorpusDir returns the path of corpus subfolder sub (e.g. "graph-v1.0").
// It looks in $APIDOCGEN_CORPUS, else in ../shared/corpus beside the
// repository. When the folder is absent the test is skipped with a message,
// unless APIDOCGEN_CORPUS is set, in which case the test fails.
func CorpusDir(t testing.TB, sub string) string {
	t.Helper()
	root := os.Getenv(EnvCorpus)
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
			t.Fatalf("%s=%s is set but %s is missing", EnvCorpus, os.Getenv(EnvCorpus), dir)
		}
		t.Skipf("corpus %s not found (set %s to run corpus tests)", dir, EnvCorpus)
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
