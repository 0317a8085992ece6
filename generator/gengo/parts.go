package gengo

// Internal parts. The Go compiler's peak memory grows with the number of
// functions in one package (docs/build-cost.md), so a package with more
// struct types than Options.PartTypes is emitted as a facade over internal
// packages:
//
//	<out>/                  package <name>: an alias for every type, the
//	                        enum constants, the runtime API and the registry
//	<out>/internal/rt       the runtime (codec, scalars, Nullable, validators)
//	<out>/internal/enums    the enum types (and their helpers: it does not
//	                        import rt, so the two compile at the same time)
//	<out>/internal/partN    the struct types, in dependency order
//
// Users import only <out>; the aliases make graph.User the very type
// declared in a part. Struct types are ordered so that a part only uses
// types of earlier parts (strongly connected types stay together), so the
// parts form a chain and each is compiled alone, with the memory its share
// of the types needs.

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/output"
)

// DefaultPartTypes is Options.PartTypes when it is 0.
const DefaultPartTypes = 350

// RuleNotSplit reports a package that would be split into internal parts
// but cannot be, because its import path is unknown.
var RuleNotSplit = model.Rule{ID: "go-not-split", Severity: model.SevWarning,
	Summary: "a large go package is generated outside a go module, so it cannot be split into internal packages and compiles as one",
	Example: "go.dir outside any folder with a go.mod, and more struct types than go.partTypes"}

// A goPkg is one Go package of the output.
type goPkg struct {
	Name string // package name
	Path string // import path ("" when unknown: the single-package case)
	Dir  string // folder relative to the output folder ("" for the output folder)
}

// rtExports maps the runtime helpers the generated code calls to the
// exported names the runtime package gives them when the output is split.
var rtExports = map[string]string{
	"marshalObject":   "MarshalObject",
	"unmarshalObject": "UnmarshalObject",
}

// typeRef refers to the Go type name of g (its name, or its interface).
func (p *plan) typeRef(g *goType, name string) *jen.Statement {
	if p.rt == nil {
		return jen.Id(name)
	}
	return jen.Qual(g.Pkg.Path, name)
}

// rtRef refers to a runtime identifier: a type such as Nullable, or a
// helper such as marshalObject.
func (p *plan) rtRef(name string) *jen.Statement {
	if p.rt == nil {
		return jen.Id(name)
	}
	if e, ok := rtExports[name]; ok {
		name = e
	}
	return jen.Qual(p.rt.Path, name)
}

// splitParts decides whether to split and, if so, puts every type in a
// part. It runs after the types are named and before fields are built.
func (p *plan) splitParts() {
	p.root = &goPkg{Name: p.opts.Package, Path: p.opts.ImportPath}
	for _, g := range p.types {
		g.Pkg = p.root
	}
	limit := p.opts.PartTypes
	if limit < 0 {
		return
	}
	if limit == 0 {
		limit = DefaultPartTypes
	}
	var structs []*goType
	for _, g := range p.types {
		if !g.IsEnum() {
			structs = append(structs, g)
		}
	}
	if len(structs) <= limit {
		return
	}
	if p.opts.ImportPath == "" {
		p.diags.Add(optionsPos, RuleNotSplit, "%d struct types (more than %d) but the import path of the package is unknown; generating one package", len(structs), limit)
		return
	}
	sub := func(dir string) *goPkg {
		return &goPkg{Name: path.Base(dir), Path: p.opts.ImportPath + "/" + dir, Dir: dir}
	}
	p.rt = sub("internal/rt")
	for _, g := range p.types {
		if g.IsEnum() {
			if p.enums == nil {
				p.enums = sub("internal/enums")
			}
			g.Pkg = p.enums
		}
	}
	var part *goPkg
	n := 0
	for _, scc := range p.dependencyOrder(structs) {
		if part == nil || (n > 0 && n+len(scc) > limit) {
			part = sub(fmt.Sprintf("internal/part%d", len(p.parts)+1))
			p.parts = append(p.parts, part)
			n = 0
		}
		for _, g := range scc {
			g.Pkg = part
		}
		n += len(scc)
	}
}

