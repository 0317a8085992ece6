package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
)

// crashFS stops the run at the n-th change it makes to the disk, as a
// kill would: it panics, so nothing after that point runs (deferred
// functions do run, but the ones of Dir.Write only release the lock, which
// the kernel does for a killed process too). failAt, when not zero, makes
// that change fail with an error instead (the run then undoes itself).
type crashFS struct {
	FS
	n, failAt int
	calls     int
}

type crash struct{}

func (c *crashFS) step() error {
	c.calls++
	if c.calls == c.failAt {
		return errInjected
	}
	if c.calls == c.n {
		panic(crash{})
	}
	return nil
}

func (c *crashFS) WriteTemp(dir, prefix string, data []byte, perm fs.FileMode) (string, error) {
	if err := c.step(); err != nil {
		return "", err
	}
	return c.FS.WriteTemp(dir, prefix, data, perm)
}

func (c *crashFS) Rename(oldname, newname string) error {
	if err := c.step(); err != nil {
		return err
	}
	return c.FS.Rename(oldname, newname)
}

func (c *crashFS) Remove(name string) error {
	if err := c.step(); err != nil {
		return err
	}
	return c.FS.Remove(name)
}

// writeCrashing runs d.Write(files) on fsys and reports whether it
// crashed.
func writeCrashing(d Dir, files Files) (crashed bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(crash); !ok {
				panic(r)
			}
			crashed = true
		}
	}()
	_, err = d.Write(files)
	return false, err
}

