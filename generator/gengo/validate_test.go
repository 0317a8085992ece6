package gengo

import (
	"bytes"
	"encoding/json"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apidocgen/apidocgen/generator/genschema"
	"github.com/apidocgen/apidocgen/generator/genschema/schematest"
	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/output"
	"github.com/apidocgen/apidocgen/templates"
)

func vhFixtureValidators(t testing.TB) (*genschema.Plan, *genschema.Validator, string) {
	t.Helper()
	m := schematest.Model()
	files, err := EmitValidate(m, ValidateSpec{Package: "gen"})
	if err != nil {
		t.Fatal(err)
	}
	p := genschema.NewPlan(m)
	v, err := genschema.NewValidator(p)
	if err != nil {
		t.Fatal(err)
	}
	return p, v, vhBuildDriver(t, files)
}

// TestValidateGolden pins the generated validators of the fixture.
func TestValidateGolden(t *testing.T) {
	files, err := EmitValidate(schematest.Model(), ValidateSpec{Package: "gen"})
	if err != nil {
		t.Fatal(err)
	}
	// With the struct emitter: the same file plus methods on the structs.
	r, err := Generate(schematest.Model(), Options{Package: "gen", Validators: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range r.Files {
		if f.Path == "validate_testapi.go" {
			files = append(files, output.File{Path: "with_structs/" + f.Path, Data: f.Data})
		}
	}
	dir := filepath.Join("testdata", "validate")
	for _, f := range files {
		if !strings.HasPrefix(string(f.Data), "// "+Header+"\n") {
			t.Errorf("%s: no generated-code header", f.Path)
		}
		path := filepath.Join(dir, filepath.FromSlash(f.Path)+".golden")
		if *update {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test -run Golden -update)", err)
		}
		if !bytes.Equal(want, f.Data) {
			t.Errorf("%s differs from the golden file (run go test -run Golden -update and review the diff)", f.Path)
		}
	}
}

// TestValidateFixtureCases runs the generated validators on a passing and
// a failing payload for each constraint kind, and checks that the JSON
// Schema agrees on them and on their vhMutations.
func TestValidateFixtureCases(t *testing.T) {
	p, v, bin := vhFixtureValidators(t)
	var cases []vhVcase
	for _, c := range schematest.Cases {
		cases = append(cases, vhVcase{Type: c.Type, Mode: c.Mode, Payload: json.RawMessage(c.Payload), what: c.Name})
	}
	verdicts, _, _ := vhRunDriver(t, bin, cases, 0)
	for i, c := range schematest.Cases {
		if verdicts[i].JSONDiffers {
			t.Errorf("%s: ValidateJSON on the text says %q, ValidateValue on the decoded payload %+v", c.Name, verdicts[i].JSON, verdicts[i].V)
		}
		if verdicts[i].OK != c.Valid {
			t.Errorf("%s: %s %s %s: go valid=%v, want %v %+v", c.Name, c.Type, c.Mode, c.Payload, verdicts[i].OK, c.Valid, verdicts[i].V)
		}
		if !c.Valid {
			for _, vi := range verdicts[i].V {
				if vi.Reason == "" {
					t.Errorf("%s: violation without a reason", c.Name)
				}
			}
		}
	}
	// Every fixture payload and its vhMutations, in every mode.
	var diff []vhVcase
	for i, c := range schematest.Cases {
		val, err := vhDecodeAny([]byte(c.Payload))
		if err != nil {
			t.Fatal(err)
		}
		for _, mode := range genschema.Modes {
			diff = append(diff, vhCasesFor(t, p, c.Type, string(mode), val, c.Name, i)...)
		}
	}
	// Tricky strings in every string-checked property, in both modes.
	for _, prop := range []string{"created", "born", "opens", "ttl", "ref", "blob", "state", "title", "color", "days"} {
		for _, str := range trickyStrings {
			payload := vhMarshal(t, map[string]any{prop: str})
			diff = append(diff, vhVcase{Type: schematest.W, Mode: "read", Payload: payload, what: "tricky " + prop})
		}
	}
	for _, num := range []string{"0", "-0", "1.0", "1e2", "1E2", "-1e-2", "255", "256", "-128", "-129", "32767", "32768", "2147483647", "2147483648", "-2147483648", "-2147483649", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "1.5", "1e400", "123456789012345678901234567890", "0.1e1", "2.5e1",
		"1e39", "-1e39", "3.4028235e38", "3.4028236e38", "1.7976931348623158e308", "1.797693134862316e308", "-1e400", "1e-400", "1e-50"} {
		for _, prop := range []string{"small", "signed", "short", "count", "big", "ratio", "single", "price"} {
			diff = append(diff, vhVcase{Type: schematest.W, Mode: "read", Payload: json.RawMessage(`{"` + prop + `": ` + num + `}`), what: "number " + prop})
		}
	}
	disagree, _ := vhDifferential(t, v, bin, diff)
	for _, d := range disagree {
		t.Error(d)
	}
	t.Logf("fixture: %d payloads, %d disagreements", len(diff), len(disagree))
}

// trickyStrings are near misses of the string formats.
var trickyStrings = []string{
	"", " ", "2014-01-01T00:00:00Z", "2014-01-01t00:00:00z", "2014-01-01T00:00:00.Z", "2014-01-01T00:00:00.123456789Z",
	"2014-01-01T00:00:00+01:00", "2014-01-01T00:00:00+0100", "2014-01-01T00:00:00-23:59", "2014-01-01T00:00:00+24:00",
	"2014-01-01T23:59:60Z", "2014-01-01T22:59:60-01:00", "2014-01-01T12:59:60Z", "2014-01-01 00:00:00Z", "2014-1-01T00:00:00Z",
	"2014-01-01T+1:00:00Z", "2014-01-01T00:00:00", "2014-01-01", "2014-02-29", "2016-02-29", "0000-01-01", "2014-01-01\n",
	"00:00", "23:59", "24:00", "23:60", "07:30:00", "07:30:60", "07:30:00.", "07:30:00.1", "07:30:00.1234567", "7:30", "07:30:00Z", "+1:30",
	"P", "PT", "P1D", "P1DT", "PT1H", "PT1.5S", "PT1.S", "P1.5D", "-P1D", "--P1D", "P1Y2M3W4DT5H6M7.8S", "P1M1Y", "PT1S1M", "P1H", "pt1h", "P1DT1D",
	"0177548a-548a-0177-8a54-77018a547701", "0177548A-548A-0177-8A54-77018A547701", "0177548a548a01778a5477018a547701", "0177548a-548a-0177-8a54-77018a54770g", "{0177548a-548a-0177-8a54-77018a547701}",
	"dmFsdWU=", "dmFsdWU", "dmFs dWU=", "dmFsdW==", "dmFsd===", "====", "dm=s", "YQ==", "YWI=", "YWJj", "YW\nJj", "-_8=",
	"on", "off", "On", "red", "green,blue", "monday", "monday,tuesday", "monday,", ",monday", "monday,,tuesday", "abcde", "abcdef", "ééééé", "éééééé",
}

// TestValidatePaths checks that violations carry JSON pointers and that
// all of them are collected.
func TestValidatePaths(t *testing.T) {
	_, _, bin := vhFixtureValidators(t)
	payload := `{"count": "x", "home": {"street": "12345678901"}, "addresses": [{}, {"zip": null}], "a/b": 1, "items": [{"@odata.type": "#test.api.task", "due": "soon", "title": "toolong"}]}`
	verdicts, _, _ := vhRunDriver(t, bin, []vhVcase{{Type: schematest.W, Mode: "create", Payload: json.RawMessage(payload)}}, 0)
	var got []string
	for _, v := range verdicts[0].V {
		got = append(got, v.Path+": "+v.Reason)
	}
	want := []string{
		`/count: expected integer, got string`,
		`: missing required property "color"`,
		`/home/street: longer than 10 characters`,
		`/addresses/0: missing required property "street"`,
		`/addresses/1: missing required property "street"`,
		`/addresses/1/zip: expected string, got null`,
		`/items/0/title: longer than 5 characters`,
		`/items/0: missing required property "body"`,
		`/items/0/due: "soon" is not a valid date`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

const vhStructMain = `package main

import (
	"encoding/json"
	"fmt"
	"os"

	gen "apidocgen.test/driver/gen"
)

func main() {
	var w gen.TestAPIWidget
	if err := json.Unmarshal([]byte(os.Args[1]), &w); err != nil {
		fmt.Println("decode:", err)
		os.Exit(1)
	}
	for _, m := range []gen.ValidationMode{gen.ReadMode, gen.CreateMode, gen.UpdateMode} {
		err := gen.Validate(&w, m)
		if err == nil {
			fmt.Println(m, "ok")
			continue
		}
		for _, v := range err.(*gen.ValidationError).Violations {
			fmt.Println(m, v)
		}
	}
	fmt.Println("enum:", !gen.TestAPIColor("purple").Valid(), gen.TestAPIColor("red").Valid(), gen.ValidateValue("test.api.color", gen.ReadMode, "purple") != nil)
	byValue, byPointer := gen.Validate(w, gen.ReadMode), gen.Validate(&w, gen.ReadMode)
	fmt.Println("value:", fmt.Sprint(byValue) == fmt.Sprint(byPointer))
	fmt.Println("other:", gen.Validate(42, gen.ReadMode))
	fmt.Println("nil:", gen.Validate(nil, gen.ReadMode))
}
`

// TestValidateStructMethods generates the whole package (structs and
// validators) for the fixture, vets it, and checks Validate(v, mode) on
// decoded structs, on a struct value, and on values of other types.
func TestValidateStructMethods(t *testing.T) {
	r, err := Generate(schematest.Model(), Options{Package: "gen", Validators: true})
	if err != nil {
		t.Fatal(err)
	}
	bin, dir := vhBuildModule(t, r.Files, vhStructMain)
	vet := exec.Command("go", "vet", "./gen")
	vet.Dir = dir
	vet.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "GOPROXY=off")
	if out, err := vet.CombinedOutput(); err != nil {
		t.Errorf("go vet: %v\n%s", err, out)
	}
	for _, f := range r.Files {
		if src, err := format.Source(f.Data); err != nil || !bytes.Equal(src, f.Data) {
			t.Errorf("%s is not gofmt'd", f.Path)
		}
	}
	out, err := exec.Command(bin, `{"title": "toolong", "color": "purple", "state": "dim", "count": 3, "home": {"street": "12345678901"}}`).CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	got := string(out)
	for _, line := range []string{
		"read /title: longer than 5 characters",
		`read /state: unknown value "dim"`,
		`read /color: unknown value "purple"`,
		"read /home/street: longer than 10 characters",
		"create /home/street: longer than 10 characters",
		"update /title: longer than 5 characters",
		"enum: true true true",
		"value: true",
		"other: invalid int (read): 1 violation\n\t/: not a generated struct type",
		"nil: invalid nil (read): 1 violation\n\t/: not a generated struct type",
	} {
		if !strings.Contains(got, line+"\n") {
			t.Errorf("output lacks %q:\n%s", line, got)
		}
	}
	// A non-nullable scalar holding its zero value is present: "" is
	// checked as a value, and a read-only "" is still sent.
	out, err = exec.Command(bin, `{"id": "", "state": "", "count": 0, "color": "red"}`).CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	got = string(out)
	for _, line := range []string{
		`read /id: "" is not a valid uuid`,
		`read /state: unknown value ""`,
		"create /id: read-only property not allowed in a request body",
	} {
		if !strings.Contains(got, line+"\n") {
			t.Errorf("output lacks %q:\n%s", line, got)
		}
	}
}

// TestValidateDeterministic emits the fixture's validators from models
// whose types come in different orders and compares the bytes.
func TestValidateDeterministic(t *testing.T) {
	emit := func(reverse bool) map[string]string {
		m := schematest.Model()
		if reverse {
			for i, j := 0, len(m.Types)-1; i < j; i, j = i+1, j-1 {
				m.Types[i], m.Types[j] = m.Types[j], m.Types[i]
			}
			m.Index()
		}
		files, err := EmitValidate(m, ValidateSpec{Package: "gen"})
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, f := range files {
			out[f.Path] = string(f.Data)
		}
		return out
	}
	a, b := emit(false), emit(true)
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for path, data := range a {
		if b[path] != data {
			t.Errorf("%s depends on type order", path)
		}
	}
}

// TestValidateTablesOnly: the validators of decoded JSON are data. Only
// the runtime declares functions, so their number does not grow with the
// number of types (the compiler's memory follows it).
func TestValidateTablesOnly(t *testing.T) {
	files, err := EmitValidate(schematest.Model(), ValidateSpec{Package: "gen"})
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, f := range files {
		if f.Path == "apidocgen_validate.go" || f.Path == "apidocgen_json.go" {
			continue
		}
		seen++
		af, err := parser.ParseFile(token.NewFileSet(), f.Path, f.Data, 0)
		if err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		for _, d := range af.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				t.Errorf("%s declares function %s", f.Path, fd.Name.Name)
			}
		}
	}
	if seen != 2 {
		t.Errorf("%d generated files besides the runtime, want 2 (the type and primitive check tables)", seen)
	}
}