// uses returns the struct types g refers to: its base, the types of its
// own properties, and the generated types its field type overrides name
// (byName maps Go names to types).
func (p *plan) uses(g *goType, byName map[string]*goType) []*goType {
	var out []*goType
	if g.Base != nil {
		out = append(out, g.Base)
	}
	for _, pr := range g.T.Properties {
		if t := p.byT[pr.Type.Type]; t != nil && !t.IsEnum() {
			out = append(out, t)
		}
		if o := p.fieldTypes[strings.ToLower(g.T.QualifiedName()+"."+pr.Name)]; o != nil {
			// Read the override as fieldType will, noting the type it names.
			parseGoTypeWith(o.value, func(name string) *jen.Statement {
				if t := byName[name]; t != nil && !t.IsEnum() {
					out = append(out, t)
				}
				return jen.Id(name)
			})
		}
	}
	return out
}

// dependencyOrder returns the strongly connected groups of structs under
// "uses", each group after every group it uses (Tarjan's algorithm emits
// them in that order). Types and edges are visited in name order, so the
// result does not depend on the order of the docs.
func (p *plan) dependencyOrder(structs []*goType) [][]*goType {
	sorted := append([]*goType(nil), structs...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Name < sorted[j].Name })
	byName := map[string]*goType{}
	for _, x := range p.types {
		byName[x.Name] = x
	}
	edges := map[*goType][]*goType{}
	for _, g := range sorted {
		us := p.uses(g, byName)
		sort.Slice(us, func(i, j int) bool { return us[i].Name < us[j].Name })
		edges[g] = us
	}
	index := map[*goType]int{}
	low := map[*goType]int{}
	on := map[*goType]bool{}
	var stack []*goType
	var out [][]*goType
	var visit func(g *goType)
	visit = func(g *goType) {
		index[g] = len(index)
		low[g] = index[g]
		stack = append(stack, g)
		on[g] = true
		for _, u := range edges[g] {
			if _, seen := index[u]; !seen {
				visit(u)
				low[g] = min(low[g], low[u])
			} else if on[u] {
				low[g] = min(low[g], index[u])
			}
		}
		if low[g] == index[g] {
			var scc []*goType
			for {
				x := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				on[x] = false
				scc = append(scc, x)
				if x == g {
					break
				}
			}
			sort.Slice(scc, func(i, j int) bool { return scc[i].Name < scc[j].Name })
			out = append(out, scc)
		}
	}
	for _, g := range sorted {
		if _, seen := index[g]; !seen {
			visit(g)
		}
	}
	return out
}

// facadeFiles writes the package users import when the output is split:
// aliases for the types (in the files the types would have had), the enum
// constants, the runtime API, the registry and the package doc.
func (p *plan) facadeFiles(runtime output.Files) (output.Files, error) {
	byFile := map[string][]*goType{}
	var paths []string
	for _, g := range p.types {
		f := path.Base(g.File)
		if _, ok := byFile[f]; !ok {
			paths = append(paths, f)
		}
		byFile[f] = append(byFile[f], g)
	}
	sort.Strings(paths)
	var out output.Files
	for _, name := range paths {
		f := p.newFile(p.root)
		for _, g := range byFile[name] {
			p.emitAlias(f, g)
		}
		file, err := renderFile(name, f)
		if err != nil {
			return nil, err
		}
		out = append(out, file)
	}
	api, err := p.runtimeAPI(runtime)
	if err != nil {
		return nil, err
	}
	out = append(out, api)
	// A package doc for each internal package, for go doc and gopls.
	internal := append([]*goPkg{p.rt}, p.parts...)
	if p.enums != nil {
		internal = append(internal, p.enums)
	}
	for _, pkg := range internal {
		doc := jen.NewFilePathName(pkg.Path, pkg.Name)
		doc.HeaderComment(Header)
		doc.PackageComment(fmt.Sprintf("Package %s is part of package %s, split so that each part compiles in", pkg.Name, p.root.Name))
		doc.PackageComment(fmt.Sprintf("less memory. Import %s (%s) instead: it declares every", p.root.Name, p.root.Path))
		doc.PackageComment("type and function of this package under the same name.")
		file, err := renderFile(path.Join(pkg.Dir, "apidocgen_doc.go"), doc)
		if err != nil {
			return nil, err
		}
		out = append(out, file)
	}
	return out, nil
}

