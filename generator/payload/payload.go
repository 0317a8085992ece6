// Package payload derives from a model the JSON payloads of its operations,
// and names each one. The Go emitter (types, validators and the operation
// table) and the JSON Schema emitter read the same Set, so a payload has
// one name everywhere:
//
//   - a resource: its qualified type name, "microsoft.graph.user";
//   - one page of a collection response, {"value": [...], "@odata.nextLink":
//     ...}: "Collection(microsoft.graph.user)", "Collection(Edm.String)",
//     OData's own spelling of a collection type;
//   - the request body of an action, or of any operation whose body is a
//     table of parameters rather than a resource: a complex type built from
//     the table, named after the operation, "microsoft.graph.assignLicenseBody";
//   - the response of an operation that returns one primitive or enum
//     value, which OData wraps as {"value": ...}: a complex type with that
//     one property, "microsoft.graph.<operation>Response".
//
// Operations whose bodies have the same parameters share one body type.
// When one name would stand for bodies with different parameters, the
// name of the most common one is kept and the others get the name of the
// type the operation is bound to as a prefix ("workbookTableAddBody");
// each renaming is reported (RuleNameCollision).
//
// The synthesized types are not added to the model: Set.Types holds them.
package payload

import (
	"fmt"
	"path"
	"sort"
	"strings"
	"unicode"

	"github.com/apidocgen/apidocgen/generator/model"
)

// RuleNameCollision reports a payload type that could not take the name
// derived from its operation.
var RuleNameCollision = model.Rule{ID: "payload-name-collision", Severity: model.SevInfo,
	Summary: "two operations with different request bodies (or a body and a type) would get the same payload type name; one was renamed",
	Example: "an action \"add\" bound to two types, with different parameters"}

// Rules lists the rules of this package.
var Rules = []model.Rule{RuleNameCollision}

// A Ref is one payload: a value of a type, or a page of values of a type.
type Ref struct {
	// Type is the type of the payload, or of the elements of a page
	// (Type.Collection set): a model type, a synthesized type of the Set,
	// or an Edm primitive.
	Type model.TypeRef
}

// Page reports whether r is one page of a collection.
func (r Ref) Page() bool { return r.Type.Collection }

// Name returns the payload name: "microsoft.graph.user",
// "Collection(microsoft.graph.user)".
func (r Ref) Name() string {
	if r.Type.Collection {
		return PageName(r.Type.Name)
	}
	return r.Type.Name
}

// PageName returns the payload name of a page of elem ("Collection(elem)").
func PageName(elem string) string { return "Collection(" + elem + ")" }

// An Op is what the Set knows of one operation.
type Op struct {
	Op *model.Operation
	// ID is unique in the Set: the page's file name without ".md"
	// ("user-assignlicense"), with a numeric suffix when two pages share one.
	ID string
	// Name is the name of the action or function ("assignLicense"), from
	// the last segment of its URL templates; "" for other operations.
	Name string
	// Request is the JSON request body; nil when the operation documents
	// none (or is a GET or DELETE).
	Request *Ref
	// Response is the JSON response body; nil when the operation documents
	// none that is JSON.
	Response *Ref
	// Namespace is where the operation's synthesized types go: the
	// namespace of its page, else of its target type, else the default.
	Namespace string
}

// A Set is the payloads of the operations of a model.
type Set struct {
	// Types are the synthesized complex types, request bodies and response
	// wrappers, sorted by qualified name. Their properties' Owner is the
	// type.
	Types []*model.Type
	// Ops has one entry per operation of the model, in model order.
	Ops []*Op
	// Diagnostics are the renamings, sorted.
	Diagnostics []model.Diagnostic

	byOp map[*model.Operation]*Op
	// Synthesized says what each type of Types is for.
	synth map[*model.Type]*Synthesized
}

// Synthesized describes a type of Set.Types.
type Synthesized struct {
	// Response is set for a response wrapper, clear for a request body.
	Response bool
	// Ops are the operations whose payload it is, in model order.
	Ops []*Op
	// Renamed is the diagnostic saying why the type did not get the name
	// derived from its operation; nil when it did.
	Renamed *model.Diagnostic
}

// Synthesized returns what t is for, or nil when t is not one of Types.
func (s *Set) Synthesized(t *model.Type) *Synthesized { return s.synth[t] }

