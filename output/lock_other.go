//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"syscall"
)

// Lock creates the file name, failing when it exists; a file whose holder
// (a process of this host) is not running any more is stale and is
// replaced. Unlocking removes the file.
func (osFS) Lock(name, holder string) (unlock func(), heldBy string, err error) {
	for attempt := 0; ; attempt++ {
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			f.Write([]byte(holder + "\n"))
			f.Close()
			return func() { os.Remove(name) }, "", nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, "", err
		}
		data, err := os.ReadFile(name)
		if errors.Is(err, fs.ErrNotExist) {
			continue // released meanwhile
		}
		heldBy = trimHolder(data)
		if pid := holderPID(heldBy); attempt == 0 && pid > 0 && !running(pid) {
			os.Remove(name) // stale: its holder died without removing it
			continue
		}
		return nil, heldBy, nil
	}
}

// running reports whether process pid exists.
func running(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	if runtime.GOOS == "windows" {
		return true // FindProcess opened it
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || errors.Is(err, syscall.EPERM)
}

// holderPID reads the process ID of a lock holder on this host, or 0.
func holderPID(holder string) int {
	var pid int
	var host string
	if n, _ := fmt.Sscanf(holder, "pid %d on host %s", &pid, &host); n != 2 {
		return 0
	}
	if me, err := os.Hostname(); err != nil || me != host {
		return 0 // another machine (a shared folder): its processes cannot be seen
	}
	return pid
}