// tree returns the content of every file under root, leaving out the
// temporary files, the journal and the lock file when withRunFiles is
// false.
func tree(t *testing.T, root string, withRunFiles bool) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if !withRunFiles && (isTemp(d.Name()) || d.Name() == JournalName || d.Name() == LockName) {
			return nil
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		out[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func filesTree(fs Files) map[string]string {
	out := map[string]string{}
	for _, f := range fs {
		out[f.Path] = string(f.Data)
	}
	return out
}

var (
	crashV1 = Files{goFile("a.go", "var A = 1"), goFile("b.go", "var B = 1"), goFile("keep.go", ""), goFile("sub/stale.go", ""), goFile("sub/deep/c.go", "var C = 1"), jsonFile("schema.json", "one")}
	crashV2 = Files{goFile("a.go", "var A = 2"), goFile("b.go", "var B = 2"), goFile("keep.go", ""), goFile("sub/deep/c.go", "var C = 2"), goFile("new/d.go", ""), jsonFile("schema.json", "two")}
)

// TestCrashAtEveryStep stops a run switching crashV1 to crashV2 at each of
// its changes to the disk in turn, and then at each change of the undoing
// of a run whose first rename fails. After each stop, the files are all
// old or all new, or a journal is there; the next run's recovery leaves
// all old or all new files (all new when there was a journal), and no
// temporary, journal or lock file; a run after that writes the new files.
func TestCrashAtEveryStep(t *testing.T) {
	hand := map[string]string{"hand.go": "package p // mine\n", "sub/notes.txt": "mine\n"}
	setup := func(t *testing.T) string {
		root := t.TempDir()
		if _, err := (Dir{Root: root}).Write(crashV1); err != nil {
			t.Fatal(err)
		}
		for p, s := range hand {
			if err := os.WriteFile(filepath.Join(root, p), []byte(s), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return root
	}
	old, new := filesTree(crashV1), filesTree(crashV2)
	for p, s := range hand {
		old[p], new[p] = s, s
	}
	// Count the changes a whole run makes (none crashes).
	counter := &crashFS{FS: OS}
	if crashed, err := writeCrashing(Dir{Root: setup(t), FS: counter}, crashV2); crashed || err != nil {
		t.Fatal(crashed, err)
	}
	total := counter.calls
	if total < 10 {
		t.Fatalf("a run makes only %d changes", total)
	}
	check := func(t *testing.T, root string, fsys *crashFS) {
		crashed, err := writeCrashing(Dir{Root: root, FS: fsys}, crashV2)
		if !crashed && (fsys.failAt == 0) == (err != nil) {
			t.Fatalf("crashed %v, err %v", crashed, err)
		}
		got := tree(t, root, false)
		_, jerr := os.Stat(filepath.Join(root, JournalName))
		journal := jerr == nil
		if !journal && !reflect.DeepEqual(got, old) && !reflect.DeepEqual(got, new) {
			t.Fatalf("no journal, and neither old nor new files: %v", keys(got))
		}
		replayed, err := Dir{Root: root}.Recover()
		if err != nil || replayed != journal {
			t.Fatalf("recover: %v (replayed %v, journal %v)", err, replayed, journal)
		}
		got = tree(t, root, true)
		switch {
		case reflect.DeepEqual(got, new):
		case reflect.DeepEqual(got, old) && (!journal || fsys.failAt > 0):
		default:
			t.Fatalf("after recovery (journal %v): %v", journal, keys(got))
		}
		if _, err := (Dir{Root: root}).Write(crashV2); err != nil {
			t.Fatal(err)
		}
		if got := tree(t, root, true); !reflect.DeepEqual(got, new) {
			t.Fatalf("the next run: %v", keys(got))
		}
	}
	for n := 1; n <= total; n++ {
		t.Run(fmt.Sprintf("stop-at-%d", n), func(t *testing.T) {
			check(t, setup(t), &crashFS{FS: OS, n: n})
		})
	}
	// The file renames come after the temporary files and the journal's
	// own two changes: make the third fail, and stop the undoing of the
	// first two at each of its changes.
	failAt := len(crashV2) - 1 + 2 + 3
	for n := failAt + 1; n <= failAt+10; n++ {
		t.Run(fmt.Sprintf("undo-stop-at-%d", n), func(t *testing.T) {
			check(t, setup(t), &crashFS{FS: OS, failAt: failAt, n: n})
		})
	}
}

// TestConcurrentRuns runs pairs of writers of different files on one root
// at the same time: each run completes (the second waits for the lock),
// the result is one of the two sets, and no run file is left.
func TestConcurrentRuns(t *testing.T) {
	root := t.TempDir()
	for i := 0; i < 10; i++ {
		var wg sync.WaitGroup
		errs := make([]error, 2)
		for k, files := range []Files{crashV1, crashV2} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, errs[k] = Dir{Root: root, Wait: time.Minute}.Write(files)
			}()
		}
		wg.Wait()
		if err := errors.Join(errs...); err != nil {
			t.Fatal(err)
		}
		got := tree(t, root, true)
		if !reflect.DeepEqual(got, filesTree(crashV1)) && !reflect.DeepEqual(got, filesTree(crashV2)) {
			t.Fatalf("round %d: %v", i, keys(got))
		}
	}
}

// TestLockHeld: a run finding the lock held waits, then fails naming the
// holder; once the holder lets go, a run goes through. A lock file left by
// a process that is gone does not stop a run.
func TestLockHeld(t *testing.T) {
	root := t.TempDir()
	name := filepath.Join(root, LockName)
	unlock, _, err := OS.Lock(name, "pid 42 on host elsewhere")
	if err != nil || unlock == nil {
		t.Fatal(err)
	}
	var told string
	_, err = Dir{Root: root, Wait: 50 * time.Millisecond, Waiting: func(h string) { told = h }}.Write(crashV1)
	var le *LockedError
	if !errors.As(err, &le) || le.Holder != "pid 42 on host elsewhere" || told != le.Holder {
		t.Fatalf("err = %v, told %q", err, told)
	}
	if !strings.Contains(err.Error(), "pid 42 on host elsewhere") || !strings.Contains(err.Error(), LockName) {
		t.Errorf("message: %v", err)
	}
	if len(tree(t, root, false)) != 0 {
		t.Error("a run that did not get the lock wrote files")
	}
	unlock()
	if _, err := (Dir{Root: root}).Write(crashV1); err != nil {
		t.Fatal(err)
	}
	// A stale lock file: what a killed holder leaves (its lock went with it).
	if err := os.WriteFile(name, []byte("pid 999999 on host gone\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := (Dir{Root: root, Wait: 0}).Write(crashV2); err != nil {
		t.Fatalf("stale lock: %v", err)
	}
	if _, err := os.Stat(name); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("lock file left: %v", err)
	}
}

// TestTempFilesOfEarlierRunsRemoved: temporary files a killed run left
// (beside the files, in subfolders, beside a file outside the areas) are
// removed by the next run; a hand-written file with a similar name is not.
func TestTempFilesOfEarlierRunsRemoved(t *testing.T) {
	root := t.TempDir()
	d := Dir{Root: root, Areas: []Area{{Dir: "gen", Recursive: true}}}
	files := Files{goFile("gen/a.go", ""), goFile("gen/sub/b.go", ""), jsonFile("schemas/s.json", "x")}
	if _, err := d.Write(files); err != nil {
		t.Fatal(err)
	}
	left := map[string]string{
		"gen/.a.go.apidocgen-123":         goHeader + "package p\n",
		"gen/sub/.b.go.apidocgen-9":       "",
		"schemas/.s.json.apidocgen-77":    "{\n  \"$comment\": \"Code generated by apidocgen. DO NOT EDIT.\",\n",
		"gen/.mine.apidocgen-1":           "hand-written\n",
		"gen/.a.go.apidocgen-12x":         "package p // mine\n",
		"schemas/.other.json.apidocgen-5": "{}",
	}
	for p, s := range left {
		os.MkdirAll(filepath.Dir(filepath.Join(root, p)), 0o755)
		os.WriteFile(filepath.Join(root, p), []byte(s), 0o644)
	}
	r, err := Check{Root: root, Areas: d.Areas}.Run(files)
	if err != nil || r.Stale() {
		t.Fatalf("check counts temporary files as output: %v %+v", err, r)
	}
	if _, err := d.Write(files); err != nil {
		t.Fatal(err)
	}
	got := tree(t, root, true)
	for p := range left {
		_, kept := got[p]
		if want := p == "gen/.mine.apidocgen-1" || p == "gen/.a.go.apidocgen-12x" || p == "schemas/.other.json.apidocgen-5"; kept != want {
			t.Errorf("%s: kept %v, want %v", p, kept, want)
		}
	}
}