// Derive computes the payloads of the operations of m.
func Derive(m *model.Model) *Set {
	d := &deriver{m: m, shared: map[defKey]*def{}, set: &Set{byOp: map[*model.Operation]*Op{}, synth: map[*model.Type]*Synthesized{}}}
	ids := map[string]int{}
	pageNS := map[string]string{}
	for _, pg := range m.Pages {
		pageNS[pg.Path] = pg.Namespace
	}
	for _, op := range m.Operations {
		o := &Op{Op: op, Name: actionName(op), Namespace: pageNS[op.Page]}
		if i := strings.LastIndexByte(op.Name, '.'); o.Namespace == "" && i > 0 {
			o.Namespace = op.Name[:i] // a qualified action or function name (metadata)
		}
		if o.Namespace == "" && op.Target != nil {
			o.Namespace = op.Target.Namespace
		}
		if o.Namespace == "" {
			o.Namespace = model.DefaultNamespace
		}
		stem := opStem(o)
		o.ID = stem
		if n := ids[strings.ToLower(stem)]; n > 0 {
			o.ID = fmt.Sprintf("%s-%d", stem, n+1)
		}
		ids[strings.ToLower(stem)]++
		d.set.Ops = append(d.set.Ops, o)
		d.set.byOp[op] = o
		d.request(o)
		d.response(o)
	}
	d.name()
	return d.set
}

type deriver struct {
	m   *model.Model
	set *Set
	// defs are the synthesized types before they are named, in model
	// order of their first operation; shared indexes them for sharing.
	defs   []*def
	shared map[defKey]*def
}

// defKey is what makes two bodies one synthesized type: the same kind,
// operation name, namespace and properties (signature).
type defKey struct {
	response      bool
	base, ns, sig string
}

// A def is one synthesized type being derived.
type def struct {
	response bool
	base     string // lower-camel operation name: "assignLicense"
	ns       string
	props    []*model.Property
	ops      []*Op
	refs     []*Ref // the Refs pointing at it, set when it is named
}

// opStem is the ID an operation starts from: its page's name without
// ".md" ("user-assignlicense"); for an operation read from metadata, which
// has no page, the same spelled from its binding type and name
// ("user-assignlicense", "getbyids" when unbound).
func opStem(o *Op) string {
	if o.Op.Page != "" {
		return pageStem(o.Op.Page)
	}
	name := o.Name
	if name == "" {
		name = baseName(o)
	}
	if b := o.Op.Binding; b != nil && b.Name != "" {
		name = shortName(b.Name) + "-" + name
	}
	return strings.ToLower(name)
}

// pageStem returns the file name of a page without ".md":
// "user-assignlicense" of "api/user-assignlicense.md".
func pageStem(page string) string {
	return strings.TrimSuffix(path.Base(page), path.Ext(page))
}

// shortName returns a qualified name without its namespace.
func shortName(q string) string { return q[strings.LastIndexByte(q, '.')+1:] }

// actionName returns the name of the action or function op calls: its own
// name without the namespace when it has one (metadata), else the last
// segment of its URL templates, without a function's parameters or a
// namespace qualifier; "" for other kinds of operation.
func actionName(op *model.Operation) string {
	if op.Kind != model.OpAction && op.Kind != model.OpFunction {
		return ""
	}
	if op.Name != "" {
		return shortName(op.Name)
	}
	count := map[string]int{}
	best := ""
	for _, p := range op.Paths {
		seg := lastSegment(p.Path)
		if seg == "" {
			continue
		}
		count[seg]++
		if best == "" || count[seg] > count[best] {
			best = seg
		}
	}
	return best
}

// lastSegment returns the last segment of a URL template when it names an
// action or function: "assignLicense" of "/users/{id}/assignLicense",
// "reminderView" of ".../reminderView(startDateTime=...)", "delta" of
// ".../microsoft.graph.delta()"; "" for a key, a placeholder or $value.
func lastSegment(u string) string {
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	u = strings.TrimRight(strings.TrimSpace(u), "/")
	// A function's parameters may hold slashes: cut them first.
	if i := strings.IndexByte(u, '('); i >= 0 && strings.HasSuffix(u, ")") {
		u = u[:i]
	}
	seg := u[strings.LastIndexByte(u, '/')+1:]
	if i := strings.LastIndexByte(seg, '.'); i >= 0 {
		seg = seg[i+1:]
	}
	if seg == "" || !isIdent(seg) {
		return ""
	}
	return seg
}

