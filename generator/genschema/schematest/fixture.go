// Package schematest builds a small hand-written type model that uses every
// constraint the schema and validator emitters know, for their golden and
// differential tests.
package schematest

import (
	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/input"
)

const ns = "test.api"

func pos(line int) input.Pos { return input.Pos{File: "resources/fixture.md", Line: line, Col: 1} }

func prim(name string) model.TypeRef { return model.TypeRef{Name: name, Written: name} }

func coll(r model.TypeRef) model.TypeRef { r.Collection = true; return r }

func ref(t *model.Type) model.TypeRef {
	return model.TypeRef{Name: t.QualifiedName(), Written: t.Name, Type: t}
}

// Model returns a fresh fixture model:
//
//   - enum "color" (red, green, blue, unknownFutureValue), flags enum "day"
//   - complex "address" (street maxLength 10, Required; zip not nullable)
//   - abstract entity "item" (id: Guid key read-only) with derived "note"
//     and "task" (task derives from note)
//   - entity "widget" deriving from item, using every primitive, string
//     values, nullability, collections and polymorphic "items"
//   - operations with payload types: the action "polish" (a body of
//     parameters, a single number as response), a list of items, a
//     function returning strings
func Model() *model.Model {
	color := &model.Type{Name: "color", Namespace: ns, Kind: model.KindEnum, Pos: pos(1)}
	for _, n := range []string{"red", "green", "blue", "unknownFutureValue"} {
		color.Members = append(color.Members, &model.EnumMember{Name: n, Pos: pos(2)})
	}
	day := &model.Type{Name: "day", Namespace: ns, Kind: model.KindEnum, Flags: true, Pos: pos(3)}
	for _, n := range []string{"monday", "tuesday", "wednesday"} {
		day.Members = append(day.Members, &model.EnumMember{Name: n, Pos: pos(4)})
	}
	address := &model.Type{Name: "address", Namespace: ns, Kind: model.KindComplex, Pos: pos(5)}
	address.Properties = []*model.Property{
		{Name: "street", Type: prim(model.EdmString), MaxLength: 10, Required: true, Doc: "Street. Required. Maximum length 10."},
		{Name: "zip", Type: prim(model.EdmString), Nullable: model.False},
		{Name: "country", Type: prim(model.EdmString), Values: []string{"fr", "de"}},
	}
	item := &model.Type{Name: "item", Namespace: ns, Kind: model.KindEntity, Abstract: true, Key: "id", Pos: pos(10)}
	item.Properties = []*model.Property{
		{Name: "id", Type: prim(model.EdmGuid), ReadOnly: true, Key: true, Nullable: model.False, Doc: "Key. Read-only."},
		{Name: "title", Type: prim(model.EdmString), MaxLength: 5},
	}
	note := &model.Type{Name: "note", Namespace: ns, Kind: model.KindEntity, BaseName: ns + ".item", Pos: pos(20)}
	note.Properties = []*model.Property{
		{Name: "body", Type: prim(model.EdmString), Required: true},
		{Name: "color", Type: ref(color)},
	}
	task := &model.Type{Name: "task", Namespace: ns, Kind: model.KindEntity, BaseName: ns + ".note", Pos: pos(30)}
	task.Properties = []*model.Property{
		{Name: "due", Type: prim(model.EdmDate), Nullable: model.False},
		{Name: "effort", Type: prim(model.EdmDuration)},
	}
	widget := &model.Type{Name: "widget", Namespace: ns, Kind: model.KindEntity, BaseName: ns + ".item", Open: true, Pos: pos(40)}
	widget.Properties = []*model.Property{
		{Name: "created", Type: prim(model.EdmDateTimeOffset), ReadOnly: true},
		{Name: "born", Type: prim(model.EdmDate)},
		{Name: "opens", Type: prim(model.EdmTimeOfDay)},
		{Name: "ttl", Type: prim(model.EdmDuration)},
		{Name: "ref", Type: prim(model.EdmGuid)},
		{Name: "blob", Type: prim(model.EdmBinary)},
		{Name: "small", Type: prim(model.EdmByte)},
		{Name: "signed", Type: prim(model.EdmSByte)},
		{Name: "short", Type: prim(model.EdmInt16)},
		{Name: "count", Type: prim(model.EdmInt32), Nullable: model.False, Default: "1"},
		{Name: "big", Type: prim(model.EdmInt64)},
		{Name: "ratio", Type: prim(model.EdmDouble)},
		{Name: "single", Type: prim(model.EdmSingle)},
		{Name: "price", Type: prim(model.EdmDecimal)},
		{Name: "enabled", Type: prim(model.EdmBoolean), Default: "false"},
		{Name: "extra", Type: prim(model.EdmUntyped)},
		{Name: "media", Type: prim(model.EdmStream)},
		{Name: "state", Type: prim(model.EdmString), Values: []string{"on", "off"}, Nullable: model.False},
		{Name: "color", Type: ref(color), Required: true},
		{Name: "days", Type: ref(day)},
		{Name: "home", Type: ref(address)},
		{Name: "addresses", Type: coll(ref(address))},
		{Name: "tags", Type: coll(prim(model.EdmString))},
		{Name: "oldName", Type: prim(model.EdmString), Deprecated: true},
		{Name: "items", Type: coll(ref(item)), Relationship: true},
		{Name: "pinned", Type: ref(note), Relationship: true},
	}
	note.Base, task.Base, widget.Base = item, note, item
	item.Derived = []*model.Type{note, widget}
	note.Derived = []*model.Type{task}
	types := []*model.Type{address, color, day, item, note, task, widget}
	for _, t := range types {
		for _, p := range t.Properties {
			p.Owner = t
			if !p.Pos.IsValid() {
				p.Pos = t.Pos
			}
		}
	}
	m := &model.Model{Types: types, Operations: operations(widget, item)}
	for _, op := range m.Operations {
		m.Pages = append(m.Pages, &model.Page{Path: op.Page, Kind: model.PageAPI, Title: op.Title, Namespace: ns})
	}
	m.Index()
	return m
}

