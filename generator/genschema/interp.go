package genschema

// An in-process evaluator of the Plan. It makes the checks the generated Go
// validators make (generator/gengo/validate*.go, templates/validate.tmpl)
// directly on parsed examples (jsonx values, so no decoding and no schema
// compilation), and reports each failure the way the JSON Schema rendering
// of the same plan fails under jsonschema/v5: one Violation per failing
// keyword, with the same JSON pointer and the same message text. So
// CheckExamples can use it instead of compiling per-type schema files, and
// its findings stay the same; TestEvaluatorMatchesJSONSchema (corpus
// payloads) and the gengo differential test (mutations) check that.

import (
	"encoding/json"
	"fmt"
	"math/big"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/input/jsonx"
)

// An Evaluator validates parsed JSON values against a Plan in process. It
// is safe for concurrent use.
type Evaluator struct {
	plan  *Plan
	types map[string]*evalType
}

// evalType is a type of the plan prepared for evaluation.
type evalType struct {
	t *TypePlan
	// props maps a property name to its declarations on the type and its
	// bases (a derived type may declare a base's property again; both
	// apply, as both the schema's allOf and the Go validators do).
	props map[string][]*Prop
	// required holds, per type of the base chain, the properties the
	// schema's "required" lists in create mode.
	required [][]string
	// members is the set of members of an enum type.
	members map[string]bool
	// desc is the set of descendants (qualified names).
	desc map[string]bool
	// enumMsg is the message for a value not in a one-member enum, or
	// the pattern message of a flags enum.
	enumMsg string
}

// NewEvaluator prepares p for evaluation.
func NewEvaluator(p *Plan) *Evaluator {
	e := &Evaluator{plan: p, types: make(map[string]*evalType, len(p.Types))}
	for _, t := range p.Types {
		et := &evalType{t: t}
		if t.Kind == model.KindEnum {
			if len(t.Members) > 0 {
				et.members = make(map[string]bool, len(t.Members))
				for _, m := range t.Members {
					et.members[m] = true
				}
				switch {
				case t.Flags:
					et.enumMsg = "does not match pattern " + schemaQuote(FlagsPattern(t.Members))
				case len(t.Members) == 1:
					et.enumMsg = fmt.Sprintf("value must be %#v", t.Members[0])
				}
			}
		} else {
			et.props = map[string][]*Prop{}
			seen := map[string]bool{}
			for c := t; c != nil && !seen[c.Name]; c = p.Lookup(c.Base) {
				seen[c.Name] = true
				var req []string
				for i := range c.Props {
					pr := &c.Props[i]
					et.props[pr.Name] = append(et.props[pr.Name], pr)
					if pr.Required && !pr.ReadOnly {
						req = append(req, pr.Name)
					}
				}
				if len(req) > 0 {
					et.required = append(et.required, req)
				}
			}
			if len(t.Descendants) > 0 {
				et.desc = make(map[string]bool, len(t.Descendants))
				for _, d := range t.Descendants {
					et.desc[d] = true
				}
			}
		}
		e.types[t.Name] = et
	}
	return e
}

// Validate checks v as a value of type q in mode and returns every leaf
// failure, sorted by position then message, as Violations returns them
// for jsonschema/v5 (failures at type placeholders are kept: see
// ExampleViolations). It returns nil for a valid value or an unknown type.
func (e *Evaluator) Validate(q string, mode Mode, v *jsonx.Value) []Violation {
	return e.run(q, mode, v, false)
}

// ExampleViolations is Validate with the failures at type placeholders left
// out, as CheckExamples reports them.
func (e *Evaluator) ExampleViolations(q string, mode Mode, v *jsonx.Value) []Violation {
	return e.run(q, mode, v, true)
}