func isIdent(s string) bool {
	for i, r := range s {
		if !(r == '_' || unicode.IsLetter(r) || i > 0 && unicode.IsDigit(r)) {
			return false
		}
	}
	return s != ""
}

// baseName is the lower-camel name synthesized types of o start with: the
// action or function name, else the words of the title ("addMemberToChannel").
func baseName(o *Op) string {
	if o.Name != "" {
		return o.Name
	}
	var b strings.Builder
	for _, w := range strings.FieldsFunc(o.Op.Title, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		rs := []rune(w)
		if b.Len() == 0 {
			rs[0] = unicode.ToLower(rs[0])
		} else {
			rs[0] = unicode.ToUpper(rs[0])
		}
		b.WriteString(string(rs))
	}
	s := b.String()
	if s == "" || !unicode.IsLetter([]rune(s)[0]) {
		s = "operation" + s
	}
	return s
}

// request derives the request body of o.
func (d *deriver) request(o *Op) {
	op := o.Op
	switch op.Method {
	case "GET", "DELETE", "HEAD", "OPTIONS":
		return
	}
	if op.RequestBody != nil && op.RequestBody.Resolved() {
		o.Request = &Ref{Type: *op.RequestBody}
		return
	}
	var params []*model.Parameter
	for _, p := range op.Params {
		if p.In == model.InBody {
			params = append(params, p)
		}
	}
	if len(params) == 0 {
		return
	}
	if op.Kind != model.OpAction && op.Kind != model.OpFunction {
		// A create or update table lists properties of the resource.
		if t := d.resourceOf(o, params); t != nil {
			o.Request = &Ref{Type: model.TypeRef{Name: t.QualifiedName(), Type: t}}
			return
		}
	}
	props := make([]*model.Property, 0, len(params))
	seen := map[string]bool{}
	for _, p := range params {
		if seen[p.Name] {
			continue // a repeated row: the first one counts, as for properties
		}
		seen[p.Name] = true
		props = append(props, &model.Property{Name: p.Name, Type: p.Type, Doc: p.Doc, Required: p.Required, Nullable: p.Nullable, Pos: p.Pos})
	}
	o.Request = d.add(o, false, props)
}

// resourceOf returns the type whose properties (its own, inherited, or of
// one of its descendants) are all the parameters of a create or update
// table: the operation's target, else the type its page is named after
// ("<type>-update.md") or its title names ("Update user"). Names holding
// "@" (@odata.type, x@odata.bind) are annotations, not properties.
func (d *deriver) resourceOf(o *Op, params []*model.Parameter) *model.Type {
	var candidates []*model.Type
	if o.Op.Target != nil {
		candidates = append(candidates, o.Op.Target)
	}
	stem := pageStem(o.Op.Page)
	if i := strings.IndexByte(stem, '-'); i > 0 {
		candidates = append(candidates, d.lookupShort(o.Namespace, stem[:i]))
	}
	for _, w := range strings.Fields(o.Op.Title) {
		candidates = append(candidates, d.lookupShort(o.Namespace, strings.Trim(w, "`*()")))
	}
	for _, c := range candidates {
		if c == nil || c.Kind == model.KindEnum {
			continue
		}
		for _, t := range append([]*model.Type{c}, c.Descendants()...) {
			if hasAll(t, params) {
				return t
			}
		}
	}
	return nil
}

func (d *deriver) lookupShort(ns, name string) *model.Type {
	if name == "" {
		return nil
	}
	if t := d.m.Lookup(ns + "." + name); t != nil {
		return t
	}
	return d.m.Lookup(model.DefaultNamespace + "." + name)
}

func hasAll(t *model.Type, params []*model.Parameter) bool {
	n := 0
	for _, p := range params {
		if strings.Contains(p.Name, "@") {
			continue
		}
		if t.Property(p.Name) == nil {
			return false
		}
		n++
	}
	return n > 0
}

