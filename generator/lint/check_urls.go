package lint

import (
	"sort"
	"strings"

	"github.com/apidocgen/apidocgen/generator/model"
)

// RuleURLPropertyUnlisted is reported by checkURLProperties.
var RuleURLPropertyUnlisted = model.Rule{ID: "url-property-unlisted", Severity: model.SevWarning,
	Summary: "an API page's URL goes through a segment that names no property of the resource it has reached (the segment is followed by a key or another segment, so it is no action or function), and that resource's page lists no such property",
	Example: "GET /chats/{chat-id}/tabs/{tab-id} on an API page, no tabs row on the chat page"}

// A urlRoot is what the first segment of a URL stands for: a collection
// of a type (/users, /users/{id}) or a single one (/me).
type urlRoot struct {
	t          *model.Type
	collection bool
}

// urlRoots learns the first segments of the docs' URLs from the API pages
// whose URL is that segment alone, or it with a key (and no query): the
// type the page acts on (its target, else its response type), a
// collection when the page lists or creates, or keys it. A segment the pages give several types
// takes the one most of them give (then the first by name).
func urlRoots(m *model.Model) map[string]urlRoot {
	votes := map[string]map[urlRoot]int{}
	for _, op := range m.Operations {
		t := op.Target
		if t == nil && op.Response != nil {
			t = op.Response.Type
		}
		if t == nil || t.Kind == model.KindEnum {
			continue
		}
		for _, pt := range op.Paths {
			if strings.Contains(pt.Path, "?") {
				continue // /me?$expand=manager lists the manager, not me
			}
			segs := versionless(model.PathSegments(pt.Path))
			if len(segs) == 0 || len(segs) > 2 || isURLKey(segs[0]) || len(segs) == 2 && !isURLKey(segs[1]) {
				continue
			}
			r := urlRoot{t, len(segs) == 2 || op.Kind == model.OpList || op.Kind == model.OpCreate}
			k := strings.ToLower(segs[0])
			if votes[k] == nil {
				votes[k] = map[urlRoot]int{}
			}
			votes[k][r]++
		}
	}
	roots := map[string]urlRoot{}
	for k, vs := range votes {
		var best urlRoot
		n := 0
		for r, c := range vs {
			if c > n || c == n && less(r, best) {
				best, n = r, c
			}
		}
		roots[k] = best
	}
	return roots
}

func less(a, b urlRoot) bool {
	if a.t.QualifiedName() != b.t.QualifiedName() {
		return a.t.QualifiedName() < b.t.QualifiedName()
	}
	return !a.collection && b.collection
}

// versionless drops a leading "v1.0" or "beta" segment.
func versionless(segs []string) []string {
	if len(segs) > 0 && (segs[0] == "v1.0" || segs[0] == "beta") {
		return segs[1:]
	}
	return segs
}

// isURLKey reports whether a segment is a key: {id}, ('x'), 'x', or an
// alternate key such as roleTemplateId={id}.
func isURLKey(seg string) bool {
	return strings.HasPrefix(seg, "{") || strings.HasPrefix(seg, "(") || strings.HasPrefix(seg, "'") || strings.Contains(seg, "=")
}

// checkURLProperties walks every URL template of the API pages through
// the docs model, from its first segment (urlRoots) along keys, casts and
// properties (of the type reached, its ancestors or its descendants), and
// reports, once per type and name, a segment that is none of these
// although it cannot be an action or function: it is followed by a key or
// another segment, and no API page documents an action or function of
// that name. A segment after a collection that is no property is a
// literal key (/me/mailFolders/inbox); the walk stops at what it cannot
// follow ($value, path-based addressing, function calls, a key of a single
// value). The finding stands at the heading of the type whose page lacks
// the property, unless a table row of that page names it (a row the
// reader could not attach: table-not-read says why).
func (l *linter) checkURLProperties() {
	roots := urlRoots(l.m)
	if len(roots) == 0 {
		return
	}
	ops := map[string]bool{}
	for _, op := range l.m.Operations {
		if op.Kind != model.OpAction && op.Kind != model.OpFunction {
			continue
		}
		for _, pt := range op.Paths {
			if segs := model.PathSegments(pt.Path); len(segs) > 0 {
				ops[strings.ToLower(opSegmentName(segs[len(segs)-1]))] = true
			}
		}
	}
	type found struct {
		t    *model.Type
		name string
	}
	seen := map[found]bool{}
	w := &urlWalk{roots: roots, ops: ops, props: map[*model.Type]map[string]*model.Property{}}
	for _, op := range sortedOps(l.m.Operations) {
		for _, pt := range op.Paths {
			t, name := w.walk(pt.Path)
			if t == nil || t.Pos.File == "" || seen[found{t, strings.ToLower(name)}] || l.rowNames(t.Pos.File)[name] {
				continue
			}
			seen[found{t, strings.ToLower(name)}] = true
			l.add(t.Pos, RuleURLPropertyUnlisted, "%q of %q is addressed by %s %s (%s:%d), but the page of %q lists no such property",
				name, t.Name, pt.Method, pt.Path, pt.Pos.File, pt.Pos.Line, t.Name)
		}
	}
}

