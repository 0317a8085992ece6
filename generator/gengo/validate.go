package gengo

// Validators. For every entity, complex and enum type this emits a
// reflection-free validator over decoded JSON (map[string]any, []any,
// string, bool, nil, json.Number) that collects every violation with its
// JSON pointer, in three modes (read, create, update). The decisions come
// from genschema.Plan, the same plan the JSON Schema is rendered from, so
// the two are two spellings of one set of rules; the differential corpus
// test (validate_corpus_test.go) checks that they give the same verdicts
// and blame the same JSON pointers. With Options.Validators the struct and
// enum types also get Validate/ValidateFor methods; a struct's ValidateFor
// encodes the value and runs the JSON validator on what the encoder wrote.
//
// Generated files: apidocgen_validate.go (the runtime, from
// templates/validate.tmpl), validate_<namespace>[_<letter>].go (one
// validator per type, and the methods), validate_checks.go (the primitive
// checks, shared) and validate_registry.go (type name -> validator).

import (
	"bytes"
	"fmt"
	"go/format"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"text/template"

	"github.com/apidocgen/apidocgen/generator/genschema"
	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/output"
	"github.com/apidocgen/apidocgen/templates"
)

// ValidateFileTypes is how many types one validate_*.go file may hold
// before a namespace is split by the first letter of the type names.
const ValidateFileTypes = 120

// A ValidateSpec says what EmitValidate generates.
type ValidateSpec struct {
	Package string // Go package name
	// Keep selects the types, by qualified name (nil: all). A kept type's
	// validator calls those of its base, descendants and property types
	// when they are kept too, and accepts anything where they are not.
	Keep func(qualified string) bool
}

// EmitValidate returns the validator files for the types of m: the
// validators of decoded JSON, without methods on Go types (Generate adds
// those when Options.Validators is set).
func EmitValidate(m *model.Model, spec ValidateSpec) (output.Files, error) {
	return emitValidate(m, spec, nil)
}

func emitValidate(m *model.Model, spec ValidateSpec, structs map[string]*goType) (output.Files, error) {
	plan := genschema.NewPlan(m)
	g := newValidateGen(plan, spec.Keep)
	g.structs = structs
	files, err := g.files(spec.Package)
	if err != nil {
		return nil, err
	}
	rt, err := validateRuntime(spec.Package)
	if err != nil {
		return nil, err
	}
	files = append(files, rt)
	files.Sort()
	return files, nil
}

// emitValidate appends the validators of the types of p, with Validate and
// ValidateFor methods on their Go types, to files. It is the hook the
// struct emitter calls.
func (p *plan) emitValidate(files output.Files) (output.Files, error) {
	keep := map[string]bool{}
	structs := map[string]*goType{}
	for _, g := range p.types {
		q := g.T.QualifiedName()
		keep[q] = true
		if _, dup := structs[q]; !dup {
			structs[q] = g
		}
	}
	vf, err := emitValidate(p.m, ValidateSpec{
		Package: p.opts.Package,
		Keep:    func(q string) bool { return keep[q] },
	}, structs)
	if err != nil {
		return nil, err
	}
	files = append(files, vf...)
	files.Sort()
	return files, nil
}

type validateGen struct {
	plan    *genschema.Plan
	types   []*genschema.TypePlan // kept, sorted by name
	goName  map[string]string     // qualified -> unique Go stem
	structs map[string]*goType    // qualified -> Go type getting methods (nil: none)
	// primitive checks: source by name, in order of first use, and the
	// names of the string checks by constraint
	checkSrc   map[string]string
	checkOrder []string
	strChecks  map[string]string
}

func newValidateGen(plan *genschema.Plan, keep func(string) bool) *validateGen {
	g := &validateGen{plan: plan, goName: map[string]string{}, checkSrc: map[string]string{}, strChecks: map[string]string{}}
	used := map[string]bool{}
	for _, t := range plan.Types {
		if keep != nil && !keep(t.Name) {
			continue
		}
		g.types = append(g.types, t)
		ns, name := splitQualified(t.Name)
		stem := nsPrefix(ns) + exportedName(name)
		if used[stem] {
			for i := 2; ; i++ {
				if s := stem + strconv.Itoa(i); !used[s] {
					stem = s
					break
				}
			}
		}
		used[stem] = true
		g.goName[t.Name] = stem
	}
	return g
}

