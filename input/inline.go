package input

import (
	"bytes"
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"
)

// A piece is a source range [start, end) of inline Markdown: one line of a
// paragraph or a cell, already trimmed.
type piece struct{ start, end int }

// An inliner turns inline Markdown into plain text and links. It is a small
// scanner, not a CommonMark implementation: it knows backslash escapes,
// code spans, emphasis delimiters, inline, reference and bare links,
// images, autolinks, HTML tags and entities, which is what reference pages
// use.
type inliner struct {
	src  []byte
	str  string // src as a string: the texts taken whole from src are slices of it
	file string
	ix   *lineIndex
	defs map[string]LinkDef

	// Current input: b holds the text being scanned. For a single piece b is
	// src and offsets are source offsets; for several pieces b is a copy with
	// the pieces joined by "\n" and bufStarts/srcStarts map offsets back.
	b         []byte
	multi     bool
	bufStarts []int
	srcStarts []int
	joined    []byte // reusable buffer for b
	table     bool   // "\|" is a pipe even inside code spans

	scratch  [][]byte  // reusable output buffers, one per nesting depth
	dscratch [][]delim // reusable delimiter lists, one per nesting depth
	depth    int
	links    []Link // the links of this page so far (see runLinks); never reused for another page
	lastText string // text of the last link read, reused when a whole text is that link
	dels     []bool // reusable emphasis deletion marks
}

// inlineResult is the plain text of some inline Markdown.
type inlineResult struct {
	text  string
	links []Link
	bold  bool // the whole text is one strong emphasis
	code  bool // the whole text is one code span
}

// special marks the bytes the scanner must look at; a text without them is
// its own plain text.
var special = func() (t [256]bool) {
	for _, c := range []byte("\\`*_[]!<&") {
		t[c] = true
	}
	return t
}()

// isPlain reports whether b is its own plain text.
func isPlain(b []byte) bool {
	for _, c := range b {
		if special[c] {
			return false
		}
	}
	return true
}

// text converts pieces to plain text.
func (in *inliner) text(pieces []piece, table bool) inlineResult {
	in.table = table
	switch len(pieces) {
	case 0:
		return inlineResult{}
	case 1:
		p := pieces[0]
		if isPlain(in.src[p.start:p.end]) {
			return inlineResult{text: in.str[p.start:p.end]}
		}
		in.b, in.multi = in.src, false
		return in.runLinks(p.start, p.end)
	}
	buf := in.joined[:0]
	in.bufStarts, in.srcStarts = in.bufStarts[:0], in.srcStarts[:0]
	for i, p := range pieces {
		if i > 0 {
			buf = append(buf, '\n')
		}
		in.bufStarts = append(in.bufStarts, len(buf))
		in.srcStarts = append(in.srcStarts, p.start)
		buf = append(buf, in.src[p.start:p.end]...)
	}
	in.joined = buf
	in.b, in.multi = buf, true
	return in.runLinks(0, len(buf))
}

// runLinks runs the scanner over b[lo:hi] and returns its text with the
// links found. The links of a page are appended to one array (in.links) and
// each result gets its own part of it, capped so that appending to it
// copies instead of writing over the next result's links.
func (in *inliner) runLinks(lo, hi int) inlineResult {
	if cap(in.links)-len(in.links) < 2 {
		// A fresh array rather than a larger copy (the results already
		// taken keep the old one); eight links are a paragraph's worth.
		in.links = make([]Link, 0, 8)
	}
	var r inlineResult
	first := len(in.links)
	r.text, r.bold, r.code = in.run(lo, hi, &in.links)
	if n := len(in.links); n > first {
		r.links = in.links[first:n:n]
	}
	return r
}

// srcOff maps an offset of b to a source offset.
func (in *inliner) srcOff(i int) int {
	if !in.multi {
		return i
	}
	lo, hi := 0, len(in.bufStarts)
	for hi-lo > 1 {
		m := int(uint(lo+hi) >> 1)
		if in.bufStarts[m] <= i {
			lo = m
		} else {
			hi = m
		}
	}
	return in.srcStarts[lo] + i - in.bufStarts[lo]
}

// A delim is a run of '*' or '_' that may open or close emphasis.
type delim struct {
	pos         int // offset of the run in out
	orig, n     int // run length, characters not yet used
	ch          byte
	open, close bool
}

