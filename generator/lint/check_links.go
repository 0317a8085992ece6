package lint

import (
	"net/url"
	"path"
	"regexp"
	"strings"
	"unicode"

	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/input"
)

// Slug returns the GitHub-style anchor of a heading's plain text:
// lower-cased, punctuation other than '-' and '_' dropped, spaces turned
// into '-'.
func Slug(text string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(text)) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_':
			b.WriteRune(r)
		case r == ' ':
			b.WriteByte('-')
		}
	}
	return b.String()
}

var htmlAnchorRe = regexp.MustCompile(`(?i)\b(?:name|id)\s*=\s*["']([^"']+)["']`)

// anchors returns the anchors of page p: the slugs of its headings (with
// GitHub's -1, -2 suffixes for repeats) and the name/id attributes of its
// HTML blocks, lower-cased.
func (l *linter) anchors(p *input.Page) map[string]bool {
	if s, ok := l.slugs[p.Path]; ok {
		return s
	}
	s := map[string]bool{}
	seen := map[string]int{}
	for _, b := range p.Blocks {
		switch b.Kind {
		case input.KindHeading:
			slug := Slug(b.Text)
			if n := seen[slug]; n > 0 {
				s[slug+"-"+itoa(n)] = true
			} else {
				s[slug] = true
			}
			seen[slug]++
		case input.KindHTML, input.KindParagraph:
			if strings.IndexByte(b.Text, '=') < 0 {
				continue // every match has one
			}
			for _, m := range htmlAnchorRe.FindAllStringSubmatch(b.Text, -1) {
				s[strings.ToLower(m[1])] = true
			}
		}
	}
	l.slugs[p.Path] = s
	return s
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var d []byte
	for n > 0 {
		d = append([]byte{byte('0' + n%10)}, d...)
		n /= 10
	}
	return string(d)
}

// eachLink calls f with every link of page p, in block order: the links
// of each block, then of its table's header and row cells.
func eachLink(p *input.Page, f func(input.Link)) {
	each := func(ls []input.Link) {
		for _, ln := range ls {
			f(ln)
		}
	}
	for _, b := range p.Blocks {
		each(b.Links)
		if b.Kind == input.KindTable {
			for _, c := range b.Table.Header {
				each(c.Links)
			}
			for _, r := range b.Table.Rows {
				for _, c := range r.Cells {
					each(c.Links)
				}
			}
		}
	}
}

func (l *linter) checkLinks(p *input.Page) {
	eachLink(p, func(ln input.Link) { l.checkLink(p, ln) })
}

func (l *linter) checkLink(p *input.Page, ln input.Link) {
	t := strings.TrimSpace(ln.Target)
	if t == "" || strings.HasPrefix(t, "/") || strings.HasPrefix(t, "~") || strings.HasPrefix(t, "\\") {
		return
	}
	if i := strings.IndexAny(t, " \t"); i >= 0 { // [x](target "title")
		t = t[:i]
	}
	t = strings.Trim(t, "<>")
	if !plainRelative(t) {
		if u, err := url.Parse(t); err != nil || u.Scheme != "" || u.Host != "" {
			return
		}
	}
	file, anchor, _ := strings.Cut(t, "#")
	if i := strings.IndexByte(file, '?'); i >= 0 {
		file = file[:i]
	}
	if strings.IndexByte(file, '%') >= 0 { // else PathUnescape returns file
		if f, err := url.PathUnescape(file); err == nil {
			file = f
		}
	}
	target := p
	if file != "" {
		resolved, ok := joinRel(path.Dir(p.Path), file)
		if !ok {
			resolved = path.Join(path.Dir(p.Path), file)
		}
		if resolved == ".." || strings.HasPrefix(resolved, "../") {
			return // outside the docs tree (includes, other versions)
		}
		if top, _, ok := strings.Cut(resolved, "/"); !ok && !l.dirs[""] || ok && !l.dirs[strings.ToLower(top)] {
			return // a folder the tree does not hold (a partial checkout): not knowable
		}
		switch {
		case l.files[resolved]:
		case len(l.lower[strings.ToLower(resolved)]) > 0:
			real := l.lower[strings.ToLower(resolved)][0]
			l.add(ln.Pos, RuleLinkCase, "link target %q differs only in case from the file %q", file, real)
			resolved = real
		default:
			isPage := strings.EqualFold(path.Ext(resolved), ".md")
			if !isPage && !l.allFiles {
				return
			}
			if !isPage && path.Ext(resolved) == "" && l.files[resolved+".md"] {
				resolved += ".md"
				break
			}
			if l.isIncludeLink(p, ln) {
				return // include-target-missing (check_include.go)
			}
			l.add(ln.Pos, RuleBrokenLink, "link target %q does not exist%s", file, l.suggestFile(resolved))
			return
		}
		target = l.byPath[resolved]
		if target != nil && target != p {
			l.inbound[target.Path] = true
		}
	}
	if anchor == "" || target == nil || strings.HasPrefix(anchor, "tab/") {
		return
	}
	if a, err := url.PathUnescape(anchor); err == nil {
		anchor = a
	}
	if !l.anchors(target)[strings.ToLower(anchor)] {
		where := "this page"
		if target != p {
			where = target.Path
		}
		l.add(ln.Pos, RuleBrokenAnchor, "anchor %q matches no heading in %s%s", "#"+anchor, where, l.suggestAnchor(anchor, target))
	}
}

