package crosscheck

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/apidocgen/apidocgen/generator/model"
)

// urlWalker follows URL templates through the metadata: entity sets and
// singletons, keys, navigation and structural properties, type casts.
type urlWalker struct {
	meta    *model.Model
	roots   map[string]root               // lower-cased entity set or singleton name
	imports map[string]string             // lower-cased operation import name -> qualified operation
	ops     map[string][]*model.Operation // lower-cased short name -> overloads
	props   map[*model.Type]map[string]*model.Property
	// propNames holds the lower-cased name of every property of the
	// metadata, for telling a navigation segment from an operation when
	// the walk is lost.
	propNames map[string]bool
}

type root struct {
	t          *model.Type
	collection bool
}

func newURLWalker(meta *model.Model) *urlWalker {
	w := &urlWalker{meta: meta, roots: map[string]root{}, imports: map[string]string{}, ops: map[string][]*model.Operation{},
		props: map[*model.Type]map[string]*model.Property{}, propNames: map[string]bool{}}
	if ct := meta.Container; ct != nil {
		for _, es := range ct.EntitySets {
			if t := meta.Lookup(es.Type); t != nil {
				w.roots[strings.ToLower(es.Name)] = root{t, true}
			}
		}
		for _, es := range ct.Singletons {
			if t := meta.Lookup(es.Type); t != nil {
				w.roots[strings.ToLower(es.Name)] = root{t, false}
			}
		}
		for _, oi := range append(append([]*model.OperationImport(nil), ct.ActionImports...), ct.FunctionImports...) {
			w.imports[strings.ToLower(oi.Name)] = oi.Operation
		}
	}
	for _, op := range meta.Operations {
		k := strings.ToLower(shortName(op.Name))
		w.ops[k] = append(w.ops[k], op)
	}
	for _, t := range meta.Types {
		for _, p := range t.Properties {
			w.propNames[strings.ToLower(p.Name)] = true
		}
	}
	return w
}

func shortName(q string) string { return q[strings.LastIndexByte(q, '.')+1:] }

// property finds a property of t, an ancestor or a descendant (a URL may
// reach a derived type's property without a cast), ignoring case.
func (w *urlWalker) property(t *model.Type, name string) *model.Property {
	m := w.props[t]
	if m == nil {
		m = byLowerName(t.AllProperties())
		for _, d := range t.Descendants() {
			for _, p := range d.Properties {
				if k := strings.ToLower(p.Name); m[k] == nil {
					m[k] = p
				}
			}
		}
		w.props[t] = m
	}
	return m[strings.ToLower(name)]
}

// A walk is what a URL template says about the operation at its end.
type walk struct {
	name string // the last segment as an operation name (no parentheses, no namespace); "" when it is not one
	ns   string // the namespace the segment gives, if qualified
	// bound is true when the walk reached the last segment: binding is
	// the type it is applied to (nil at the service root).
	bound      bool
	binding    *model.Type
	collection bool
}

// walkPath follows path through the metadata.
func (w *urlWalker) walkPath(path string) walk {
	segs := model.PathSegments(strings.TrimSpace(path))
	if len(segs) > 0 && (segs[0] == "v1.0" || segs[0] == "beta") {
		segs = segs[1:]
	}
	if len(segs) == 0 {
		return walk{}
	}
	last := segs[len(segs)-1]
	out := walk{}
	if isKey(last) || strings.HasPrefix(last, "$") || strings.Contains(last, ":") {
		return out
	}
	out.name, out.ns = opName(last)
	// lost is the walk of a path that cannot be followed to its last
	// segment: the name only.
	lost := walk{name: out.name, ns: out.ns}
	var cur *model.Type
	coll := false
	skipping := false
	for i, seg := range segs {
		isLast := i == len(segs)-1
		if skipping { // inside path-based addressing: root:/folder/file:
			if strings.HasSuffix(seg, ":") {
				skipping = false
			}
			continue
		}
		name, key := splitKey(seg)
		if i == 0 {
			r, ok := w.roots[strings.ToLower(name)]
			if !ok {
				if isLast {
					out.bound = true // an operation import or unbound operation at the root
					if q, ok := w.imports[strings.ToLower(name)]; ok {
						out.name, out.ns = opName(q)
					}
					return out
				}
				return lost
			}
			if isLast {
				return walk{} // the page is about an entity set or singleton
			}
			cur, coll = r.t, r.collection
			if key && coll {
				coll = false
			}
			continue
		}
		if isLast {
			if w.property(cur, name) != nil && !w.isOperation(name) {
				return walk{} // the page is about a property, not an operation
			}
			if coll && !w.isOperation(name) {
				return walk{} // a literal key: /teamsApps/a1b2c3
			}
			if w.castType(name) != nil {
				return walk{}
			}
			out.bound, out.binding, out.collection = true, cur, coll
			return out
		}
		switch {
		case isKey(seg):
			if !coll {
				return lost
			}
			coll = false
		case strings.HasSuffix(seg, ":"):
			if n := strings.TrimSuffix(seg, ":"); n != "" {
				p := w.property(cur, n)
				if p == nil || p.Type.Type == nil {
					return lost
				}
				cur, coll = p.Type.Type, false
			}
			skipping = true
		default:
			if t := w.castType(name); t != nil {
				cur = t
				continue
			}
			if r := w.composable(cur, coll, seg); r != nil {
				cur, coll = r.Type, r.Collection
				continue
			}
			p := w.property(cur, name)
			if p == nil || p.Type.Type == nil {
				if coll && !w.isOperation(name) && !w.propNames[strings.ToLower(name)] {
					coll = false // a literal key: /users/someone@example.com/...
					continue
				}
				return lost
			}
			cur, coll = p.Type.Type, p.Type.Collection
			if key && coll {
				coll = false
			}
		}
	}
	return lost
}