// maxDelims bounds emphasis processing; longer runs of delimiters are left
// as written.
const maxDelims = 1000

// run scans b[lo:hi], appends the links it finds to links (when not nil) and
// returns the plain text.
func (in *inliner) run(lo, hi int, links *[]Link) (text string, bold, code bool) {
	if in.depth == len(in.scratch) {
		in.scratch = append(in.scratch, nil)
		in.dscratch = append(in.dscratch, nil)
	}
	out, ds := in.scratch[in.depth][:0], in.dscratch[in.depth][:0]
	in.depth++
	text, bold, code, out, ds = in.scan(lo, hi, links, out, ds)
	in.depth--
	in.scratch[in.depth], in.dscratch[in.depth] = out[:0], ds[:0]
	return text, bold, code
}

// scan does the work of run with out as its output buffer, which it
// returns for reuse.
func (in *inliner) scan(lo, hi int, links *[]Link, out []byte, ds []delim) (text string, bold, code bool, _ []byte, _ []delim) {
	b := in.b
	in.lastText = ""
	for i := lo; i < hi; {
		c := b[i]
		switch c {
		case '\\':
			if i+1 < hi && isASCIIPunct(b[i+1]) {
				out = append(out, b[i+1])
				i += 2
				continue
			}
			out = append(out, c)
			i++
		case '`':
			n := runLen(b, i, hi, '`')
			j := findCodeClose(b, i+n, hi, n)
			if j < 0 {
				out = append(out, b[i:i+n]...)
				i += n
				continue
			}
			if i == lo && j+n == hi {
				code = true
			}
			out = in.appendCode(out, b[i+n:j])
			i = j + n
		case '*', '_':
			n := runLen(b, i, hi, c)
			open, close := flanking(b, lo, hi, i, i+n, c)
			ds = append(ds, delim{pos: len(out), orig: n, n: n, ch: c, open: open, close: close})
			out = append(out, b[i:i+n]...)
			i += n
		case '!':
			if i+1 < hi && b[i+1] == '[' {
				if end, alt, ok := in.link(i+1, hi, nil); ok {
					out = append(out, alt...)
					i = end
					continue
				}
			}
			out = append(out, c)
			i++
		case '[':
			if end, t, ok := in.link(i, hi, links); ok {
				out = append(out, t...)
				i = end
				continue
			}
			out = append(out, c)
			i++
		case '<':
			if end, repl, ok := in.angle(i, hi, out); ok {
				if repl == "\n" {
					for len(out) > 0 && (out[len(out)-1] == ' ' || out[len(out)-1] == '\t') {
						out = out[:len(out)-1]
					}
				}
				out = append(out, repl...)
				i = end
				continue
			}
			out = append(out, c)
			i++
		case '&':
			if end, repl, ok := entity(b, i, hi); ok {
				out = append(out, repl...)
				i = end
				continue
			}
			out = append(out, c)
			i++
		default:
			j := i + 1
			for j < hi && !special[b[j]] {
				j++
			}
			out = append(out, b[i:j]...)
			i = j
		}
	}
	var del []bool
	if len(ds) > 1 && len(ds) <= maxDelims {
		del, bold = emphasis(ds, len(out), &in.dels)
	}
	if del == nil {
		t := trimSpaceBytes(out)
		if in.lastText != "" && string(t) == in.lastText {
			return in.lastText, false, code, out, ds
		}
		return string(t), false, code, out, ds
	}
	w := 0
	for k, c := range out {
		if !del[k] {
			out[w] = c
			w++
		}
	}
	return string(trimSpaceBytes(out[:w])), bold, code, out, ds
}

// trimSpaceBytes is bytes.TrimSpace without allocation worries.
func trimSpaceBytes(b []byte) []byte { return bytes.TrimSpace(b) }