// sortedOps returns the operations by page and position.
func sortedOps(ops []*model.Operation) []*model.Operation {
	out := append([]*model.Operation(nil), ops...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Page != out[j].Page {
			return out[i].Page < out[j].Page
		}
		return out[i].Pos.Line < out[j].Pos.Line
	})
	return out
}

// opSegmentName is an action or function segment without its arguments
// and namespace: "microsoft.graph.delta()" is "delta".
func opSegmentName(seg string) string {
	if i := strings.IndexByte(seg, '('); i >= 0 {
		seg = seg[:i]
	}
	return seg[strings.LastIndexByte(seg, '.')+1:]
}

// A urlWalk follows URL templates through the docs model.
type urlWalk struct {
	roots map[string]urlRoot
	ops   map[string]bool // lower-cased action and function names
	// props holds, per type reached, the properties of the type, its
	// ancestors and its descendants by lower-cased name (made on first use:
	// a type near the root has hundreds of descendants).
	props map[*model.Type]map[string]*model.Property
}

// walk follows path (see checkURLProperties) and returns the type it
// reached and the segment that names none of its properties, or nil.
func (w *urlWalk) walk(path string) (*model.Type, string) {
	segs := versionless(model.PathSegments(strings.TrimSpace(path)))
	if len(segs) < 3 {
		return nil, ""
	}
	r, ok := w.roots[strings.ToLower(segs[0])]
	if !ok {
		return nil, ""
	}
	t, coll := r.t, r.collection
	for i := 1; i < len(segs)-1; i++ {
		seg := segs[i]
		switch {
		case isURLKey(seg):
			if !coll {
				return nil, ""
			}
			coll = false
			continue
		case strings.HasPrefix(seg, "$") || strings.ContainsAny(seg, ":("):
			return nil, ""
		case strings.Contains(seg, "."):
			cast := castType(t, seg)
			if cast == nil {
				return nil, ""
			}
			t = cast
			continue
		}
		if p := w.property(t, seg); p != nil {
			if p.Type.Type == nil {
				return nil, ""
			}
			t, coll = p.Type.Type, p.Type.Collection
			continue
		}
		if w.ops[strings.ToLower(seg)] {
			return nil, ""
		}
		if coll { // a literal key: /me/mailFolders/inbox/...
			coll = false
			continue
		}
		return t, seg
	}
	return nil, ""
}

// property finds a property of t, an ancestor or a descendant (a URL may
// reach a derived type's property without a cast), ignoring case: t's own
// and its ancestors' first, then the descendants' in name order.
func (w *urlWalk) property(t *model.Type, name string) *model.Property {
	m := w.props[t]
	if m == nil {
		m = map[string]*model.Property{}
		for _, x := range family(t) {
			for _, p := range x.Properties {
				if k := strings.ToLower(p.Name); m[k] == nil {
					m[k] = p
				}
			}
		}
		w.props[t] = m
	}
	return m[strings.ToLower(name)]
}

// castType returns the type a qualified segment names: t or one of its
// descendants or ancestors.
func castType(t *model.Type, seg string) *model.Type {
	for _, x := range family(t) {
		if strings.EqualFold(x.QualifiedName(), seg) {
			return x
		}
	}
	return nil
}
