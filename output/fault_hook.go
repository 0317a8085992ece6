//go:build faulthook

package output

import (
	"fmt"
	"os"
	"syscall"
)

// fault kills the process (SIGKILL: no deferred function runs, no file is
// closed) when $APIDOCGEN_FAULT names this point: "temp:3" after the third
// temporary file is written, "journal:1" once the journal is committed,
// "rename:7" and "remove:9" after the step of the journal with that number,
// "done:1" once the journal is removed. Only binaries built with
// -tags faulthook have it: the kill test (make kill-test) uses them.
func fault(point string, n int) {
	if os.Getenv("APIDOCGEN_FAULT") == fmt.Sprintf("%s:%d", point, n) {
		syscall.Kill(os.Getpid(), syscall.SIGKILL)
		select {} // the signal is on its way
	}
}
