package output

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// How a run switches the output from the old files to the new ones in one
// step, so that whatever stops it (a failure, a kill, a power cut) the
// output ends up as all old or all new files:
//
//  1. every new or changed file is written in full to a temporary file
//     beside its destination and flushed to disk;
//  2. the journal, which lists the renames and removals still to do, is
//     written to a temporary file, flushed, and renamed to JournalName in
//     the output root: from this moment the run is committed;
//  3. the temporary files are renamed over their destinations and the
//     files no longer generated are removed;
//  4. the journal is removed.
//
// A run stopped before step 2 leaves the old files and some temporary
// files; one stopped after it leaves a journal. Every run (and Recover)
// first replays the journal left by an earlier run, which finishes its
// switch, and then removes the temporary files earlier runs left. A run that
// fails in step 3 (an error, not a kill) puts the old files back through a
// journal of its own, so that an interruption of that is finished by the
// next run as well.

// JournalName is the name of the journal in the output root.
const JournalName = ".apidocgen-journal.json"

// tempMarker is in the name of every temporary file: ".NAME.apidocgen-123".
const tempMarker = ".apidocgen-"

// A journal lists the steps of a committed switch, in order. Paths are
// slash-separated and relative to the output root.
type journal struct {
	Comment string `json:"$comment"`
	Steps   []step `json:"steps"`
}

// A step renames Temp over Path (Temp set) or removes Path (Temp empty).
// Both are idempotent: a rename whose temporary file is gone was done, and
// a removal of a file that is gone was done. A removal only removes a file
// apidocgen generated.
type step struct {
	Path string `json:"path"`
	Temp string `json:"temp,omitempty"`
}

const journalComment = "apidocgen: the steps of an interrupted run; the next apidocgen run finishes them. Do not edit."

// isTemp reports whether name (a base name) is one of the temporary files
// apidocgen writes: "." + the destination's name + ".apidocgen-" + digits.
func isTemp(name string) bool {
	i := strings.LastIndex(name, tempMarker)
	if i < 2 || name[0] != '.' || i+len(tempMarker) == len(name) {
		return false
	}
	for _, c := range name[i+len(tempMarker):] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// tempPrefix is the prefix of the temporary file for destination p.
func tempPrefix(p string) string { return "." + path.Base(p) + tempMarker }

// writeJournal commits j: written beside its final name, flushed, renamed.
func writeJournal(fsys FS, root string, j journal) error {
	j.Comment = journalComment
	data, err := json.MarshalIndent(j, "", "  ")
	if err != nil {
		return err
	}
	tmp, err := fsys.WriteTemp(root, tempPrefix(JournalName), append(data, '\n'), 0o644)
	if err != nil {
		return fmt.Errorf("write journal: %w", err)
	}
	if err := fsys.Rename(tmp, filepath.Join(root, JournalName)); err != nil {
		fsys.Remove(tmp)
		return fmt.Errorf("write journal: %w", err)
	}
	fsys.SyncDir(root)
	return nil
}

// removeJournal ends a switch.
func removeJournal(fsys FS, root string) error {
	if err := fsys.Remove(filepath.Join(root, JournalName)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("remove journal: %w", err)
	}
	fsys.SyncDir(root)
	return nil
}

// readJournal returns the journal under root, or nil when there is none.
func readJournal(fsys FS, root string) (*journal, error) {
	data, err := fsys.ReadFile(filepath.Join(root, JournalName))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var j journal
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&j); err != nil {
		return nil, fmt.Errorf("%s: not a journal apidocgen can read (%v); if no apidocgen run is going on, check the output and remove the file", filepath.Join(root, JournalName), err)
	}
	for _, s := range j.Steps {
		if checkPath(s.Path) != nil || s.Temp != "" && (checkPath(s.Temp) != nil || path.Dir(s.Temp) != path.Dir(s.Path) || !isTemp(path.Base(s.Temp))) {
			return nil, fmt.Errorf("%s: step %+v is not one apidocgen writes; if no apidocgen run is going on, check the output and remove the file", filepath.Join(root, JournalName), s)
		}
	}
	return &j, nil
}

// run does the steps of j, in order, each once: a step already done is
// skipped. It stops at the first failure, and returns the number of steps
// done before it.
func (j *journal) run(fsys FS, root string) (done int, err error) {
	dirs := map[string]bool{}
	for i, s := range j.Steps {
		name := osPath(root, s.Path)
		dirs[filepath.Dir(name)] = true
		if s.Temp != "" {
			err := fsys.Rename(osPath(root, s.Temp), name)
			if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return i, fmt.Errorf("write %s: %w", s.Path, err)
			}
			fault("rename", i+1)
			continue
		}
		data, err := fsys.ReadFile(name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return i, fmt.Errorf("remove %s: %w", s.Path, err)
		}
		if !Generated(data) {
			continue // not ours (written there since): left alone
		}
		if err := fsys.Remove(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return i, fmt.Errorf("remove %s: %w", s.Path, err)
		}
		fault("remove", i+1)
	}
	sorted := make([]string, 0, len(dirs))
	for d := range dirs {
		sorted = append(sorted, d)
	}
	sort.Strings(sorted)
	for _, d := range sorted {
		fsys.SyncDir(d)
	}
	return len(j.Steps), nil
}

// finishJournal replays the journal an interrupted run left under root, if
// any, and removes it. It reports whether there was one.
func finishJournal(fsys FS, root string) (bool, error) {
	j, err := readJournal(fsys, root)
	if err != nil || j == nil {
		return false, err
	}
	if _, err := j.run(fsys, root); err != nil {
		return true, fmt.Errorf("finish the interrupted run recorded in %s: %w", filepath.Join(root, JournalName), err)
	}
	return true, removeJournal(fsys, root)
}

// removeTemps removes the temporary files earlier runs left in the folders
// dirs (slash paths relative to root; recursive ones searched like an
// Area): files named like apidocgen's temporary files that are empty or
// hold a generated file (a file killed while being written may be either).
func removeTemps(fsys FS, root string, dirs []Area) {
	seen := map[string]bool{}
	var walk func(dir string, recursive bool)
	walk = func(dir string, recursive bool) {
		if seen[dir] && !recursive {
			return
		}
		seen[dir] = true
		entries, err := fsys.ReadDir(osPath(root, dir))
		if err != nil {
			return
		}
		for _, e := range entries {
			rel := path.Join(dir, e.Name())
			switch {
			case e.IsDir():
				if recursive && searched(e.Name()) {
					walk(rel, true)
				}
			case e.Type().IsRegular() && isTemp(e.Name()):
				name := osPath(root, rel)
				if data, err := fsys.ReadFile(name); err == nil && (len(data) == 0 || Generated(data) || strings.HasPrefix(e.Name(), tempPrefix(JournalName))) {
					fsys.Remove(name)
				}
			}
		}
	}
	for _, a := range dirs {
		walk(path.Clean(a.Dir), a.Recursive)
	}
}

// searched reports whether a recursive Area enters the subfolder name.
func searched(name string) bool {
	return name != "testdata" && !strings.HasPrefix(name, ".") && !strings.HasPrefix(name, "_")
}
