package model

import (
	"strings"

	"github.com/apidocgen/apidocgen/input/jsonx"
)

// placeholders maps the type placeholders written as example values
// (docs input-format §6), lower-cased and with spaces removed, to the Edm
// type they stand for.
var placeholders = map[string]string{
	"string":                           EdmString,
	"edm.string":                       EdmString,
	"string-value":                     EdmString,
	"string(timestamp)":                EdmDateTimeOffset,
	"datetimeoffset":                   EdmDateTimeOffset,
	"edm.datetimeoffset":               EdmDateTimeOffset,
	"datetime":                         EdmDateTimeOffset,
	"timestamp":                        EdmDateTimeOffset,
	"string(identifier)":               EdmString,
	"guid":                             EdmGuid,
	"string(guid)":                     EdmGuid,
	"boolean":                          EdmBoolean,
	"bool":                             EdmBoolean,
	"integer":                          EdmInt32,
	"int32":                            EdmInt32,
	"int64":                            EdmInt64,
	"int16":                            EdmInt16,
	"double":                           EdmDouble,
	"single":                           EdmSingle,
	"decimal":                          EdmDecimal,
	"binary":                           EdmBinary,
	"string(binary)":                   EdmBinary,
	"<unknownprimitivetypeedm.stream>": EdmStream,
	"stream":                           EdmStream,
	"date":                             EdmDate,
	"string(date)":                     EdmDate,
	"string(iso8601duration)":          EdmDuration,
	"string(duration)":                 EdmDuration,
	"duration":                         EdmDuration,
	"string(timeofday)":                EdmTimeOfDay,
	"timeofday":                        EdmTimeOfDay,
	"string(iso8601)":                  EdmDateTimeOffset,
	"url":                              EdmString,
	"string(url)":                      EdmString,
	"string(httpsurl)":                 EdmString,
	"json":                             EdmUntyped,
	"object":                           EdmUntyped,
}

// PlaceholderKey normalises a string for placeholder lookup.
func placeholderKey(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), ""))
}

// lookupPlaceholder returns placeholders[placeholderKey(s)] without
// allocating for ASCII strings: the key is built in a small buffer, and a
// key longer than the buffer is longer than every placeholder.
func lookupPlaceholder(s string) (string, bool) {
	var buf [40]byte
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			e, ok := placeholders[placeholderKey(s)]
			return e, ok
		}
		switch c {
		case '\t', '\n', '\v', '\f', '\r', ' ': // what strings.Fields drops in ASCII
			continue
		}
		if n == len(buf) {
			return "", false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[n] = c
		n++
	}
	e, ok := placeholders[string(buf[:n])]
	return e, ok
}

// Placeholder reports whether v is a type placeholder rather than a real
// value, and which Edm type it stands for ("" when it says nothing about
// the type, as for an enum union). Placeholders are the type names written
// as strings ("String", "String (timestamp)", "Integer"), enum unions
// ("a | b | c"), and the integer 1024 and double 1024.13 that the docs use
// for any number.
func Placeholder(v *jsonx.Value) (edm string, ok bool) {
	if v == nil {
		return "", false
	}
	switch v.Kind {
	case jsonx.String:
		if e, ok := lookupPlaceholder(v.Str); ok {
			return e, true
		}
		if IsEnumUnion(v.Str) {
			return "", true
		}
	case jsonx.Number:
		switch v.Num {
		case "1024":
			return EdmInt32, true
		case "1024.13":
			return EdmDouble, true
		}
	}
	return "", false
}

// IsEnumUnion reports whether s lists enum members as "a | b | c".
func IsEnumUnion(s string) bool {
	if strings.IndexByte(s, '|') < 0 {
		return false
	}
	parts := strings.Split(s, "|")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" || strings.ContainsAny(p, " \t/:") {
			return false
		}
	}
	return true
}
