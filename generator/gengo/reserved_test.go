package gengo

import (
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"strings"
	"testing"

	"github.com/apidocgen/apidocgen/output"
)

// topLevelNames returns the package-level identifiers declared in a Go file
// (functions without a receiver, types, variables, constants).
func topLevelNames(t *testing.T, f output.File) []string {
	t.Helper()
	file, err := parser.ParseFile(token.NewFileSet(), f.Path, f.Data, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range file.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil {
				out = append(out, d.Name.Name)
			}
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					out = append(out, s.Name.Name)
				case *ast.ValueSpec:
					for _, n := range s.Names {
						out = append(out, n.Name)
					}
				}
			}
		}
	}
	return out
}

// TestReservedNames: every exported identifier of the runtime files is
// reserved, so no generated type or constant can take it, and no runtime
// identifier can collide with an enum's member table ("membersOf" + an
// exported name).
func TestReservedNames(t *testing.T) {
	rt, err := runtimeFiles("graph", nil)
	if err != nil {
		t.Fatal(err)
	}
	vrt, err := validateRuntime("graph")
	if err != nil {
		t.Fatal(err)
	}
	check := func(files output.Files, reserved []string) {
		for _, f := range files {
			for _, n := range topLevelNames(t, f) {
				if token.IsExported(n) && !slices.Contains(reserved, n) {
					t.Errorf("%s declares %s, which is not reserved", f.Path, n)
				}
				if strings.HasPrefix(n, "membersOf") {
					t.Errorf("%s declares %s, which an enum member table could take", f.Path, n)
				}
			}
		}
	}
	check(rt, reservedNames)
	check(output.Files{vrt}, validatorNames)
	if !slices.Contains(reservedNames, "Ptr") {
		t.Error("Ptr is not reserved")
	}
}