// operations returns the fixture's operations: an action on a widget with
// a parameter table, returning one number; a list of items (a polymorphic
// page); a function returning strings.
func operations(widget, item *model.Type) []*model.Operation {
	apiPos := func(page string, line int) input.Pos { return input.Pos{File: page, Line: line, Col: 1} }
	polish := &model.Operation{Page: "api/widget-polish.md", Title: "widget: polish", Kind: model.OpAction, Method: "POST",
		Paths:    []model.PathTemplate{{Method: "POST", Path: "/widgets/{id}/polish", Pos: apiPos("api/widget-polish.md", 5)}},
		Response: &model.TypeRef{Name: model.EdmInt32, Written: "Int32"}, Status: 200, Pos: apiPos("api/widget-polish.md", 1)}
	color := widget.Property("color").Type
	polish.Params = []*model.Parameter{
		{Name: "level", In: model.InBody, Type: prim(model.EdmInt32), Required: true, Pos: apiPos(polish.Page, 10)},
		{Name: "finish", In: model.InBody, Type: color, Pos: apiPos(polish.Page, 11)},
		{Name: "items", In: model.InBody, Type: coll(ref(item)), Pos: apiPos(polish.Page, 12)},
	}
	list := &model.Operation{Page: "api/item-list.md", Title: "List items", Kind: model.OpList, Method: "GET",
		Paths:    []model.PathTemplate{{Method: "GET", Path: "/items", Pos: apiPos("api/item-list.md", 5)}},
		Response: &model.TypeRef{Name: item.QualifiedName(), Type: item, Collection: true}, Status: 200, Target: item,
		TargetName: item.QualifiedName(), Pos: apiPos("api/item-list.md", 1)}
	tags := &model.Operation{Page: "api/widget-tags.md", Title: "widget: tags", Kind: model.OpFunction, Method: "GET",
		Paths:    []model.PathTemplate{{Method: "GET", Path: "/widgets/{id}/tags()", Pos: apiPos("api/widget-tags.md", 5)}},
		Response: &model.TypeRef{Name: model.EdmString, Collection: true}, Status: 200, Pos: apiPos("api/widget-tags.md", 1)}
	return []*model.Operation{list, polish, tags}
}