func (e *Evaluator) run(q string, mode Mode, v *jsonx.Value, dropPlaceholders bool) []Violation {
	et := e.types[q]
	if et == nil {
		return nil
	}
	s := evalState{e: e, mode: mode, dropPlaceholders: dropPlaceholders}
	if et.t.Kind == model.KindEnum {
		s.enum(et, v)
	} else {
		s.object(et, true, v)
	}
	if len(s.out) > 1 {
		sort.SliceStable(s.out, func(i, j int) bool {
			if s.out[i].Value.Offset != s.out[j].Value.Offset {
				return s.out[i].Value.Offset < s.out[j].Value.Offset
			}
			return s.out[i].Message < s.out[j].Message
		})
	}
	return s.out
}

type evalState struct {
	e                *Evaluator
	mode             Mode
	dropPlaceholders bool
	path             []string
	out              []Violation
	seen             map[string]bool // pointer + message of value failures
}

func (s *evalState) pointer() string { return jsonx.Pointer(s.path...) }

// fail records a value failure at x (the value at the current path).
func (s *evalState) fail(x *jsonx.Value, msg string) {
	if s.dropPlaceholders && IsPlaceholder(x) {
		return
	}
	ptr := s.pointer()
	key := ptr + "\x00" + msg
	if s.seen == nil {
		s.seen = map[string]bool{}
	}
	if s.seen[key] {
		return
	}
	s.seen[key] = true
	s.out = append(s.out, Violation{Kind: ViolationValue, Pointer: ptr, Message: msg, Value: x})
}

func kindName(x *jsonx.Value) string {
	if x == nil {
		return "null"
	}
	return x.Kind.String()
}

func (s *evalState) wrongType(x *jsonx.Value, want string, nullable bool) {
	if nullable {
		want += " or null"
	}
	s.fail(x, "expected "+want+", but got "+kindName(x))
}

func isNull(x *jsonx.Value) bool { return x == nil || x.Kind == jsonx.Null }

// object checks x as a value of the entity or complex type et, picking a
// descendant by "@odata.type" when poly.
func (s *evalState) object(et *evalType, poly bool, x *jsonx.Value) {
	if x == nil || x.Kind != jsonx.Object {
		s.wrongType(x, "object", false)
		return
	}
	if poly && et.desc != nil {
		if t := lastMember(x, "@odata.type"); t != nil && t.Kind == jsonx.String {
			if name := TypeOfODataType(t.Str); et.desc[name] {
				if d := s.e.types[name]; d != nil {
					et = d
				}
			}
		}
	}
	s.props(et, x)
}

// lastMember returns the value of the last member named key of object x
// (the one encoding/json and JSON Schema validators see), or nil.
func lastMember(x *jsonx.Value, key string) *jsonx.Value {
	for i := len(x.Members) - 1; i >= 0; i-- {
		if x.Members[i].Key == key {
			return x.Members[i].Value
		}
	}
	return nil
}

// props checks the members of object x declared by et or its bases, and
// in create mode the required ones.
func (s *evalState) props(et *evalType, x *jsonx.Value) {
	if s.mode == ModeCreate {
		for _, req := range et.required {
			var missing []string
			for _, name := range req {
				if lastMember(x, name) == nil {
					missing = append(missing, name)
				}
			}
			if len(missing) == 0 {
				continue
			}
			quoted := make([]string, len(missing))
			for i, n := range missing {
				quoted[i] = schemaQuote(n)
			}
			msg := "missing properties: " + strings.Join(quoted, ", ")
			ptr := s.pointer()
			for _, n := range missing {
				s.out = append(s.out, Violation{Kind: ViolationRequired, Pointer: ptr, Name: n, Message: msg, Value: x})
			}
		}
	}
	for i, m := range x.Members {
		decl := et.props[m.Key]
		if len(decl) == 0 || laterDuplicate(x.Members, i) {
			continue
		}
		s.path = append(s.path, m.Key)
		for _, pr := range decl {
			s.prop(pr, m.Value)
		}
		s.path = s.path[:len(s.path)-1]
	}
}

// laterDuplicate reports whether a member after index i has the same key.
func laterDuplicate(ms []jsonx.Member, i int) bool {
	for j := i + 1; j < len(ms); j++ {
		if ms[j].Key == ms[i].Key {
			return true
		}
	}
	return false
}

