package gengo

// The speed module: next to the package generated from graph-v1.0, the files
// that let testdata/corpus/speed_test.go.txt compare the generated code with
// plain encoding/json structs and jsonschema/v5 on the same payloads
// (scripts/bench-gengo.sh prints the table; TestCorpus runs its checks).
//
//   - plain_test.go: a plain struct for every struct type the payloads
//     reach, with the same members as the generated one and nothing but
//     encoding/json tags: the shape of a hand-written struct. They are
//     derived from the plan so that they have the same fields.
//   - schemarefs_test.go: the jsonschema/v5 references of the payload
//     types. (The list pages are the runtime's Page[User] and
//     Page[DirectoryObjectLike].)
//   - testdata/schema/*.json: the per-type JSON Schema files, and a go.mod
//     that requires jsonschema/v5 (resolved from the module cache).

import (
	"bufio"
	"bytes"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/apidocgen/apidocgen/generator/genschema"
	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/output"
)

// speedRoots are the types whose payloads the speed test builds; the
// directoryObject page holds users, groups and devices.
var speedRoots = []string{
	"microsoft.graph.user", "microsoft.graph.message", "microsoft.graph.event",
	"microsoft.graph.driveItem", "microsoft.graph.group", "microsoft.graph.device",
	"microsoft.graph.directoryObject",
}

// speedMixed is the plain struct a hand-written decoder of a mixed
// directoryObject page would use: the base's members and those of each
// kind of member the page holds, in one flat struct.
var speedMixed = []string{"microsoft.graph.user", "microsoft.graph.group", "microsoft.graph.device"}

// speedModule returns the files of the speed module for m generated with
// opts, and the module's go.mod.
func speedModule(t testing.TB, m *model.Model, opts Options) (output.Files, []byte) {
	t.Helper()
	for _, q := range speedRoots {
		if m.Lookup(q) == nil {
			t.Fatalf("speed module: no type %s in the model", q)
		}
	}
	p := newPlan(m, opts)
	test, err := os.ReadFile(filepath.Join("testdata", "corpus", "speed_test.go.txt"))
	if err != nil {
		t.Fatal(err)
	}
	files := output.Files{
		{Path: "speed_test.go", Data: test},
		{Path: "plain_test.go", Data: plainStructs(t, p, speedRoots, speedMixed)},
		{Path: "schemarefs_test.go", Data: speedSchemaRefs(t, p)},
	}
	schemas, err := genschema.Files(m, genschema.Options{PerType: true, Dir: "testdata/schema"})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range schemas {
		if !strings.HasSuffix(f.Path, "/"+genschema.BundleFile) {
			files = append(files, f)
		}
	}
	gomod := []byte("module " + opts.ImportPath + "\n\ngo 1.24\n\nrequire github.com/santhosh-tekuri/jsonschema/v5 " + jsonschemaVersion(t) + "\n")
	return files, gomod
}

// jsonschemaVersion is the version of jsonschema/v5 this module requires.
func jsonschemaVersion(t testing.TB) string {
	data, err := os.ReadFile(filepath.Join("..", "..", "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) >= 2 && f[0] == "github.com/santhosh-tekuri/jsonschema/v5" {
			return f[1]
		}
	}
	t.Fatal("go.mod does not require jsonschema/v5")
	return ""
}

