package compile

import (
	"sort"
	"strings"

	"github.com/apidocgen/apidocgen/generator/model"
)

// Cheap text tests used before (or instead of) regular expressions and
// strings.ToLower copies. Each one gives exactly the answer of the code it
// replaces: ASCII text takes a fast path, and text with other bytes falls
// back to the original strings.ToLower comparison, because two non-ASCII
// runes lower-case to ASCII letters (U+0130 to 'i', U+212A to 'k') and one
// case-folds to one (U+017F to 's').

// isASCII reports whether s has only ASCII bytes.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// lowerByte lower-cases an ASCII letter.
func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + ('a' - 'A')
	}
	return c
}

// asciiEqualLower reports whether s, lower-cased byte by byte, equals low
// (which is lower-case ASCII).
func asciiEqualLower(s, low string) bool {
	if len(s) != len(low) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if lowerByte(s[i]) != low[i] {
			return false
		}
	}
	return true
}

// asciiIndexLower returns the first index of low (lower-case ASCII, not
// empty) in s compared byte by byte with ASCII letters lower-cased, or -1.
// Non-ASCII bytes of s never match, so for a needle whose letters have no
// non-ASCII case partner it agrees with a (?i) regular expression.
func asciiIndexLower(s, low string) int {
	n := len(low)
	if n == 0 {
		return 0
	}
	c0 := low[0]
	u0 := c0
	if 'a' <= c0 && c0 <= 'z' {
		u0 = c0 - ('a' - 'A')
	}
	for i := 0; i+n <= len(s); i++ {
		c := s[i]
		if c != c0 && c != u0 {
			// Skip ahead to the next byte that can start a match.
			j := strings.IndexByte(s[i+1:len(s)-n+1], c0)
			if u0 != c0 {
				if k := strings.IndexByte(s[i+1:len(s)-n+1], u0); k >= 0 && (j < 0 || k < j) {
					j = k
				}
			}
			if j < 0 {
				return -1
			}
			i += j
			continue
		}
		k := 1
		for k < n && lowerByte(s[i+k]) == low[k] {
			k++
		}
		if k == n {
			return i
		}
	}
	return -1
}

// asciiContainsLower reports whether asciiIndexLower finds low in s.
func asciiContainsLower(s, low string) bool { return asciiIndexLower(s, low) >= 0 }

// lowerEq reports strings.ToLower(s) == low, for lower-case ASCII low.
func lowerEq(s, low string) bool {
	if isASCII(s) {
		return asciiEqualLower(s, low)
	}
	return strings.ToLower(s) == low
}

// lowerContains reports strings.Contains(strings.ToLower(s), low), for
// lower-case ASCII low.
func lowerContains(s, low string) bool {
	if isASCII(s) {
		return asciiContainsLower(s, low)
	}
	return strings.Contains(strings.ToLower(s), low)
}

// lowerHasSuffix reports strings.HasSuffix(strings.ToLower(s), low), for
// lower-case ASCII low. strings.ToLower maps rune by rune, so when the last
// len(low) bytes of s are ASCII they alone decide.
func lowerHasSuffix(s, low string) bool {
	if len(s) >= len(low) && isASCII(s[len(s)-len(low):]) {
		return asciiEqualLower(s[len(s)-len(low):], low)
	}
	if len(s) < len(low) && isASCII(s) {
		return false
	}
	return strings.HasSuffix(strings.ToLower(s), low)
}

// lowerHasPrefix reports strings.HasPrefix(strings.ToLower(s), low), for
// lower-case ASCII low.
func lowerHasPrefix(s, low string) bool {
	if len(s) >= len(low) && isASCII(s[:len(low)]) {
		return asciiEqualLower(s[:len(low)], low)
	}
	if len(s) < len(low) && isASCII(s) {
		return false
	}
	return strings.HasPrefix(strings.ToLower(s), low)
}

// isRESpace reports whether c is in the regexp class \s ([\t\n\f\r ]).
func isRESpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// trimRESpace trims \s bytes from both ends of s.
func trimRESpace(s string) string {
	i, j := 0, len(s)
	for i < j && isRESpace(s[i]) {
		i++
	}
	for j > i && isRESpace(s[j-1]) {
		j--
	}
	return s[i:j]
}

// lastField returns the last run of non-\s bytes of s.
func lastField(s string) string {
	s = trimRESpace(s)
	i := len(s)
	for i > 0 && !isRESpace(s[i-1]) {
		i--
	}
	return s[i:]
}

// mayBeValuesHeading is false only when reValuesHdg cannot match s: the
// heading's last word, when it is ASCII, must be one of the words the
// expression ends with.
func mayBeValuesHeading(s string) bool {
	w := lastField(s)
	if w == "" || w == s {
		return false // one word at most: the expression needs two
	}
	if !isASCII(w) {
		return true
	}
	switch len(w) {
	case 4:
		return asciiEqualLower(w, "enum")
	case 5:
		return asciiEqualLower(w, "flags")
	case 6:
		return asciiEqualLower(w, "values")
	case 7:
		return asciiEqualLower(w, "members")
	case 11:
		return asciiEqualLower(w, "enumeration")
	}
	return false
}

