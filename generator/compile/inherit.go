package compile

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/input"
)

// The wordings of the docs that name a type's parent in prose: "Inherits
// from [x](x.md)", "inherits all the properties from", "Derived from",
// "derives from", "A subclass of", "creates a subclass from", "is a
// subtype of", "the derivative of". Plural forms ("types inherit from
// this type", "are subclasses of") speak of other types and do not match.
var reParentPhrase = regexp.MustCompile(`(?i)\b(?:(?:inherits|inherited|derives|derived)(?:\s+(?:all|of|the|its|properties|members))*\s+from|(?:subclass|subtype|derivative)\s+(?:of|from))\b`)

// mayNameParent is false when reParentPhrase cannot match s.
func mayNameParent(s string) bool {
	return lowerContains(s, "nherit") || lowerContains(s, "erive") || lowerContains(s, "subclass") ||
		lowerContains(s, "subtype") || lowerContains(s, "derivative")
}

// proseParent returns the link a sentence of b names as the parent of the
// type called name, or nil. The sentence must say it of this type: a link
// to another type before the wording makes that type the subject
// ("[x](x.md) is derived from ..."), and the link must follow the wording
// within the sentence.
func proseParent(b *input.Block, name string) *input.Link {
	if len(b.Links) == 0 || !mayNameParent(b.Text) {
		return nil
	}
	for _, loc := range reParentPhrase.FindAllStringIndex(b.Text, -1) {
		before := b.Text[sentenceStart(b.Text, loc[0]):loc[0]]
		if linksAnotherType(b, before, name) {
			continue
		}
		l := linkAfter(b, loc[1])
		if l == nil || strings.Contains(l.Target, "://") {
			continue
		}
		gap := b.Text[loc[1]:]
		if j := strings.Index(gap, l.Text); j < 0 || sentenceEnds(gap[:j]) {
			continue
		}
		return l
	}
	return nil
}

// sentenceStart returns where the sentence holding byte i of s starts.
func sentenceStart(s string, i int) int {
	for j := i - 1; j > 0; j-- {
		if (s[j] == ' ' || s[j] == '\n') && (s[j-1] == '.' || s[j-1] == '!' || s[j-1] == '?' || s[j-1] == '\n') {
			return j + 1
		}
	}
	return 0
}

// sentenceEnds reports whether s holds the end of a sentence.
func sentenceEnds(s string) bool {
	return strings.Contains(s, ". ") || strings.Contains(s, ".\n") || strings.Contains(s, "\n\n")
}

// linksAnotherType reports whether text, a part of b.Text, holds the text
// of a link of b that is not the type called name.
func linksAnotherType(b *input.Block, text, name string) bool {
	for _, l := range b.Links {
		if l.Text != "" && !strings.EqualFold(strings.Trim(l.Text, "*` "), name) && strings.Contains(text, l.Text) {
			return true
		}
	}
	return false
}

// A derivedClaim is a child type named by its parent's page: a row of a
// "Derived types" table, an item of a list introduced as the derived
// types, or "the derived types are [a](a.md) and [b](b.md)".
type derivedClaim struct {
	parent *pendingType
	link   input.Link
}

var (
	reDerivedIntro = regexp.MustCompile(`(?i)\b(?:derived (?:resource )?types|subtypes|subclasses|derived classes)\b[^.]*:\s*$`)
	reDerivedAre   = regexp.MustCompile(`(?i)\b(?:derived (?:resource )?types|subtypes|subclasses) (?:are|include)\b`)
)

// readDerivedTable reads a "Derived types" table: the first link of each
// row names a child of pt.
func (c *compiler) readDerivedTable(pt *pendingType, b *input.Block) {
	for _, r := range b.Table.Rows {
		if len(r.Cells) > 0 && len(r.Cells[0].Links) > 0 {
			c.derived = append(c.derived, derivedClaim{pt, r.Cells[0].Links[0]})
		}
	}
}

// readDerivedProse reads the children that a paragraph of the page of pt
// lists ("the derived types are [a](a.md) and [b](b.md)"), or that the
// list after it lists when the paragraph introduces them ("Derived types
// include:"). It returns whether the next list holds children.
func (c *compiler) readDerivedProse(pt *pendingType, b *input.Block) (introducesList bool) {
	if !lowerContains(b.Text, "derived") && !lowerContains(b.Text, "subtype") && !lowerContains(b.Text, "subclass") {
		return false
	}
	if reDerivedIntro.MatchString(b.Text) {
		return true
	}
	if loc := reDerivedAre.FindStringIndex(b.Text); loc != nil {
		rest := b.Text[loc[1]:]
		if e := strings.Index(rest, ". "); e >= 0 {
			rest = rest[:e]
		}
		for _, l := range b.Links {
			if strings.Contains(rest, l.Text) && !strings.Contains(l.Target, "://") {
				c.derived = append(c.derived, derivedClaim{pt, l})
			}
		}
	}
	return false
}

// readDerivedList reads a list of derived types: the link each item
// starts with names a child of pt.
func (c *compiler) readDerivedList(pt *pendingType, b *input.Block) {
	for _, item := range b.Items {
		item = strings.TrimLeft(item, " *`")
		for _, l := range b.Links {
			if l.Text != "" && strings.HasPrefix(item, l.Text) && !strings.Contains(l.Target, "://") {
				c.derived = append(c.derived, derivedClaim{pt, l})
				break
			}
		}
	}
}

// resolvedClaim is a derivedClaim with its child resolved.
type resolvedClaim struct {
	child, parent *model.Type
	pos           input.Pos
}

// derivedParents gives each type whose own page names no parent the
// parent whose page lists it among its derived types (the most derived
// one when several pages list it), and returns the claims that resolved.
func (c *compiler) derivedParents() []resolvedClaim {
	var claims []resolvedClaim
	byChild := map[*model.Type][]*model.Type{}
	var order []*model.Type
	for _, dc := range c.derived {
		child := c.lookupName(strings.Trim(dc.link.Text, "*` "), dc.parent.pi.ns)
		if child == nil {
			child = c.lookupTarget(dc.parent.pi.page.Path, dc.link.Target)
		}
		parent := dc.parent.t
		if child == nil {
			c.unknownType(dc.link.Pos, "derived type of "+strconv.Quote(parent.Name), strings.Trim(dc.link.Text, "*` "))
			continue
		}
		if child == parent || child.Kind == model.KindEnum {
			continue
		}
		claims = append(claims, resolvedClaim{child, parent, dc.link.Pos})
		if c.stated[child] || child.Base != nil {
			continue
		}
		if len(byChild[child]) == 0 {
			order = append(order, child)
		}
		if !containsType(byChild[child], parent) {
			byChild[child] = append(byChild[child], parent)
		}
	}
	for _, child := range order {
		cands := byChild[child]
		best := cands[0]
		for _, x := range cands[1:] {
			if inChain(x, best) {
				best = x
			}
		}
		child.Base, child.BaseFrom = best, "derived-types"
	}
	return claims
}

// checkDerivedClaims reports a page that lists as derived a type that
// does not derive from it.
func (c *compiler) checkDerivedClaims(claims []resolvedClaim) {
	for _, cl := range claims {
		if cl.child.Base != nil && !inChain(cl.child, cl.parent) {
			c.diags.Add(cl.pos, RuleInheritanceConflict, "type %q lists %q among its derived types, but the parent of %q is %q",
				cl.parent.Name, cl.child.QualifiedName(), cl.child.Name, cl.child.Base.QualifiedName())
		}
	}
}