// emphasis matches delimiter runs the CommonMark way and returns which
// bytes of out they remove, and whether one pair of double delimiters spans
// the whole text.
func emphasis(ds []delim, outLen int, reuse *[]bool) (del []bool, bold bool) {
	var bottom [2][2][3]int // per char, closer-can-open, length mod 3: search floor
	for a := range bottom {
		for b := range bottom[a] {
			for c := range bottom[a][b] {
				bottom[a][b][c] = -1
			}
		}
	}
	for ci := range ds {
		c := &ds[ci]
		if !c.close {
			continue
		}
		for c.n > 0 {
			chi := 0
			if c.ch == '_' {
				chi = 1
			}
			oi0 := 0
			if c.open {
				oi0 = 1
			}
			floor := &bottom[chi][oi0][c.orig%3]
			found := -1
			for oi := ci - 1; oi > *floor; oi-- {
				o := &ds[oi]
				if o.ch != c.ch || o.n == 0 || !o.open {
					continue
				}
				if (o.close || c.open) && (o.orig+c.orig)%3 == 0 && !(o.orig%3 == 0 && c.orig%3 == 0) {
					continue
				}
				found = oi
				break
			}
			if found < 0 {
				*floor = ci - 1
				break
			}
			o := &ds[found]
			use := 1
			if o.n >= 2 && c.n >= 2 {
				use = 2
			}
			if del == nil {
				if cap(*reuse) < outLen {
					*reuse = make([]bool, outLen)
				}
				del = (*reuse)[:outLen]
				clear(del)
			}
			for k := o.pos + o.n - use; k < o.pos+o.n; k++ {
				del[k] = true
			}
			cs := c.pos + c.orig - c.n
			for k := cs; k < cs+use; k++ {
				del[k] = true
			}
			if use == 2 && o.pos == 0 && o.n == o.orig && c.pos+c.orig == outLen && c.n == c.orig {
				bold = true
			}
			o.n -= use
			c.n -= use
			for k := found + 1; k < ci; k++ {
				ds[k].n = 0
			}
		}
	}
	return del, bold
}

// flanking computes whether the delimiter run b[s:e] of ch can open or close
// emphasis, treating the ends of b[lo:hi] as white space.
func flanking(b []byte, lo, hi, s, e int, ch byte) (open, close bool) {
	prev, next := ' ', ' '
	if s > lo {
		prev, _ = utf8.DecodeLastRune(b[lo:s])
	}
	if e < hi {
		next, _ = utf8.DecodeRune(b[e:hi])
	}
	prevSpace, nextSpace := unicode.IsSpace(prev), unicode.IsSpace(next)
	prevPunct, nextPunct := isPunctRune(prev), isPunctRune(next)
	left := !nextSpace && (!nextPunct || prevSpace || prevPunct)
	right := !prevSpace && (!prevPunct || nextSpace || nextPunct)
	if ch == '*' {
		return left, right
	}
	return left && (!right || prevPunct), right && (!left || nextPunct)
}

func isPunctRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIPunct(byte(r))
	}
	return unicode.IsPunct(r) || unicode.IsSymbol(r)
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

func runLen(b []byte, i, hi int, c byte) int {
	n := 0
	for i+n < hi && b[i+n] == c {
		n++
	}
	return n
}

// findCodeClose returns the offset of a backtick run of exactly n at or
// after from, or -1.
func findCodeClose(b []byte, from, hi, n int) int {
	for i := from; i < hi; {
		if b[i] != '`' {
			i++
			continue
		}
		m := runLen(b, i, hi, '`')
		if m == n {
			return i
		}
		i += m
	}
	return -1
}

// appendCode appends the content of a code span: line breaks become
// spaces and one space is stripped from each side when both have one.
func (in *inliner) appendCode(out, content []byte) []byte {
	if len(content) >= 2 && (content[0] == ' ' || content[0] == '\n') &&
		(content[len(content)-1] == ' ' || content[len(content)-1] == '\n') {
		allSpace := true
		for _, c := range content {
			if c != ' ' && c != '\n' {
				allSpace = false
				break
			}
		}
		if !allSpace {
			content = content[1 : len(content)-1]
		}
	}
	for i := 0; i < len(content); i++ {
		c := content[i]
		switch {
		case c == '\n':
			out = append(out, ' ')
		case c == '\r':
		case c == '\\' && in.table && i+1 < len(content) && content[i+1] == '|':
			out = append(out, '|')
			i++
		default:
			out = append(out, c)
		}
	}
	return out
}

// maxLinkText bounds the search for the ']' closing a link text.
const maxLinkText = 2000