// response derives the response body of o: the documented response type,
// else the type the annotations of its successful response examples give.
func (d *deriver) response(o *Op) {
	op := o.Op
	var ref *model.TypeRef
	if op.Response != nil && op.Response.Resolved() {
		ref = op.Response
	} else {
		for _, ex := range op.Examples {
			if ex.Kind == model.ExampleResponse && ex.Status >= 200 && ex.Status < 300 && ex.Type.Resolved() {
				ref = &ex.Type
				break
			}
		}
	}
	if ref == nil {
		return
	}
	o.Response = d.responseRef(o, *ref)
}

// responseRef returns the payload of a response of type r: a page of a
// collection, the type itself for an entity or complex type, a wrapper for
// a primitive or enum value, nothing for a stream (the body is the bytes).
func (d *deriver) responseRef(o *Op, r model.TypeRef) *Ref {
	switch {
	case r.Collection:
		return &Ref{Type: r}
	case r.Type != nil && r.Type.Kind != model.KindEnum:
		return &Ref{Type: r}
	case r.Name == model.EdmStream:
		return nil
	}
	return d.add(o, true, []*model.Property{{Name: "value", Type: r, Nullable: model.False,
		Doc: "The value the operation returns.", Pos: o.Op.Pos}})
}

// add records a synthesized type for o, sharing one with the same name
// and properties, and returns a Ref to it (filled in by name).
func (d *deriver) add(o *Op, response bool, props []*model.Property) *Ref {
	base := baseName(o)
	ref := &Ref{}
	k := defKey{response, base, o.Namespace, signature(props)}
	if df := d.shared[k]; df != nil {
		df.ops = append(df.ops, o)
		df.refs = append(df.refs, ref)
		return ref
	}
	df := &def{response: response, base: base, ns: o.Namespace, props: props, ops: []*Op{o}, refs: []*Ref{ref}}
	d.defs = append(d.defs, df)
	d.shared[k] = df
	return ref
}

// signature identifies a list of properties: names, types and required,
// in order.
func signature(props []*model.Property) string {
	var b strings.Builder
	for _, p := range props {
		fmt.Fprintf(&b, "%s:%s:%v;", p.Name, p.Type.String(), p.Required)
	}
	return b.String()
}

func suffix(response bool) string {
	if response {
		return "Response"
	}
	return "Body"
}

// name names every def: "<base>Body" or "<base>Response" in the
// operation's namespace. Where several defs want one name, or a type of
// the model has it, the def with the most operations (then the first)
// keeps it and the others take the name of their binding type as a
// prefix, then a number.
func (d *deriver) name() {
	want := map[string][]*def{}
	var keys []string
	for _, df := range d.defs {
		k := strings.ToLower(df.ns + "." + df.base + suffix(df.response))
		if _, ok := want[k]; !ok {
			keys = append(keys, k)
		}
		want[k] = append(want[k], df)
	}
	taken := map[string]bool{}
	for _, t := range d.m.Types {
		taken[strings.ToLower(t.QualifiedName())] = true
	}
	var rest []*def
	for _, k := range keys {
		defs := want[k]
		if taken[k] {
			rest = append(rest, defs...)
			continue
		}
		keep := defs[0]
		for _, df := range defs[1:] {
			if len(df.ops) > len(keep.ops) {
				keep = df
			}
		}
		d.finish(keep, keep.base+suffix(keep.response))
		taken[k] = true
		for _, df := range defs {
			if df != keep {
				rest = append(rest, df)
			}
		}
	}
	for _, df := range rest {
		wanted := df.base + suffix(df.response)
		prefix := d.binding(df.ops[0])
		name := prefix + upperFirst(wanted)
		for i := 2; taken[strings.ToLower(df.ns+"."+name)]; i++ {
			name = fmt.Sprintf("%s%s%d", prefix, upperFirst(wanted), i)
		}
		taken[strings.ToLower(df.ns+"."+name)] = true
		t := d.finish(df, name)
		what := "request body"
		if df.response {
			what = "response"
		}
		diag := model.Diagnostic{Pos: df.ops[0].Op.Pos, Rule: RuleNameCollision.ID, Severity: RuleNameCollision.Severity,
			Message: fmt.Sprintf("%s of operation %q: payload type name %q is taken by another type; using %q", what, df.ops[0].ID, df.ns+"."+wanted, df.ns+"."+name)}
		d.set.synth[t].Renamed = &diag
		d.set.Diagnostics = append(d.set.Diagnostics, diag)
	}
	sort.Slice(d.set.Types, func(i, j int) bool { return model.QualifiedLess(d.set.Types[i], d.set.Types[j]) })
	d.set.Diagnostics = model.SortDiagnostics(d.set.Diagnostics)
}