// splitQualified splits "microsoft.graph.user" into namespace and name.
func splitQualified(q string) (string, string) {
	i := strings.LastIndexByte(q, '.')
	if i < 0 {
		return "", q
	}
	return q[:i], q[i+1:]
}

// has reports whether q has a validator in this package.
func (g *validateGen) has(q string) bool { _, ok := g.goName[q]; return ok }

func (g *validateGen) files(pkg string) (output.Files, error) {
	groups := map[string][]*genschema.TypePlan{}
	for _, t := range g.types {
		ns, _ := splitQualified(t.Name)
		groups[nsSlug(ns)] = append(groups[nsSlug(ns)], t)
	}
	var out output.Files
	// Sorted, so that check functions are numbered the same way each run.
	for _, slug := range sortedKeys(groups) {
		ts := groups[slug]
		if len(ts) <= ValidateFileTypes {
			f, err := g.file(pkg, "validate_"+slug+".go", ts)
			if err != nil {
				return nil, err
			}
			out = append(out, f)
			continue
		}
		byLetter := map[string][]*genschema.TypePlan{}
		for _, t := range ts {
			_, name := splitQualified(t.Name)
			byLetter[letterOf(name)] = append(byLetter[letterOf(name)], t)
		}
		for _, l := range sortedKeys(byLetter) {
			lts := byLetter[l]
			f, err := g.file(pkg, "validate_"+slug+"_"+l+".go", lts)
			if err != nil {
				return nil, err
			}
			out = append(out, f)
		}
	}
	reg, err := g.registry(pkg)
	if err != nil {
		return nil, err
	}
	checks, err := g.checksFile(pkg)
	if err != nil {
		return nil, err
	}
	return append(out, reg, checks), nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func letterOf(name string) string {
	for _, r := range strings.ToLower(name) {
		if r >= 'a' && r <= 'z' {
			return string(r)
		}
		break
	}
	return "0"
}

func formatFile(path string, src []byte) (output.File, error) {
	b, err := format.Source(src)
	if err != nil {
		return output.File{}, fmt.Errorf("format %s: %w", path, err)
	}
	return output.File{Path: path, Data: b}, nil
}

func fileHeader(b *bytes.Buffer, pkg string) {
	fmt.Fprintf(b, "// %s\n\npackage %s\n\n", Header, pkg)
}

func (g *validateGen) file(pkg, path string, ts []*genschema.TypePlan) (output.File, error) {
	var b bytes.Buffer
	fileHeader(&b, pkg)
	for _, t := range ts {
		if t.Kind == model.KindEnum {
			g.enumValidator(&b, t)
		} else {
			g.typeValidator(&b, t)
		}
		g.methodsOf(&b, t)
	}
	return formatFile(path, b.Bytes())
}

func (g *validateGen) registry(pkg string) (output.File, error) {
	var b bytes.Buffer
	fileHeader(&b, pkg)
	b.WriteString("// validatorOf returns the validator of the type with the qualified name\n// name, polymorphic when the type has descendants, or nil.\n")
	b.WriteString("func validatorOf(name string) func(*vstate, any) {\n\tswitch name {\n")
	for _, t := range g.types {
		fmt.Fprintf(&b, "\tcase %s:\n\t\treturn %s\n", strconv.Quote(t.Name), g.entry(t))
	}
	b.WriteString("\t}\n\treturn nil\n}\n")
	return formatFile("validate_registry.go", b.Bytes())
}

// entry is the validator function that checks any value of t.
func (g *validateGen) entry(t *genschema.TypePlan) string {
	stem := g.goName[t.Name]
	switch {
	case t.Kind == model.KindEnum:
		return "ve" + stem
	case len(g.descendants(t)) > 0:
		return "vy" + stem
	}
	return "vt" + stem
}

func (g *validateGen) descendants(t *genschema.TypePlan) []string {
	var out []string
	for _, d := range t.Descendants {
		if g.has(d) {
			out = append(out, d)
		}
	}
	return out
}

// methodsOf writes Validate and ValidateFor on the struct type of t, if it
// has one. ValidateFor encodes the value with its MarshalJSON
// and runs the JSON validator on the bytes, so it checks exactly what the
// encoder would send: a field the encoder leaves out (nil, absent Nullable,
// "" enum) is absent, and AdditionalData is checked with the rest. One
// small method per type and no field walker keeps the package cheap to
// compile (docs/build-cost.md).
func (g *validateGen) methodsOf(b *bytes.Buffer, t *genschema.TypePlan) {
	gt := g.structs[t.Name]
	if gt == nil || gt.T.Kind != t.Kind {
		return
	}
	if t.Kind == model.KindEnum {
		// Enums already have Valid; a second method per enum would only add
		// compile cost (ValidateValue checks a member with a reason).
		return
	}
	q := strconv.Quote(t.Name)
	fmt.Fprintf(b, "// Validate checks x as a %s in a response (ReadMode); see ValidateFor.\nfunc (x *%s) Validate() error {\n\treturn x.ValidateFor(ReadMode)\n}\n\n", t.Name, gt.Name)
	fmt.Fprintf(b, "// ValidateFor checks x as a %s in mode: it encodes x as\n// json.Marshal would and validates the result, collecting every violation\n// with its JSON pointer; nil or a *ValidationError.\n", t.Name)
	fmt.Fprintf(b, "func (x *%s) ValidateFor(mode ValidationMode) error {\n\treturn validateEncoded(%s, mode, x)\n}\n\n", gt.Name, q)
}

// enumValidator writes me<Stem> (membership) and ve<Stem> (a value).
func (g *validateGen) enumValidator(b *bytes.Buffer, t *genschema.TypePlan) {
	stem := g.goName[t.Name]
	if len(t.Members) == 0 {
		fmt.Fprintf(b, "// ve%s validates a value of enum %s, which lists no members: a string.\nfunc ve%s(s *vstate, v any) {\n\ts.vString(v)\n}\n\n", stem, t.Name, stem)
		return
	}
	// A sorted table and one shared lookup: far cheaper to compile than a
	// switch per enum.
	members := append([]string(nil), t.Members...)
	sort.Strings(members)
	fmt.Fprintf(b, "// vm%s lists the members of enum %s, sorted.\nvar vm%s = []string{%s}\n\n", stem, t.Name, stem, quoteList(members))
	fmt.Fprintf(b, "// me%s reports whether s is a member of enum %s.\nfunc me%s(s string) bool {\n\treturn vIsMember(vm%s, s)\n}\n\n", stem, t.Name, stem, stem)
	check := "!me" + stem + "(str)"
	what := "a member"
	if t.Flags {
		check = "!vFlagsOK(str, me" + stem + ")"
		what = "one or more members joined by commas"
	}
	fmt.Fprintf(b, "// ve%s validates a value of enum %s: %s.\nfunc ve%s(s *vstate, v any) {\n", stem, t.Name, what, stem)
	fmt.Fprintf(b, "\tif str, ok := s.vString(v); ok && %s {\n\t\ts.notMember(str)\n\t}\n}\n\n", check)
}

func quoteList(s []string) string {
	q := make([]string, len(s))
	for i, x := range s {
		q[i] = strconv.Quote(x)
	}
	return strings.Join(q, ", ")
}

// typeValidator writes vt<Stem> (a value of t itself), vp<Stem> (the
// properties of t and its bases, on an object) and, when t has
// descendants, vy<Stem> (a value of t or a descendant by @odata.type).
func (g *validateGen) typeValidator(b *bytes.Buffer, t *genschema.TypePlan) {
	stem := g.goName[t.Name]
	fmt.Fprintf(b, "// vt%s validates a %s (not a descendant).\nfunc vt%s(s *vstate, v any) {\n\tif o, ok := s.vObject(v); ok {\n\t\tvp%s(s, o)\n\t}\n}\n\n", stem, t.Name, stem, stem)
	fmt.Fprintf(b, "// vp%s checks the properties of %s and its base types.\nfunc vp%s(s *vstate, o map[string]any) {\n", stem, t.Name, stem)
	if t.Base != "" && g.has(t.Base) {
		fmt.Fprintf(b, "\tvp%s(s, o)\n", g.goName[t.Base])
	}
	for _, p := range t.Props {
		g.propCheck(b, p)
	}
	b.WriteString("}\n\n")
	ds := g.descendants(t)
	if len(ds) == 0 {
		return
	}
	fmt.Fprintf(b, "// vy%s validates a %s or, by @odata.type, a descendant.\nfunc vy%s(s *vstate, v any) {\n\to, ok := s.vObject(v)\n\tif !ok {\n\t\treturn\n\t}\n", stem, t.Name, stem)
	b.WriteString("\tif t, ok := vODataType(o); ok {\n\t\tswitch t {\n")
	for _, d := range ds {
		fmt.Fprintf(b, "\t\tcase %s:\n\t\t\tvp%s(s, o)\n\t\t\treturn\n", strconv.Quote(d), g.goName[d])
	}
	fmt.Fprintf(b, "\t\t}\n\t}\n\tvp%s(s, o)\n}\n\n", stem)
}

// propCheck writes the check of one property of an object o: one call of
// the runtime's prop with the property's flags and value check.
func (g *validateGen) propCheck(b *bytes.Buffer, p genschema.Prop) {
	var flags []string
	if p.ReadOnly {
		flags = append(flags, "vfReadOnly")
	} else if p.Required {
		flags = append(flags, "vfRequired")
	}
	if p.Collection {
		flags = append(flags, "vfCollection")
	} else if p.Nullable {
		flags = append(flags, "vfNullable")
	}
	f := "0"
	if len(flags) > 0 {
		f = strings.Join(flags, "|")
	}
	fmt.Fprintf(b, "\ts.prop(o, %s, %s, %s)\n", strconv.Quote(p.Name), f, g.check(p.Value))
}

// check returns the function checking one value v ("nil": anything).
func (g *validateGen) check(v genschema.Value) string {
	switch v.Kind {
	case genschema.ValuePrimitive:
		return g.primitiveCheck(v)
	case genschema.ValueEnum:
		if g.has(v.Type) {
			return "ve" + g.goName[v.Type]
		}
	case genschema.ValueObject:
		t := g.plan.Lookup(v.Type)
		if t == nil || !g.has(v.Type) {
			return "nil"
		}
		if v.Poly && len(g.descendants(t)) > 0 {
			return "vy" + g.goName[v.Type]
		}
		return "vt" + g.goName[v.Type]
	}
	return "nil"
}

// primitiveCheck returns the check function of a primitive value, defining
// it in validate_checks.go the first time it is needed.
func (g *validateGen) primitiveCheck(v genschema.Value) string {
	pr := v.Primitive
	switch pr.JSON {
	case "boolean":
		return "vcBool"
	case "number":
		return "vcNumber"
	case "integer":
		name := "vc" + strings.TrimPrefix(pr.Edm, "Edm.")
		g.define(name, fmt.Sprintf("// %s checks an %s.\nfunc %s(s *vstate, v any) {\n\ts.vInt(v, %s, %s)\n}\n", name, pr.Edm, name, pr.Min, pr.Max))
		return name
	case "string":
	default:
		return "nil"
	}
	var inner []string
	switch pr.Check {
	case genschema.CheckDateTime:
		inner = append(inner, "if !vIsDateTime(str) {\n\ts.badFormat(str, \"date-time\")\n}\n")
	case genschema.CheckDate:
		inner = append(inner, "if !vIsDate(str) {\n\ts.badFormat(str, \"date\")\n}\n")
	case genschema.CheckUUID:
		inner = append(inner, "if !vIsUUID(str) {\n\ts.badFormat(str, \"uuid\")\n}\n")
	case genschema.CheckTimeOfDay:
		inner = append(inner, "if !vIsTimeOfDay(str) {\n\ts.badFormat(str, \"time of day\")\n}\n")
	case genschema.CheckDuration:
		inner = append(inner, "if !vIsDuration(str) {\n\ts.badFormat(str, \"duration\")\n}\n")
	case genschema.CheckBase64:
		inner = append(inner, "if !vIsBase64(str) {\n\ts.badFormat(str, \"base64 value\")\n}\n")
	}
	if len(inner) == 0 && v.MaxLength == 0 && len(v.Enum) == 0 {
		return "vcString"
	}
	name := "vc" + strings.TrimPrefix(pr.Edm, "Edm.")
	what := "an " + pr.Edm
	if v.MaxLength > 0 || len(v.Enum) > 0 {
		key := fmt.Sprintf("%s|%d|%q", pr.Edm, v.MaxLength, v.Enum)
		if n, ok := g.strChecks[key]; ok {
			return n
		}
		g.strChecks[key] = fmt.Sprintf("vcs%d", len(g.strChecks)+1)
		name = g.strChecks[key]
		if v.MaxLength > 0 {
			inner = append(inner, fmt.Sprintf("s.maxLength(str, %d)\n", v.MaxLength))
			what += fmt.Sprintf(" of at most %d characters", v.MaxLength)
		}
		if len(v.Enum) > 0 {
			inner = append(inner, fmt.Sprintf("switch str {\ncase %s:\ndefault:\n\ts.notMember(str)\n}\n", quoteList(v.Enum)))
			what += " among listed values"
		}
	}
	g.define(name, fmt.Sprintf("// %s checks %s.\nfunc %s(s *vstate, v any) {\n\tif str, ok := s.vString(v); ok {\n%s\t}\n}\n", name, what, name, indent(strings.Join(inner, ""), 2)))
	return name
}

// define records the source of a check function, once.
func (g *validateGen) define(name, src string) {
	if _, ok := g.checkSrc[name]; !ok {
		g.checkSrc[name] = src
		g.checkOrder = append(g.checkOrder, name)
	}
}

func indent(s string, n int) string {
	tabs := strings.Repeat("\t", n)
	var b strings.Builder
	for _, line := range strings.SplitAfter(s, "\n") {
		if line == "" {
			continue
		}
		b.WriteString(tabs)
		b.WriteString(line)
	}
	return b.String()
}

// checksFile writes the primitive checks the type validators use.
func (g *validateGen) checksFile(pkg string) (output.File, error) {
	var b bytes.Buffer
	fileHeader(&b, pkg)
	names := append([]string(nil), g.checkOrder...)
	sort.Strings(names)
	for _, n := range names {
		b.WriteString(g.checkSrc[n])
		b.WriteString("\n")
	}
	return formatFile("validate_checks.go", b.Bytes())
}

// validateRuntime renders templates/validate*.tmpl into apidocgen_validate*.go.
func validateRuntime(pkg string) (output.File, error) {
	names, err := fs.Glob(templates.FS, "validate*.tmpl")
	if err != nil {
		return output.File{}, err
	}
	sort.Strings(names)
	if len(names) != 1 {
		return output.File{}, fmt.Errorf("want one validate template, found %d", len(names))
	}
	text, err := fs.ReadFile(templates.FS, names[0])
	if err != nil {
		return output.File{}, err
	}
	tmpl, err := template.New(names[0]).Parse(string(text))
	if err != nil {
		return output.File{}, fmt.Errorf("parse template %s: %w", names[0], err)
	}
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, struct{ Package string }{pkg}); err != nil {
		return output.File{}, fmt.Errorf("render template %s: %w", names[0], err)
	}
	return formatFile("apidocgen_validate.go", buf.Bytes())
}
