// Package genschema turns the type model into JSON Schema 2020-12 and checks
// the examples of the docs against it.
//
// The validation decisions (which JSON type a primitive has, which strings
// a format accepts, which properties are required in which mode, how a
// polymorphic value picks its type) are made once, in a Plan built from the
// model. The schema emitter of this package and the Go validator emitter of
// generator/gengo both render the same Plan, so the two can only disagree
// through a rendering bug, which the differential corpus test looks for.
package genschema

import (
	"math/big"
	"sort"
	"strings"

	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/generator/payload"
)

// Mode is what a payload is validated for.
type Mode string

// The validation modes. Read is a resource representation or a response
// body; Create and Update are request bodies: read-only properties are
// rejected in both, required properties are enforced only in Create.
const (
	ModeRead   Mode = "read"
	ModeCreate Mode = "create"
	ModeUpdate Mode = "update"
)

// Modes lists the validation modes in output order.
var Modes = []Mode{ModeRead, ModeCreate, ModeUpdate}

// Check names a string syntax check shared by both emitters.
type Check string

// The string checks. Each has exactly one JSON Schema spelling (a format
// asserted by the validator, or a pattern) and one Go implementation; see
// MAPPING.md.
const (
	CheckNone      Check = ""
	CheckDateTime  Check = "date-time"   // format "date-time" (RFC 3339, offset required)
	CheckDate      Check = "date"        // format "date"
	CheckUUID      Check = "uuid"        // format "uuid"
	CheckTimeOfDay Check = "time-of-day" // pattern PatternTimeOfDay
	CheckDuration  Check = "duration"    // pattern PatternDuration
	CheckBase64    Check = "base64"      // pattern PatternBase64 (+ contentEncoding annotation)
)

// Patterns used for the checks that have no JSON Schema format with the
// right meaning. They are RE2 syntax (no look-around), as the Go regexp
// package and jsonschema/v5 require.
const (
	// PatternTimeOfDay is an Edm.TimeOfDay: hh:mm, hh:mm:ss or hh:mm:ss.f+
	// without a time zone offset (format "time" would require one).
	PatternTimeOfDay = `^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]+)?)?$`
	// PatternDuration is the shape of an ISO 8601 duration as OData
	// writes it: an optional sign, P, date units in order, then an optional
	// T with time units, seconds possibly fractional; each number has at
	// most 18 digits, so that it fits the int64 fields of the Go Duration
	// type. PatternDurationEnd
	// adds that the text ends with a unit, so "P", "PT" and "P1DT" fail.
	PatternDuration    = `^-?P([0-9]{1,18}Y)?([0-9]{1,18}M)?([0-9]{1,18}W)?([0-9]{1,18}D)?(T([0-9]{1,18}H)?([0-9]{1,18}M)?([0-9]{1,18}(\.[0-9]+)?S)?)?$`
	PatternDurationEnd = `[YMWDHS]$`
	// PatternBase64 is the one base64 rule of Edm.Binary and Edm.Stream,
	// shared by the generated decoder (Binary), the Go validators and this
	// schema: the standard alphabet, "=" padding, no white space, and the
	// canonical form, in which the bits the last character does not use are
	// zero ("YQ==", not "YR=="). That is exactly what an encoder writes, so
	// a value that is accepted decodes to bytes that encode back to it.
	PatternBase64 = `^([A-Za-z0-9+/]{4})*([A-Za-z0-9+/][AQgw]==|[A-Za-z0-9+/]{2}[AEIMQUYcgkosw048]=)?$`
)

// Primitive says how one Edm primitive is checked.
type Primitive struct {
	Edm  string
	JSON string // "string", "integer", "number", "boolean", or "" for any JSON value
	// Check is the string syntax check, CheckNone if none.
	Check Check
	// Min and Max bound integers (decimal literals), "" when unbounded.
	Min, Max string
	// Float is 32 or 64 for Edm.Single and Edm.Double, whose Go fields
	// cannot hold a number that rounds to an infinite float (the Go
	// decoder rejects it): the values must lie strictly between -Limit and
	// Limit (a decimal integer literal, see floatLimit).
	Float int
	Limit string
}

