package input

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
)

// WalkFiles calls file with the slash path of every file under fsys, in
// lexical order, and bad with the path of every entry that cannot be used
// and why: a folder or file that cannot be read, a symbolic link that leads
// nowhere, or one that leads back to a folder being walked (which would
// never end). Symbolic links are followed: a link to a folder is walked as
// a folder under the link's path, a link to a file is a file. skip, when
// not nil, names folders not to enter. Only a root that cannot be read
// stops the walk, with its error.
func WalkFiles(fsys fs.FS, skip func(dir string) bool, file func(p string), bad func(p string, err error)) error {
	root, err := fs.Stat(fsys, ".")
	if err != nil {
		return err
	}
	if !root.IsDir() {
		return &fs.PathError{Op: "walk", Path: ".", Err: errors.New("not a folder")}
	}
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return err
	}
	w := treeWalker{fsys: fsys, skip: skip, file: file, bad: bad}
	w.dir(".", entries, []fs.FileInfo{root})
	return nil
}

type treeWalker struct {
	fsys fs.FS
	skip func(string) bool
	file func(string)
	bad  func(string, error)
}

// dir walks the entries of folder dir; open holds the folders being walked,
// from the root down to dir.
func (w *treeWalker) dir(dir string, entries []fs.DirEntry, open []fs.FileInfo) {
	for _, e := range entries {
		p := e.Name()
		if dir != "." {
			p = dir + "/" + p
		}
		mode, info := e.Type(), fs.FileInfo(nil)
		if mode&fs.ModeSymlink != 0 {
			st, err := fs.Stat(w.fsys, p)
			if err != nil {
				w.bad(p, fmt.Errorf("symbolic link leads nowhere: %w", err))
				continue
			}
			mode, info = st.Mode().Type(), st
		}
		if !mode.IsDir() {
			if mode.IsRegular() {
				w.file(p)
			} else {
				w.bad(p, fmt.Errorf("not a regular file (%v)", mode))
			}
			continue
		}
		if w.skip != nil && w.skip(p) {
			continue
		}
		if info == nil {
			st, err := e.Info()
			if err != nil {
				w.bad(p, err)
				continue
			}
			info = st
		}
		if loop := backTo(info, open); loop >= 0 {
			w.bad(p, fmt.Errorf("symbolic link loop: the folder is %s, which holds it", folderName(open, loop, dir)))
			continue
		}
		sub, err := fs.ReadDir(w.fsys, p)
		if err != nil {
			w.bad(p, err)
			continue
		}
		w.dir(p, sub, append(open, info))
	}
}

// backTo returns the index in open of the folder info is, or -1.
func backTo(info fs.FileInfo, open []fs.FileInfo) int {
	for i, o := range open {
		if os.SameFile(info, o) {
			return i
		}
	}
	return -1
}

// folderName names the folder open[i], which is dir or one of its parents.
func folderName(open []fs.FileInfo, i int, dir string) string {
	for j := len(open) - 1; j > i; j-- {
		dir = path.Dir(dir)
	}
	if dir == "." {
		return "the docs root"
	}
	return fmt.Sprintf("%q", dir)
}
