package input

import (
	"io"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
)

// Load reads and parses every "*.md" file under fsys (skipping
// includes/snippets folders, which hold SDK code), in parallel, and returns
// the pages sorted by Path. Paths are relative to the root of fsys.
// Symbolic links are followed (see WalkFiles). A page that cannot be read,
// and a folder or symbolic link that cannot be walked (when its name ends
// in ".md" or has no extension, so that it may hold or be a page), is
// returned as a Page with only Path and ReadError set. The error is for a
// root that cannot be read.
func Load(fsys fs.FS) ([]*Page, error) {
	var paths []string
	failed := map[string]string{}
	skip := func(p string) bool { return path.Base(p) == "snippets" && path.Base(path.Dir(p)) == "includes" }
	err := WalkFiles(fsys, skip, func(p string) {
		if strings.HasSuffix(p, ".md") {
			paths = append(paths, p)
		}
	}, func(p string, err error) {
		if ext := path.Ext(p); ext == ".md" || ext == "" {
			paths = append(paths, p)
			failed[p] = err.Error()
		}
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	pages := make([]*Page, len(paths))
	workers := runtime.GOMAXPROCS(0)
	if workers > len(paths) {
		workers = len(paths)
	}
	// The workers take the next page by counting, not from a channel fed
	// by another goroutine: on few cores that goroutine competed with them
	// for a processor at every page (a third of the time of a Load of
	// graph-v1.0 on 2 cores).
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf []byte // reused: Parse keeps no reference to its src
			for {
				i := int(next.Add(1) - 1)
				if i >= len(paths) {
					return
				}
				if msg, ok := failed[paths[i]]; ok {
					pages[i] = &Page{Path: paths[i], Blocks: []*Block{}, ReadError: msg}
					continue
				}
				src, err := readFile(fsys, paths[i], buf)
				if err != nil {
					pages[i] = &Page{Path: paths[i], Blocks: []*Block{}, ReadError: err.Error()}
					continue
				}
				pages[i] = Parse(paths[i], src)
				buf = src[:0]
			}
		}()
	}
	wg.Wait()
	return pages, nil
}

// readFile reads file name of fsys into buf's storage (grown when
// needed) and returns the bytes. On any error it returns what
// fs.ReadFile(fsys, name) returns, so that errors read the same.
func readFile(fsys fs.FS, name string, buf []byte) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return fs.ReadFile(fsys, name)
	}
	defer f.Close()
	size := 0
	if st, err := f.Stat(); err == nil && st.Size() < 1<<30 {
		size = int(st.Size())
	}
	if cap(buf) < size+1 {
		buf = make([]byte, 0, size+512)
	}
	buf = buf[:0]
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return fs.ReadFile(fsys, name)
		}
	}
}
