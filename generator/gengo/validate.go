package gengo

// Validators. For every entity, complex and enum type this emits a
// reflection-free validator over decoded JSON (map[string]any, []any,
// string, bool, nil, json.Number) that collects every violation with its
// JSON pointer, in three modes (read, create, update). The decisions come
// from genschema.Plan, the same plan the JSON Schema is rendered from, so
// the two are two spellings of one set of rules; the differential corpus
// test (validate_corpus_test.go) checks that they give the same verdicts
// and blame the same JSON pointers. With Options.Validators the package of
// the structs also gets Validate(v, mode) (templates/gengo_validatestruct.tmpl),
// which encodes a struct and runs the JSON validator of its type on the bytes.
//
// The JSON validators are data, not code: the compiler's memory follows
// the number of functions of the package, so one record per type in a
// static table, interpreted by a handful of runtime functions, is far
// cheaper to build than functions per type. Types refer to each other by
// their index in the table (sorted by name), so the table has no
// initialization cycles.
//
// Generated files: apidocgen_validate.go (the runtime and the interpreter,
// from templates/validate.tmpl), validate_registry.go (vTypes: per type its
// base, property checks, descendants or enum members; vPages: per page of a
// collection the check of its elements), validate_checks.go
// (vPrims: the primitive checks, shared) and, with methods,
// validate_<namespace>[_<letter>].go (the methods of the types, and the
// enum checks they call).

import (
	"bytes"
	"fmt"
	"go/format"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"text/template"

	"github.com/apidocgen/apidocgen/generator/genschema"
	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/output"
	"github.com/apidocgen/apidocgen/templates"
)

// A ValidateSpec says what EmitValidate generates.
type ValidateSpec struct {
	Package string // Go package name
	// Keep selects the types, by qualified name (nil: all). A kept type's
	// record checks its base, descendants and property types when they
	// are kept too, and accepts anything where they are not.
	Keep func(qualified string) bool
}

// EmitValidate returns the validator files for the types of m: the
// validators of decoded JSON, without methods on Go types (Generate adds
// those when Options.Validators is set).
func EmitValidate(m *model.Model, spec ValidateSpec) (output.Files, error) {
	files, err := emitValidate(m, spec)
	if err != nil {
		return nil, err
	}
	// The JSON reader that ValidateJSON uses; Generate has it in the
	// runtime of the struct types.
	json, err := runtimeFiles(spec.Package, func(name string) bool { return name == "gengo_json.tmpl" })
	if err != nil {
		return nil, err
	}
	files = append(files, json...)
	files.Sort()
	return files, nil
}

