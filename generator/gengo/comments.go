package gengo

import (
	"regexp"
	"strings"
	"unicode"
)

var (
	reMdLink    = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	reMdRefLink = regexp.MustCompile(`\[([^\]]+)\]\[[^\]]*\]`)
	reHTMLTag   = regexp.MustCompile(`</?[a-zA-Z][^<>]*>`)
	reEmphasis  = regexp.MustCompile(`(\*\*|__)([^*_]+)(\*\*|__)`)
	reTodo      = regexp.MustCompile(`(?i)\b(todo|tbd)\b`)
)

// docText cleans a description for godoc: Markdown links become their
// text, HTML tags, emphasis markers and backticks go, whitespace collapses,
// and sentences holding a TODO/TBD placeholder are dropped.
func docText(s string) string {
	s = reMdLink.ReplaceAllString(s, "$1")
	s = reMdRefLink.ReplaceAllString(s, "$1")
	s = reHTMLTag.ReplaceAllString(s, " ")
	s = reEmphasis.ReplaceAllString(s, "$2")
	s = strings.ReplaceAll(s, "`", "")
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return ' '
		}
		if !unicode.IsPrint(r) {
			return -1
		}
		return r
	}, s)
	var kept []string
	for _, sent := range sentences(strings.Join(strings.Fields(s), " ")) {
		if reTodo.MatchString(sent) {
			continue
		}
		kept = append(kept, sent)
	}
	return strings.Join(kept, " ")
}

// sentences splits s after ". ", "! " and "? ".
func sentences(s string) []string {
	var out []string
	start := 0
	for i := 0; i+1 < len(s); i++ {
		if (s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i+1] == ' ' {
			out = append(out, s[start:i+1])
			start = i + 2
		}
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// wrap breaks s into lines of at most width bytes where it can (a longer
// word gets a line of its own).
func wrap(s string, width int) []string {
	var lines []string
	var cur strings.Builder
	for _, w := range strings.Fields(s) {
		if cur.Len() > 0 && cur.Len()+1+len(w) > width {
			lines = append(lines, cur.String())
			cur.Reset()
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(w)
	}
	if cur.Len() > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}

// docLines returns the godoc lines for a description, cleaned and wrapped
// to 76 columns; nil when nothing is left.
func docLines(s string) []string { return wrap(docText(s), 76) }