// composable returns the return type of a function that seg calls on the
// current type, for walking on past it (/range/columnsAfter(count=2)).
func (w *urlWalker) composable(cur *model.Type, coll bool, seg string) *model.TypeRef {
	name, _ := opName(seg)
	for _, o := range w.ops[strings.ToLower(name)] {
		if o.Kind == model.OpFunction && o.Response != nil && o.Response.Type != nil &&
			compatible(o, walk{name: name, bound: true, binding: cur, collection: coll}) {
			return o.Response
		}
	}
	return nil
}

func (w *urlWalker) isOperation(seg string) bool {
	n, _ := opName(seg)
	return len(w.ops[strings.ToLower(n)]) > 0
}

// castType returns the type a qualified segment names.
func (w *urlWalker) castType(seg string) *model.Type {
	if !strings.Contains(seg, ".") {
		return nil
	}
	return w.meta.Lookup(seg)
}

// isKey reports whether a segment is a key: {id}, ('x'), '{id}'.
func isKey(seg string) bool {
	return strings.HasPrefix(seg, "{") || strings.HasPrefix(seg, "(") || strings.HasPrefix(seg, "'")
}

// splitKey splits "items('{id}')" or "items({id})" into its name and
// whether a key follows.
func splitKey(seg string) (string, bool) {
	if i := strings.IndexByte(seg, '('); i > 0 {
		return seg[:i], true
	}
	return seg, false
}

// opName returns the name of an operation segment without arguments and
// namespace: "microsoft.graph.delta()" is "delta" in "microsoft.graph".
func opName(seg string) (name, ns string) {
	if i := strings.IndexByte(seg, '('); i >= 0 {
		seg = seg[:i]
	}
	seg = strings.TrimSpace(seg)
	if i := strings.LastIndexByte(seg, '.'); i >= 0 {
		return seg[i+1:], seg[:i]
	}
	return seg, ""
}

// compatible reports whether an overload can be what a walk reached.
func compatible(op *model.Operation, wk walk) bool {
	if wk.ns != "" && !strings.EqualFold(op.Name, wk.ns+"."+wk.name) {
		return false
	}
	if !wk.bound {
		return true
	}
	if wk.binding == nil {
		return op.Binding == nil
	}
	b := op.Binding
	if b == nil || b.Type == nil || b.Collection != wk.collection {
		return false
	}
	return b.Type == wk.binding || isAncestor(b.Type, wk.binding) || isAncestor(wk.binding, b.Type)
}

func isAncestor(a, t *model.Type) bool {
	for _, x := range t.Ancestors() {
		if x == a {
			return true
		}
	}
	return false
}

// opPage is a docs operation with what its URL templates say.
type opPage struct {
	op        *model.Operation
	name      string             // the operation the page's URLs end in
	known     bool               // the metadata has an operation of that name
	overloads []*model.Operation // the metadata overloads its URLs can reach
}