// mayBeNamespaceLine is false only when reNamespace cannot match s.
func mayBeNamespaceLine(s string) bool {
	i := 0
	for i < len(s) && isRESpace(s[i]) {
		i++
	}
	return strings.HasPrefix(s[i:], "Namespace:")
}

// isASCIIIdent reports whether s matches reIdent (^[A-Za-z_][\w]*$).
func isASCIIIdent(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case i > 0 && '0' <= c && c <= '9':
		default:
			return false
		}
	}
	return true
}

// backtickSpans returns what reBacktick.FindAllStringSubmatch(s, -1) would
// capture: the text of each "`x`" span with at least one byte inside,
// scanning left to right.
func backtickSpans(s string) []string {
	var out []string
	for {
		i := strings.IndexByte(s, '`')
		if i < 0 {
			return out
		}
		j := strings.IndexByte(s[i+1:], '`')
		if j < 0 {
			return out
		}
		if j == 0 {
			s = s[i+1:] // "``": the second tick may open a span
			continue
		}
		out = append(out, s[i+1:i+1+j])
		s = s[i+1+j+1:]
	}
}

// fieldsJoined returns strings.Join(strings.Fields(s), " "), without a copy
// when s is ASCII with single spaces only between words.
func fieldsJoined(s string) string {
	if s == "" {
		return s
	}
	clean := s[0] != ' ' && s[len(s)-1] != ' '
	for i := 0; clean && i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x80, c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			clean = false
		case c == ' ' && i+1 < len(s) && s[i+1] == ' ':
			clean = false
		}
	}
	if clean {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// valuesHeading is reValuesHdg.FindStringSubmatch(s), skipped when the
// expression cannot match.
func valuesHeading(s string) []string {
	if !mayBeValuesHeading(s) {
		return nil
	}
	return reValuesHdg.FindStringSubmatch(s)
}

// lowerBytes appends strings.ToLower(s) to dst, byte by byte when s is
// ASCII (ok is then true); other text is lower-cased by strings.ToLower.
func lowerBytes(dst []byte, s string) (low []byte, ok bool) {
	if !isASCII(s) {
		return []byte(strings.ToLower(s)), false
	}
	for i := 0; i < len(s); i++ {
		dst = append(dst, lowerByte(s[i]))
	}
	return dst, true
}

// titleKind returns what reTitleKind finds at the start of a title, lower-
// cased, and whether it matches. An ASCII start is read by hand: after \s*,
// the run of ASCII word bytes must be one of the words (the expression
// needs a word boundary after it, and no word is a prefix of another).
func titleKind(title string) (string, bool) {
	i := 0
	for i < len(title) && isRESpace(title[i]) {
		i++
	}
	j := i
	for j < len(title) && isWordByte(title[j]) {
		j++
	}
	if j < len(title) && title[j] >= 0x80 {
		// U+017F or U+212A may continue the word under (?i).
		if m := reTitleKind.FindStringSubmatch(title); m != nil {
			return strings.ToLower(m[1]), true
		}
		return "", false
	}
	w := title[i:j]
	for _, k := range []string{"list", "get", "update", "create", "delete", "add", "remove", "post", "put", "patch"} {
		if asciiEqualLower(w, k) {
			return k, true
		}
	}
	return "", false
}

// isWordByte reports whether c is in the regexp class \w.
func isWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// hasRequiredFact reports whether reRequired matches s:
// (^|[.>]\s*|\s)Required(\.|\s+on create\b|\s*$), case-sensitive.
func hasRequiredFact(s string) bool {
	const word = "Required"
	for off := 0; ; {
		k := strings.Index(s[off:], word)
		if k < 0 {
			return false
		}
		i := off + k
		off = i + 1
		if i > 0 && !isRESpace(s[i-1]) && s[i-1] != '.' && s[i-1] != '>' {
			continue
		}
		j := i + len(word)
		if j < len(s) && s[j] == '.' {
			return true
		}
		sp := j
		for sp < len(s) && isRESpace(s[sp]) {
			sp++
		}
		if sp == len(s) {
			return true
		}
		if sp > j && strings.HasPrefix(s[sp:], "on create") {
			e := sp + len("on create")
			if e == len(s) || !isWordByte(s[e]) {
				return true
			}
		}
	}
}

// statusText finds what reStatusText (`?\b([1-5]\d\d) ([A-Z][A-Za-z]*(?:
// [A-Za-z]+)?)`?) finds first in s: the end of the match and the offset of
// its three digits.
func statusText(s string) (end, digits int, ok bool) {
	isLetter := func(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
	for d := 0; d+4 < len(s); d++ {
		if !(s[d] >= '1' && s[d] <= '5' && s[d+1] >= '0' && s[d+1] <= '9' && s[d+2] >= '0' && s[d+2] <= '9' &&
			s[d+3] == ' ' && s[d+4] >= 'A' && s[d+4] <= 'Z') {
			continue
		}
		if d > 0 && isWordByte(s[d-1]) {
			continue
		}
		e := d + 5
		for e < len(s) && isLetter(s[e]) {
			e++
		}
		if e+1 < len(s) && s[e] == ' ' && isLetter(s[e+1]) {
			e += 2
			for e < len(s) && isLetter(s[e]) {
				e++
			}
		}
		if e < len(s) && s[e] == '`' {
			e++
		}
		return e, d, true
	}
	return 0, 0, false
}

// hasDigit reports whether s holds an ASCII digit.
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			return true
		}
	}
	return false
}