// matchBracket returns the offset of the ']' matching the '[' at i, or -1.
func matchBracket(b []byte, i, hi int) int {
	depth := 0
	limit := hi
	if limit > i+maxLinkText {
		limit = i + maxLinkText
	}
	for j := i; j < limit; j++ {
		switch b[j] {
		case '\\':
			j++
		case '`':
			n := runLen(b, j, limit, '`')
			if k := findCodeClose(b, j+n, limit, n); k >= 0 {
				j = k + n - 1
			} else {
				j += n - 1
			}
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}

// link reads a link (or, with links nil, an image) whose text opens at the
// '[' at i. It returns the offset after it and its plain text. A "[x]" with
// no definition is not a link.
func (in *inliner) link(i, hi int, links *[]Link) (end int, text string, ok bool) {
	b := in.b
	j := matchBracket(b, i, hi)
	if j < 0 {
		return 0, "", false
	}
	var target, ref string
	k := j + 1
	switch {
	case k < hi && b[k] == '(':
		t, e, found := in.inlineDest(b, k+1, hi)
		if !found {
			return 0, "", false
		}
		target, end = t, e
	case k < hi && b[k] == '[' && bytesIndex(b[k+1:hi], ']') >= 0:
		m := k + 1 + bytesIndex(b[k+1:hi], ']')
		label := strings.TrimSpace(in.sub(b[k+1 : m]))
		if label == "" {
			label = strings.TrimSpace(in.sub(b[i+1 : j]))
		}
		ref = label
		target = in.defs[util.ToLinkReference([]byte(label))].Target
		end = m + 1
	default:
		if len(in.defs) == 0 {
			return 0, "", false
		}
		label := strings.TrimSpace(in.sub(b[i+1 : j]))
		if label == "" {
			return 0, "", false
		}
		d, found := in.defs[util.ToLinkReference([]byte(label))]
		if !found {
			return 0, "", false
		}
		ref, target, end = label, d.Target, j+1
	}
	if isPlain(b[i+1 : j]) {
		text = in.sub(trimSpaceBytes(b[i+1 : j]))
	} else {
		text, _, _ = in.run(i+1, j, nil)
	}
	in.lastText = text
	if links != nil {
		*links = append(*links, Link{Text: text, Target: target, Ref: ref, Pos: in.ix.pos(in.file, in.srcOff(i))})
	}
	return end, text, true
}

func bytesIndex(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
		if x == '[' {
			return -1
		}
	}
	return -1
}

// inlineDest reads the "(destination "title")" of an inline link from the
// byte after '('. A destination without its ')' still counts, ending at the
// first white space.
func (in *inliner) inlineDest(b []byte, p, hi int) (target string, end int, ok bool) {
	for p < hi && (b[p] == ' ' || b[p] == '\t' || b[p] == '\n') {
		p++
	}
	var dest []byte
	if p < hi && b[p] == '<' {
		q := p + 1
		for q < hi && b[q] != '>' && b[q] != '\n' {
			q++
		}
		if q < hi && b[q] == '>' {
			dest = b[p+1 : q]
			p = q + 1
		}
	}
	if dest == nil {
		s, depth := p, 0
	loop:
		for p < hi {
			switch c := b[p]; {
			case c == '\\' && p+1 < hi && isASCIIPunct(b[p+1]):
				p += 2
				continue
			case c == '(':
				depth++
			case c == ')':
				if depth == 0 {
					break loop
				}
				depth--
			case c == ' ' || c == '\t' || c == '\n' || c < ' ':
				break loop
			}
			p++
		}
		dest = b[s:p]
	}
	destEnd := p
	q := p
	for q < hi && (b[q] == ' ' || b[q] == '\t' || b[q] == '\n') {
		q++
	}
	if q < hi && (b[q] == '"' || b[q] == '\'' || b[q] == '(') && q > p {
		closer := b[q]
		if closer == '(' {
			closer = ')'
		}
		r := q + 1
		for r < hi && b[r] != closer {
			if b[r] == '\\' {
				r++
			}
			r++
		}
		if r < hi {
			q = r + 1
			for q < hi && (b[q] == ' ' || b[q] == '\t' || b[q] == '\n') {
				q++
			}
		}
	}
	target = in.unescape(dest)
	if q < hi && b[q] == ')' {
		return target, q + 1, true
	}
	// No ')': the destination ends at the first white space, without the
	// punctuation of the sentence around it.
	for len(dest) > 0 && (dest[len(dest)-1] == ',' || dest[len(dest)-1] == ';' || dest[len(dest)-1] == '.') {
		dest = dest[:len(dest)-1]
		destEnd--
	}
	if len(dest) == 0 {
		return "", 0, false
	}
	return in.unescape(dest), destEnd, true
}

// sub returns t as a string. t must be a part of in.b; when that is the
// page source, the string is a slice of in.str, not a copy.
func (in *inliner) sub(t []byte) string {
	if in.multi || len(t) == 0 || in.str == "" {
		return string(t)
	}
	off := cap(in.b) - cap(t)
	return in.str[off : off+len(t)]
}

// unescape is unescape for a part of in.b.
func (in *inliner) unescape(b []byte) string {
	if bytesIndexByte(b, '\\') < 0 {
		return in.sub(b)
	}
	return unescape(b)
}

// unescape removes backslash escapes.
func unescape(b []byte) string {
	if bytesIndexByte(b, '\\') < 0 {
		return string(b)
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] == '\\' && i+1 < len(b) && isASCIIPunct(b[i+1]) {
			i++
		}
		out = append(out, b[i])
	}
	return string(out)
}

func bytesIndexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}

// angle reads what starts with '<' at i: an HTML comment or tag (dropped;
// <br> becomes a line break, <li> starts a line) or an autolink (its URL).
func (in *inliner) angle(i, hi int, out []byte) (end int, repl string, ok bool) {
	b := in.b
	if i+3 < hi && b[i+1] == '!' && b[i+2] == '-' && b[i+3] == '-' {
		for k := i + 4; k+2 < hi; k++ {
			if b[k] == '-' && b[k+1] == '-' && b[k+2] == '>' {
				return k + 3, "", true
			}
		}
		return 0, "", false
	}
	p := i + 1
	closing := false
	if p < hi && b[p] == '/' {
		closing = true
		p++
	}
	if p >= hi || !isASCIILetter(b[p]) {
		return 0, "", false
	}
	ns := p
	for p < hi && (isASCIILetter(b[p]) || b[p] >= '0' && b[p] <= '9' || b[p] == '-') {
		p++
	}
	name := b[ns:p]
	// Autolink: <scheme:rest>.
	if !closing && p < hi && b[p] == ':' && p-ns >= 2 {
		q := p + 1
		for q < hi && b[q] != '>' && b[q] != '<' && b[q] != ' ' && b[q] != '\n' {
			q++
		}
		if q < hi && b[q] == '>' {
			return q + 1, string(b[i+1 : q]), true
		}
		return 0, "", false
	}
	if p < hi && b[p] != '>' && b[p] != ' ' && b[p] != '\t' && b[p] != '\n' && !(b[p] == '/' && p+1 < hi && b[p+1] == '>') {
		return 0, "", false // not a tag, e.g. "<country/region>"
	}
	q := p
	var quote byte
	for ; q < hi; q++ {
		c := b[q]
		if quote != 0 {
			if c == quote {
				quote = 0
			}
			continue
		}
		if c == '"' || c == '\'' {
			quote = c
			continue
		}
		if c == '<' {
			return 0, "", false
		}
		if c == '>' {
			break
		}
	}
	if q >= hi {
		return 0, "", false
	}
	switch lower := strings.ToLower(string(name)); {
	case lower == "br":
		return q + 1, "\n", true
	case lineTags[lower]:
		if len(out) > 0 && out[len(out)-1] != '\n' {
			return q + 1, "\n", true
		}
	}
	return q + 1, "", true
}

// lineTags are the block-level tags that, opening or closing, separate
// lines of plain text (so "<li>a</li><li>b</li>" reads "a\nb").
var lineTags = map[string]bool{
	"li": true, "ul": true, "ol": true, "p": true, "div": true, "tr": true, "table": true,
	"dd": true, "dt": true, "dl": true, "h1": true, "h2": true, "h3": true, "h4": true,
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// entity decodes an HTML entity or numeric character reference at i.
func entity(b []byte, i, hi int) (end int, repl string, ok bool) {
	k := i + 1
	for k < hi && k-i <= 32 && (isASCIILetter(b[k]) || b[k] >= '0' && b[k] <= '9' || b[k] == '#') {
		k++
	}
	if k >= hi || b[k] != ';' || k == i+1 {
		return 0, "", false
	}
	s := string(b[i : k+1])
	d := html.UnescapeString(s)
	if d == s {
		return 0, "", false
	}
	return k + 1, d, true
}