// writeSpeedModule writes the speed module's go.mod and go.sum (the
// jsonschema/v5 lines of this module's go.sum) into dir, over those
// writeModule wrote.
func writeSpeedModule(t testing.TB, dir string, gomod []byte) {
	t.Helper()
	sum, err := os.ReadFile(filepath.Join("..", "..", "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader(sum))
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "github.com/santhosh-tekuri/jsonschema/v5 ") {
			lines = append(lines, sc.Text())
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), gomod, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.sum"), []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// plainPrims is the plain Go type of each primitive: what encoding/json
// decodes without help.
var plainPrims = map[string]string{
	model.EdmString: "string", model.EdmBoolean: "bool", model.EdmByte: "uint8", model.EdmSByte: "int8",
	model.EdmInt16: "int16", model.EdmInt32: "int32", model.EdmInt64: "int64", model.EdmSingle: "float32",
	model.EdmDouble: "float64", model.EdmDecimal: "json.Number", model.EdmDateTimeOffset: "time.Time",
	model.EdmDate: "string", model.EdmTimeOfDay: "string", model.EdmDuration: "string", model.EdmGuid: "string",
	model.EdmBinary: "[]byte", model.EdmStream: "[]byte", model.EdmUntyped: "json.RawMessage",
}

func plainName(g *goType) string { return "plain" + g.Name }

// plainField writes the plain declaration of f.
func plainField(b *bytes.Buffer, f *goField, name string) {
	elem, tag := "json.RawMessage", "omitempty"
	switch {
	case f.Kind == fieldOverride || f.Kind == fieldRaw:
	case f.Prim != "":
		elem = plainPrims[f.Prim]
	case f.Elem != nil && f.Elem.IsEnum():
		elem = "string"
	case f.Elem != nil && f.Multi:
		elem = plainName(f.Elem)
	case f.Elem != nil:
		elem = "*" + plainName(f.Elem)
	}
	typ := elem
	if f.Multi {
		typ = "[]" + elem
	} else if elem == "time.Time" {
		tag = "omitzero"
	}
	fmt.Fprintf(b, "\t%s %s `json:\"%s,%s\"`\n", name, typ, f.JSON, tag)
}

// plainStructs renders the plain structs of the struct types reachable
// from roots (bases and property types; a polymorphic property gets its
// declared type), and plainMixed<Base>, a flat struct with the members of
// the last root and of each of the mixed types.
func plainStructs(t testing.TB, p *plan, roots, mixed []string) []byte {
	t.Helper()
	byName := map[string]*goType{}
	for _, g := range p.types {
		byName[g.T.QualifiedName()] = g
	}
	seen := map[*goType]bool{}
	var queue []*goType
	add := func(g *goType) {
		if g != nil && !g.IsEnum() && !seen[g] {
			seen[g] = true
			queue = append(queue, g)
		}
	}
	for _, q := range roots {
		add(byName[q])
	}
	for len(queue) > 0 {
		g := queue[0]
		queue = queue[1:]
		add(g.Base)
		for _, f := range g.Fields {
			add(f.Elem)
		}
	}
	var types []*goType
	for g := range seen {
		types = append(types, g)
	}
	sort.Slice(types, func(i, j int) bool { return types[i].Name < types[j].Name })

	var b bytes.Buffer
	fmt.Fprintf(&b, "package %s\n\n// Written by the apidocgen tests (speed_test.go): plain structs with the\n// members of the generated ones and encoding/json tags only.\n\n", p.opts.Package)
	b.WriteString("import (\n\t\"encoding/json\"\n\t\"time\"\n)\n\nvar _ = json.Number(\"\")\nvar _ = time.Time{}\n\n")
	for _, g := range types {
		fmt.Fprintf(&b, "type %s struct {\n", plainName(g))
		if g.Base != nil {
			fmt.Fprintf(&b, "\t%s\n", plainName(g.Base))
		} else {
			b.WriteString("\tODataType string `json:\"@odata.type,omitempty\"`\n")
		}
		for _, f := range g.Fields {
			plainField(&b, f, f.Name)
		}
		b.WriteString("}\n\n")
	}
	base := byName[roots[len(roots)-1]]
	fmt.Fprintf(&b, "type plainMixed%s struct {\n\t%s\n", base.Name, plainName(base))
	names, members := map[string]bool{}, map[string]bool{}
	for x := base; x != nil; x = x.Base {
		for _, f := range x.Fields {
			names[f.Name], members[f.JSON] = true, true
		}
	}
	for _, q := range mixed {
		var chain []*goType
		for x := byName[q]; x != nil && x != base; x = x.Base {
			chain = append([]*goType{x}, chain...)
		}
		for _, x := range chain {
			for _, f := range x.Fields {
				if members[f.JSON] {
					continue
				}
				name := f.Name
				for i := 2; names[name]; i++ {
					name = fmt.Sprintf("%s%d", f.Name, i)
				}
				names[name], members[f.JSON] = true, true
				plainField(&b, f, name)
			}
		}
	}
	b.WriteString("}\n")
	return formatOrFail(t, b.Bytes())
}

// speedSchemaRefs renders the schema references of the payload types.
func speedSchemaRefs(t testing.TB, p *plan) []byte {
	t.Helper()
	var b bytes.Buffer
	fmt.Fprintf(&b, "package %s\n\n// Written by the apidocgen tests (speed_test.go).\n\n", p.opts.Package)
	sp := genschema.NewPlan(p.m)
	b.WriteString("// schemaRefs holds the jsonschema/v5 reference of each payload type (read mode).\nvar schemaRefs = map[string]string{\n")
	for _, q := range speedRoots {
		ref := sp.FileRef(q, genschema.ModeRead, genschema.Options{})
		fmt.Fprintf(&b, "\t%q: %q,\n", q, ref)
	}
	fmt.Fprintf(&b, "}\n\n// schemaBase is the URL prefix of the per-type schema files (testdata/schema).\nconst schemaBase = %q\n", strings.TrimSuffix(genschema.TypeID("x", genschema.Options{}), url.PathEscape("x")+".json"))
	return formatOrFail(t, b.Bytes())
}

func formatOrFail(t testing.TB, src []byte) []byte {
	t.Helper()
	f, err := formatFile("x.go", src)
	if err != nil {
		t.Fatal(err)
	}
	return f.Data
}