func emitValidate(m *model.Model, spec ValidateSpec) (output.Files, error) {
	plan := genschema.NewPlan(m)
	g := newValidateGen(plan, spec.Keep)
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

// emitValidate appends the validators of the types of p to files: in the
// package, or in the runtime package when the output is split. It is the
// hook the struct emitter calls; Validate(v, mode) comes from
// templates/gengo_validatestruct.tmpl.
func (p *plan) emitValidate(files output.Files) (output.Files, error) {
	keep := map[string]bool{}
	for _, g := range p.types {
		keep[g.T.QualifiedName()] = true
	}
	pkg := p.root
	if p.rt != nil {
		pkg = p.rt
	}
	vf, err := emitValidate(p.m, ValidateSpec{
		Package: pkg.Name,
		Keep:    func(q string) bool { return keep[q] },
	})
	if err != nil {
		return nil, err
	}
	for _, f := range vf {
		f.Path = path.Join(pkg.Dir, f.Path)
		files = append(files, f)
	}
	files.Sort()
	return files, nil
}

type validateGen struct {
	plan  *genschema.Plan
	types []*genschema.TypePlan // kept, sorted by name
	index map[string]int        // qualified -> index in vTypes (= in types)
	pages []*genschema.PagePlan // kept, sorted by name
	// primitive checks: the vPrims table, sorted by rendering (see
	// numberPrims), and the index of each by its rendering
	prims   []string
	primIdx map[string]int
}

func newValidateGen(plan *genschema.Plan, keep func(string) bool) *validateGen {
	g := &validateGen{plan: plan, index: map[string]int{}, primIdx: map[string]int{}}
	for _, t := range plan.Types {
		if keep != nil && !keep(t.Name) {
			continue
		}
		g.index[t.Name] = len(g.types)
		g.types = append(g.types, t)
	}
	for _, pg := range plan.Pages {
		if pg.Elem.Kind == genschema.ValueAny || pg.Elem.Kind == genschema.ValuePrimitive || g.has(pg.Elem.Type) {
			g.pages = append(g.pages, pg)
		}
	}
	return g
}

// has reports whether q has a validator in this package.
func (g *validateGen) has(q string) bool { _, ok := g.index[q]; return ok }

func (g *validateGen) files(pkg string) (output.Files, error) {
	// The type table first: it numbers the primitive checks; their table
	// second.
	reg, err := g.registry(pkg)
	if err != nil {
		return nil, err
	}
	checks, err := g.checksFile(pkg)
	if err != nil {
		return nil, err
	}
	return output.Files{reg, checks}, nil
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

// registry writes vTypes, the table of every kept type, sorted by name.
func (g *validateGen) registry(pkg string) (output.File, error) {
	g.numberPrims()
	var b bytes.Buffer
	fileHeader(&b, pkg)
	b.WriteString("// vTypes lists the entity, complex and enum types, sorted by name; the\n// runtime (apidocgen_validate.go) interprets it.\nvar vTypes = []vtype{\n")
	for i, t := range g.types {
		g.typeRecord(&b, i, t)
	}
	b.WriteString("}\n\n// vPages lists the pages of collections, sorted by name.\nvar vPages = []vpage{\n")
	for _, pg := range g.pages {
		kind, idx := g.valueCheck(pg.Elem)
		fmt.Fprintf(&b, "\t{%s, %s, %d},\n", strconv.Quote(pg.Name), kind, idx)
	}
	b.WriteString("}\n")
	return formatFile("validate_registry.go", b.Bytes())
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

func quoteList(s []string) string {
	q := make([]string, len(s))
	for i, x := range s {
		q[i] = strconv.Quote(x)
	}
	return strings.Join(q, ", ")
}

// typeRecord writes the vTypes entry of t, the i-th type: for an enum its
// sorted members, for an entity or complex type its base, the checks of
// its own properties and, when it has any, its descendants (what a
// polymorphic value may be, by @odata.type).
func (g *validateGen) typeRecord(b *bytes.Buffer, i int, t *genschema.TypePlan) {
	fmt.Fprintf(b, "\t%d: {name: %s", i, strconv.Quote(t.Name))
	if t.Kind == model.KindEnum {
		kind := "vtEnum"
		if t.Flags {
			kind = "vtFlags"
		}
		fmt.Fprintf(b, ", kind: %s, base: -1", kind)
		if len(t.Members) > 0 {
			members := append([]string(nil), t.Members...)
			sort.Strings(members)
			fmt.Fprintf(b, ", members: []string{%s}", quoteList(members))
		}
		b.WriteString("},\n")
		return
	}
	base := -1
	if t.Base != "" && g.has(t.Base) {
		base = g.index[t.Base]
	}
	fmt.Fprintf(b, ", kind: vtObject, base: %d", base)
	if ds := g.descendants(t); len(ds) > 0 {
		idx := make([]string, len(ds))
		for k, d := range ds {
			idx[k] = strconv.Itoa(g.index[d])
		}
		fmt.Fprintf(b, ", derived: []int32{%s}", strings.Join(idx, ", "))
	}
	if len(t.Props) == 0 {
		b.WriteString("},\n")
		return
	}
	b.WriteString(", props: []vprop{\n")
	for _, p := range t.Props {
		g.propRecord(b, p)
	}
	b.WriteString("\t}},\n")
}

// propRecord writes the vprop of one property: its flags and value check.
func (g *validateGen) propRecord(b *bytes.Buffer, p genschema.Prop) {
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
	kind, idx := g.valueCheck(p.Value)
	fmt.Fprintf(b, "\t\t{%s, %s, %s, %d},\n", strconv.Quote(p.Name), f, kind, idx)
}

// valueCheck returns the vprop kind and index checking one value v.
func (g *validateGen) valueCheck(v genschema.Value) (string, int) {
	switch v.Kind {
	case genschema.ValuePrimitive:
		if i, ok := g.primitiveCheck(v); ok {
			return "vkPrim", i
		}
	case genschema.ValueEnum:
		if g.has(v.Type) {
			return "vkEnum", g.index[v.Type]
		}
	case genschema.ValueObject:
		t := g.plan.Lookup(v.Type)
		if t == nil || !g.has(v.Type) {
			return "vkAny", 0
		}
		if v.Poly && len(g.descendants(t)) > 0 {
			return "vkPoly", g.index[v.Type]
		}
		return "vkObject", g.index[v.Type]
	}
	return "vkAny", 0
}

// primitiveCheck returns the index in vPrims of the check of a primitive
// value, adding it the first time it is needed; ok is false when any value
// is allowed.
func (g *validateGen) primitiveCheck(v genschema.Value) (int, bool) {
	pr := v.Primitive
	var rec string
	switch pr.JSON {
	case "boolean":
		rec = "{json: vpBool}"
	case "number":
		switch pr.Float {
		case 32:
			rec = "{json: vpFloat32}"
		case 64:
			rec = "{json: vpFloat64}"
		default:
			rec = "{json: vpNumber}"
		}
	case "integer":
		lo, hi := pr.Min, pr.Max
		if lo == "" {
			lo = "math.MinInt64"
		}
		if hi == "" {
			hi = "math.MaxInt64"
		}
		rec = fmt.Sprintf("{json: vpInt, lo: %s, hi: %s}", lo, hi)
	case "string":
		fields := []string{"json: vpString"}
		if f := stringFormats[pr.Check]; f != "" {
			fields = append(fields, "format: "+f)
		}
		if v.MaxLength > 0 {
			fields = append(fields, "maxLen: "+strconv.Itoa(v.MaxLength))
		}
		if len(v.Enum) > 0 {
			enum := append([]string(nil), v.Enum...)
			sort.Strings(enum)
			fields = append(fields, "enum: []string{"+quoteList(enum)+"}")
		}
		rec = "{" + strings.Join(fields, ", ") + "}"
	default:
		return 0, false
	}
	i, ok := g.primIdx[rec]
	if !ok {
		i = len(g.prims)
		g.primIdx[rec] = i
		g.prims = append(g.prims, rec)
	}
	return i, true
}

// numberPrims collects the primitive checks of every property and numbers
// them in the order of their rendering, so that a new property moves as
// few indices as possible.
func (g *validateGen) numberPrims() {
	for _, t := range g.types {
		for _, p := range t.Props {
			if p.Value.Kind == genschema.ValuePrimitive {
				g.primitiveCheck(p.Value)
			}
		}
	}
	for _, pg := range g.pages {
		if pg.Elem.Kind == genschema.ValuePrimitive {
			g.primitiveCheck(pg.Elem)
		}
	}
	sort.Strings(g.prims)
	for i, rec := range g.prims {
		g.primIdx[rec] = i
	}
}

// stringFormats names the vprim format of each string check.
var stringFormats = map[genschema.Check]string{
	genschema.CheckDateTime:  "vsDateTime",
	genschema.CheckDate:      "vsDate",
	genschema.CheckUUID:      "vsUUID",
	genschema.CheckTimeOfDay: "vsTimeOfDay",
	genschema.CheckDuration:  "vsDuration",
	genschema.CheckBase64:    "vsBase64",
}

// checksFile writes vPrims, the primitive checks the types use.
func (g *validateGen) checksFile(pkg string) (output.File, error) {
	var b bytes.Buffer
	fileHeader(&b, pkg)
	for _, rec := range g.prims {
		if strings.Contains(rec, "math.") {
			b.WriteString("import \"math\"\n\n")
			break
		}
	}
	b.WriteString("// vPrims lists the primitive checks of the properties in vTypes.\nvar vPrims = []vprim{\n")
	for i, rec := range g.prims {
		fmt.Fprintf(&b, "\t%d: %s,\n", i, rec)
	}
	b.WriteString("}\n")
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