// floatLimit returns the bound of a float of the given size. For 32 bits
// it is 2^128 - 2^103, the least magnitude that rounds to infinity (as
// strconv.ParseFloat rounds), so the bound is exact. For 64 bits that point
// is 2^1024 - 2^970, which JSON readers working in float64 cannot read
// (encoding/json fails on it): the bound is one less, which they read as
// the largest float64, and only the numbers in [2^1024 - 2^970 - 1,
// 2^1024 - 2^970), all written with 309 digits or more, are held by a
// float64 but out of the bound.
func floatLimit(bits int) string {
	maxExp, mant := 1024, 53
	if bits == 32 {
		maxExp, mant = 128, 24
	}
	n := new(big.Int).Lsh(big.NewInt(1), uint(maxExp))
	n.Sub(n, new(big.Int).Lsh(big.NewInt(1), uint(maxExp-mant-1)))
	if bits == 64 {
		n.Sub(n, big.NewInt(1))
	}
	return n.String()
}

var primitives = map[string]Primitive{
	model.EdmString:         {JSON: "string"},
	model.EdmBoolean:        {JSON: "boolean"},
	model.EdmByte:           {JSON: "integer", Min: "0", Max: "255"},
	model.EdmSByte:          {JSON: "integer", Min: "-128", Max: "127"},
	model.EdmInt16:          {JSON: "integer", Min: "-32768", Max: "32767"},
	model.EdmInt32:          {JSON: "integer", Min: "-2147483648", Max: "2147483647"},
	model.EdmInt64:          {JSON: "integer", Min: "-9223372036854775808", Max: "9223372036854775807"},
	model.EdmSingle:         {JSON: "number", Float: 32, Limit: floatLimit(32)},
	model.EdmDouble:         {JSON: "number", Float: 64, Limit: floatLimit(64)},
	model.EdmDecimal:        {JSON: "number"},
	model.EdmDateTimeOffset: {JSON: "string", Check: CheckDateTime},
	model.EdmDate:           {JSON: "string", Check: CheckDate},
	model.EdmTimeOfDay:      {JSON: "string", Check: CheckTimeOfDay},
	model.EdmDuration:       {JSON: "string", Check: CheckDuration},
	model.EdmGuid:           {JSON: "string", Check: CheckUUID},
	model.EdmBinary:         {JSON: "string", Check: CheckBase64},
	model.EdmStream:         {JSON: "string", Check: CheckBase64},
	model.EdmUntyped:        {JSON: ""},
}

// PrimitiveOf returns how the Edm primitive edm is checked; ok is false for
// a name that is not a known primitive.
func PrimitiveOf(edm string) (Primitive, bool) {
	p, ok := primitives[edm]
	p.Edm = edm
	return p, ok
}

// BigBound parses a Min or Max literal; nil for "".
func BigBound(s string) *big.Int {
	if s == "" {
		return nil
	}
	n, ok := new(big.Int).SetString(s, 10)
	if !ok {
		return nil
	}
	return n
}

// ValueKind is the kind of one (non-collection) value.
type ValueKind int

// The kinds of Value.
const (
	ValueAny       ValueKind = iota // anything: Edm.Untyped, Edm.Stream, an unresolved type
	ValuePrimitive                  // a primitive, maybe with Enum (String with "Possible values")
	ValueEnum                       // a member of the enum type Type
	ValueObject                     // an object of the entity or complex type Type
)

// A Value is the schema of one value (an element, for collections).
type Value struct {
	Kind      ValueKind
	Primitive Primitive // ValuePrimitive
	// Enum lists the allowed strings of a String property read from its
	// "Possible values are" prose (ValuePrimitive only).
	Enum      []string
	MaxLength int    // ValuePrimitive strings; 0 for none
	Type      string // ValueEnum and ValueObject: qualified type name
	// Poly is set for ValueObject when the type has descendants, so a value
	// may be any of them, selected by "@odata.type".
	Poly bool
}

