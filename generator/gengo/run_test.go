package gengo

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apidocgen/apidocgen/output"
)

// goEnv is the environment for building generated modules: no network, no
// workspace, the caches of the current user.
func goEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "GOFLAGS=") || strings.HasPrefix(kv, "GOPROXY=") || strings.HasPrefix(kv, "GOWORK=") {
			continue
		}
		env = append(env, kv)
	}
	return append(env, "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
}

// goCmd runs the go command in dir and fails the test on error.
func goCmd(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = goEnv()
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// TestCompileAndRun generates the showcase model into a temporary module
// with testdata/run/showcase_test.go.txt and runs go vet and go test there,
// once as one package and once split into internal packages (two struct
// types per part) behind the facade, which must behave the same.
func TestCompileAndRun(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a generated module")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	for _, c := range []struct {
		name string
		opts Options
	}{
		{"single", Options{Package: "graph", Validators: true}},
		{"parts", Options{Package: "graph", ImportPath: "example.com/showcase", PartTypes: 2, Validators: true}},
	} {
		t.Run(c.name, func(t *testing.T) {
			res, err := Generate(showcaseModel(), c.opts)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			test, err := os.ReadFile(filepath.Join("testdata", "run", "showcase_test.go.txt"))
			if err != nil {
				t.Fatal(err)
			}
			files := append(output.Files{}, res.Files...)
			files = append(files, output.File{Path: "showcase_test.go", Data: test})
			writeModule(t, dir, "example.com/showcase", files)
			if c.opts.PartTypes > 0 {
				list := goCmd(t, dir, "list", "./...")
				if n := strings.Count(list, "example.com/showcase/internal/part"); n < 2 {
					t.Fatalf("want the structs split into several parts, go list says:\n%s", list)
				}
			}
			goCmd(t, dir, "vet", "./...")
			out := goCmd(t, dir, "test", "-count=1", "-v", "./...")
			t.Log(out)
			for _, name := range []string{"TestPatchExplicitNull", "TestDerivedInBaseCollection", "TestUnknownODataTypeFallsBack", "TestOpenTypeExtras", "TestEnums", "TestDateTimeDuration", "TestEncodeWritesODataType", "TestScalars", "TestSelfReference", "TestNotNullableZeroValues", "TestValidateStructs", "TestDecodeMalformed", "TestPages", "TestOperationPayloads", "TestErrorsNamePublicTypes", "TestDecodeWhatValidatorsAccept"} {
				if !strings.Contains(out, "--- PASS: "+name) {
					t.Errorf("%s did not pass", name)
				}
			}
		})
	}
}

// TestCompileGoldenCases checks that every golden case builds and vets.
func TestCompileGoldenCases(t *testing.T) {
	if testing.Short() {
		t.Skip("builds generated modules")
	}
	for _, c := range goldenCases() {
		t.Run(c.name, func(t *testing.T) {
			res, err := Generate(c.model(), c.opts)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			writeModule(t, dir, "example.com/"+c.name, res.Files)
			goCmd(t, dir, "vet", "./...")
		})
	}
}

// TestCompileWithValidators checks that the structs and the validators
// (validate.go, another emitter over the same plan) build and vet together.
func TestCompileWithValidators(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a generated module")
	}
	res, err := Generate(showcaseModel(), Options{Package: "graph", Validators: true})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeModule(t, dir, "example.com/showcase", res.Files)
	goCmd(t, dir, "vet", "./...")
}

// TestShortTypeNames generates the "names" golden case, which holds two
// types named nameTest in different namespaces, with validators, and runs
// testdata/run/shortnames_test.go.txt there: NewObject and ValidateJSON
// accept a short name that one type has, and refuse an ambiguous one.
func TestShortTypeNames(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a generated module")
	}
	var c genCase
	for _, g := range goldenCases() {
		if g.name == "names" {
			c = g
		}
	}
	opts := c.opts
	opts.Validators = true
	res, err := Generate(c.model(), opts)
	if err != nil {
		t.Fatal(err)
	}
	test, err := os.ReadFile(filepath.Join("testdata", "run", "shortnames_test.go.txt"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files := append(output.Files{}, res.Files...)
	files = append(files, output.File{Path: "shortnames_test.go", Data: test})
	writeModule(t, dir, "example.com/names", files)
	out := goCmd(t, dir, "test", "-count=1", "-v", "./...")
	for _, name := range []string{"TestNewObjectNames", "TestValidateJSONNames"} {
		if !strings.Contains(out, "--- PASS: "+name) {
			t.Errorf("%s did not pass:\n%s", name, out)
		}
	}
}
