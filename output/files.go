// Package output writes generated files: only when their bytes change,
// each atomically, never over a file it did not generate, and removing the files
// it generated earlier that are no longer produced. It also compares
// generated files with the disk for check mode. It knows nothing about Go,
// JSON Schema or Markdown.
package output

import "sort"

// A File is one generated file.
type File struct {
	Path string // slash-separated, relative to the output root
	Data []byte
}

// Files is a set of generated files.
type Files []File

// Sort orders files by path.
func (fs Files) Sort() { sort.Slice(fs, func(i, j int) bool { return fs[i].Path < fs[j].Path }) }
