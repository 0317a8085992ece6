package genschema

import (
	"errors"
	"fmt"
	"net/url"
	"sort"
	"strings"

	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/input/jsonx"
	"github.com/santhosh-tekuri/jsonschema/v5"
)

// The rules CheckExamples reports.
var (
	RuleInvalidValue = model.Rule{
		ID:       "example-invalid-value",
		Severity: model.SevWarning,
		Summary:  "an example value does not match the type of its property",
		Example:  `"accountEnabled": "yes" where accountEnabled is Boolean`,
	}
	RuleReadOnlyInRequest = model.Rule{
		ID:       "example-read-only-in-request",
		Severity: model.SevWarning,
		Summary:  "a create or update request example sets a read-only property",
		Example:  `POST /users with "id": "..." where id is Read-only`,
	}
	RuleMissingRequired = model.Rule{
		ID:       "example-missing-required",
		Severity: model.SevInfo,
		Summary:  "a create request example leaves out a required property",
		Example:  `POST /users without "displayName" where displayName is Required`,
	}
)

// Rules lists the rules of this package.
var Rules = []model.Rule{RuleInvalidValue, RuleMissingRequired, RuleReadOnlyInRequest}

// ExampleMode returns the mode an example is validated in: create or
// update for the request bodies of create and update operations, read for
// everything else.
func ExampleMode(e *model.Example) Mode {
	if e.Kind == model.ExampleRequest && e.Op != nil {
		switch e.Op.Kind {
		case model.OpCreate:
			return ModeCreate
		case model.OpUpdate:
			return ModeUpdate
		}
	}
	return ModeRead
}

// ExampleValues returns the values of example e that should validate as
// its type: the body itself; each element of a collection ("value" array
// or bare array); or the object wrapped as {"value": {...}} in a
// single-entity response. It returns nil when e has no parsed body or no
// type of the plan.
func (p *Plan) ExampleValues(e *model.Example) []*jsonx.Value {
	body := e.JSON
	if body == nil || e.Type.Type == nil {
		return nil
	}
	t := p.Lookup(e.Type.Type.QualifiedName())
	if t == nil {
		return nil
	}
	if e.Type.Collection {
		switch {
		case body.Kind == jsonx.Array:
			return body.Elems
		case body.Kind == jsonx.Object:
			if v := body.Get("value"); v != nil && v.Kind == jsonx.Array {
				return v.Elems
			}
		}
		return nil // another shape: not ours to judge
	}
	if inner := wrappedValue(body); inner != nil && !p.hasProperty(t, "value") {
		if t.Kind == model.KindEnum || inner.Kind == jsonx.Object {
			return []*jsonx.Value{inner}
		}
	}
	return []*jsonx.Value{body}
}

// wrappedValue returns v of an object {"value": v, "@...": ...}, else nil.
func wrappedValue(body *jsonx.Value) *jsonx.Value {
	if body.Kind != jsonx.Object {
		return nil
	}
	var v *jsonx.Value
	for _, m := range body.Members {
		switch {
		case m.Key == "value":
			v = m.Value
		case strings.HasPrefix(m.Key, "@"):
		default:
			return nil
		}
	}
	return v
}

func (p *Plan) hasProperty(t *TypePlan, name string) bool {
	for seen := map[string]bool{}; t != nil && !seen[t.Name]; t = p.Lookup(t.Base) {
		seen[t.Name] = true
		for _, pr := range t.Props {
			if pr.Name == name {
				return true
			}
		}
	}
	return false
}

// CheckExamples validates every example of m whose type is a model type
// against the schema of that type and reports each violation at the
// example's file:line of the offending value. Type placeholders ("String",
// 1024, "a | b") are accepted wherever they stand; truncated examples may
// leave properties out, and required properties are only enforced in
// create request bodies.
//
// It evaluates the plan in process (Evaluator); CheckExamplesJSONSchema
// reports the same findings by compiling the JSON Schema files and
// validating with jsonschema/v5, much more slowly.
func CheckExamples(m *model.Model) []model.Diagnostic {
	p := NewPlan(m)
	ev := NewEvaluator(p)
	return checkExamples(m, p, ev.ExampleViolations)
}