// TestValidateHugeNumbers: exponents math/big would take ages on are
// decided from the literal's form (the schema side is not asked).
func TestValidateHugeNumbers(t *testing.T) {
	_, _, bin := vhFixtureValidators(t)
	cases := []struct {
		num   string
		valid bool
	}{
		{"1e999999999", false}, {"1e-999999999", false}, {"0e999999999", true}, {"-0.0e-99999999999999999999", true},
		{"1E+99999999999999999999", false}, {"12e3", true}, {"1.5e1", true}, {"1.55e1", false},
	}
	var vc []vhVcase
	for _, c := range cases {
		vc = append(vc, vhVcase{Type: schematest.W, Mode: "read", Payload: json.RawMessage(`{"count": ` + c.num + `}`)})
	}
	verdicts, _, _ := vhRunDriver(t, bin, vc, 0)
	for i, c := range cases {
		if verdicts[i].JSONDiffers {
			t.Errorf("count %s: ValidateJSON on the text says %q, ValidateValue on the decoded payload %+v", c.num, verdicts[i].JSON, verdicts[i].V)
		}
		if verdicts[i].OK != c.valid {
			t.Errorf("count %s: valid=%v, want %v %v", c.num, verdicts[i].OK, c.valid, verdicts[i].V)
		}
	}
}