// emitAlias declares g's name (and interface, and enum constants) in the
// facade as aliases of the part's declarations.
func (p *plan) emitAlias(f *jen.File, g *goType) {
	for _, c := range comments(typeDoc(g)) {
		f.Add(c)
	}
	f.Type().Id(g.Name).Op("=").Add(p.typeRef(g, g.Name))
	if g.Poly {
		f.Comment(fmt.Sprintf("%s is implemented by *%s and by every type derived from it.", g.Iface, g.Name))
		f.Type().Id(g.Iface).Op("=").Add(p.typeRef(g, g.Iface))
	}
	if len(g.Members) > 0 {
		var defs []jen.Code
		for _, m := range g.Members {
			defs = append(defs, jen.Id(m.Const).Op("=").Add(p.typeRef(g, m.Const)))
		}
		f.Comment(fmt.Sprintf("The members of %s.", g.Name))
		f.Const().Defs(defs...)
	}
}

// partsExports is the runtime file that exports, for the parts, the
// helpers the generated code calls and the registry the facade fills.
func (p *plan) partsExports() (output.File, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "// %s\n\npackage %s\n\n", Header, p.rt.Name)
	b.WriteString(`// The functions below export, for the generated types in the sibling
// internal packages, the helpers they call; users call the methods of
// those types instead.

// MarshalObject encodes v, a pointer to a generated struct.
func MarshalObject(v any, declared string) ([]byte, error) { return marshalObject(v, declared) }

// UnmarshalObject decodes b into v, a pointer to a generated struct.
func UnmarshalObject(b []byte, v any) error { return unmarshalObject(b, v) }

// objects and objectNames are the generated struct types (nil pointers)
// and their qualified names, filled by Register before first use.
var (
	objects     []any
	objectNames []string
)

// Register adds generated struct types and their qualified names to the
// registry that decodes "@odata.type". The package that users import calls
// it once, from its init function: before any value is decoded, and before
// any other goroutine can, so it needs no lock.
func Register(objs []any, names []string) {
	objects = append(objects, objs...)
	objectNames = append(objectNames, names...)
}
`)
	fmt.Fprintf(&b, `
// operationTable is the table of the documented operations, as JSON, set
// by RegisterOperations before first use.
var operationTable string

// RegisterOperations sets the table of operations. The package users import
// calls it from its init function.
func RegisterOperations(table string) { operationTable = table }

// init names the package users import, for error messages.
func init() { publicName = %q }
`, p.root.Name)
	return formatFile(path.Join(p.rt.Dir, "apidocgen_parts.go"), b.Bytes())
}

// facadeRegistry is the registry file of the facade: the table of every
// struct type, handed to the runtime at init.
func (p *plan) facadeRegistry() *jen.File {
	f := p.registry()
	f.Comment("init hands the tables to the runtime, which builds its maps on first use.")
	f.Func().Id("init").Params().Block(
		jen.Qual(p.rt.Path, "Register").Call(jen.Id("objects").Index(jen.Op(":")), jen.Id("objectNames").Index(jen.Op(":"))),
		jen.Qual(p.rt.Path, "RegisterOperations").Call(jen.Id("operationTable")),
	)
	return f
}

