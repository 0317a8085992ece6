package lint

import (
	"bytes"
	"fmt"
	"os/exec"
	"sort"
	"strings"
)

// ChangedFiles lists the Markdown pages under dir (slash paths relative to
// dir) that differ from the merge base of HEAD and revision base (by
// default origin/main), including uncommitted and untracked ones: the
// pages a pull request from this branch changes.
func ChangedFiles(dir, base string) ([]string, error) {
	git := func(args ...string) (string, error) {
		cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			return "", fmt.Errorf("git %s: %v: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
		}
		return string(out), nil
	}
	if base == "" {
		base = "origin/main"
	}
	mb, err := git("merge-base", "HEAD", base)
	if err != nil {
		return nil, err
	}
	base = strings.TrimSpace(mb)
	diff, err := git("diff", "--name-only", "--relative", "--no-renames", "--diff-filter=ACMRT", base, "--", ".")
	if err != nil {
		return nil, err
	}
	untracked, err := git("ls-files", "--others", "--exclude-standard", "--", ".")
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var out []string
	for _, l := range strings.Split(diff+"\n"+untracked, "\n") {
		l = strings.TrimSpace(l)
		if l == "" || seen[l] || !strings.HasSuffix(strings.ToLower(l), ".md") {
			continue
		}
		seen[l] = true
		out = append(out, l)
	}
	sort.Strings(out)
	return out, nil
}