// suggestFile returns a "did you mean" for a missing file: the nearest
// name among the files of its folder.
func (l *linter) suggestFile(resolved string) string {
	if l.dirFiles == nil {
		// Every folder's file names, sorted, made once.
		byDir := map[string][]string{}
		for f := range l.files {
			d := path.Dir(f)
			byDir[d] = append(byDir[d], path.Base(f))
		}
		l.dirFiles = map[string]*wordIndex{}
		for d, names := range byDir {
			sortStrings(names)
			l.dirFiles[d] = newWordIndex(names)
		}
	}
	w := l.dirFiles[path.Dir(resolved)]
	if w == nil {
		return ""
	}
	if best := w.closest(strings.ToLower(path.Base(resolved)), 2); best != "" {
		return `; did you mean "` + best + `"?`
	}
	return ""
}

// suggestAnchor returns a "did you mean" for a missing anchor of page
// target: the nearest of its anchors.
func (l *linter) suggestAnchor(a string, target *input.Page) string {
	w := l.anchorWords[target.Path]
	if w == nil {
		set := l.anchors(target)
		cands := make([]string, 0, len(set))
		for k := range set {
			cands = append(cands, k)
		}
		sortStrings(cands)
		w = newWordIndex(cands)
		if l.anchorWords == nil {
			l.anchorWords = map[string]*wordIndex{}
		}
		l.anchorWords[target.Path] = w
	}
	if best := w.closest(strings.ToLower(a), 3); best != "" {
		return `; did you mean "#` + best + `"?`
	}
	return ""
}

// checkOrphans reports API and resource pages no other page links to.
func (l *linter) checkOrphans() {
	for _, p := range l.pages {
		mp := l.mpages[p.Path]
		if mp == nil || (mp.Kind != model.PageAPI && mp.Kind != model.PageResource) || l.inbound[p.Path] {
			continue
		}
		l.add(input.Pos{File: p.Path, Line: 1, Col: 1}, RuleOrphanPage, "no other page links to this %s page", mp.Kind)
	}
}

// joinRel returns path.Join(dir, file) for the common links, with one
// allocation instead of path.Join's several: dir is a path.Dir result
// (clean) that is not rooted, file is a relative path whose segments are
// names, optionally after leading "./" and "../" segments that dir can
// absorb. For anything else it reports false and the caller uses
// path.Join.
func joinRel(dir, file string) (string, bool) {
	if strings.HasPrefix(dir, "/") {
		return "", false
	}
	if dir == "." {
		dir = ""
	}
	rest := file
	for {
		if strings.HasPrefix(rest, "./") {
			rest = rest[2:]
			continue
		}
		if strings.HasPrefix(rest, "../") {
			if dir == "" || dir == ".." || strings.HasSuffix(dir, "/..") {
				return "", false
			}
			if i := strings.LastIndexByte(dir, '/'); i >= 0 {
				dir = dir[:i]
			} else {
				dir = ""
			}
			rest = rest[3:]
			continue
		}
		break
	}
	// Every remaining segment must be a name: not empty, "." or "..".
	for seg := rest; ; {
		i := strings.IndexByte(seg, '/')
		name := seg
		if i >= 0 {
			name = seg[:i]
		}
		if name == "" || name == "." || name == ".." {
			return "", false
		}
		if i < 0 {
			break
		}
		seg = seg[i+1:]
	}
	if dir == "" {
		return rest, true
	}
	return dir + "/" + rest, true
}

// plainRelative reports whether url.Parse would certainly accept t as a
// reference with no scheme and no host, so that parsing can be skipped:
// no colon (which a scheme needs), no percent sign (escapes it checks), no
// control byte (which it rejects) and no leading "//" (an authority).
func plainRelative(t string) bool {
	if strings.HasPrefix(t, "//") {
		return false
	}
	for i := 0; i < len(t); i++ {
		if c := t[i]; c == ':' || c == '%' || c < 0x20 || c == 0x7f {
			return false
		}
	}
	return true
}