// prop checks x, present as property pr.
func (s *evalState) prop(pr *Prop, x *jsonx.Value) {
	if pr.ReadOnly && s.mode != ModeRead {
		if s.dropPlaceholders && IsPlaceholder(x) {
			return
		}
		s.out = append(s.out, Violation{Kind: ViolationReadOnly, Pointer: s.pointer(), Name: pr.Name, Message: "not allowed", Value: x})
		return
	}
	if !pr.Collection {
		s.value(pr.Value, pr.Nullable, x)
		return
	}
	if x == nil || x.Kind != jsonx.Array {
		s.wrongType(x, "array", false)
		return
	}
	if pr.Value.Kind == ValueAny {
		return
	}
	for i, el := range x.Elems {
		s.path = append(s.path, strconv.Itoa(i))
		s.value(pr.Value, false, el)
		s.path = s.path[:len(s.path)-1]
	}
}

// value checks one value (a single-valued property or an element).
func (s *evalState) value(v Value, nullable bool, x *jsonx.Value) {
	switch v.Kind {
	case ValuePrimitive:
		s.primitive(v, nullable, x)
	case ValueEnum:
		if nullable && isNull(x) {
			return
		}
		if et := s.e.types[v.Type]; et != nil {
			s.enum(et, x)
		}
	case ValueObject:
		if nullable && isNull(x) {
			return
		}
		if et := s.e.types[v.Type]; et != nil {
			s.object(et, v.Poly, x)
		}
	}
}

// enum checks x as a value of the enum type et.
func (s *evalState) enum(et *evalType, x *jsonx.Value) {
	if x == nil || x.Kind != jsonx.String {
		s.wrongType(x, "string", false)
		return
	}
	if et.members == nil {
		return
	}
	if et.t.Flags {
		if !flagsOK(x.Str, et.members) {
			s.fail(x, et.enumMsg)
		}
		return
	}
	if et.members[x.Str] {
		return
	}
	if et.enumMsg != "" {
		s.fail(x, et.enumMsg)
		return
	}
	s.fail(x, fmt.Sprintf("%q is not a member of %q", x.Str, et.t.Name))
}

// flagsOK reports whether str is one or more members joined by commas.
func flagsOK(str string, members map[string]bool) bool {
	for {
		i := strings.IndexByte(str, ',')
		if i < 0 {
			return members[str]
		}
		if !members[str[:i]] {
			return false
		}
		str = str[i+1:]
	}
}

// primitive checks x as the primitive of v.
func (s *evalState) primitive(v Value, nullable bool, x *jsonx.Value) {
	pr := v.Primitive
	if isNull(x) {
		if !nullable {
			s.wrongType(x, pr.JSON, false)
		}
		return
	}
	switch pr.JSON {
	case "boolean":
		if x.Kind != jsonx.Bool {
			s.wrongType(x, pr.JSON, nullable)
		}
		return
	case "number":
		if x.Kind != jsonx.Number {
			s.wrongType(x, pr.JSON, nullable)
		} else if pr.Limit != "" {
			s.floatRange(pr, x)
		}
		return
	case "integer":
		if x.Kind != jsonx.Number {
			s.wrongType(x, pr.JSON, nullable)
			return
		}
		s.integer(pr, nullable, x)
		return
	case "string":
	default:
		return
	}
	if x.Kind != jsonx.String {
		s.wrongType(x, pr.JSON, nullable)
		return
	}
	str := x.Str
	if len(v.Enum) > 0 && !contains(v.Enum, str) {
		if len(v.Enum) == 1 && !nullable {
			s.fail(x, fmt.Sprintf("value must be %#v", v.Enum[0]))
		} else {
			s.fail(x, fmt.Sprintf("%q is not an allowed value", str))
		}
	}
	switch pr.Check {
	case CheckDateTime:
		if !isDateTime(str) {
			s.fail(x, schemaQuote(str)+" is not valid 'date-time'")
		}
	case CheckDate:
		if !isDate(str) {
			s.fail(x, schemaQuote(str)+" is not valid 'date'")
		}
	case CheckUUID:
		if !isUUID(str) {
			s.fail(x, schemaQuote(str)+" is not valid 'uuid'")
		}
	}
	if v.MaxLength > 0 && len(str) > v.MaxLength {
		if n := utf8.RuneCountInString(str); n > v.MaxLength {
			s.fail(x, fmt.Sprintf("length must be <= %d, but got %d", v.MaxLength, n))
		}
	}
	switch pr.Check {
	case CheckTimeOfDay:
		if !isTimeOfDay(str) {
			s.fail(x, msgTimeOfDay)
		}
	case CheckDuration:
		if !isDurationShape(str) {
			s.fail(x, msgDuration)
		}
		if !isDurationEnd(str) {
			s.fail(x, msgDurationEnd)
		}
	case CheckBase64:
		if !isBase64(str) {
			s.fail(x, msgBase64)
		}
	}
}