// operations compares the docs' API pages with the metadata's actions and
// functions.
func (c *checker) operations() {
	w := newURLWalker(c.meta)
	documented := map[*model.Operation]bool{}
	for _, op := range c.docs.Operations {
		pg := c.readOpPage(w, op)
		if pg == nil {
			continue
		}
		c.count(FigOperationsKnown, pg.known)
		if !pg.known {
			c.add(op.Pos, RuleOperationUnknown, "%s %q is not an action or function of the metadata", opWord(op), pg.name)
			continue
		}
		for _, o := range pg.overloads {
			documented[o] = true
		}
		if len(pg.overloads) == 1 {
			c.signature(op, pg.overloads[0])
		}
	}
	named := namedOperations(c.docs)
	// Operations bound to a type the docs do not define at all are
	// reported together, once per binding type.
	orphans := map[*model.Type][]*model.Operation{}
	var orphanTypes []*model.Type
	for _, o := range c.meta.Operations {
		if !documented[o] && o.Target != nil && named[strings.ToLower(o.Target.Name+":"+shortName(o.Name))] {
			documented[o] = true
		}
		c.count(FigOperationsFound, documented[o])
		if documented[o] {
			continue
		}
		if o.Target != nil {
			if dt := c.match[o.Target]; dt != nil {
				c.add(dt.Pos, RuleOperationMissing, "%s %q%s has no API page in the docs", opWord(o), shortName(o.Name), bindingWords(o))
				continue
			}
			if orphans[o.Target] == nil {
				orphanTypes = append(orphanTypes, o.Target)
			}
			orphans[o.Target] = append(orphans[o.Target], o)
			continue
		}
		c.add(o.Pos, RuleOperationMissing, "%s %q%s has no API page in the docs", opWord(o), shortName(o.Name), bindingWords(o))
	}
	for _, t := range orphanTypes {
		ops := orphans[t]
		if len(ops) == 1 {
			o := ops[0]
			c.add(o.Pos, RuleOperationMissing, "%s %q%s has no API page in the docs", opWord(o), shortName(o.Name), bindingWords(o))
			continue
		}
		var names []string
		for _, o := range ops {
			if n := shortName(o.Name); len(names) == 0 || names[len(names)-1] != n {
				names = append(names, n)
			}
		}
		list := strings.Join(names, ", ")
		if len(names) > 5 {
			list = strings.Join(names[:5], ", ") + fmt.Sprintf(" and %d more", len(names)-5)
		}
		c.add(t.Pos, RuleOperationMissing, "%d actions and functions bound to %q, a type the docs do not define, have no API page: %s", len(ops), t.QualifiedName(), list)
	}
}

func opWord(op *model.Operation) string {
	if op.Kind == model.OpFunction {
		return "function"
	}
	return "action"
}

func bindingWords(o *model.Operation) string {
	if o.Binding == nil {
		return " (unbound)"
	}
	if o.Binding.Collection {
		return fmt.Sprintf(" bound to a collection of %q", o.Binding.Name)
	}
	return fmt.Sprintf(" bound to %q", o.Binding.Name)
}

// readOpPage reads what the URL templates and the request examples of a
// docs operation say: nil when the page is not about an action or
// function (its URLs end in a key, a property or a cast, or name no
// operation while the page is a list, get, create, update or delete
// page).
func (c *checker) readOpPage(w *urlWalker, op *model.Operation) *opPage {
	if op.Name != "" {
		return c.namedOp(w, op)
	}
	// The URL templates first, then the request examples' URLs (some
	// pages have no readable template). Only templates can show an
	// operation the metadata lacks: an example's literal key could pass
	// for one.
	var urls []string
	for _, pt := range op.Paths {
		urls = append(urls, pt.Path)
	}
	templates := len(urls)
	for _, ex := range op.Examples {
		if ex.Kind == model.ExampleRequest && ex.URL != "" {
			urls = append(urls, urlPath(ex.URL))
		}
	}
	pg := &opPage{op: op}
	known, unknown := false, ""
	seen := map[*model.Operation]bool{}
	for i, u := range urls {
		wk := w.walkPath(u)
		if wk.name == "" {
			continue
		}
		cands := w.ops[strings.ToLower(wk.name)]
		if len(cands) == 0 {
			// Not an operation of the metadata. Is it one at all? Only on
			// an action or function page whose walk reached the segment,
			// or whose segment names no property of the metadata.
			if unknown == "" && i < templates && (op.Kind == model.OpAction || op.Kind == model.OpFunction) &&
				(wk.bound || !w.propNames[strings.ToLower(wk.name)]) && isIdentifier(wk.name) {
				unknown = wk.name
			}
			continue
		}
		if known && !strings.EqualFold(pg.name, wk.name) {
			continue // a URL of another operation on the same page: the first one counts
		}
		known, pg.name = true, wk.name
		var fit []*model.Operation
		for _, o := range cands {
			if compatible(o, wk) {
				fit = append(fit, o)
			}
		}
		fit = narrowByArguments(fit, u)
		if !wk.bound && len(fit) > 1 {
			continue // which overload is unknown
		}
		for _, o := range fit {
			if !seen[o] {
				seen[o] = true
				pg.overloads = append(pg.overloads, o)
			}
		}
	}
	if !known {
		if unknown == "" {
			return nil
		}
		pg.name = unknown
	}
	pg.known = known
	return pg
}

