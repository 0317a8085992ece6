// Package jsonx reads JSON the way it is written in documentation: strictly
// when it can, leniently when it must. It keeps member order and the byte
// offset of every value, so a problem in an example can be reported at its
// line and column, and it records each repair it made (a trailing comma, a
// comment, an unquoted key, ...) so a linter can report those too.
package jsonx

import "fmt"

// Kind is the kind of a JSON value.
type Kind uint8

// The kinds of Value.
const (
	Null Kind = iota
	Bool
	Number
	String
	Array
	Object
)

// String returns the JSON name of k ("null", "boolean", "number", "string",
// "array", "object").
func (k Kind) String() string {
	switch k {
	case Null:
		return "null"
	case Bool:
		return "boolean"
	case Number:
		return "number"
	case String:
		return "string"
	case Array:
		return "array"
	case Object:
		return "object"
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// A Value is one JSON value with its position in the source text.
type Value struct {
	Kind    Kind
	Offset  int      // byte offset of the value's first byte in the parsed text
	Bool    bool     // only Bool
	Num     string   // only Number: the literal as written, e.g. "1024", "0000000000"
	Str     string   // only String: the decoded string
	Elems   []*Value // only Array
	Members []Member // only Object, in source order (duplicates kept)
}

// A Member is one "key": value pair of an object.
type Member struct {
	Key       string
	KeyOffset int // byte offset of the key's first byte (its quote, if any)
	Value     *Value
}

// A Fix is one repair lenient parsing made, at a byte offset.
type Fix struct {
	Offset int    `json:"offset"`
	Kind   string `json:"kind"` // one of the Fix* constants
}

// The kinds of Fix.
const (
	FixTrailingComma = "trailing-comma" // "[1, 2,]" or "{"a": 1,}"
	FixComment       = "comment"        // "// …" or "/* … */" outside strings
	FixUnquotedKey   = "unquoted-key"   // {isCollection: true}
	FixSingleQuote   = "single-quote"   // {'a': 'b'}
	FixRawNewline    = "raw-newline"    // a raw line break or tab inside a string
	FixMissingComma  = "missing-comma"  // two members or elements with no comma between
	FixEllipsis      = "ellipsis"       // "..." or "…" standing for omitted members or elements
	FixBadNumber     = "bad-number"     // a number JSON does not allow, such as 0000000000 (kept as written in Num)
	FixSpace         = "space"          // a non-JSON space character (U+00A0, U+202F, U+200B, BOM) between tokens
	FixTrailingText  = "trailing-text"  // text after the top-level value, e.g. a stray ``` line
)

// A SyntaxError is JSON that could not be read even leniently.
type SyntaxError struct {
	Offset int    `json:"offset"` // byte offset of the problem
	Msg    string `json:"msg"`    // lower-case, no trailing period
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("offset %d: %s", e.Offset, e.Msg) }

// Get returns the value of the first member named key of object v, or nil.
func (v *Value) Get(key string) *Value {
	if v == nil || v.Kind != Object {
		return nil
	}
	for i := range v.Members {
		if v.Members[i].Key == key {
			return v.Members[i].Value
		}
	}
	return nil
}
