//go:build faulthook

package main

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/apidocgen/apidocgen/input/inputtest"
	"github.com/apidocgen/apidocgen/output"
)

// TestKillGenerate kills "apidocgen generate" of graph-v1.0 with SIGKILL
// at random moments, $APIDOCGEN_KILLS times (default 60): after a random
// delay, or (every third time) at a random point of the write phase named
// to the fault hook of a binary built with -tags faulthook (see
// output/fault_hook.go). Each run switches the output between two trees:
// graph-v1.0 ("new") and graph-v1.0 without every third resource page
// ("old"), so that files are added, changed and removed. After each kill:
//
//   - without a journal, the output (leaving out temporary files and the
//     lock file) is exactly the old or the new tree, by content hashes;
//   - with one, the recovery every run starts with (output.Dir.Recover)
//     makes it exactly the tree the killed run was writing;
//   - the next run writes its tree exactly and leaves no temporary file,
//     journal or lock file.
//
// make kill-test runs it; $APIDOCGEN_KILL_SEED repeats a sequence.
func TestKillGenerate(t *testing.T) {
	corpus := inputtest.CorpusDir(t, "graph-v1.0")
	kills := 60
	if s := os.Getenv("APIDOCGEN_KILLS"); s != "" {
		kills, _ = strconv.Atoi(s)
	}
	seed := time.Now().UnixNano()
	if s := os.Getenv("APIDOCGEN_KILL_SEED"); s != "" {
		seed, _ = strconv.ParseInt(s, 10, 64)
	}
	t.Logf("seed %d (APIDOCGEN_KILL_SEED repeats it)", seed)
	r := rand.New(rand.NewSource(seed))

	work := t.TempDir()
	bin := filepath.Join(work, "apidocgen")
	if out, err := exec.Command("go", "build", "-tags", "faulthook", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	oldDocs := filepath.Join(work, "old-docs")
	copyEveryPageBut(t, corpus, oldDocs, func(rel string, i int) bool { return strings.HasPrefix(rel, "resources/") && i%3 == 0 })
	mod := filepath.Join(work, "mod")
	if err := os.MkdirAll(mod, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module example.com/killed\n\ngo 1.24\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(mod, "apidocgen.yaml"), []byte("go:\n  dir: graph\n  package: graph\nschema:\n  file: graph/schema.json\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(mod, "graph")
	docs := [2]string{oldDocs, corpus}
	generate := func(target int, fault string) (*exec.Cmd, error) {
		cmd := exec.Command(bin, "generate", "-docs", docs[target])
		cmd.Dir = mod
		cmd.Env = append(os.Environ(), "APIDOCGEN_FAULT="+fault)
		return cmd, cmd.Start()
	}
	run := func(target int) {
		t.Helper()
		cmd, err := generate(target, "")
		if err == nil {
			err = cmd.Wait()
		}
		if err != nil {
			t.Fatalf("generate %s: %v", docs[target], err)
		}
	}

	// The two trees, and how long a whole run takes.
	var trees [2]map[string]string
	var full time.Duration
	for _, target := range []int{0, 1} {
		start := time.Now()
		run(target)
		full = max(full, time.Since(start))
		trees[target] = hashTree(t, out)
	}
	added, removed := 0, 0
	for p, h := range trees[0] {
		if trees[1][p] != h {
			added++
		}
	}
	for p := range trees[1] {
		if _, ok := trees[0][p]; !ok {
			removed++
		}
	}
	t.Logf("old tree %d files, new tree %d; new->old renames %d, removals %d; a whole run takes %s",
		len(trees[0]), len(trees[1]), added, removed, full.Round(time.Millisecond))

	state, killed, inWrite, journals := 1, 0, 0, 0
	for round := 0; killed < kills; round++ {
		if round > 3*kills {
			t.Fatalf("only %d of %d runs were killed", killed, round)
		}
		target := 1 - state
		fault, delay := "", time.Duration(0)
		if round%3 == 0 {
			fault = faultPoint(r, trees[state], trees[target])
		} else {
			delay = time.Duration(r.Int63n(int64(full) * 5 / 4))
		}
		cmd, err := generate(target, fault)
		if err != nil {
			t.Fatal(err)
		}
		if fault == "" {
			timer := time.AfterFunc(delay, func() { cmd.Process.Kill() })
			defer timer.Stop()
		}
		err = cmd.Wait()
		var ee *exec.ExitError
		wasKilled := errors.As(err, &ee) && ee.Sys().(syscall.WaitStatus).Signaled()
		if err != nil && !wasKilled {
			t.Fatalf("round %d: generate failed: %v", round, err)
		}
		what := fmt.Sprintf("round %d (fault %q, delay %s)", round, fault, delay.Round(time.Millisecond))
		if !wasKilled {
			if fault != "" {
				t.Fatalf("%s: the fault point was never reached", what)
			}
			if got := hashTree(t, out); !reflect.DeepEqual(got, trees[target]) {
				t.Fatalf("%s: a completed run left %s", what, treeDiff(got, trees))
			}
			state = target
			continue
		}
		killed++
		if fault != "" {
			inWrite++
		}
		got := hashTree(t, out)
		if _, err := os.Stat(filepath.Join(out, output.JournalName)); err == nil {
			journals++
			if replayed, err := (output.Dir{Root: out}).Recover(); err != nil || !replayed {
				t.Fatalf("%s: recover: %v (replayed %v)", what, err, replayed)
			}
			if got = hashTree(t, out); !reflect.DeepEqual(got, trees[target]) {
				t.Fatalf("%s: after finishing the journal: %s", what, treeDiff(got, trees))
			}
		} else if !reflect.DeepEqual(got, trees[0]) && !reflect.DeepEqual(got, trees[1]) {
			t.Fatalf("%s: killed without a journal, the output is %s", what, treeDiff(got, trees))
		}
		// The next run writes its tree and leaves nothing of its own.
		next := r.Intn(2)
		run(next)
		if got := hashTree(t, out); !reflect.DeepEqual(got, trees[next]) {
			t.Fatalf("%s: the next run left %s", what, treeDiff(got, trees))
		}
		if left := runFiles(t, out); len(left) > 0 {
			t.Fatalf("%s: the next run left %v", what, left)
		}
		state = next
	}
	t.Logf("%d runs killed: %d inside the write phase by the fault hook, %d after a random delay; %d left a journal that the next run finished",
		killed, inWrite, killed-inWrite, journals)
}

// faultPoint picks a random point of the write phase of a run from tree
// from to tree to (see output/fault_hook.go for the names).
func faultPoint(r *rand.Rand, from, to map[string]string) string {
	writes, removes := 0, 0
	for p, h := range to {
		if from[p] != h {
			writes++
		}
	}
	for p := range from {
		if _, ok := to[p]; !ok {
			removes++
		}
	}
	switch k := r.Intn(10); {
	case k < 3:
		return fmt.Sprintf("temp:%d", 1+r.Intn(writes))
	case k < 4:
		return "journal:1"
	case k < 8:
		return fmt.Sprintf("rename:%d", 1+r.Intn(writes))
	case k < 9 && removes > 0:
		return fmt.Sprintf("remove:%d", writes+1+r.Intn(removes))
	}
	return "done:1"
}

// hashTree hashes every file under root but the temporary, journal and
// lock files of a run, which are not output.
func hashTree(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || isRunFile(d.Name()) {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		out[filepath.ToSlash(rel)] = fmt.Sprintf("%x", sha256.Sum256(data))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// runFiles lists the temporary, journal and lock files under root.
func runFiles(t *testing.T, root string) []string {
	var left []string
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && isRunFile(d.Name()) {
			left = append(left, p)
		}
		return err
	})
	return left
}

func isRunFile(name string) bool {
	return strings.Contains(name, ".apidocgen-") || name == output.LockName || name == output.JournalName
}

// treeDiff describes how got differs from both trees.
func treeDiff(got map[string]string, trees [2]map[string]string) string {
	var parts []string
	for i, name := range []string{"old", "new"} {
		var missing, extra, differ []string
		for p, h := range trees[i] {
			switch g, ok := got[p]; {
			case !ok:
				missing = append(missing, p)
			case g != h:
				differ = append(differ, p)
			}
		}
		for p := range got {
			if _, ok := trees[i][p]; !ok {
				extra = append(extra, p)
			}
		}
		sort.Strings(missing)
		sort.Strings(extra)
		sort.Strings(differ)
		parts = append(parts, fmt.Sprintf("against %s: %d missing %v, %d extra %v, %d differ %v", name, len(missing), head(missing), len(extra), head(extra), len(differ), head(differ)))
	}
	return strings.Join(parts, "; ")
}

func head(s []string) []string { return s[:min(len(s), 3)] }

// copyEveryPageBut copies the .md files of src to dst but those drop
// names (rel is the slash path, i its index among the files in order).
func copyEveryPageBut(t *testing.T, src, dst string, drop func(rel string, i int) bool) {
	t.Helper()
	i := 0
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		rel = filepath.ToSlash(rel)
		i++
		if drop(rel, i) {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
