package compile

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"

	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/input"
)

// primitiveNames maps a primitive spelling, lower-cased and without an
// "edm." prefix, to its Edm name (docs input-format §3.1).
var primitiveNames = map[string]string{
	"string": model.EdmString, "str": model.EdmString, "url": model.EdmString, "uri": model.EdmString,
	"boolean": model.EdmBoolean, "bool": model.EdmBoolean,
	"int32": model.EdmInt32, "int": model.EdmInt32, "integer": model.EdmInt32,
	"int64": model.EdmInt64, "long": model.EdmInt64,
	"int16": model.EdmInt16,
	"byte":  model.EdmByte, "sbyte": model.EdmSByte,
	"single": model.EdmSingle, "float": model.EdmSingle,
	"double": model.EdmDouble, "number": model.EdmDouble,
	"decimal": model.EdmDecimal, "numeric": model.EdmDecimal,
	"datetimeoffset": model.EdmDateTimeOffset, "datetime": model.EdmDateTimeOffset, "timestamp": model.EdmDateTimeOffset,
	"date":      model.EdmDate,
	"timeofday": model.EdmTimeOfDay,
	"duration":  model.EdmDuration,
	"guid":      model.EdmGuid, "uuid": model.EdmGuid,
	"binary": model.EdmBinary,
	"stream": model.EdmStream,
	"json":   model.EdmUntyped, "object": model.EdmUntyped, "json object": model.EdmUntyped,
	"untyped json object": model.EdmUntyped, "untyped": model.EdmUntyped, "any": model.EdmUntyped,
}

// primitive returns the Edm name of a primitive spelling, or "".
func primitive(word string) string {
	word = strings.TrimSpace(word)
	if len(word) <= 32 && isASCII(word) {
		// The same lookup, lower-cased on the stack.
		var buf [32]byte
		low, _ := lowerBytes(buf[:0], word)
		low = bytes.TrimPrefix(low, []byte("edm."))
		return primitiveNames[string(low)]
	}
	w := strings.ToLower(word)
	w = strings.TrimPrefix(w, "edm.")
	return primitiveNames[w]
}

// A typeCell is a type cell taken apart, before name resolution.
type typeCell struct {
	name       string // the type name as written ("" if none could be found)
	target     string // link target, if the name was a link
	collection bool
	maxLength  int    // from "string, maximum size N"
	problem    string // why the cell is malformed, "" if it is not
}

var (
	reCollectionOf   = regexp.MustCompile(`(?i)^collection\s*\((.*)\)$`)
	reCollectionOfEn = regexp.MustCompile(`(?i)^collection of\s+(.*)$`)
	reMaxSize        = regexp.MustCompile(`(?i)^(\w+)\s*,\s*maximum size\s+(\d+)$`)
	reParenNote      = regexp.MustCompile(`^([\w.]+)\s*\(([^()]*)\)$`)
	reUnknownType    = regexp.MustCompile(`(?i)unknown (primitive )?type`)
)

// parseTypeCell takes a type cell apart: the seven collection forms,
// links (inline, reference, bare), backticks and bold, and free-text
// decorations.
func parseTypeCell(c input.Cell) typeCell {
	var tc typeCell
	raw := strings.TrimSpace(c.Text)
	raw = strings.Trim(raw, "`* ")
	raw = fieldsJoined(raw)
	if raw == "" {
		tc.problem = "empty type"
		return tc
	}
	if lowerContains(raw, "unknown") && reUnknownType.MatchString(raw) {
		tc.problem = "the type is written as unknown"
		return tc
	}
	// Collection(T) and "Collection of T".
	if len(raw) > 10 && strings.EqualFold(raw[:10], "collection") {
		if m := reCollectionOf.FindStringSubmatch(raw); m != nil {
			tc.collection = true
			raw = strings.TrimSpace(strings.Trim(m[1], "`* "))
		} else if m := reCollectionOfEn.FindStringSubmatch(raw); m != nil {
			tc.collection = true
			raw = strings.TrimSpace(m[1])
		}
	}
	// "T collection", possibly doubled.
	for {
		if lowerHasSuffix(raw, " collection") {
			if tc.collection {
				tc.problem = "\"collection\" is written twice"
			}
			tc.collection = true
			raw = strings.TrimSpace(raw[:len(raw)-len(" collection")])
			raw = strings.Trim(raw, "`* ")
			continue
		}
		break
	}
	// Trailing words that add nothing: "[x](x.md) enum", "[x][] resource", "error object".
	for _, suf := range []string{" enum", " resource", " object", " entity", " type"} {
		if lowerHasSuffix(raw, suf) && primitive(raw) == "" {
			raw = strings.TrimSpace(raw[:len(raw)-len(suf)])
		}
	}
	// Links decide the name.
	if len(c.Links) > 0 {
		l := c.Links[0]
		tc.name = strings.Trim(strings.TrimSpace(l.Text), "`* ")
		tc.target = l.Target
		if len(c.Links) > 1 {
			tc.problem = "the cell names several types"
		} else if rest := strings.TrimSpace(strings.Replace(raw, l.Text, "", 1)); rest != "" && tc.problem == "" {
			// Text outside the link beyond what we stripped: e.g. "[x](…)
			// collection. Holds grades": still a collection.
			if lowerHasPrefix(rest, "collection") && (len(rest) == len("collection") || !isWordByte(rest[len("collection")])) {
				tc.collection = true
				rest = strings.TrimSpace(rest[len("collection"):])
			}
			if len(strings.Fields(rest)) > 1 {
				tc.problem = "the type cell has text besides the type"
			}
		}
		if strings.HasPrefix(tc.name, "Collection(") || strings.HasPrefix(tc.name, "collection(") {
			tc.collection = true
			tc.name = strings.TrimSuffix(tc.name[len("Collection("):], ")")
		}
		return tc
	}
	if p := primitive(raw); p != "" || isWord(raw) {
		tc.name = raw
		return tc
	}
	if m := reMaxSize.FindStringSubmatch(raw); m != nil {
		tc.name = m[1]
		tc.maxLength, _ = strconv.Atoi(m[2])
		return tc
	}
	if m := reParenNote.FindStringSubmatch(raw); m != nil && primitive(m[1]) != "" {
		// "string (url)", "String (enum)", "string (readonly)".
		tc.name = m[1]
		return tc
	}
	if strings.Contains(raw, " or ") {
		tc.problem = "the cell names several types"
		tc.name = strings.TrimSpace(raw[:strings.Index(raw, " or ")])
		if !isWord(tc.name) {
			tc.name = ""
		}
		return tc
	}
	tc.problem = "the type cell is free text"
	// Swapped cells end with the type: "Moment in time ... DateTimeOffset".
	if f := strings.Fields(raw); len(f) > 1 && primitive(f[len(f)-1]) != "" {
		tc.name = f[len(f)-1]
		tc.problem = "the type cell is free text ending in a type; type and description may be swapped"
	}
	return tc
}

// isWord reports whether s is a (possibly dotted) identifier, as
// reWord would.
func isWord(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '_' || c|0x20 >= 'a' && c|0x20 <= 'z':
		case i > 0 && (c >= '0' && c <= '9' || c == '.'):
		default:
			return false
		}
	}
	return true
}
