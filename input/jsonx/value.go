package jsonx

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Interface returns v as plain Go values, the way encoding/json decodes
// into an any with UseNumber: map[string]any, []any, string, bool, nil and
// json.Number. A duplicated key keeps its last value, as in encoding/json.
// A number JSON does not allow (kept as written in Num) becomes the valid
// json.Number with the same value, e.g. "0000000000" becomes "0".
func (v *Value) Interface() any {
	if v == nil {
		return nil
	}
	switch v.Kind {
	case Bool:
		return v.Bool
	case Number:
		return json.Number(jsonNumber(v.Num))
	case String:
		return v.Str
	case Array:
		a := make([]any, len(v.Elems))
		for i, e := range v.Elems {
			a[i] = e.Interface()
		}
		return a
	case Object:
		m := make(map[string]any, len(v.Members))
		for _, mem := range v.Members {
			m[mem.Key] = mem.Value.Interface()
		}
		return m
	}
	return nil
}

// jsonNumber returns num written as a valid JSON number ("0" when num is
// not a number at all).
func jsonNumber(num string) string {
	if strictNumber(num) {
		return num
	}
	if s, ok := looseNumber(num); ok {
		return s
	}
	return "0"
}

// Marshal returns v as compact JSON, members in source order (duplicates
// kept). Strings are escaped so that the output is valid JSON whatever they
// hold; numbers JSON does not allow are written as in Interface. A nil
// Value is written as null.
func (v *Value) Marshal() []byte {
	return v.appendJSON(nil)
}

func (v *Value) appendJSON(b []byte) []byte {
	if v == nil {
		return append(b, "null"...)
	}
	switch v.Kind {
	case Bool:
		return strconv.AppendBool(b, v.Bool)
	case Number:
		return append(b, jsonNumber(v.Num)...)
	case String:
		return appendString(b, v.Str)
	case Array:
		b = append(b, '[')
		for i, e := range v.Elems {
			if i > 0 {
				b = append(b, ',')
			}
			b = e.appendJSON(b)
		}
		return append(b, ']')
	case Object:
		b = append(b, '{')
		for i, m := range v.Members {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, m.Key)
			b = append(b, ':')
			b = m.Value.appendJSON(b)
		}
		return append(b, '}')
	}
	return append(b, "null"...)
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string. Invalid UTF-8 becomes U+FFFD;
// U+2028 and U+2029 are escaped so the output is also valid JavaScript.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// Lookup returns the value at JSON pointer (RFC 6901) pointer inside v, or
// nil when there is none. "" is v itself. In an object with a duplicated
// key the pointer names the last member, the one Interface and JSON Schema
// validators see. Array indexes are decimal without leading zeros.
func (v *Value) Lookup(pointer string) *Value {
	if pointer == "" {
		return v
	}
	if pointer[0] != '/' {
		return nil
	}
	cur := v
	rest := pointer[1:]
	for {
		tok := rest
		next := strings.IndexByte(rest, '/')
		if next >= 0 {
			tok = rest[:next]
		}
		tok = unescapeToken(tok)
		if cur == nil {
			return nil
		}
		switch cur.Kind {
		case Object:
			var found *Value
			for i := len(cur.Members) - 1; i >= 0; i-- {
				if cur.Members[i].Key == tok {
					found = cur.Members[i].Value
					break
				}
			}
			cur = found
		case Array:
			n, ok := arrayIndex(tok)
			if !ok || n >= len(cur.Elems) {
				return nil
			}
			cur = cur.Elems[n]
		default:
			return nil
		}
		if next < 0 {
			return cur
		}
		rest = rest[next+1:]
	}
}

func arrayIndex(tok string) (int, bool) {
	if tok == "" || len(tok) > 9 || (len(tok) > 1 && tok[0] == '0') {
		return 0, false
	}
	n := 0
	for i := 0; i < len(tok); i++ {
		c := tok[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func unescapeToken(tok string) string {
	if !strings.Contains(tok, "~") {
		return tok
	}
	return strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)
}

// Pointer returns the JSON pointer (RFC 6901) made of tokens, escaping ~
// as ~0 and / as ~1. No tokens give "", the whole document.
func Pointer(tokens ...string) string {
	var sb strings.Builder
	for _, t := range tokens {
		sb.WriteByte('/')
		for i := 0; i < len(t); i++ {
			switch t[i] {
			case '~':
				sb.WriteString("~0")
			case '/':
				sb.WriteString("~1")
			default:
				sb.WriteByte(t[i])
			}
		}
	}
	return sb.String()
}

// LineCol returns the 1-based line and column of byte offset in src; the
// column counts bytes. An offset outside src is clamped to it.
func LineCol(src []byte, offset int) (line, col int) {
	if offset < 0 {
		offset = 0
	}
	if offset > len(src) {
		offset = len(src)
	}
	before := src[:offset]
	return 1 + bytes.Count(before, []byte{'\n'}), offset - bytes.LastIndexByte(before, '\n')
}