var (
	msgTimeOfDay   = "does not match pattern " + schemaQuote(PatternTimeOfDay)
	msgDuration    = "does not match pattern " + schemaQuote(PatternDuration)
	msgDurationEnd = "does not match pattern " + schemaQuote(PatternDurationEnd)
	msgBase64      = "does not match pattern " + schemaQuote(PatternBase64)
)

// integer checks the number x as an integer in the range of pr. Like JSON
// Schema, 1.0 and 1e3 are integers; the literal is compared exactly.
func (s *evalState) integer(pr Primitive, nullable bool, x *jsonx.Value) {
	lit := numberLiteral(x)
	lo, hi := BigBound(pr.Min), BigBound(pr.Max)
	if n, err := strconv.ParseInt(lit, 10, 64); err == nil {
		if lo != nil && lo.IsInt64() && n < lo.Int64() {
			s.fail(x, "must be >= "+boundText(pr.Min)+" but found "+lit)
		} else if hi != nil && hi.IsInt64() && n > hi.Int64() {
			s.fail(x, "must be <= "+boundText(pr.Max)+" but found "+lit)
		}
		return
	}
	if huge, isInt, neg := hugeExponent(lit); huge {
		if !isInt {
			s.wrongType(x, "integer", nullable)
			return
		}
		// Beyond any int64 bound: decide by the sign.
		if neg && lo != nil {
			s.fail(x, "must be >= "+boundText(pr.Min)+" but found "+lit)
		} else if !neg && hi != nil {
			s.fail(x, "must be <= "+boundText(pr.Max)+" but found "+lit)
		}
		return
	}
	r, ok := new(big.Rat).SetString(lit)
	if !ok || !r.IsInt() {
		s.wrongType(x, "integer", nullable)
		return
	}
	if lo != nil && r.Cmp(new(big.Rat).SetInt(lo)) < 0 {
		s.fail(x, "must be >= "+boundText(pr.Min)+" but found "+lit)
	} else if hi != nil && r.Cmp(new(big.Rat).SetInt(hi)) > 0 {
		s.fail(x, "must be <= "+boundText(pr.Max)+" but found "+lit)
	}
}

// floatRange checks that the number x lies strictly between -pr.Limit and
// pr.Limit, comparing the literal exactly.
func (s *evalState) floatRange(pr Primitive, x *jsonx.Value) {
	lit := numberLiteral(x)
	var out, neg bool
	if huge, isInt, n := hugeExponent(lit); huge {
		out, neg = isInt, n // a huge positive exponent is beyond any float; a huge negative one is near 0
	} else if r, ok := new(big.Rat).SetString(lit); ok {
		lim, _ := new(big.Rat).SetString(pr.Limit)
		neg = r.Sign() < 0
		out = new(big.Rat).Abs(r).Cmp(lim) >= 0
	}
	switch {
	case out && neg:
		s.fail(x, "must be > "+boundText("-"+pr.Limit)+" but found "+lit)
	case out:
		s.fail(x, "must be < "+boundText(pr.Limit)+" but found "+lit)
	}
}

