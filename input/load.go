package input

import (
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
)

// Load reads and parses every "*.md" file under fsys (skipping
// includes/snippets folders, which hold SDK code), in parallel, and returns
// the pages sorted by Path. Paths are relative to the root of fsys.
func Load(fsys fs.FS) ([]*Page, error) {
	var paths []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == "snippets" && path.Base(path.Dir(p)) == "includes" {
				return fs.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(p, ".md") {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	pages := make([]*Page, len(paths))
	errs := make([]error, len(paths))
	workers := runtime.GOMAXPROCS(0)
	if workers > len(paths) {
		workers = len(paths)
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				src, err := fs.ReadFile(fsys, paths[i])
				if err != nil {
					errs[i] = err
					continue
				}
				pages[i] = Parse(paths[i], src)
			}
		}()
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return pages, nil
}
