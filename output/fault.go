//go:build !faulthook

package output

// fault marks a point of a run where the crash tests stop the process
// (built with the faulthook tag, see fault_hook.go); otherwise it does
// nothing.
func fault(point string, n int) {}
