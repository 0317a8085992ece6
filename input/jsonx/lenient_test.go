package jsonx

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// Styles of writing JSON the way docs get it wrong, for renderLenient.
const (
	styleTrailingComma = 1 << iota
	styleComment
	styleUnquotedKey
	styleSingleQuote
	styleRawNewline
	styleMissingComma
	styleEllipsis
	styleBadNumber
	styleSpace
	styleTrailingText
	styleAll = 1<<iota - 1
)

// styleFix is the fix each style may cause.
var styleFix = map[int]string{
	styleTrailingComma: FixTrailingComma,
	styleComment:       FixComment,
	styleUnquotedKey:   FixUnquotedKey,
	styleSingleQuote:   FixSingleQuote,
	styleRawNewline:    FixRawNewline,
	styleMissingComma:  FixMissingComma,
	styleEllipsis:      FixEllipsis,
	styleBadNumber:     FixBadNumber,
	styleSpace:         FixSpace,
	styleTrailingText:  FixTrailingText,
}

// renderLenient writes v one member or element per line, in the given
// styles, so that Parse must read it back to the same value with only the
// fixes of those styles.
func renderLenient(v *Value, style int) []byte {
	var b bytes.Buffer
	var write func(v *Value, indent string)
	nl := func(indent string) {
		b.WriteByte('\n')
		if style&styleSpace != 0 {
			b.WriteString("\u00a0")
		}
		b.WriteString(indent)
	}
	writeStr := func(s string) {
		q := byte('"')
		if style&styleSingleQuote != 0 {
			q = '\''
		}
		b.WriteByte(q)
		for _, r := range s {
			switch {
			case r == rune(q) || r == '\\':
				b.WriteByte('\\')
				b.WriteRune(r)
			case (r == '\n' || r == '\t') && style&styleRawNewline != 0:
				b.WriteRune(r)
			case r < 0x20:
				e, _ := json.Marshal(string(r))
				b.Write(e[1 : len(e)-1])
			default:
				b.WriteRune(r)
			}
		}
		b.WriteByte(q)
	}
	sep := func(i, n int) {
		if i < n-1 && style&styleMissingComma == 0 {
			b.WriteByte(',')
		}
	}
	write = func(v *Value, indent string) {
		switch v.Kind {
		case Null, Bool:
			b.Write(v.Marshal())
		case Number:
			num := v.Num
			if style&styleBadNumber != 0 {
				if strings.HasPrefix(num, "-") {
					num = "-00" + num[1:]
				} else {
					num = "00" + num
				}
			}
			b.WriteString(num)
		case String:
			writeStr(v.Str)
		case Array, Object:
			open, end := byte('['), byte(']')
			n := len(v.Elems)
			if v.Kind == Object {
				open, end, n = '{', '}', len(v.Members)
			}
			b.WriteByte(open)
			if style&styleComment != 0 {
				b.WriteString(" // opened")
			}
			for i := 0; i < n; i++ {
				nl(indent + "  ")
				if style&styleComment != 0 {
					b.WriteString("/* next */ ")
				}
				if v.Kind == Array {
					write(v.Elems[i], indent+"  ")
				} else {
					m := v.Members[i]
					if style&styleUnquotedKey != 0 && bareKey(m.Key) {
						b.WriteString(m.Key)
					} else {
						writeStr(m.Key)
					}
					b.WriteString(": ")
					write(m.Value, indent+"  ")
				}
				sep(i, n)
			}
			if n > 0 && style&styleTrailingComma != 0 {
				b.WriteByte(',')
			}
			if style&styleEllipsis != 0 {
				if n > 0 && style&styleMissingComma == 0 && style&styleTrailingComma == 0 {
					b.WriteByte(',')
				}
				nl(indent + "  ")
				b.WriteString("…")
			}
			nl(indent)
			b.WriteByte(end)
		}
	}
	write(v, "")
	if style&styleTrailingText != 0 {
		b.WriteString("\n```\n")
	}
	return b.Bytes()
}

// bareKey reports whether key can be written unquoted, as docs do.
func bareKey(key string) bool {
	if key == "" {
		return false
	}
	c := key[0]
	if !(c == '_' || c == '@' || c == '$' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')) {
		return false
	}
	return identLen([]byte(key)) == len(key)
}

// checkLenientStyles renders the strict value v in each style alone (if
// eachAlone) and in all styles at once, and checks that Parse reads each rendering back to
// the same value with fixes of those styles only.
func checkLenientStyles(t *testing.T, src []byte, v *Value, eachAlone bool) {
	t.Helper()
	want := v.Interface()
	for style := 1; eachAlone && style <= styleAll; style <<= 1 {
		checkLenientStyle(t, src, v, want, style)
	}
	checkLenientStyle(t, src, v, want, styleAll)
	checkLenientStyle(t, src, v, want, styleAll&^styleMissingComma&^styleTrailingComma)
}

func checkLenientStyle(t *testing.T, src []byte, v *Value, want any, style int) {
	t.Helper()
	text := renderLenient(v, style)
	got, fixes, err := Parse(text)
	if err != nil {
		t.Fatalf("style %#x of %q: Parse(%q): %v", style, src, text, err)
	}
	if !reflect.DeepEqual(got.Interface(), want) {
		t.Fatalf("style %#x of %q: Parse(%q) = %s, want %s", style, src, text, got.Marshal(), v.Marshal())
	}
	allowed := map[string]bool{}
	for s, k := range styleFix {
		if style&s != 0 {
			allowed[k] = true
		}
	}
	for _, f := range fixes {
		if !allowed[f.Kind] {
			t.Fatalf("style %#x of %q: Parse(%q) made fix %v", style, src, text, f)
		}
	}
	checkOffsets(t, text, got)
}

func TestLenientStyles(t *testing.T) {
	n := 0
	for _, src := range append(strictCases, benchDoc) {
		if !json.Valid([]byte(src)) {
			continue
		}
		v, fixes, err := Parse([]byte(src))
		if err != nil || len(fixes) > 0 {
			t.Fatalf("Parse(%q): %v %v", src, fixes, err)
		}
		checkLenientStyles(t, []byte(src), v, true)
		n++
	}
	if n < 30 {
		t.Fatalf("only %d strict cases", n)
	}
	// One rendering in full, to show what the styles write.
	v, _, _ := Parse([]byte(`{"a": [1, "x\ny"], "b c": {}}`))
	want := "{ // opened\n\u00a0  /* next */ a: [ // opened\n\u00a0    /* next */ 001\n\u00a0    /* next */ 'x\ny',\n\u00a0    …\n\u00a0  ]\n" +
		"\u00a0  /* next */ 'b c': { // opened\n\u00a0    …\n\u00a0  },\n\u00a0  …\n\u00a0}\n```\n"
	if got := string(renderLenient(v, styleAll)); got != want {
		t.Errorf("renderLenient:\n%s\nwant\n%s", got, want)
	}
}
