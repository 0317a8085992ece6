package jsonx

import (
	"bytes"
	"fmt"
	"sort"
	"sync"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// MaxDepth is the deepest nesting of arrays and objects Parse accepts.
// Documentation examples nest a few dozen levels at most; the bound keeps
// recursion (and so the goroutine stack) small on hostile input.
const MaxDepth = 1000

// Parse reads one JSON value from src.
//
// Strict JSON (RFC 8259, as accepted by encoding/json) parses with no fixes.
// Otherwise Parse reads leniently and records each repair as a Fix at the
// byte offset where it applies: trailing commas, comments, unquoted or
// single-quoted keys, single-quoted strings, raw line breaks or tabs in
// strings (one fix per string), missing commas between members or elements
// on different lines, "..." or "…" standing for omitted content, numbers
// JSON forbids (such as 0000000000), non-JSON space characters between
// tokens (one fix per run), and text after the top-level value (which is
// ignored, unless it is ':' or ',' and a value, which show a fragment of
// an object or array without its brackets). Fixes are sorted by offset.
//
// When src cannot be read even leniently, Parse returns the part of the
// value read so far (possibly nil), the fixes made until then, and a
// SyntaxError. Parse never panics and runs in time linear in len(src).
func Parse(src []byte) (*Value, []Fix, *SyntaxError) { return parse(src, "") }

// ParseString is Parse for text held in a string: the keys, strings and
// number literals that need no decoding are slices of s, not copies.
func ParseString(s string) (*Value, []Fix, *SyntaxError) { return parse([]byte(s), s) }

// ParseSource is Parse for src whose bytes text also holds (text ==
// string(src)): like ParseString, it slices text instead of copying.
func ParseSource(src []byte, text string) (*Value, []Fix, *SyntaxError) {
	if len(text) != len(src) {
		text = ""
	}
	return parse(src, text)
}

func parse(src []byte, text string) (*Value, []Fix, *SyntaxError) {
	p := &parser{src: src, text: text}
	if st, ok := stackPool.Get().(*stacks); ok {
		p.members, p.elems, p.buf = st.members, st.elems, st.buf
	}
	defer func() {
		// Only small stacks are kept, so one huge input does not pin memory.
		if cap(p.members) <= 1<<12 && cap(p.elems) <= 1<<12 && cap(p.buf) <= 1<<16 {
			stackPool.Put(&stacks{p.members[:0], p.elems[:0], p.buf[:0]})
		}
	}()
	p.skip()
	var v *Value
	if p.err == nil {
		if p.i >= len(src) {
			p.fail(p.i, "unexpected end of input")
		} else {
			v = p.value()
		}
	}
	if p.err == nil {
		p.skip()
		if p.err == nil && p.i < len(src) {
			if p.fragment() {
				// Members or elements without their brackets, such as
				// "a": 1, "b": 2: not a value with text after it.
				if src[p.i] == ':' {
					p.fail(p.i, "object members without enclosing braces")
				} else {
					p.fail(p.i, "several values without enclosing brackets")
				}
			} else {
				p.fix(p.i, FixTrailingText)
			}
		}
	}
	sort.SliceStable(p.fixes, func(a, b int) bool { return p.fixes[a].Offset < p.fixes[b].Offset })
	return v, p.fixes, p.err
}

// fragment reports whether the text at p.i, after the top-level value,
// continues it as a list of members or elements: a colon, or a comma and
// another value.
func (p *parser) fragment() bool {
	switch p.src[p.i] {
	case ':':
		return true
	case ',':
		save, nfix := p.i, len(p.fixes)
		p.i++
		p.skip()
		more := p.err == nil && p.i < len(p.src) && startsValue(p.src[p.i])
		p.i, p.fixes, p.err = save, p.fixes[:nfix], nil
		return more
	}
	return false
}

// stacks are the scratch slices of a parser, reused across calls.
type stacks struct {
	members []Member
	elems   []*Value
	buf     []byte
}

var stackPool sync.Pool

type parser struct {
	src   []byte
	text  string // src as a string, or ""
	i     int
	depth int
	fixes []Fix
	err   *SyntaxError
	buf   []byte  // scratch for decoding strings with escapes
	slab  []Value // preallocated values
	slabs int     // number of slabs allocated

	// Stacks of the members and elements of the objects and arrays being read.
	members []Member
	elems   []*Value

	// The last string with a raw line break: the offset of its first
	// break and the end of the string.
	rawBreak, rawEnd int
}

func (p *parser) fix(off int, kind string) {
	p.fixes = append(p.fixes, Fix{Offset: off, Kind: kind})
}

func (p *parser) fail(off int, format string, args ...any) {
	if p.err == nil {
		p.err = &SyntaxError{Offset: off, Msg: fmt.Sprintf(format, args...)}
	}
}

// unexpected reports the character at p.i as unexpected in context what.
// Right after a string with a raw line break in it, the likely mistake is
// a missing closing quote on the line of the break, so that is reported.
func (p *parser) unexpected(what string) {
	if p.rawEnd > 0 && p.rawEnd <= p.i && len(bytes.TrimLeft(p.src[p.rawEnd:p.i], " \t\r\n")) == 0 {
		p.fail(p.rawBreak, "line break in string, probably a missing closing quote")
		return
	}
	if p.i >= len(p.src) {
		p.fail(p.i, "unexpected end of input%s", what)
		return
	}
	r, _ := utf8.DecodeRune(p.src[p.i:])
	p.fail(p.i, "unexpected character %q%s", r, what)
}

// skip skips JSON white space, comments and non-JSON space characters,
// recording a fix for each comment and each run of non-JSON spaces.
func (p *parser) skip() {
	src := p.src
	spaceEnd := -1 // end of the last non-JSON space, to merge runs into one fix
	for p.i < len(src) {
		c := src[p.i]
		switch c {
		case ' ', '\t', '\n', '\r':
			p.i++
			continue
		case '/':
			if p.i+1 < len(src) && src[p.i+1] == '/' {
				p.fix(p.i, FixComment)
				j := bytes.IndexByte(src[p.i:], '\n')
				if j < 0 {
					p.i = len(src)
				} else {
					p.i += j
				}
				continue
			}
			if p.i+1 < len(src) && src[p.i+1] == '*' {
				p.fix(p.i, FixComment)
				j := bytes.Index(src[p.i+2:], []byte("*/"))
				if j < 0 {
					p.i = len(src) // unclosed: the comment runs to the end
				} else {
					p.i += 2 + j + 2
				}
				continue
			}
			return
		}
		n := spaceLen(src[p.i:])
		if n == 0 {
			return
		}
		if p.i != spaceEnd {
			p.fix(p.i, FixSpace)
		}
		p.i += n
		spaceEnd = p.i
	}
}

// spaceLen returns the length of the non-JSON space character at the start
// of b, or 0.
func spaceLen(b []byte) int {
	if len(b) == 0 {
		return 0
	}
	switch b[0] {
	case '\f', '\v':
		return 1
	case 0xC2: // U+0085 NEL, U+00A0 NO-BREAK SPACE
		if len(b) >= 2 && (b[1] == 0xA0 || b[1] == 0x85) {
			return 2
		}
	case 0xE2:
		if len(b) >= 3 {
			switch {
			case b[1] == 0x80 && b[2] >= 0x80 && b[2] <= 0x8B: // U+2000..U+200B
				return 3
			case b[1] == 0x80 && (b[2] == 0xA8 || b[2] == 0xA9 || b[2] == 0xAF): // U+2028, U+2029, U+202F
				return 3
			case b[1] == 0x81 && (b[2] == 0x9F || b[2] == 0xA0): // U+205F, U+2060
				return 3
			}
		}
	case 0xE3: // U+3000 IDEOGRAPHIC SPACE
		if len(b) >= 3 && b[1] == 0x80 && b[2] == 0x80 {
			return 3
		}
	case 0xEF: // U+FEFF BYTE ORDER MARK
		if len(b) >= 3 && b[1] == 0xBB && b[2] == 0xBF {
			return 3
		}
	}
	return 0
}

// ellipsisLen returns the length of "..." (three or more dots) or of a run
// of "…" at p.i, or 0.
func (p *parser) ellipsisLen() int {
	b := p.src[p.i:]
	n := 0
	if bytes.HasPrefix(b, []byte("...")) {
		for n < len(b) && b[n] == '.' {
			n++
		}
		return n
	}
	for bytes.HasPrefix(b[n:], []byte("…")) {
		n += len("…")
	}
	return n
}

// enter counts one level of nesting and reports whether it is allowed.
func (p *parser) enter() bool {
	p.depth++
	if p.depth > MaxDepth {
		p.fail(p.i, "nesting deeper than %d levels", MaxDepth)
		return false
	}
	return true
}

// value reads the value starting at p.i (which is not white space).
func (p *parser) value() *Value {
	if p.i >= len(p.src) {
		p.unexpected("")
		return nil
	}
	c := p.src[p.i]
	switch {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"' || c == '\'':
		off := p.i
		s, _ := p.str()
		v := p.newValue(String, off)
		v.Str = s
		return v
	case c == '-' || c == '+' || c == '.' || ('0' <= c && c <= '9'):
		return p.number()
	case c == 't':
		return p.literal("true", Bool, true)
	case c == 'f':
		return p.literal("false", Bool, false)
	case c == 'n':
		return p.literal("null", Null, false)
	}
	p.unexpected("")
	return nil
}

func (p *parser) literal(word string, k Kind, b bool) *Value {
	if !bytes.HasPrefix(p.src[p.i:], []byte(word)) {
		p.unexpected("")
		return nil
	}
	v := p.newValue(k, p.i)
	v.Bool = b
	p.i += len(word)
	return v
}

// newValue returns a new Value, allocated with others in blocks.
func (p *parser) newValue(k Kind, off int) *Value {
	if len(p.slab) == 0 {
		n := 64
		if p.slabs == 0 {
			// Each value is the first in src, the first in an array or
			// object, or follows a comma: that many values fit unless
			// commas are missing or stand in strings.
			n = min(1+bytes.Count(p.src, []byte{','})+bytes.Count(p.src, []byte{'['})+bytes.Count(p.src, []byte{'{'}), 4096)
		}
		p.slabs++
		p.slab = make([]Value, n)
	}
	v := &p.slab[0]
	p.slab = p.slab[1:]
	v.Kind, v.Offset = k, off
	return v
}

func (p *parser) object() *Value {
	if !p.enter() {
		return nil // keep partial trees within MaxDepth
	}
	v := p.newValue(Object, p.i)
	p.i++
	// Members collect on a stack shared by all objects and are copied out
	// once, at their exact number, however the object ends.
	mark := len(p.members)
	defer func() {
		if n := len(p.members) - mark; n > 0 {
			v.Members = append(make([]Member, 0, n), p.members[mark:]...)
			clear(p.members[mark:])
			p.members = p.members[:mark]
		}
		p.depth--
	}()
	src := p.src
	lastComma := -1 // offset of a comma not yet followed by a member
	needSep := false
	prevEnd := 0 // end of the previous member
	for {
		p.skip()
		if p.err != nil {
			return v
		}
		if p.i >= len(src) {
			p.unexpected(" in object")
			return v
		}
		c := src[p.i]
		if c == '}' {
			if lastComma >= 0 {
				p.fix(lastComma, FixTrailingComma)
			}
			p.i++
			return v
		}
		if n := p.ellipsisLen(); n > 0 {
			p.skipEllipsis(n)
			lastComma, needSep = -1, false
			continue
		}
		if c == ',' {
			if !needSep {
				p.unexpected(" in object")
				return v
			}
			lastComma, needSep = p.i, false
			p.i++
			continue
		}
		if needSep {
			if !startsKey(src[p.i:]) || bytes.IndexByte(src[prevEnd:p.i], '\n') < 0 {
				p.unexpected(", expected ',' or '}' after object member")
				return v
			}
			p.fix(prevEnd, FixMissingComma)
		}
		keyOff := p.i
		key, ok := p.key()
		if !ok {
			return v
		}
		p.skip()
		if p.err != nil {
			return v
		}
		if p.i >= len(src) || src[p.i] != ':' {
			p.unexpected(", expected ':' after object key")
			return v
		}
		p.i++
		p.skip()
		if p.err != nil {
			return v
		}
		lastComma, needSep = -1, true
		if p.i < len(src) {
			if n := p.ellipsisLen(); n > 0 {
				// "key": ... leaves the value out; drop the member.
				p.fix(p.i, FixEllipsis)
				p.i += n
				prevEnd = p.i
				continue
			}
		}
		val := p.value()
		if val != nil {
			p.members = append(p.members, Member{Key: key, KeyOffset: keyOff, Value: val})
		}
		if p.err != nil {
			return v
		}
		prevEnd = p.i
	}
}

// skipEllipsis skips an ellipsis of n bytes at p.i and one comma after it.
func (p *parser) skipEllipsis(n int) {
	p.fix(p.i, FixEllipsis)
	p.i += n
	save := p.i
	nfix := len(p.fixes)
	p.skip()
	if p.err == nil && p.i < len(p.src) && p.src[p.i] == ',' {
		p.i++
		return
	}
	p.i, p.fixes = save, p.fixes[:nfix] // the caller skips again
}

func (p *parser) array() *Value {
	if !p.enter() {
		return nil // keep partial trees within MaxDepth
	}
	v := p.newValue(Array, p.i)
	p.i++
	mark := len(p.elems) // as for object members
	defer func() {
		if n := len(p.elems) - mark; n > 0 {
			v.Elems = append(make([]*Value, 0, n), p.elems[mark:]...)
			clear(p.elems[mark:])
			p.elems = p.elems[:mark]
		}
		p.depth--
	}()
	src := p.src
	lastComma := -1
	needSep := false
	prevEnd := 0
	for {
		p.skip()
		if p.err != nil {
			return v
		}
		if p.i >= len(src) {
			p.unexpected(" in array")
			return v
		}
		c := src[p.i]
		if c == ']' {
			if lastComma >= 0 {
				p.fix(lastComma, FixTrailingComma)
			}
			p.i++
			return v
		}
		if n := p.ellipsisLen(); n > 0 {
			p.skipEllipsis(n)
			lastComma, needSep = -1, false
			continue
		}
		if c == ',' {
			if !needSep {
				p.unexpected(" in array")
				return v
			}
			lastComma, needSep = p.i, false
			p.i++
			continue
		}
		if needSep {
			if !startsValue(c) || bytes.IndexByte(src[prevEnd:p.i], '\n') < 0 {
				p.unexpected(", expected ',' or ']' after array element")
				return v
			}
			p.fix(prevEnd, FixMissingComma)
		}
		el := p.value()
		if el != nil {
			p.elems = append(p.elems, el)
		}
		if p.err != nil {
			return v
		}
		lastComma, needSep = -1, true
		prevEnd = p.i
	}
}

func startsValue(c byte) bool {
	switch c {
	case '{', '[', '"', '\'', '-', '+', '.', 't', 'f', 'n':
		return true
	}
	return '0' <= c && c <= '9'
}

func startsKey(b []byte) bool {
	if b[0] == '"' || b[0] == '\'' {
		return true
	}
	return identLen(b) > 0
}

// identLen returns the length of the unquoted key at the start of b:
// letters, digits and _ $ @ . - (as in isCollection or @odata.type).
func identLen(b []byte) int {
	n := 0
	for n < len(b) {
		c := b[n]
		if c < utf8.RuneSelf {
			if c == '_' || c == '$' || c == '@' || c == '.' || c == '-' ||
				('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9') {
				n++
				continue
			}
			break
		}
		r, size := utf8.DecodeRune(b[n:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		n += size
	}
	return n
}

// key reads an object key: a string, a single-quoted string or a bare word.
func (p *parser) key() (string, bool) {
	c := p.src[p.i]
	if c == '"' || c == '\'' {
		return p.str()
	}
	n := identLen(p.src[p.i:])
	if n == 0 {
		p.unexpected(", expected object key")
		return "", false
	}
	p.fix(p.i, FixUnquotedKey)
	k := p.sub(p.i, p.i+n)
	p.i += n
	return k, true
}

// str reads a string quoted with " or ' at p.i and returns it decoded.
// Invalid UTF-8 and unpaired surrogates become U+FFFD, as in encoding/json.
func (p *parser) str() (string, bool) {
	src := p.src
	start := p.i
	q := src[p.i]
	if q == '\'' {
		p.fix(start, FixSingleQuote)
	}
	p.i++
	j := p.i
	for j < len(src) {
		c := src[j]
		if c == q || c == '\\' || c < 0x20 || c >= utf8.RuneSelf {
			break
		}
		j++
	}
	if j < len(src) && src[j] == q {
		s := p.sub(p.i, j)
		p.i = j + 1
		return s, true
	}
	buf := append(p.buf[:0], src[p.i:j]...)
	p.i = j
	raw, rawAt := false, -1
	for {
		if p.i >= len(src) {
			p.fail(start, "unterminated string")
			return string(buf), false
		}
		c := src[p.i]
		switch {
		case c == q:
			p.i++
			p.buf = buf
			if rawAt >= 0 {
				p.rawBreak, p.rawEnd = rawAt, p.i
			}
			return string(buf), true
		case c == '\\':
			var ok bool
			buf, ok = p.escape(buf, q)
			if !ok {
				return string(buf), false
			}
		case c == '\n' || c == '\r' || c == '\t':
			if !raw {
				p.fix(p.i, FixRawNewline)
				raw = true
			}
			if rawAt < 0 && c != '\t' {
				rawAt = p.i
			}
			buf = append(buf, c)
			p.i++
		case c < 0x20:
			p.fail(p.i, "invalid control character %q in string", rune(c))
			return string(buf), false
		case c < utf8.RuneSelf:
			buf = append(buf, c)
			p.i++
		default:
			r, size := utf8.DecodeRune(src[p.i:])
			if r == utf8.RuneError && size == 1 {
				buf = utf8.AppendRune(buf, utf8.RuneError)
			} else {
				buf = append(buf, src[p.i:p.i+size]...)
			}
			p.i += size
		}
	}
}

// sub returns src[a:b] as a string: a slice of p.text when there is one.
func (p *parser) sub(a, b int) string {
	if p.text != "" {
		return p.text[a:b]
	}
	return string(p.src[a:b])
}

// escape decodes the escape sequence at p.i (a backslash) into buf.
func (p *parser) escape(buf []byte, q byte) ([]byte, bool) {
	src := p.src
	if p.i+1 >= len(src) {
		p.fail(p.i, "unterminated string")
		return buf, false
	}
	c := src[p.i+1]
	switch c {
	case '"', '\\', '/':
		buf = append(buf, c)
	case '\'':
		if q != '\'' {
			p.fail(p.i, "invalid escape %q in string", `\'`)
			return buf, false
		}
		buf = append(buf, c)
	case 'b':
		buf = append(buf, '\b')
	case 'f':
		buf = append(buf, '\f')
	case 'n':
		buf = append(buf, '\n')
	case 'r':
		buf = append(buf, '\r')
	case 't':
		buf = append(buf, '\t')
	case 'u':
		r := hex4(src[p.i+2:])
		if r < 0 {
			p.fail(p.i, "invalid unicode escape in string")
			return buf, false
		}
		p.i += 6
		if utf16.IsSurrogate(r) {
			if len(src) >= p.i+2 && src[p.i] == '\\' && src[p.i+1] == 'u' {
				if r2 := hex4(src[p.i+2:]); r2 >= 0 {
					if d := utf16.DecodeRune(r, r2); d != unicode.ReplacementChar {
						p.i += 6
						return utf8.AppendRune(buf, d), true
					}
				}
			}
			r = unicode.ReplacementChar
		}
		return utf8.AppendRune(buf, r), true
	default:
		r, _ := utf8.DecodeRune(src[p.i+1:])
		p.fail(p.i, "invalid escape %q in string", `\`+string(r))
		return buf, false
	}
	p.i += 2
	return buf, true
}

// hex4 decodes four hex digits at the start of b, or returns -1.
func hex4(b []byte) rune {
	if len(b) < 4 {
		return -1
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r*16 + rune(c)
	}
	return r
}

func isNumByte(c byte) bool {
	return ('0' <= c && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'
}

func (p *parser) number() *Value {
	start := p.i
	j := p.i
	for j < len(p.src) && isNumByte(p.src[j]) {
		j++
	}
	lit := p.sub(start, j)
	if !strictNumber(lit) {
		if _, ok := looseNumber(lit); !ok {
			p.fail(start, "invalid number %q", clip(lit))
			return nil
		}
		p.fix(start, FixBadNumber)
	}
	p.i = j
	v := p.newValue(Number, start)
	v.Num = lit
	return v
}

// strictNumber reports whether s is a number as JSON writes it.
func strictNumber(s string) bool {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && '1' <= s[i] && s[i] <= '9':
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
		}
	default:
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		d := i
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
		}
		if i == d {
			return false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		d := i
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
		}
		if i == d {
			return false
		}
	}
	return i == len(s)
}

// looseNumber accepts [+-]digits[.digits][e[+-]digits] with leading zeros,
// a leading + or an empty integer or fraction part, and returns the same
// number written as JSON.
func looseNumber(s string) (string, bool) {
	i := 0
	neg := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	is := i
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	intPart := s[is:i]
	var frac string
	if i < len(s) && s[i] == '.' {
		i++
		fs := i
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
		}
		frac = s[fs:i]
	}
	if intPart == "" && frac == "" {
		return "", false
	}
	var exp string
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		es := i
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		ds := i
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
		}
		if i == ds {
			return "", false
		}
		exp = s[es:i]
	}
	if i != len(s) {
		return "", false
	}
	for len(intPart) > 1 && intPart[0] == '0' {
		intPart = intPart[1:]
	}
	if intPart == "" {
		intPart = "0"
	}
	out := intPart
	if neg {
		out = "-" + out
	}
	if frac != "" {
		out += "." + frac
	}
	return out + exp, true
}

// clip shortens s for an error message.
func clip(s string) string {
	const max = 40
	if len(s) <= max {
		return s
	}
	i := max
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}