// finish makes the model type of df, named name.
func (d *deriver) finish(df *def, name string) *model.Type {
	t := &model.Type{Name: name, Namespace: df.ns, Kind: model.KindComplex, Pos: df.props[0].Pos}
	pages := make([]string, len(df.ops))
	for i, o := range df.ops {
		pages[i] = o.Op.Page
	}
	op := df.ops[0]
	what := fmt.Sprintf("The request body of %s", describe(op))
	if df.response {
		what = fmt.Sprintf("The response of %s, a single value wrapped as OData writes it", describe(op))
	}
	t.Doc = what + "."
	if len(df.ops) > 1 {
		t.Doc += fmt.Sprintf(" %d operations share it: %s.", len(df.ops), strings.Join(pages, ", "))
	}
	for _, p := range df.props {
		p.Owner = t
		t.Properties = append(t.Properties, p)
	}
	for _, r := range df.refs {
		r.Type = model.TypeRef{Name: t.QualifiedName(), Type: t}
	}
	d.set.Types = append(d.set.Types, t)
	d.set.synth[t] = &Synthesized{Response: df.response, Ops: df.ops}
	return t
}

// describe names an operation in prose: "the assignLicense action", or
// its title.
func describe(o *Op) string {
	switch {
	case o.Name != "" && o.Op.Kind == model.OpFunction:
		return "the " + o.Name + " function"
	case o.Name != "":
		return "the " + o.Name + " action"
	}
	return "\"" + o.Op.Title + "\""
}

// binding returns the name of the type o is bound to, for a renamed
// payload type: the type of its binding parameter (metadata); else, by the
// docs' convention of naming an operation's page "<type>-<operation>.md"
// ("intune-apps-mobileapp-assign.md"), the word before the last of the
// page name, spelled as the model's type when one has that name
// ("mobileApp").
func (d *deriver) binding(o *Op) string {
	if b := o.Op.Binding; b != nil && b.Name != "" {
		return shortName(b.Name)
	}
	if o.Op.Page == "" {
		return "unbound"
	}
	stem := pageStem(o.Op.Page)
	words := strings.Split(stem, "-")
	w := words[0]
	if len(words) > 1 {
		w = words[len(words)-2]
	}
	if t := d.lookupShort(o.Namespace, w); t != nil {
		return t.Name
	}
	var b strings.Builder
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 || !unicode.IsLetter([]rune(b.String())[0]) {
		return "op" + b.String()
	}
	return b.String()
}

func upperFirst(s string) string {
	rs := []rune(s)
	if len(rs) == 0 {
		return s
	}
	rs[0] = unicode.ToUpper(rs[0])
	return string(rs)
}

// Example returns the payload example e shows, when it has a JSON body of
// a known type: for a request, the type its annotation gives, else its
// operation's request body; for a response, the type its annotation gives
// (a page when it says isCollection), else its operation's response.
func (s *Set) Example(e *model.Example) (Ref, bool) {
	o := s.byOp[e.Op]
	if o == nil || strings.TrimSpace(e.Body) == "" {
		return Ref{}, false
	}
	var op *Ref
	switch e.Kind {
	case model.ExampleRequest:
		op = o.Request
	case model.ExampleResponse:
		op = o.Response
	default:
		return Ref{}, false
	}
	t := e.Type
	switch {
	case !t.Resolved():
		if op != nil && (e.Kind == model.ExampleRequest || e.Status >= 200 && e.Status < 300) {
			return *op, true
		}
	case op != nil && (op.Type.Name == t.Name && op.Type.Collection == t.Collection || wraps(s, op, t)):
		return *op, true
	case t.Collection || t.Type != nil && t.Type.Kind != model.KindEnum:
		return Ref{Type: t}, true
	}
	return Ref{}, false
}

// wraps reports whether r is a response wrapper of a value of type t.
func wraps(s *Set, r *Ref, t model.TypeRef) bool {
	syn := s.synth[r.Type.Type]
	if syn == nil || !syn.Response || len(r.Type.Type.Properties) != 1 {
		return false
	}
	v := r.Type.Type.Properties[0].Type
	return v.Name == t.Name && v.Collection == t.Collection
}
