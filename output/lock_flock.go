//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package output

import (
	"errors"
	"io"
	"os"
	"syscall"
)

// Lock takes an flock(2) lock on the file name, created when missing. The
// kernel releases it when the holder exits, however it exits, so a lock
// file left by a killed run is simply taken over. The holder writes holder
// into the file; another run that finds the lock taken reads it from there.
// Unlocking removes the file (a run waiting on the removed file notices it
// is not the file at name any more and tries again).
func (osFS) Lock(name, holder string) (unlock func(), heldBy string, err error) {
	for {
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, "", err
		}
		if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
			data, _ := io.ReadAll(io.LimitReader(f, 4096))
			f.Close()
			switch {
			case errors.Is(err, syscall.EWOULDBLOCK):
				return nil, trimHolder(data), nil
			case errors.Is(err, syscall.ENOLCK), errors.Is(err, syscall.EOPNOTSUPP), errors.Is(err, syscall.EINVAL):
				// The file system cannot lock (some network file
				// systems): go on without a lock.
				return func() {}, "", nil
			}
			return nil, "", err
		}
		ours, err1 := f.Stat()
		now, err2 := os.Stat(name)
		if err1 != nil || err2 != nil || !os.SameFile(ours, now) {
			f.Close() // the holder removed it as we opened it
			continue
		}
		f.Truncate(0)
		f.WriteAt([]byte(holder+"\n"), 0)
		return func() {
			os.Remove(name)
			f.Close()
		}, "", nil
	}
}