// numberLiteral returns the number x as valid JSON (as jsonx.Interface
// writes it).
func numberLiteral(x *jsonx.Value) string {
	if n, ok := x.Interface().(json.Number); ok {
		return string(n)
	}
	return x.Num
}

// boundText writes a Min or Max literal as jsonschema/v5 does in its
// messages (the bound as a float64, %v).
func boundText(lit string) string {
	r, ok := new(big.Rat).SetString(lit)
	if !ok {
		return lit
	}
	f, _ := r.Float64()
	return fmt.Sprint(f)
}

// hugeExponent reports whether the number literal lit has an exponent
// beyond ±10000 (which math/big would take very long to expand) and, if so,
// whether it is an integer (a large positive exponent) and negative.
func hugeExponent(lit string) (huge, isInt, neg bool) {
	i := strings.IndexAny(lit, "eE")
	if i < 0 {
		return false, false, false
	}
	if strings.Trim(lit[:i], "-+0.") == "" {
		return false, false, false // 0e… is 0
	}
	exp, err := strconv.Atoi(strings.TrimPrefix(lit[i+1:], "+"))
	if err == nil && exp >= -10000 && exp <= 10000 {
		return false, false, false
	}
	isInt = err == nil && exp > 0 || err != nil && !strings.HasPrefix(lit[i+1:], "-")
	return true, isInt, strings.HasPrefix(lit, "-")
}

// schemaQuote quotes s the way jsonschema/v5 quotes values in messages:
// Go-quoted, inside single quotes, with double quotes left bare and single
// quotes escaped.
func schemaQuote(s string) string {
	q := strconv.Quote(s)
	q = strings.ReplaceAll(q[1:len(q)-1], `\"`, `"`)
	return "'" + strings.ReplaceAll(q, `'`, `\'`) + "'"
}

// The string checks, the same as the generated Go validators'
// (templates/validate.tmpl).

// isDate reports whether s is an RFC 3339 full-date.
func isDate(s string) bool {
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

// isDateTime reports whether s is an RFC 3339 date-time (offset required).
func isDateTime(s string) bool {
	if len(s) < 20 || (s[10] != 'T' && s[10] != 't') {
		return false
	}
	return isDate(s[:10]) && isFullTime(s[11:])
}

func twoDigits(s string, lo, hi int) (int, bool) {
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, false
	}
	return n, true
}

