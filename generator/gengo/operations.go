package gengo

// The operation table: one OperationSpec (templates/gengo_operations.tmpl)
// per documented operation whose payload types the package has, as JSON
// text in the package users import. When the package is split, the facade
// holds the table and hands it to internal/rt at init, like the registry.

import (
	"bytes"
	"encoding/json"
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
		prim, ok := primitives[ref.Name]
		if !ok || prim.code == nil {
			return "", false
		}
		// jen renders a qualified type with its package name: "time.Time",
		// "json.RawMessage".
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
// have a type in the package (and, with roots, of a root's namespace),
// sorted by ID, as JSON text in a string
// constant that the runtime decodes on first use: a composite literal of
// two thousand elements costs the compiler far more than one string.
func (p *plan) operationTable(pkg *goPkg) (output.File, error) {
	ops := append([]*payload.Op(nil), p.payloads.Ops...)
	sort.SliceStable(ops, func(i, j int) bool { return ops[i].ID < ops[j].ID })
	// The fields of OperationSpec (templates/gengo_operations.tmpl), in
	// order; encoding/json matches the keys to them.
	type spec struct {
		ID           string
		Name         string   `json:",omitempty"`
		Title        string   `json:",omitempty"`
		Kind         string   `json:",omitempty"`
		Method       string   `json:",omitempty"`
		Paths        []string `json:",omitempty"`
		PathParams   []string `json:",omitempty"`
		QueryOptions []string `json:",omitempty"`
		Parameters   []string `json:",omitempty"`
		Request      string   `json:",omitempty"`
		RequestType  string   `json:",omitempty"`
		Response     string   `json:",omitempty"`
		ResponseType string   `json:",omitempty"`
		Collection   bool     `json:",omitempty"`
		Status       int      `json:",omitempty"`
		Page         string   `json:",omitempty"`
	}
	var table []spec
	for _, o := range ops {
		if !p.ownsNamespace(o.Namespace) {
			continue
		}
		op := o.Op
		sp := spec{ID: o.ID, Name: o.Name, Title: op.Title, Kind: string(op.Kind), Method: op.Method,
			PathParams: pathParams(op.Paths), QueryOptions: op.QueryOptions, Status: op.Status, Page: op.Page}
		ok := true
		if o.Request != nil {
			sp.Request = o.Request.Name()
			sp.RequestType, ok = p.payloadGoType(o.Request, false)
		}
		if o.Response != nil && ok {
			sp.Response = o.Response.Name()
			sp.ResponseType, ok = p.payloadGoType(o.Response, true)
			sp.Collection = o.Response.Page()
		}
		if !ok {
			continue // a type this package does not have (roots)
		}
		for _, pt := range op.Paths {
			sp.Paths = append(sp.Paths, pt.Path)
		}
		for _, pr := range op.Params {
			if pr.In == model.InQuery {
				sp.Parameters = append(sp.Parameters, pr.Name)
			}
		}
		table = append(table, sp)
	}
	var js bytes.Buffer
	enc := json.NewEncoder(&js)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(table); err != nil {
		return output.File{}, err
	}
	var b bytes.Buffer
	fileHeader(&b, pkg.Name)
	fmt.Fprintf(&b, "// operationTable lists the documented operations (%d), sorted by ID, as the\n", len(table))
	b.WriteString("// JSON of a []OperationSpec; Operations decodes it on first use.\n")
	fmt.Fprintf(&b, "const operationTable = %s\n", strconv.Quote(strings.TrimSpace(js.String())))
	return formatFile(operationTableFile, b.Bytes())
}