// A Prop is one property as validated.
type Prop struct {
	Name       string
	Value      Value
	Collection bool
	Nullable   bool
	ReadOnly   bool
	Required   bool // enforced in ModeCreate only
	Deprecated bool
	Doc        string
	Default    string
}

// A TypePlan is one type as validated.
type TypePlan struct {
	Name       string // qualified
	Kind       model.TypeKind
	Base       string // qualified name of the resolved base, "" if none
	Props      []Prop // declared on this type, in model order
	Doc        string
	Deprecated bool
	Abstract   bool
	Open       bool
	// Descendants lists the qualified names of every type deriving from
	// this one, sorted; a polymorphic value picks one by "@odata.type".
	Descendants []string
	// Members and Flags are for enum types.
	Members []string
	Flags   bool
}

// A PagePlan is one page of a collection response, as validated: an object
// whose "value" is an array of elements, with the OData control members.
type PagePlan struct {
	Name string // the payload name, "Collection(microsoft.graph.user)"
	Elem Value  // the check of each element
}

// PageControls are the control members of a page and their primitive
// types: strings, and a count.
var PageControls = []struct{ Name, Edm string }{
	{"@odata.context", model.EdmString},
	{"@odata.count", model.EdmInt64},
	{"@odata.deltaLink", model.EdmString},
	{"@odata.nextLink", model.EdmString},
}

// A Plan is every type of a model as validated, sorted by name: the
// model's types and the payload types of its operations (package payload),
// and the pages of collections.
type Plan struct {
	Types  []*TypePlan
	byName map[string]*TypePlan
	// Pages are sorted by name: a page of every entity and complex type of
	// the model, and of every other element type (a primitive, an enum)
	// an operation or an example returns in a page.
	Pages  []*PagePlan
	byPage map[string]*PagePlan
	// Payloads are the payloads of the model's operations.
	Payloads *payload.Set
}

// Lookup returns the plan of the type with the qualified name q, or nil.
func (p *Plan) Lookup(q string) *TypePlan { return p.byName[q] }

// LookupPage returns the plan of the page with the payload name name
// ("Collection(microsoft.graph.user)"), or nil.
func (p *Plan) LookupPage(name string) *PagePlan { return p.byPage[name] }

// NewPlan builds the validation plan of m.
func NewPlan(m *model.Model) *Plan {
	p := &Plan{byName: map[string]*TypePlan{}, byPage: map[string]*PagePlan{}, Payloads: payload.Derive(m)}
	types := append(append([]*model.Type(nil), m.Types...), p.Payloads.Types...)
	for _, t := range types {
		q := t.QualifiedName()
		if _, dup := p.byName[q]; dup {
			continue // the compiler reports duplicates; keep the first
		}
		tp := &TypePlan{
			Name:       q,
			Kind:       t.Kind,
			Doc:        t.Doc,
			Deprecated: t.Deprecated,
			Abstract:   t.Abstract,
			Open:       t.Open,
		}
		if t.Base != nil && t.Base != t {
			tp.Base = t.Base.QualifiedName()
		}
		if t.Kind == model.KindEnum {
			seen := map[string]bool{}
			for _, mem := range t.Members {
				if mem.Name != "" && !seen[mem.Name] {
					seen[mem.Name] = true
					tp.Members = append(tp.Members, mem.Name)
				}
			}
			tp.Flags = t.Flags
		} else {
			for _, d := range t.Descendants() {
				tp.Descendants = append(tp.Descendants, d.QualifiedName())
			}
			tp.Descendants = uniqSorted(tp.Descendants)
			seen := map[string]bool{}
			for _, pr := range t.Properties {
				if pr.Name == "" || seen[pr.Name] {
					continue // a repeated row: the first one counts
				}
				seen[pr.Name] = true
				tp.Props = append(tp.Props, planProp(pr))
			}
		}
		p.Types = append(p.Types, tp)
		p.byName[q] = tp
	}
	sort.Slice(p.Types, func(i, j int) bool { return p.Types[i].Name < p.Types[j].Name })
	p.planPages(m)
	return p
}

