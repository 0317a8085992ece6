package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestModulePath(t *testing.T) {
	for _, c := range []struct{ gomod, want string }{
		{"module example.com/shop\n\ngo 1.24\n", "example.com/shop"},
		{"// a comment\nmodule \"example.com/quoted\" // trailing\n", "example.com/quoted"},
		{"go 1.24\nmodulex example.com/no\n", ""},
		{"", ""},
	} {
		if got := modulePath([]byte(c.gomod)); got != c.want {
			t.Errorf("modulePath(%q) = %q, want %q", c.gomod, got, c.want)
		}
	}
}

func TestImportPathOf(t *testing.T) {
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "go.mod"), []byte("module example.com/shop\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// The output folder need not exist yet.
	if got := importPathOf(filepath.Join(root, "api", "model")); got != "example.com/shop/api/model" {
		t.Errorf("nested: %q", got)
	}
	if got := importPathOf(root); got != "example.com/shop" {
		t.Errorf("module root: %q", got)
	}
	if got := importPathOf(filepath.Join(t.TempDir(), "x")); got != "" {
		t.Errorf("outside any module: %q", got)
	}
}