const vhWalkMain = `package main

import (
	"bufio"
	"encoding/json"
	"os"

	gen "apidocgen.test/driver/gen"
)

` + vhViolationsFunc + `
func main() {
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	enc := json.NewEncoder(os.Stdout)
	for sc.Scan() {
		var c struct {
			Type    string
			Payload json.RawMessage
		}
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			panic(err)
		}
		// A widget, or a page: as NewObject makes it from its name and,
		// for the items, as a Page of the interface.
		values := []any{new(gen.TestAPIWidget)}
		if c.Type != "test.api.widget" {
			values = []any{gen.NewObject(c.Type)}
			if c.Type == "Collection(test.api.item)" {
				values = append(values, new(gen.Page[gen.TestAPIItemLike]))
			}
		}
		for _, v := range values {
			// A member that does not decode leaves its field empty and is
			// kept in AdditionalData, which Validate checks too: such
			// structs are compared as well.
			decodeErr := ""
			if err := json.Unmarshal(c.Payload, v); err != nil {
				decodeErr = err.Error()
			}
			data, err := json.Marshal(v)
			for _, m := range []gen.ValidationMode{gen.ReadMode, gen.CreateMode, gen.UpdateMode} {
				want := []string{}
				if err != nil {
					want = append(want, "/: cannot encode: "+err.Error())
				} else {
					want = violations(gen.ValidateJSON(c.Type, m, data))
				}
				enc.Encode(map[string]any{"mode": m.String(), "walk": violations(gen.Validate(v, m)), "json": want, "encoded": string(data), "decodeErr": decodeErr})
			}
		}
	}
}
`