// planPages adds the pages: of every entity and complex type of m, and of
// the element type of every page an operation or example returns.
func (p *Plan) planPages(m *model.Model) {
	add := func(ref model.TypeRef) {
		if !ref.Resolved() {
			return
		}
		name := payload.PageName(ref.Name)
		if p.byPage[name] != nil {
			return
		}
		ref.Collection = false
		v := planValue(&model.Property{Type: ref})
		if v.Kind == ValueAny && !ref.IsPrimitive() {
			return // a type this plan does not know
		}
		pp := &PagePlan{Name: name, Elem: v}
		p.Pages = append(p.Pages, pp)
		p.byPage[name] = pp
	}
	for _, t := range m.Types {
		if t.Kind != model.KindEnum {
			add(model.TypeRef{Name: t.QualifiedName(), Type: t})
		}
	}
	for _, o := range p.Payloads.Ops {
		for _, r := range []*payload.Ref{o.Request, o.Response} {
			if r != nil && r.Page() {
				add(r.Type)
			}
		}
		for _, e := range o.Op.Examples {
			if r, ok := p.Payloads.Example(e); ok && r.Page() {
				add(r.Type)
			}
		}
	}
	sort.Slice(p.Pages, func(i, j int) bool { return p.Pages[i].Name < p.Pages[j].Name })
}

func uniqSorted(s []string) []string {
	sort.Strings(s)
	out := s[:0]
	for i, x := range s {
		if i > 0 && x == s[i-1] {
			continue
		}
		out = append(out, x)
	}
	return out
}

func planProp(pr *model.Property) Prop {
	p := Prop{
		Name:       pr.Name,
		Collection: pr.Type.Collection,
		Nullable:   pr.IsNullable(),
		ReadOnly:   pr.ReadOnly,
		Required:   pr.Required,
		Deprecated: pr.Deprecated,
		Doc:        pr.Doc,
		Default:    pr.Default,
	}
	p.Value = planValue(pr)
	return p
}

func planValue(pr *model.Property) Value {
	ref := pr.Type
	if ref.IsPrimitive() {
		prim, ok := PrimitiveOf(ref.Name)
		if !ok || prim.JSON == "" {
			return Value{Kind: ValueAny}
		}
		v := Value{Kind: ValuePrimitive, Primitive: prim}
		if prim.JSON == "string" {
			if pr.MaxLength > 0 {
				v.MaxLength = pr.MaxLength
			}
			if ref.Name == model.EdmString && len(pr.Values) > 0 {
				v.Enum = uniqInOrder(pr.Values)
			}
		}
		return v
	}
	t := ref.Type
	if t == nil {
		return Value{Kind: ValueAny}
	}
	switch t.Kind {
	case model.KindEnum:
		if len(t.Members) == 0 {
			return Value{Kind: ValuePrimitive, Primitive: primitiveString()}
		}
		return Value{Kind: ValueEnum, Type: t.QualifiedName()}
	default:
		return Value{Kind: ValueObject, Type: t.QualifiedName(), Poly: len(t.Derived) > 0}
	}
}

func primitiveString() Primitive {
	p, _ := PrimitiveOf(model.EdmString)
	return p
}

func uniqInOrder(s []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// ODataTypeValues returns the two spellings of q that select it in an
// "@odata.type" member: "#q" and "q".
func ODataTypeValues(q string) []string { return []string{"#" + q, q} }

// TypeOfODataType returns the qualified name an "@odata.type" value names.
func TypeOfODataType(s string) string { return strings.TrimPrefix(s, "#") }