// lower returns strings.ToLower(s), remembering it: headings, namespaces
// and type names repeat across pages.
func (c *compiler) lower(s string) string {
	if l, ok := c.lowered[s]; ok {
		return l
	}
	l := strings.ToLower(s)
	c.lowered[s] = l
	return l
}

// supplyJSONEnd returns where the first match of reSupplyJSON
// (?i)\b(supply|provide) a JSON representation of\b ends in s, or -1. ASCII
// text is scanned by hand; other text goes to the expression.
func supplyJSONEnd(s string) int {
	if !isASCII(s) {
		if loc := reSupplyJSON.FindStringIndex(s); loc != nil {
			return loc[1]
		}
		return -1
	}
	const tail = " a json representation of"
	for i := 0; i < len(s); i++ {
		if i > 0 && isWordByte(s[i-1]) {
			continue
		}
		for _, w := range []string{"supply", "provide"} {
			e := i + len(w) + len(tail)
			if e <= len(s) && asciiEqualLower(s[i:i+len(w)], w) && asciiEqualLower(s[i+len(w):e], tail) &&
				(e == len(s) || !isWordByte(s[e])) {
				return e
			}
		}
	}
	return -1
}

// possibleValuesEnd returns where the first match of rePossible
// (?i)\b(?:the )?(?:possible|supported|allowed|valid) values
// (?:are|include)\s*:?\s* ends in s, or -1. ASCII text is scanned by hand;
// other text goes to the expression.
func possibleValuesEnd(s string) int {
	if !isASCII(s) {
		if loc := rePossible.FindStringIndex(s); loc != nil {
			return loc[1]
		}
		return -1
	}
	// at returns the end of a match whose adjective starts at j, or -1.
	at := func(j int) int {
		for _, w := range []string{"possible", "supported", "allowed", "valid"} {
			e := j + len(w) + len(" values ")
			if e > len(s) || !asciiEqualLower(s[j:j+len(w)], w) || !asciiEqualLower(s[j+len(w):e], " values ") {
				continue
			}
			switch {
			case e+3 <= len(s) && asciiEqualLower(s[e:e+3], "are"):
				e += 3
			case e+7 <= len(s) && asciiEqualLower(s[e:e+7], "include"):
				e += 7
			default:
				return -1
			}
			for e < len(s) && isRESpace(s[e]) {
				e++
			}
			if e < len(s) && s[e] == ':' {
				e++
			}
			for e < len(s) && isRESpace(s[e]) {
				e++
			}
			return e
		}
		return -1
	}
	for i := 0; i < len(s); i++ {
		if i > 0 && isWordByte(s[i-1]) {
			continue
		}
		if i+4 <= len(s) && asciiEqualLower(s[i:i+4], "the ") {
			if e := at(i + 4); e >= 0 {
				return e
			}
		}
		if e := at(i); e >= 0 {
			return e
		}
	}
	return -1
}

// typesByName sorts types by qualified name, each name computed once. It
// makes the comparisons sort.Slice made with QualifiedName, through the
// same algorithm, so the order is the same even for equal names.
type typesByName struct {
	types []*model.Type
	names []string
}

func (s typesByName) Len() int           { return len(s.types) }
func (s typesByName) Less(i, j int) bool { return s.names[i] < s.names[j] }
func (s typesByName) Swap(i, j int) {
	s.types[i], s.types[j] = s.types[j], s.types[i]
	s.names[i], s.names[j] = s.names[j], s.names[i]
}

func sortTypes(ts []*model.Type) {
	names := make([]string, len(ts))
	for i, t := range ts {
		names[i] = t.QualifiedName()
	}
	sort.Sort(typesByName{ts, names})
}

// namespaceLine returns what reNamespace (^\s*Namespace:\s*([\w.]+))
// captures in s, and whether it matches.
func namespaceLine(s string) (string, bool) {
	i := 0
	for i < len(s) && isRESpace(s[i]) {
		i++
	}
	if !strings.HasPrefix(s[i:], "Namespace:") {
		return "", false
	}
	i += len("Namespace:")
	for i < len(s) && isRESpace(s[i]) {
		i++
	}
	j := i
	for j < len(s) && (isWordByte(s[j]) || s[j] == '.') {
		j++
	}
	if j == i {
		return "", false
	}
	return s[i:j], true
}
