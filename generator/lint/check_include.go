package lint

import (
	"net/url"
	"path"
	"sort"
	"strings"

	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/input"
)

// INCLUDE targets (anchor §7 item 35). docfx's "[!INCLUDE [name](path)]"
// pastes another Markdown file into the page; ApiDoctor expands them but
// discards every problem it meets. The reader keeps the directive's
// "[name](path)" as a link of the block, so an include is a link whose
// block text holds "[!INCLUDE name]".

var (
	RuleIncludeMissing = model.Rule{ID: "include-target-missing", Severity: model.SevError,
		Summary: "an [!INCLUDE] target inside the docs tree does not exist (targets outside the linted tree, or in a folder it does not hold such as a missing includes/, cannot be checked and are not reported)",
		Example: "[!INCLUDE [permissions](../includes/permissions/widget-get.md)] (no such file under includes/permissions/)"}
	RuleIncludeCycle = model.Rule{ID: "include-cycle", Severity: model.SevError,
		Summary: "pages of the docs tree include each other in a cycle (or a page includes itself), so the include never ends",
		Example: "includes/a.md: [!INCLUDE [b](b.md)] and includes/b.md: [!INCLUDE [a](a.md)]"}
)

type include struct {
	link   input.Link
	target string // resolved path of an existing file; "" when missing or not checkable
}

// includeLinks returns the links of block b that are INCLUDE directives:
// those whose text is the name of a "[!INCLUDE name]" in the block's text
// (or, for a list, in one of its items).
func includeLinks(b *input.Block) []input.Link {
	if len(b.Links) == 0 || b.Kind != input.KindList && !containsFoldASCII(b.Text, "[!include") {
		return nil
	}
	texts := []string{b.Text}
	if b.Kind == input.KindList {
		texts = b.Items
	}
	// The lower-cased texts holding a directive and the names they give,
	// read once for all the links of the block.
	var withInclude []string
	names := map[string]bool{}
	for _, t := range texts {
		if !containsFoldASCII(t, "[!include") {
			continue
		}
		lt := strings.ToLower(t)
		withInclude = append(withInclude, lt)
		for rest := lt; ; {
			i := strings.Index(rest, "[!include ")
			if i < 0 {
				break
			}
			rest = rest[i+len("[!include "):]
			if j := strings.IndexByte(rest, ']'); j >= 0 {
				names[rest[:j]] = true
			}
		}
	}
	if len(withInclude) == 0 {
		return nil
	}
	var out []input.Link
	for _, ln := range b.Links {
		name := strings.ToLower(ln.Text)
		switch {
		case names[name]:
			out = append(out, ln)
		case strings.IndexByte(name, ']') >= 0:
			// A name with a bracket is not cut out whole above: look for it.
			for _, t := range withInclude {
				if strings.Contains(t, "[!include "+name+"]") {
					out = append(out, ln)
					break
				}
			}
		}
	}
	return out
}

// isIncludeLink reports whether link ln of page p is an INCLUDE directive.
// The include links of p are found once, when the first link of p is
// asked about.
func (l *linter) isIncludeLink(p *input.Page, ln input.Link) bool {
	if l.includesOf != p {
		l.includesOf, l.includes = p, map[input.Pos]bool{}
		for _, b := range p.Blocks {
			for _, x := range includeLinks(b) {
				l.includes[x.Pos] = true
			}
		}
	}
	return l.includes[ln.Pos]
}

// resolveInclude returns the path inside the tree that target t of page p
// names, and whether it can be judged at all.
func (l *linter) resolveInclude(p *input.Page, t string) (string, bool) {
	t = strings.TrimSpace(t)
	if i := strings.IndexAny(t, " \t"); i >= 0 {
		t = t[:i]
	}
	t = strings.Trim(t, "<>")
	if t == "" || strings.HasPrefix(t, "/") || strings.HasPrefix(t, "~") || strings.Contains(t, "://") {
		return "", false
	}
	file, _, _ := strings.Cut(t, "#")
	if f, err := url.PathUnescape(file); err == nil {
		file = f
	}
	if file == "" {
		return "", false
	}
	resolved := path.Join(path.Dir(p.Path), file)
	if resolved == ".." || strings.HasPrefix(resolved, "../") {
		return "", false // outside the linted tree
	}
	if top, _, ok := strings.Cut(resolved, "/"); !ok && !l.dirs[""] || ok && !l.dirs[strings.ToLower(top)] {
		return "", false // a folder the tree does not hold (the corpus has no includes/)
	}
	return resolved, true
}

func (l *linter) checkIncludes() {
	edges := map[string][]include{}
	for _, p := range l.pages {
		for _, b := range p.Blocks {
			for _, ln := range includeLinks(b) {
				resolved, ok := l.resolveInclude(p, ln.Target)
				if !ok {
					continue
				}
				switch {
				case l.files[resolved]:
				case len(l.lower[strings.ToLower(resolved)]) > 0:
					resolved = l.lower[strings.ToLower(resolved)][0] // link-case-mismatch reports the case
				default:
					l.add(ln.Pos, RuleIncludeMissing, "include target %q does not exist%s", strings.TrimSpace(ln.Target), l.suggestFile(resolved))
					continue
				}
				if l.byPath[resolved] != nil {
					edges[p.Path] = append(edges[p.Path], include{link: ln, target: resolved})
				}
			}
		}
	}
	l.reportIncludeCycles(edges)
}

// reportIncludeCycles reports each include cycle once, at the include of
// its first page in path order.
func (l *linter) reportIncludeCycles(edges map[string][]include) {
	var froms []string
	for f := range edges {
		froms = append(froms, f)
	}
	sort.Strings(froms)
	seen := map[string]bool{}
	for _, start := range froms {
		// Find a path from start back to start through pages that sort
		// after it (so each cycle is found from its smallest page only).
		var stack []include
		visited := map[string]bool{}
		var walk func(cur string) bool
		walk = func(cur string) bool {
			for _, e := range edges[cur] {
				if e.target == start {
					stack = append(stack, e)
					return true
				}
				if e.target < start || visited[e.target] {
					continue
				}
				visited[e.target] = true
				stack = append(stack, e)
				if walk(e.target) {
					return true
				}
				stack = stack[:len(stack)-1]
			}
			return false
		}
		if !walk(start) {
			continue
		}
		chain := []string{start}
		for _, e := range stack {
			chain = append(chain, e.target)
		}
		key := strings.Join(chain, " -> ")
		if seen[key] {
			continue
		}
		seen[key] = true
		if len(chain) == 2 {
			l.add(stack[0].link.Pos, RuleIncludeCycle, "page includes itself")
			continue
		}
		l.add(stack[0].link.Pos, RuleIncludeCycle, "include cycle: %s", key)
	}
}