// isFullTime reports whether s is an RFC 3339 full-time: hh:mm:ss, an
// optional fraction, then Z or an offset; a leap second only at 23:59 UTC.
func isFullTime(s string) bool {
	if len(s) < 9 || s[2] != ':' || s[5] != ':' {
		return false
	}
	h, ok := twoDigits(s[0:2], 0, 23)
	if !ok {
		return false
	}
	m, ok := twoDigits(s[3:5], 0, 59)
	if !ok {
		return false
	}
	sec, ok := twoDigits(s[6:8], 0, 60)
	if !ok {
		return false
	}
	s = s[8:]
	if s[0] == '.' {
		s = s[1:]
		n := digitRun(s)
		if n == 0 {
			return false
		}
		s = s[n:]
	}
	if s == "" {
		return false
	}
	if s[0] == 'z' || s[0] == 'Z' {
		if len(s) != 1 {
			return false
		}
	} else {
		if len(s) != 6 || s[3] != ':' {
			return false
		}
		var sign int
		switch s[0] {
		case '+':
			sign = -1
		case '-':
			sign = 1
		default:
			return false
		}
		zh, ok := twoDigits(s[1:3], 0, 23)
		if !ok {
			return false
		}
		zm, ok := twoDigits(s[4:6], 0, 59)
		if !ok {
			return false
		}
		hm := h*60 + m + sign*(zh*60+zm)
		if hm < 0 {
			hm += 24 * 60
		}
		h, m = hm/60, hm%60
	}
	return sec != 60 || h == 23 && m == 59
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func digitRun(s string) int {
	n := 0
	for n < len(s) && isDigit(s[n]) {
		n++
	}
	return n
}

// isTimeOfDay reports whether s matches PatternTimeOfDay.
func isTimeOfDay(s string) bool {
	if len(s) < 5 || s[2] != ':' || !isDigit(s[1]) || !isDigit(s[4]) || s[3] < '0' || s[3] > '5' {
		return false
	}
	switch s[0] {
	case '0', '1':
	case '2':
		if s[1] > '3' {
			return false
		}
	default:
		return false
	}
	if len(s) == 5 {
		return true
	}
	if len(s) < 8 || s[5] != ':' || s[6] < '0' || s[6] > '5' || !isDigit(s[7]) {
		return false
	}
	if len(s) == 8 {
		return true
	}
	return s[8] == '.' && len(s) > 9 && digitRun(s[9:]) == len(s)-9
}

// isDurationEnd reports whether s matches PatternDurationEnd.
func isDurationEnd(s string) bool {
	if s == "" {
		return false
	}
	switch s[len(s)-1] {
	case 'Y', 'M', 'W', 'D', 'H', 'S':
		return true
	}
	return false
}

// isDurationShape reports whether s matches PatternDuration:
// [-]P[nY][nM][nW][nD][T[nH][nM][n[.f]S]], every part optional.
func isDurationShape(s string) bool {
	if s != "" && s[0] == '-' {
		s = s[1:]
	}
	if s == "" || s[0] != 'P' {
		return false
	}
	s = s[1:]
	units := "YMWD"
	for s != "" && s[0] != 'T' {
		n := digitRun(s)
		if n == 0 || n > 18 || n == len(s) {
			return false
		}
		i := strings.IndexByte(units, s[n])
		if i < 0 {
			return false
		}
		units, s = units[i+1:], s[n+1:]
	}
	if s == "" {
		return true
	}
	s = s[1:] // the T
	units = "HMS"
	for s != "" {
		n := digitRun(s)
		if n == 0 || n > 18 || n == len(s) {
			return false
		}
		if s[n] == '.' {
			f := digitRun(s[n+1:])
			if f == 0 {
				return false
			}
			n += 1 + f
			if n == len(s) || s[n] != 'S' {
				return false
			}
		}
		i := strings.IndexByte(units, s[n])
		if i < 0 {
			return false
		}
		units, s = units[i+1:], s[n+1:]
	}
	return true
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// isUUID reports whether s is 8-4-4-4-12 hexadecimal digits.
func isUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < 36; i++ {
		switch i {
		case 8, 13, 18, 23:
			if s[i] != '-' {
				return false
			}
		default:
			if !isHex(s[i]) {
				return false
			}
		}
	}
	return true
}

func isBase64Char(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/'
}

// isBase64 reports whether s matches PatternBase64: standard padded base64
// without white space, in canonical form.
func isBase64(s string) bool {
	n := len(s)
	if n%4 != 0 {
		return false
	}
	for i := 0; i < n; i++ {
		c := s[i]
		if c == '=' {
			if i == n-1 || (i == n-2 && s[n-1] == '=') {
				continue
			}
			return false
		}
		if !isBase64Char(c) {
			return false
		}
	}
	switch {
	case strings.HasSuffix(s, "=="):
		return base64Index(s[n-3])&15 == 0
	case strings.HasSuffix(s, "="):
		return base64Index(s[n-2])&3 == 0
	}
	return true
}

// base64Index returns the value of a character of the standard base64
// alphabet.
func base64Index(c byte) int {
	switch {
	case c >= 'A' && c <= 'Z':
		return int(c - 'A')
	case c >= 'a' && c <= 'z':
		return int(c-'a') + 26
	case c >= '0' && c <= '9':
		return int(c-'0') + 52
	case c == '+':
		return 62
	}
	return 63
}
