package compile

import (
	"sort"

	"github.com/apidocgen/apidocgen/generator/model"
)

// RootEntity finds the docs' root entity type from the structure of a
// model, not from its name: a type with no parent whose only property is
// its key, from which more types derive than from any other such type (at
// least two). An abstract one wins a tie; otherwise a tie has no root.
func RootEntity(m *model.Model) *model.Type {
	var best *model.Type
	bestN, tie := 0, false
	for _, t := range m.Types {
		if t.Kind == model.KindEnum || t.Base != nil || len(t.Properties) != 1 || t.Properties[0].Name != keyOf(t) {
			continue
		}
		n := len(t.Descendants())
		switch {
		case n > bestN:
			best, bestN, tie = t, n, false
		case n == bestN && best != nil && t.Abstract != best.Abstract:
			if t.Abstract {
				best = t
			}
		case n == bestN:
			tie = true
		}
	}
	if best == nil || bestN < 2 || tie {
		return nil
	}
	return best
}

// inferRootBase gives the root entity type as parent to each entity type
// whose pages name no parent and that declares the root's properties
// itself (most often the key "id"), or is addressed as an entity and
// names the root's key as its own key without listing it, and reports
// each inference. A type counts as an
// entity when it has a key, is the type of a relationship or is what a
// list, get, create, update or delete operation acts on.
func (c *compiler) inferRootBase() {
	root := RootEntity(c.m)
	if root == nil {
		return
	}
	entity := map[*model.Type]bool{}
	for _, t := range c.m.Types {
		for _, p := range t.Properties {
			if p.Relationship && p.Type.Type != nil {
				entity[p.Type.Type] = true
			}
		}
	}
	for _, op := range c.m.Operations {
		switch op.Kind {
		case model.OpList, model.OpGet, model.OpCreate, model.OpUpdate, model.OpDelete:
			if op.Target != nil {
				entity[op.Target] = true
			}
		}
	}
	rootKey := keyOf(root)
	inferred := false
	for _, pt := range c.pending {
		t := pt.t
		if c.primary[t] != pt || t == root || t.Kind == model.KindEnum || t.Base != nil || c.stated[t] {
			continue
		}
		if !entity[t] && keyOf(t) == "" {
			continue
		}
		// It declares the root's properties itself, or names the root's key
		// as its own (keyProperty) without listing it, and is addressed as
		// an entity: the key is inherited.
		if !redeclares(t, root) && !(entity[t] && pt.keyProp == rootKey && t.Property(rootKey) == nil) {
			continue
		}
		t.Base, t.BaseFrom, t.BaseName = root, "inferred", root.QualifiedName()
		root.Derived = append(root.Derived, t)
		kept := t.Properties[:0]
		for _, p := range t.Properties {
			if root.Property(p.Name) == nil {
				kept = append(kept, p)
			}
		}
		t.Properties = kept
		if t.Key == rootKey {
			t.Key = "" // inherited now
		}
		inferred = true
		c.diags.Add(t.Pos, RuleBaseTypeInferred, "type %q names no base type; %q is inferred because it is an entity type with the key %q of the root entity type",
			t.Name, root.QualifiedName(), rootKey)
	}
	if inferred {
		sort.Slice(root.Derived, func(i, j int) bool { return model.QualifiedLess(root.Derived[i], root.Derived[j]) })
	}
}

// keyOf returns the key property t declares: its annotation's keyProperty,
// else a property whose description says "Key.", else "".
func keyOf(t *model.Type) string {
	if t.Key != "" {
		return t.Key
	}
	for _, p := range t.Properties {
		if p.Key {
			return p.Name
		}
	}
	return ""
}

// redeclares reports whether t declares each property of root itself,
// with the same type.
func redeclares(t, root *model.Type) bool {
	for _, rp := range root.Properties {
		found := false
		for _, p := range t.Properties {
			if p.Name == rp.Name && p.Type.Name == rp.Type.Name && p.Type.Collection == rp.Type.Collection {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