// CheckExamplesJSONSchema is CheckExamples validating with the JSON Schema
// rendering of the plan and santhosh-tekuri/jsonschema/v5.
func CheckExamplesJSONSchema(m *model.Model) []model.Diagnostic {
	p := NewPlan(m)
	v, err := NewValidator(p)
	if err != nil {
		return nil // cannot happen for a plan; nothing to report against
	}
	return checkExamples(m, p, v.ExampleViolations)
}

// ExampleViolations validates val as type q in mode with jsonschema/v5 and
// returns its failures as Violations reads them (placeholders left out);
// nil when it validates or the schema cannot be compiled.
func (v *Validator) ExampleViolations(q string, mode Mode, val *jsonx.Value) []Violation {
	err := v.Validate(q, mode, val.Interface())
	var ve *jsonschema.ValidationError
	if err == nil || !errors.As(err, &ve) {
		return nil
	}
	return Violations(ve, val)
}

func checkExamples(m *model.Model, p *Plan, violations func(q string, mode Mode, val *jsonx.Value) []Violation) []model.Diagnostic {
	var ds model.Diagnostics
	for _, e := range m.Examples() {
		vals := p.ExampleValues(e)
		if len(vals) == 0 {
			continue
		}
		q := e.Type.Type.QualifiedName()
		mode := ExampleMode(e)
		var what string
		for _, val := range vals {
			for _, f := range violations(q, mode, val) {
				if what == "" {
					what = fmt.Sprintf("%s example of %q", e.Kind, q)
				}
				switch f.Kind {
				case ViolationReadOnly:
					ds.Add(e.LineOf(f.Value.Offset), RuleReadOnlyInRequest, "%s sets read-only property %q", what, f.Name)
				case ViolationRequired:
					ds.Add(e.LineOf(f.Value.Offset), RuleMissingRequired, "%s leaves out required property %q", what, f.Name)
				default:
					ds.Add(e.LineOf(f.Value.Offset), RuleInvalidValue, "%s: value at %q: %s", what, f.Pointer, f.Message)
				}
			}
		}
	}
	return model.SortDiagnostics(ds.List)
}

// ViolationKind classifies a Violation.
type ViolationKind int

// The kinds of Violation.
const (
	ViolationValue    ViolationKind = iota // a value of the wrong type, format, range, member, length
	ViolationReadOnly                      // a read-only property in a request body
	ViolationRequired                      // a required property left out
)

// A Violation is one leaf failure of a schema validation, located in the
// parsed example.
type Violation struct {
	Kind    ViolationKind
	Pointer string       // JSON pointer into the validated value (RFC 6901, unescaped form)
	Name    string       // the property, for ViolationReadOnly and ViolationRequired
	Message string       // the validator's reason
	Value   *jsonx.Value // the offending value (the object, for ViolationRequired)
}

// Violations flattens a validation error of root into its leaf failures,
// sorted by position then message. Failures at or under a type placeholder
// are dropped, and so is the "expected null" alternative of a nullable
// reference when the value failed the reference too.
func Violations(ve *jsonschema.ValidationError, root *jsonx.Value) []Violation {
	var leaves []*jsonschema.ValidationError
	var walk func(*jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			leaves = append(leaves, e)
			return
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(ve)
	var out []Violation
	seen := map[string]bool{}
	for _, l := range leaves {
		if strings.HasSuffix(l.KeywordLocation, "/anyOf/0/type") && len(leaves) > 1 {
			continue // the null branch of a nullable reference
		}
		tokens := pointerTokens(l.InstanceLocation)
		if underPlaceholder(root, tokens) {
			continue
		}
		ptr := jsonx.Pointer(tokens...)
		val := root.Lookup(ptr)
		if val == nil {
			val = root
		}
		kw := l.KeywordLocation
		switch {
		case strings.HasSuffix(kw, "/required"):
			for _, name := range missingNames(l.Message) {
				out = append(out, Violation{Kind: ViolationRequired, Pointer: ptr, Name: name, Message: l.Message, Value: val})
			}
			continue
		case l.Message == "not allowed" && len(tokens) > 0:
			out = append(out, Violation{Kind: ViolationReadOnly, Pointer: ptr, Name: tokens[len(tokens)-1], Message: l.Message, Value: val})
			continue
		}
		key := ptr + "\x00" + l.Message
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, Violation{Kind: ViolationValue, Pointer: ptr, Message: enumMessage(l, val), Value: val})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Value.Offset != out[j].Value.Offset {
			return out[i].Value.Offset < out[j].Value.Offset
		}
		return out[i].Message < out[j].Message
	})
	return out
}

