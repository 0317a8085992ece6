package lint

import (
	"strings"
	"unicode"

	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/input"
)

// Inline suppressions are HTML comments in a page:
//
//	<!-- apidocgen-disable rule-id other-rule -->       the next block
//	<!-- apidocgen-disable-file rule-id -->             the whole page
//
// Without rule IDs they disable every rule. "The next block" is the first
// block after the comment that is not itself a comment (so a suppression
// may sit above an example's annotation), and the lines from the
// suppression comment to the end of that block are covered.
const (
	disableDirective     = "apidocgen-disable"
	disableFileDirective = "apidocgen-disable-file"
)

type lineRange struct {
	from, to int // inclusive; to == 0 means end of file
	rules    []string
}

type suppressions map[string][]lineRange // page path -> ranges

func parseDirective(body string) (fileWide bool, rules []string, ok bool) {
	if !strings.HasPrefix(strings.TrimLeftFunc(body, unicode.IsSpace), disableDirective) {
		return false, nil, false // the first field is neither directive (most comments are annotations)
	}
	f := strings.Fields(body)
	if len(f) == 0 {
		return false, nil, false
	}
	switch f[0] {
	case disableFileDirective:
		fileWide = true
	case disableDirective:
	default:
		return false, nil, false
	}
	for _, r := range f[1:] {
		for _, x := range strings.Split(r, ",") {
			if x = strings.TrimSpace(x); x != "" {
				rules = append(rules, x)
			}
		}
	}
	return fileWide, rules, true
}

func collectSuppressions(pages []*input.Page) suppressions {
	s := suppressions{}
	for _, p := range pages {
		for i, b := range p.Blocks {
			if b.Kind != input.KindComment {
				continue
			}
			fileWide, rules, ok := parseDirective(b.Comment.Body)
			if !ok {
				continue
			}
			if fileWide {
				s[p.Path] = append(s[p.Path], lineRange{from: 1, to: 0, rules: rules})
				continue
			}
			j := i + 1
			for j < len(p.Blocks) && p.Blocks[j].Kind == input.KindComment {
				j++
			}
			r := lineRange{from: b.Pos.Line, rules: rules}
			switch {
			case j+1 < len(p.Blocks):
				r.to = p.Blocks[j+1].Pos.Line - 1
			case j < len(p.Blocks):
				r.to = 0
			default:
				r.to = b.Pos.Line
			}
			s[p.Path] = append(s[p.Path], r)
		}
	}
	return s
}

func (s suppressions) suppressed(d model.Diagnostic) bool {
	for _, r := range s[d.Pos.File] {
		if d.Pos.Line < r.from || (r.to != 0 && d.Pos.Line > r.to) {
			continue
		}
		if len(r.rules) == 0 || containsStr(r.rules, d.Rule) {
			return true
		}
	}
	return false
}
