package lint

import (
	"strings"

	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/input"
)

// HTTP request headers and URL length (anchor §7 item 15, ApiDoctor's
// NonStandardHeaderUsed and UrlLengthExceedsMaximum).

var (
	RuleHTTPHeaderInvalid = model.Rule{ID: "http-header-invalid", Severity: model.SevWarning,
		Summary: "a header line of a request example is malformed (no colon, white space or other characters a header name cannot hold) or misspells a standard HTTP or Graph header",
		Example: "Content-Tpye: application/json"}
	RuleURLTooLong = model.Rule{ID: "url-too-long", Severity: model.SevWarning,
		Summary: "a request example's URL is longer than 2,083 characters, ApiDoctor's maximum URL length",
		Example: "GET https://graph.microsoft.com/v1.0/users?$filter=... (2,500 characters)"}
)

// MaxURLLength is ApiDoctor's maximum URL length (oneapi-design-v1.json).
const MaxURLLength = 2083

// standardHeaders are the request headers Graph examples use, with the
// spelling the HTTP specifications and the Graph docs give them.
var standardHeaders = []string{
	"Accept", "Accept-Charset", "Accept-Encoding", "Accept-Language", "Authorization",
	"Cache-Control", "client-request-id", "ConsistencyLevel", "Content-Disposition",
	"Content-Encoding", "Content-Language", "Content-Length", "Content-Location",
	"Content-Range", "Content-Type", "Cookie", "Date", "ETag", "Expect", "Host", "If-Match",
	"If-Modified-Since", "If-None-Match", "If-Range", "If-Unmodified-Since", "Location",
	"Origin", "Prefer", "Range", "Referer", "return-client-request-id", "Transfer-Encoding",
	"User-Agent", "workbook-session-id", "X-AnchorMailbox", "X-HTTP-Method-Override",
}

// stdLower holds standardHeaders in lower case; stdSpelling maps each back
// to its spelling.
var stdLower, stdSpelling = func() ([]string, map[string]string) {
	lower := make([]string, len(standardHeaders))
	spelling := make(map[string]string, len(standardHeaders))
	for i, h := range standardHeaders {
		lower[i] = strings.ToLower(h)
		spelling[lower[i]] = h
	}
	return lower, spelling
}()

// isTokenChar reports whether c may appear in a header name (RFC 9110 tchar).
func isTokenChar(c byte) bool {
	return isLetter(c) || isDigit(c) || strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0
}

func (l *linter) checkHTTPRequests() {
	for _, op := range l.m.Operations {
		for _, ex := range op.Examples {
			if ex.Kind != model.ExampleRequest {
				continue
			}
			if len(ex.URL) > MaxURLLength {
				l.add(ex.Pos, RuleURLTooLong, "request URL is %d characters long, more than the maximum of %d", len(ex.URL), MaxURLLength)
			}
			if b := l.codeBlockAt(ex.Page, ex.Pos); b != nil {
				l.checkHeaderLines(b)
			}
		}
	}
}

// codeBlockAt returns the code block of page path that starts at pos.
func (l *linter) codeBlockAt(path string, pos input.Pos) *input.Block {
	p := l.byPath[path]
	if p == nil {
		return nil
	}
	for _, b := range p.Blocks {
		if b.Kind == input.KindCode && b.Pos == pos {
			return b
		}
	}
	return nil
}

// checkHeaderLines reads the lines between a request line and the first
// blank line (or the start of a JSON body) as headers.
func (l *linter) checkHeaderLines(b *input.Block) {
	lines := b.Code.Lines
	i := 0
	for i < len(lines) && strings.TrimSpace(lines[i].Text) == "" {
		i++
	}
	i++ // the request line (compile reports a bad one)
	for ; i < len(lines); i++ {
		txt := strings.TrimSpace(lines[i].Text)
		if txt == "" || strings.ContainsAny(txt[:1], "{[<\"") {
			return
		}
		pos := lines[i].Pos
		name, _, ok := strings.Cut(txt, ":")
		if !ok {
			l.add(pos, RuleHTTPHeaderInvalid, "line %q of the request's header block is not a header (Name: value)", clip(txt))
			continue
		}
		if name != strings.TrimSpace(name) || name == "" {
			l.add(pos, RuleHTTPHeaderInvalid, "header name %q has white space around it or is empty", name)
			continue
		}
		bad := false
		for j := 0; j < len(name); j++ {
			if !isTokenChar(name[j]) {
				bad = true
				break
			}
		}
		if bad {
			l.add(pos, RuleHTTPHeaderInvalid, "header name %q holds characters a header name cannot (white space, punctuation)", name)
			continue
		}
		ln := strings.ToLower(name)
		if _, ok := stdSpelling[ln]; ok || len(ln) < 4 {
			continue
		}
		if c := closest(ln, stdLower, 2); c != "" {
			l.add(pos, RuleHTTPHeaderInvalid, "header %q looks like a misspelling of %q", name, stdSpelling[c])
		}
	}
}

func clip(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:57]) + "..."
	}
	return s
}