// pointerTokens splits an instance location of jsonschema/v5 (tokens
// escaped as in RFC 6901 and then URL path-escaped) into plain tokens.
func pointerTokens(loc string) []string {
	if loc == "" {
		return nil
	}
	parts := strings.Split(strings.TrimPrefix(loc, "/"), "/")
	for i, s := range parts {
		if u, err := url.PathUnescape(s); err == nil {
			s = u
		}
		s = strings.ReplaceAll(s, "~1", "/")
		parts[i] = strings.ReplaceAll(s, "~0", "~")
	}
	return parts
}

// underPlaceholder reports whether the value at tokens, or one of its
// containers, is a type placeholder.
func underPlaceholder(root *jsonx.Value, tokens []string) bool {
	for i := 0; i <= len(tokens); i++ {
		v := root.Lookup(jsonx.Pointer(tokens[:i]...))
		if v == nil {
			return false
		}
		if IsPlaceholder(v) {
			return true
		}
	}
	return false
}

// IsPlaceholder reports whether v stands for a value rather than being
// one: a model.Placeholder, a string "@odata.type: <type name>", or an
// object {"@odata.type": "Edm.<primitive>"}, which some examples use to
// name the type of a value (docs input-format §13.17).
func IsPlaceholder(v *jsonx.Value) bool {
	if _, ok := model.Placeholder(v); ok {
		return true
	}
	if v != nil && v.Kind == jsonx.Object && len(v.Members) == 1 && v.Members[0].Key == "@odata.type" {
		t := v.Members[0].Value
		return t.Kind == jsonx.String && strings.HasPrefix(strings.TrimPrefix(t.Str, "#"), "Edm.")
	}
	return v != nil && v.Kind == jsonx.String && strings.HasPrefix(strings.TrimSpace(v.Str), "@odata.type:")
}

// enumMessage rewrites jsonschema/v5's "value must be one of …" (which
// lists every member) as the value and the enum it is not a member of.
func enumMessage(l *jsonschema.ValidationError, val *jsonx.Value) string {
	if !strings.HasPrefix(l.Message, "value must be one of") || val == nil || val.Kind != jsonx.String {
		return l.Message
	}
	// An enum type's file has the enum at its root: ".../<type>.json#/enum".
	if base, ok := strings.CutSuffix(l.AbsoluteKeywordLocation, ".json#/enum"); ok {
		if q, err := url.PathUnescape(base[strings.LastIndex(base, "/")+1:]); err == nil {
			return fmt.Sprintf("%q is not a member of %q", val.Str, q)
		}
	}
	return fmt.Sprintf("%q is not an allowed value", val.Str)
}

// missingNames reads the property names of jsonschema/v5's "missing
// properties: 'a', 'b'" message.
func missingNames(msg string) []string {
	_, list, ok := strings.Cut(msg, ":")
	if !ok {
		return nil
	}
	var out []string
	for _, s := range strings.Split(list, ",") {
		s = strings.TrimSpace(s)
		s = strings.TrimSuffix(strings.TrimPrefix(s, "'"), "'")
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
