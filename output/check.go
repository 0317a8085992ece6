package output

import (
	"fmt"
	"sort"
	"strings"
)

// Check compares generated files with the files under Root without writing
// anything.
type Check struct {
	Root  string
	Areas []Area               // as for Dir
	FS    FS                   // nil: OS
	Guard func([]Change) error // as for Dir
}

// A Report is the result of Check.
type Report struct {
	Summary
	// Changes lists every file that differs (added, changed or removed),
	// sorted by path.
	Changes []Change
}

// Run compares files with the disk. Name clashes with files that were not
// generated are a *ConflictError, as for Dir.Write. An output that an
// interrupted run left half switched (a journal, see Dir) cannot be
// compared: that is an error too, which the next Dir.Write resolves.
// Temporary files of interrupted runs are not output and are ignored.
func (c Check) Run(files Files) (*Report, error) {
	fsys := c.FS
	if fsys == nil {
		fsys = OS
	}
	if j, err := readJournal(fsys, c.Root); err != nil {
		return nil, err
	} else if j != nil {
		return nil, fmt.Errorf("an interrupted run left the output in %s half written (%s is there): run the generator to finish it, then check", c.Root, JournalName)
	}
	changes, err := plan(fsys, c.Root, files, defaultAreas(c.Areas))
	if err != nil {
		return nil, err
	}
	if c.Guard != nil {
		if err := c.Guard(changes); err != nil {
			return nil, err
		}
	}
	r := &Report{Summary: summarize(changes)}
	for _, ch := range changes {
		if ch.Kind != Unchanged {
			r.Changes = append(r.Changes, ch)
		}
	}
	sortChanges(r.Changes)
	return r, nil
}

// Diff returns the unified diff of one change: "--- a/path" and
// "+++ b/path" headers, /dev/null for the missing side of an added or
// removed file. prefix is prepended to the path (e.g. the root as the user
// wrote it, slash-separated, with a trailing slash), "" for none.
func (ch Change) Diff(prefix string) string {
	a, b := "a/"+prefix+ch.Path, "b/"+prefix+ch.Path
	switch ch.Kind {
	case Added:
		a = "/dev/null"
	case Removed:
		b = "/dev/null"
	case Unchanged:
		return ""
	}
	return Unified(a, b, ch.Old, ch.New)
}

// Diff returns the unified diffs of all changes, in path order.
func (r *Report) Diff(prefix string) string {
	var sb strings.Builder
	for _, ch := range r.Changes {
		sb.WriteString(ch.Diff(prefix))
	}
	return sb.String()
}

func sortChanges(cs []Change) {
	sort.Slice(cs, func(i, j int) bool { return cs[i].Path < cs[j].Path })
}
