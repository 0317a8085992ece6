package gengo

// The operation table: one OperationSpec (templates/gengo_operations.tmpl)
// per documented operation whose payload types the package has, as static
// data in the package users import. When the package is split, the facade
// holds the table and hands it to internal/rt at init, like the registry.

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/generator/payload"
	"github.com/apidocgen/apidocgen/output"
)

// operationTableFile is the generated file holding the table.
const operationTableFile = "apidocgen_operation_table.go"

// goTypeOf returns the Go type, as users of the package write it, of a
// value of ref (an element, for a page): the XLike interface of a type with
// descendants when poly is set (a response, which may hold any of them),
// else the type itself; ok is false when the package has no type for it.
func (p *plan) goTypeOf(ref model.TypeRef, poly bool) (string, bool) {
	if ref.IsPrimitive() {
		switch ref.Name {
		case model.EdmDateTimeOffset:
			return "time.Time", true
		case model.EdmUntyped:
			return "json.RawMessage", true
		}
		prim, ok := primitives[ref.Name]
		if !ok || prim.code == nil {
			return "", false
		}
		if prim.runtime != "" {
			return prim.runtime, true
		}
		return fmt.Sprintf("%#v", prim.code()), true
	}
	g := p.byT[ref.Type]
	if g == nil {
		return "", false
	}
	if g.Poly && poly {
		return g.Iface, true
	}
	return g.Name, true
}

// payloadGoType returns the Go type of the payload r: for a request, the
// struct a client fills in; for a response, what it decodes into (an XLike
// interface for a type with descendants, a Page of them for a page). ok
// is false when the package has no type for it.
func (p *plan) payloadGoType(r *payload.Ref, response bool) (string, bool) {
	elem := r.Type
	elem.Collection = false
	t, ok := p.goTypeOf(elem, response || r.Page())
	if r.Page() {
		t = "Page[" + t + "]"
	}
	return t, ok
}

// pathParams returns the {placeholders} of the templates, each once.
func pathParams(paths []model.PathTemplate) []string {
	var out []string
	seen := map[string]bool{}
	for _, pt := range paths {
		rest := pt.Path
		for {
			i := strings.IndexByte(rest, '{')
			if i < 0 {
				break
			}
			j := strings.IndexByte(rest[i:], '}')
			if j < 0 {
				break
			}
			name := strings.TrimSpace(rest[i+1 : i+j])
			rest = rest[i+j+1:]
			if name != "" && !seen[name] {
				seen[name] = true
				out = append(out, name)
			}
		}
	}
	return out
}

// operationTable renders the table of the operations whose payloads all
// have a type in the package, sorted by ID.
func (p *plan) operationTable(pkg *goPkg) (output.File, error) {
	ops := append([]*payload.Op(nil), p.payloads.Ops...)
	sort.SliceStable(ops, func(i, j int) bool { return ops[i].ID < ops[j].ID })
	var b bytes.Buffer
	fileHeader(&b, pkg.Name)
	b.WriteString("// operations lists the documented operations, sorted by ID.\nvar operations = []OperationSpec{\n")
	list := func(field string, vals []string) {
		if len(vals) == 0 {
			return
		}
		q := make([]string, len(vals))
		for i, v := range vals {
			q[i] = strconv.Quote(v)
		}
		fmt.Fprintf(&b, "\t\t%s: []string{%s},\n", field, strings.Join(q, ", "))
	}
	str := func(field, val string) {
		if val != "" {
			fmt.Fprintf(&b, "\t\t%s: %s,\n", field, strconv.Quote(val))
		}
	}
	for _, o := range ops {
		var req, reqType, resp, respType string
		ok := true
		if o.Request != nil {
			req = o.Request.Name()
			reqType, ok = p.payloadGoType(o.Request, false)
		}
		if o.Response != nil && ok {
			resp = o.Response.Name()
			respType, ok = p.payloadGoType(o.Response, true)
		}
		if !ok {
			continue // a type this package does not have (roots)
		}
		op := o.Op
		b.WriteString("\t{\n")
		str("ID", o.ID)
		str("Name", o.Name)
		str("Title", op.Title)
		str("Kind", string(op.Kind))
		str("Method", op.Method)
		var paths []string
		for _, pt := range op.Paths {
			paths = append(paths, pt.Path)
		}
		list("Paths", paths)
		list("PathParams", pathParams(op.Paths))
		list("QueryOptions", op.QueryOptions)
		var params []string
		for _, pr := range op.Params {
			if pr.In == model.InQuery {
				params = append(params, pr.Name)
			}
		}
		list("Parameters", params)
		str("Request", req)
		str("RequestType", reqType)
		str("Response", resp)
		str("ResponseType", respType)
		if o.Response != nil && o.Response.Page() {
			b.WriteString("\t\tCollection: true,\n")
		}
		if op.Status != 0 {
			fmt.Fprintf(&b, "\t\tStatus: %d,\n", op.Status)
		}
		str("Page", op.Page)
		b.WriteString("\t},\n")
	}
	b.WriteString("}\n")
	return formatFile(operationTableFile, b.Bytes())
}