// namedOp matches an operation that carries its qualified name (a model
// built from metadata compared with another) by name, binding and
// parameter names.
func (c *checker) namedOp(w *urlWalker, op *model.Operation) *opPage {
	pg := &opPage{op: op, name: shortName(op.Name)}
	for _, o := range w.ops[strings.ToLower(pg.name)] {
		if !strings.EqualFold(o.Name, op.Name) || (o.Binding == nil) != (op.Binding == nil) {
			continue
		}
		if o.Binding != nil && (!strings.EqualFold(o.Binding.Name, op.Binding.Name) || o.Binding.Collection != op.Binding.Collection) {
			continue
		}
		pg.known = true
		if sameParamNames(o, op) {
			pg.overloads = append(pg.overloads, o)
		}
	}
	return pg
}

func sameParamNames(a, b *model.Operation) bool {
	if len(a.Params) != len(b.Params) {
		return false
	}
	for i := range a.Params {
		if !strings.EqualFold(a.Params[i].Name, b.Params[i].Name) {
			return false
		}
	}
	return true
}

// urlPath returns the path of a request example's URL, without scheme,
// host and API version.
func urlPath(u string) string {
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
		if j := strings.IndexByte(u, '/'); j >= 0 {
			u = u[j:]
		} else {
			u = "/"
		}
	}
	return u
}

// narrowByArguments keeps the function overloads whose parameter names
// are the arguments the URL's last segment gives, when some are.
func narrowByArguments(ops []*model.Operation, u string) []*model.Operation {
	segs := model.PathSegments(u)
	if len(ops) < 2 || len(segs) == 0 {
		return ops
	}
	last := segs[len(segs)-1]
	i := strings.IndexByte(last, '(')
	if i < 0 || !strings.HasSuffix(last, ")") {
		return ops
	}
	args := map[string]bool{}
	for _, a := range strings.Split(last[i+1:len(last)-1], ",") {
		if n, _, ok := strings.Cut(a, "="); ok {
			args[strings.ToLower(strings.TrimSpace(n))] = true
		}
	}
	var out []*model.Operation
	for _, o := range ops {
		if len(o.Params) != len(args) {
			continue
		}
		all := true
		for _, p := range o.Params {
			all = all && args[strings.ToLower(p.Name)]
		}
		if all {
			out = append(out, o)
		}
	}
	if len(out) == 0 {
		return ops
	}
	return out
}