// runtimeAPI re-exports the exported identifiers of the runtime files in
// the facade: an alias per type, a constant per constant and a function
// per function, with the runtime's doc comments. It reads the rendered
// runtime, so the facade can never miss or misspell one.
func (p *plan) runtimeAPI(runtime output.Files) (output.File, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "// %s\n\npackage %s\n\n", Header, p.root.Name)
	imports := map[string]string{p.rt.Path: "rt"}
	var body bytes.Buffer
	fset := token.NewFileSet()
	for _, rf := range runtime {
		if path.Base(rf.Path) == "apidocgen_parts.go" || !strings.HasPrefix(path.Base(rf.Path), "apidocgen_") {
			continue
		}
		file, err := parser.ParseFile(fset, rf.Path, rf.Data, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return output.File{}, fmt.Errorf("read runtime %s: %w", rf.Path, err)
		}
		fileImports := map[string]string{}
		for _, im := range file.Imports {
			ip, _ := strconv.Unquote(im.Path.Value)
			name := path.Base(ip)
			if im.Name != nil {
				name = im.Name.Name
			}
			fileImports[name] = ip
		}
		src := func(n ast.Node) string {
			var s strings.Builder
			ast.Inspect(n, func(x ast.Node) bool {
				if sel, ok := x.(*ast.SelectorExpr); ok {
					if id, ok := sel.X.(*ast.Ident); ok && fileImports[id.Name] != "" {
						imports[fileImports[id.Name]] = id.Name
					}
				}
				return true
			})
			_ = printer.Fprint(&s, fset, n)
			return s.String()
		}
		doc := func(cg *ast.CommentGroup) {
			if cg != nil {
				for _, c := range cg.List {
					body.WriteString(c.Text + "\n")
				}
			}
		}
		for _, d := range file.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv != nil || !d.Name.IsExported() {
					continue
				}
				doc(d.Doc)
				var typeArgs, args []string
				if tp := d.Type.TypeParams; tp != nil {
					for _, f := range tp.List {
						for _, n := range f.Names {
							typeArgs = append(typeArgs, n.Name)
						}
					}
				}
				for _, f := range d.Type.Params.List {
					if len(f.Names) == 0 {
						return output.File{}, fmt.Errorf("runtime %s: %s has an unnamed parameter", rf.Path, d.Name.Name)
					}
					for _, n := range f.Names {
						a := n.Name
						if _, ok := f.Type.(*ast.Ellipsis); ok {
							a += "..."
						}
						args = append(args, a)
					}
				}
				sig := src(&ast.FuncDecl{Name: d.Name, Type: d.Type})
				call := "rt." + d.Name.Name
				if len(typeArgs) > 0 {
					call += "[" + strings.Join(typeArgs, ", ") + "]"
				}
				call += "(" + strings.Join(args, ", ") + ")"
				if d.Type.Results != nil && len(d.Type.Results.List) > 0 {
					fmt.Fprintf(&body, "%s { return %s }\n\n", sig, call)
				} else {
					fmt.Fprintf(&body, "%s { %s }\n\n", sig, call)
				}
			case *ast.GenDecl:
				var values []string // exported constants or variables
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						if !s.Name.IsExported() {
							continue
						}
						if len(d.Specs) == 1 {
							doc(d.Doc)
						}
						doc(s.Doc)
						if s.TypeParams == nil {
							fmt.Fprintf(&body, "type %s = rt.%s\n\n", s.Name.Name, s.Name.Name)
							continue
						}
						var names []string
						for _, f := range s.TypeParams.List {
							for _, n := range f.Names {
								names = append(names, n.Name)
							}
						}
						var params []string
						for _, f := range s.TypeParams.List {
							var ns []string
							for _, n := range f.Names {
								ns = append(ns, n.Name)
							}
							params = append(params, strings.Join(ns, ", ")+" "+src(f.Type))
						}
						fmt.Fprintf(&body, "type %s[%s] = rt.%s[%s]\n\n", s.Name.Name, strings.Join(params, ", "), s.Name.Name, strings.Join(names, ", "))
					case *ast.ValueSpec:
						for _, n := range s.Names {
							if n.IsExported() {
								values = append(values, n.Name)
							}
						}
					}
				}
				if len(values) > 0 {
					// One block per declaration, with its doc comment.
					doc(d.Doc)
					fmt.Fprintf(&body, "%s (\n", d.Tok)
					for _, n := range values {
						fmt.Fprintf(&body, "\t%s = rt.%s\n", n, n)
					}
					body.WriteString(")\n\n")
				}
			}
		}
	}
	var ips []string
	for ip := range imports {
		ips = append(ips, ip)
	}
	sort.Strings(ips)
	b.WriteString("import (\n")
	for _, ip := range ips {
		if ip == p.rt.Path {
			fmt.Fprintf(&b, "\trt %q\n", ip)
		} else {
			fmt.Fprintf(&b, "\t%q\n", ip)
		}
	}
	b.WriteString(")\n\n")
	b.WriteString("// The runtime's API, declared in internal/rt and re-exported here.\n\n")
	b.Write(body.Bytes())
	return formatFile("apidocgen_api.go", b.Bytes())
}