// TestValidateStructWalk checks that Validate on each decoded struct
// (which encodes it and validates the bytes) reports exactly what
// ValidateJSON reports on the struct's encoding under the type's own
// name: it catches a method wired to the wrong validator, mode or encoder.
func TestValidateStructWalk(t *testing.T) {
	r, err := Generate(schematest.Model(), Options{Package: "gen", Validators: true})
	if err != nil {
		t.Fatal(err)
	}
	bin, _ := vhBuildModule(t, r.Files, vhWalkMain)
	var in bytes.Buffer
	n := 0
	line := func(typ, payload string) {
		data, err := json.Marshal(map[string]any{"type": typ, "payload": json.RawMessage(payload)})
		if err != nil {
			t.Fatal(err)
		}
		in.Write(append(data, '\n'))
		n++
	}
	pages := 0
	for _, c := range schematest.Cases {
		if c.Type == schematest.W || strings.HasPrefix(c.Type, "Collection(") && json.Valid([]byte(c.Payload)) {
			line(c.Type, c.Payload)
		}
		if strings.HasPrefix(c.Type, "Collection(") {
			pages++
		}
	}
	for _, extra := range []string{
		// Pages: elements that do not decode, nulls, control members of
		// the wrong type kept in AdditionalData.
		`{"value": [{"title": "toolong"}, null, {"@odata.type": "#test.api.task", "due": "soon", "color": "pink"}, 3], "@odata.count": "x", "@odata.context": 1}`,
		`{"value": "no", "extra": {"a": 1}}`,
	} {
		line(schematest.Items, extra)
	}
	for _, extra := range []string{
		`{"state": "dim", "color": "purple", "days": "monday,sunday", "title": "toolong", "ref": "nope"}`,
		`{"home": {"street": "12345678901", "country": "es"}, "addresses": [{"street": "12345678901"}, {}], "tags": ["a"]}`,
		`{"items": [{"@odata.type": "#test.api.task", "title": "toolong", "color": "pink"}, {"title": "abcdef"}, {"@odata.type": "#test.api.widget", "state": "dim"}]}`,
		`{"pinned": {"@odata.type": "#test.api.task", "body": "b", "color": "x"}, "home": null, "color": null}`,
		`{"id": "0177548a-548a-0177-8a54-77018a547701", "created": "2014-01-01T00:00:00Z", "count": 3}`,
		// Zero values of non-nullable scalars (*T fields) are present.
		`{"id": "", "count": 0, "state": "", "color": "red", "home": {"zip": "", "street": ""}}`,
		`{"count": 0, "state": "on", "color": "red", "enabled": false, "small": 0}`,
	} {
		line(schematest.W, extra)
	}
	cmd := exec.Command(bin)
	cmd.Stdin = &in
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	compared, skipped, failing := 0, 0, 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		var r struct {
			DecodeErr     string
			Mode, Encoded string
			Walk, JSON    []string
		}
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatal(err)
		}
		if r.DecodeErr != "" {
			skipped++
		}
		compared++
		if len(r.JSON) > 0 {
			failing++
		}
		if strings.Join(r.Walk, "\n") != strings.Join(r.JSON, "\n") {
			t.Errorf("%s %s:\nwalk: %q\njson: %q", r.Mode, r.Encoded, r.Walk, r.JSON)
		}
	}
	if compared < 3*40 || skipped == 0 || pages == 0 {
		t.Errorf("only %d comparisons (%d payloads, %d with members that did not decode)", compared, n, skipped)
	}
	if failing == 0 || failing == compared {
		t.Errorf("%d of %d comparisons found violations: the payloads do not exercise both outcomes", failing, compared)
	}
	t.Logf("%d payloads, %d mode comparisons (%d of structs with members that did not decode), %d with violations", n, compared, skipped, failing)
}

// TestFloat64LimitMatchesSchema: the runtime's float64 bound (a constant of
// templates/validate.tmpl) is the schema's.
func TestFloat64LimitMatchesSchema(t *testing.T) {
	pr, _ := genschema.PrimitiveOf(model.EdmDouble)
	want := `const vFloat64Limit = "` + pr.Limit + `"`
	text, err := fs.ReadFile(templates.FS, "validate.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(text), want) {
		t.Errorf("templates/validate.tmpl does not declare %s", want)
	}
}
