package output

import (
	"fmt"
	"strings"
	"testing"
)

func benchFiles(n, lines int, variant string) Files {
	var fs Files
	for i := 0; i < n; i++ {
		var sb strings.Builder
		sb.WriteString(goHeader + "package p\n\n")
		for j := 0; j < lines; j++ {
			fmt.Fprintf(&sb, "var v%d_%d = %q\n", i, j, variant)
		}
		fs = append(fs, File{Path: fmt.Sprintf("f%02d.go", i), Data: []byte(sb.String())})
	}
	return fs
}

// BenchmarkWriteUnchanged is the common go generate case: 30 files of
// 10,000 lines each, all already up to date.
func BenchmarkWriteUnchanged(b *testing.B) {
	root := b.TempDir()
	files := benchFiles(30, 10000, "x")
	if _, err := (Dir{Root: root}).Write(files); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s, err := Dir{Root: root}.Write(files)
		if err != nil || s.Written() != 0 {
			b.Fatal(err, s)
		}
	}
}

// BenchmarkUnified diffs a 20,000-line file with 200 scattered changes.
func BenchmarkUnified(b *testing.B) {
	var old, new strings.Builder
	for i := 0; i < 20000; i++ {
		fmt.Fprintf(&old, "line %d\n", i)
		if i%100 == 0 {
			fmt.Fprintf(&new, "changed %d\n", i)
		} else {
			fmt.Fprintf(&new, "line %d\n", i)
		}
	}
	a, c := []byte(old.String()), []byte(new.String())
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if Unified("a", "b", a, c) == "" {
			b.Fatal("no diff")
		}
	}
}