func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// signature compares the parameters and return type of a docs operation
// with its metadata overload.
func (c *checker) signature(op, o *model.Operation) {
	ok := true
	in := model.InBody
	if o.Kind == model.OpFunction {
		in = model.InQuery
	}
	docs := map[string]*model.Parameter{}
	tableSeen := false
	for _, p := range op.Params {
		if p.In != in && !(o.Kind == model.OpFunction && p.In == model.InPath) {
			continue
		}
		if strings.HasPrefix(p.Name, "$") {
			continue // an OData query option, not a parameter
		}
		tableSeen = true
		if docs[strings.ToLower(p.Name)] == nil {
			docs[strings.ToLower(p.Name)] = p
		}
	}
	if documentsOnlyParameter(docs, o) {
		c.count(FigOperationSignature, true)
		return
	}
	meta := map[string]bool{}
	for _, mp := range o.Params {
		k := strings.ToLower(mp.Name)
		meta[k] = true
		dp := docs[k]
		switch {
		case dp == nil:
			if tableSeen {
				ok = false
				c.add(op.Pos, RuleOperationParameters, "parameter %q of %s %q (%s in the metadata) is not in the docs' parameter table", mp.Name, opWord(o), shortName(o.Name), mp.Type)
			}
		case mp.Type.Resolved() && (!sameType(dp.Type, mp.Type) || dp.Type.Collection != mp.Type.Collection):
			ok = false
			c.add(dp.Pos, RuleOperationParameters, "parameter %q of %s %q has the type %s in the docs and %s in the metadata", dp.Name, opWord(o), shortName(o.Name), docsRefString(dp.Type), mp.Type)
		}
	}
	for _, p := range op.Params {
		// A function's query table lists query options (of the result) as
		// well as parameters: only an action's body rows must all be
		// parameters.
		if o.Kind == model.OpFunction || docs[strings.ToLower(p.Name)] != p || meta[strings.ToLower(p.Name)] {
			continue
		}
		ok = false
		c.add(p.Pos, RuleOperationParameters, "%q is not a parameter of %s %q in the metadata", p.Name, opWord(o), shortName(o.Name))
	}
	if !c.returnAgrees(op, o) {
		ok = false
		if o.Response == nil {
			c.add(op.Pos, RuleOperationReturn, "the docs say %s %q returns %s; in the metadata it returns nothing", opWord(o), shortName(o.Name), op.Response)
		} else {
			c.add(op.Pos, RuleOperationReturn, "the docs say %s %q returns %s; the metadata says %s", opWord(o), shortName(o.Name), op.Response, o.Response)
		}
	}
	c.count(FigOperationSignature, ok)
}

// returnAgrees reports whether what a docs page says its operation
// returns agrees with the metadata overload o, or the page says nothing
// usable. The page's Response prose is compared unless the page answers
// 202 or 204 (it then names the type of a Location header, or nothing) or
// says "a JSON object"; a typed response example (its annotation's
// @odata.type) that agrees settles it too, since the prose may name the
// type of a header rather than the body.
func (c *checker) returnAgrees(op, o *model.Operation) bool {
	d := op.Response
	if d == nil || !d.Resolved() || d.Name == model.EdmUntyped || op.Status == 202 || op.Status == 204 {
		return true
	}
	r := o.Response
	if r != nil && !r.Resolved() {
		return true // a csdl-unknown-type diagnostic says why
	}
	same := func(x model.TypeRef) bool { return r != nil && sameType(x, *r) && x.Collection == r.Collection }
	if same(*d) {
		return true
	}
	for _, ex := range op.Examples {
		if ex.Kind == model.ExampleResponse && ex.Status >= 200 && ex.Status < 300 && ex.Type.Resolved() && same(ex.Type) {
			return true
		}
	}
	return false
}

// docsRefString shows a docs type reference with its collection-ness.
func docsRefString(r model.TypeRef) string {
	if r.Name == "" {
		return fmt.Sprintf("%q (unresolved)", r.Written)
	}
	return r.String()
}

// documentsOnlyParameter reports whether the docs' rows are the
// properties of the operation's only parameter, which is structured: the
// page describes that object ("provide a passwordCredential object with
// the following properties") instead of listing the parameter.
func documentsOnlyParameter(docs map[string]*model.Parameter, o *model.Operation) bool {
	if len(o.Params) != 1 || len(docs) == 0 {
		return false
	}
	t := o.Params[0].Type.Type
	if t == nil || t.Kind == model.KindEnum || docs[strings.ToLower(o.Params[0].Name)] != nil {
		return false
	}
	props := byLowerName(t.AllProperties())
	for k := range docs {
		if props[k] == nil {
			return false
		}
	}
	return true
}

var reTitleOperation = regexp.MustCompile(`^\s*([\w.]+)\s*:\s*(\w+)\s*$`)

// namedOperations returns "type:operation" (lower-cased) for every docs
// operation page whose title ("user: assignLicense") or file name
// (user-assignlicense.md) names a type and an operation: a page that
// documents the operation even when none of its URLs could be read.
func namedOperations(docs *model.Model) map[string]bool {
	out := map[string]bool{}
	for _, op := range docs.Operations {
		if m := reTitleOperation.FindStringSubmatch(op.Title); m != nil {
			out[strings.ToLower(shortName(m[1])+":"+m[2])] = true
		}
		base := strings.TrimSuffix(op.Page[strings.LastIndexByte(op.Page, '/')+1:], ".md")
		if parts := strings.Split(base, "-"); len(parts) >= 2 {
			out[strings.ToLower(parts[len(parts)-2]+":"+parts[len(parts)-1])] = true
		}
	}
	return out
}
