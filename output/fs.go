package output

import (
	"io/fs"
	"os"
	"path/filepath"
)

// FS is the file system Dir and Check work on. OS is the real one; tests
// substitute an implementation that fails on purpose to check that an
// interrupted run leaves the previous output intact. Names are OS paths.
type FS interface {
	ReadFile(name string) ([]byte, error)
	Lstat(name string) (fs.FileInfo, error)
	ReadDir(name string) ([]fs.DirEntry, error)
	MkdirAll(name string, perm fs.FileMode) error
	// WriteTemp creates a new temporary file in dir whose name starts with
	// prefix, writes data, sets perm, flushes it to stable storage and
	// closes it. It returns the file's name. On error no file is left.
	WriteTemp(dir, prefix string, data []byte, perm fs.FileMode) (string, error)
	// Rename replaces newname by oldname atomically.
	Rename(oldname, newname string) error
	Remove(name string) error
	// SyncDir flushes the directory entries of dir (best effort).
	SyncDir(dir string) error
	// Lock takes the lock file name for this process, writing holder in
	// it, and returns the function that releases it. When another process
	// holds it, Lock returns a nil unlock and what that process wrote.
	Lock(name, holder string) (unlock func(), heldBy string, err error)
}

// OS is the operating system's file system.
var OS FS = osFS{}

type osFS struct{}

func (osFS) ReadFile(name string) ([]byte, error)         { return os.ReadFile(name) }
func (osFS) Lstat(name string) (fs.FileInfo, error)       { return os.Lstat(name) }
func (osFS) ReadDir(name string) ([]fs.DirEntry, error)   { return os.ReadDir(name) }
func (osFS) MkdirAll(name string, perm fs.FileMode) error { return os.MkdirAll(name, perm) }
func (osFS) Rename(oldname, newname string) error         { return os.Rename(oldname, newname) }
func (osFS) Remove(name string) error                     { return os.Remove(name) }

func (osFS) WriteTemp(dir, prefix string, data []byte, perm fs.FileMode) (name string, err error) {
	f, err := os.CreateTemp(dir, prefix)
	if err != nil {
		return "", err
	}
	name = f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(name)
		}
	}()
	if _, err = f.Write(data); err != nil {
		return "", err
	}
	if err = f.Chmod(perm); err != nil {
		return "", err
	}
	if err = f.Sync(); err != nil {
		return "", err
	}
	if err = f.Close(); err != nil {
		return "", err
	}
	return name, nil
}

func (osFS) SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	// Some systems cannot fsync a directory; that is not worth failing for.
	_ = d.Sync()
	return nil
}

// osPath joins the output root and a slash-separated relative path.
func osPath(root, rel string) string {
	return filepath.Join(root, filepath.FromSlash(rel))
}
