package output

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// LockName is the name of the lock file a run holds in the output root,
// so that two runs never write one output at the same time. It holds the
// holder's process ID and host name, and is removed when the run ends.
const LockName = ".apidocgen.lock"

// A LockedError says that another run held the lock of an output root for
// longer than the run was willing to wait.
type LockedError struct {
	File   string // the lock file
	Holder string // the holder, as it wrote itself in the file: "pid 123 on host h"
	Waited time.Duration
}

func (e *LockedError) Error() string {
	holder := "another apidocgen run"
	if e.Holder != "" {
		holder += " (" + e.Holder + ")"
	}
	waited := "; it is still running"
	if e.Waited > 0 {
		waited = fmt.Sprintf("; it is still running after %s", e.Waited)
	}
	return fmt.Sprintf("%s is writing this output (it holds %s)%s: try again when it is done", holder, e.File, waited)
}

// lockHolder is what a run writes in the lock file.
func lockHolder() string {
	host, err := os.Hostname()
	if err != nil || host == "" {
		host = "unknown"
	}
	return fmt.Sprintf("pid %d on host %s", os.Getpid(), host)
}

// lock takes the lock of the output root, waiting up to wait while another
// run holds it (calling waiting once, with the holder, if it has to wait).
// A lock whose holder has died is taken over. unlock releases it.
func lock(fsys FS, root string, wait time.Duration, waiting func(holder string)) (unlock func(), err error) {
	name := filepath.Join(root, LockName)
	deadline := time.Now().Add(wait)
	delay, told := 10*time.Millisecond, false
	for {
		unlock, holder, err := fsys.Lock(name, lockHolder())
		if err != nil {
			return nil, fmt.Errorf("lock %s: %w", name, err)
		}
		if unlock != nil {
			return unlock, nil
		}
		if !time.Now().Before(deadline) {
			return nil, &LockedError{File: name, Holder: holder, Waited: wait}
		}
		if !told && waiting != nil {
			waiting(holder)
			told = true
		}
		time.Sleep(min(delay, time.Until(deadline)))
		delay = min(2*delay, 500*time.Millisecond)
	}
}

// trimHolder cleans what was read from a lock file.
func trimHolder(data []byte) string {
	s := strings.TrimSpace(string(data))
	if len(s) > 200 || strings.ContainsAny(s, "\n\r") {
		return strconv.Quote(s)
	}
	return s
}
