package gengo

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/apidocgen/apidocgen/generator/compile"
	"github.com/apidocgen/apidocgen/generator/genschema"
	"github.com/apidocgen/apidocgen/generator/metadata"
	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/generator/payload"
	"github.com/apidocgen/apidocgen/input"
	"github.com/apidocgen/apidocgen/input/inputtest"
	"github.com/apidocgen/apidocgen/input/jsonx"
	"github.com/apidocgen/apidocgen/output"
)

func compileCorpus(t *testing.T, sub string) *model.Model {
	t.Helper()
	dir := inputtest.CorpusDir(t, sub)
	pages, err := input.Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	return compile.Compile(pages)
}

// A rtCase is one example value to round-trip.
type rtCase struct {
	ID      string          `json:"id"`
	Type    string          `json:"type"`
	Payload json.RawMessage `json:"payload"`
	pos     model.Pos
	val     *jsonx.Value
	typ     *model.Type
	// For the payload round trip: page is set for a page of a collection,
	// whose elements are of typ (or, for primitives, of elem's type).
	page bool
	elem *model.Property
}

type rtResult struct {
	ID        string          `json:"id"`
	DecodeErr string          `json:"decodeErr"`
	EncodeErr string          `json:"encodeErr"`
	Output    json.RawMessage `json:"output"`
}

// exampleCases returns every object example value of m whose type is a
// struct type of the model.
func exampleCases(m *model.Model) []*rtCase {
	plan := genschema.NewPlan(m)
	var out []*rtCase
	for _, e := range m.Examples() {
		if e.JSON == nil || e.Type.Type == nil || e.Type.Type.Kind == model.KindEnum {
			continue
		}
		for _, v := range plan.ExampleValues(e) {
			pos := e.LineOf(v.Offset)
			out = append(out, &rtCase{
				ID:      fmt.Sprintf("%s#%d", pos, len(out)),
				Type:    e.Type.Type.QualifiedName(),
				Payload: v.Marshal(),
				pos:     pos, val: v, typ: e.Type.Type,
			})
		}
	}
	return out
}

// payloadCases returns the whole body of every request and response
// example whose operation's payload has a type (package payload), to
// decode into that type: a page, a body, a response wrapper or a resource.
func payloadCases(m *model.Model) []*rtCase {
	set := payload.Derive(m)
	var out []*rtCase
	for _, op := range m.Operations {
		for _, e := range op.Examples {
			if e.JSON == nil {
				continue
			}
			r, ok := set.Example(e)
			if !ok {
				continue
			}
			elem := r.Type
			elem.Collection = false
			out = append(out, &rtCase{
				ID:      fmt.Sprintf("%s#p%d", e.BodyPos, len(out)),
				Type:    r.Name(),
				Payload: e.JSON.Marshal(),
				pos:     e.BodyPos, val: e.JSON, typ: r.Type.Type,
				page: r.Page(), elem: &model.Property{Name: "value", Type: elem},
			})
		}
	}
	return out
}

// metadataCorpus builds the model of graph-v1.0's metadata, and the
// example values of the graph-v1.0 docs typed with the metadata's types
// (those whose type the metadata has).
func metadataCorpus(t *testing.T) (*model.Model, []*rtCase) {
	t.Helper()
	meta, err := metadata.Load(os.DirFS(inputtest.CorpusDir(t, "metadata")), "graph-v1.0.xml")
	if err != nil {
		t.Fatal(err)
	}
	var cases []*rtCase
	for _, c := range exampleCases(compileCorpus(t, "graph-v1.0")) {
		if mt := meta.Lookup(c.Type); mt != nil && mt.Kind != model.KindEnum {
			c.Type, c.typ = mt.QualifiedName(), mt
			cases = append(cases, c)
		}
	}
	return meta, cases
}

// TestCorpus emits the Go package of each corpus into a temporary module,
// vets it, and runs there a test that decodes every example of the docs
// into its generated type and encodes it again. Each difference is
// classified; every one must be a known kind of doc defect (a value that
// does not match its documented type) or a documented design choice. The
// package generated from graph-v1.0's metadata (apidocgen generate
// -metadata) goes through the same, with the examples of the docs.
func TestCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a generated module")
	}
	for _, sub := range []string{"seed-family", "graph-v1.0", "graph-v1.0-metadata"} {
		t.Run(sub, func(t *testing.T) {
			var m *model.Model
			var cases []*rtCase
			if sub == "graph-v1.0-metadata" {
				m, cases = metadataCorpus(t)
			} else {
				m = compileCorpus(t, sub)
				cases = exampleCases(m)
			}
			start := time.Now()
			// With the import path of the module it is written to, as the
			// command does: graph-v1.0 is split into internal packages and
			// the round trip goes through the facade. The validators are
			// in, as in the command's default output.
			opts := Options{Package: "graph", ImportPath: "example.com/corpus", Validators: true}
			res, err := Generate(m, opts)
			if err != nil {
				t.Fatal(err)
			}
			genTime := time.Since(start)
			parts := 0
			for _, f := range res.Files {
				if strings.HasPrefix(f.Path, "internal/part") && strings.HasSuffix(f.Path, "/apidocgen_doc.go") {
					parts++
				}
			}
			t.Logf("%s: %d internal parts", sub, parts)
			if sub != "seed-family" && parts < 2 {
				t.Errorf("graph-v1.0 was not split into internal packages")
			}
			size := 0
			for _, f := range res.Files {
				size += len(f.Data)
			}
			dir := t.TempDir()
			files := append(output.Files{}, res.Files...)
			data, err := os.ReadFile(filepath.Join("testdata", "corpus", "roundtrip_test.go.txt"))
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, output.File{Path: "roundtrip_test.go", Data: data})
			// graph-v1.0 also gets the speed test, whose checks run below.
			var gomod []byte
			if sub == "graph-v1.0" {
				var speed output.Files
				speed, gomod = speedModule(t, m, opts)
				files = append(files, speed...)
			}
			// The payloads of real operations of the API pages, as a client
			// uses them.
			operations := sub == "graph-v1.0"
			if operations {
				data, err := os.ReadFile(filepath.Join("testdata", "corpus", "operations_test.go.txt"))
				if err != nil {
					t.Fatal(err)
				}
				files = append(files, output.File{Path: "operations_test.go", Data: data})
			}
			writeModule(t, dir, "example.com/corpus", files)
			if gomod != nil {
				writeSpeedModule(t, dir, gomod)
			}
			payloads := payloadCases(m)
			casesJSON, err := json.Marshal(append(append([]*rtCase(nil), cases...), payloads...))
			if err != nil {
				t.Fatal(err)
			}
			inPath, outPath := filepath.Join(t.TempDir(), "cases.json"), filepath.Join(t.TempDir(), "results.json")
			if err := os.WriteFile(inPath, casesJSON, 0o644); err != nil {
				t.Fatal(err)
			}
			start = time.Now()
			goCmd(t, dir, "vet", "./...")
			vetTime := time.Since(start)
			t.Setenv("ROUNDTRIP_CASES", inPath)
			t.Setenv("ROUNDTRIP_OUT", outPath)
			goCmd(t, dir, "test", "-count=1", "-run", "^(TestRoundTrip|TestSpeed)$", "./...")
			data, err = os.ReadFile(outPath)
			if err != nil {
				t.Fatal(err)
			}
			var results []rtResult
			if err := json.Unmarshal(data, &results); err != nil {
				t.Fatal(err)
			}
			if len(results) != len(cases)+len(payloads) {
				t.Fatalf("%d results for %d cases", len(results), len(cases)+len(payloads))
			}
			t.Logf("%s: %d types, %d files, %d bytes, generate %v, go vet %v, %d diagnostics",
				sub, len(m.Types), len(res.Files), size, genTime.Round(time.Millisecond), vetTime.Round(time.Millisecond), len(res.Diagnostics))
			if operations {
				out := goCmd(t, dir, "test", "-count=1", "-v", "-run", "^Test(ListUsers|PolymorphicPage|AssignLicenseBody|FunctionResponse|OneBase64Rule)$", ".")
				for _, name := range []string{"TestListUsers", "TestPolymorphicPage", "TestAssignLicenseBody", "TestFunctionResponse", "TestOneBase64Rule"} {
					if !strings.Contains(out, "--- PASS: "+name) {
						t.Errorf("%s did not pass:\n%s", name, out)
					}
				}
			}
			var dump []string
			dump = append(dump, reportRoundTrip(t, m, "round trip", "example values", cases, results[:len(cases)])...)
			if len(payloads) > 0 {
				dump = append(dump, reportRoundTrip(t, m, "payload round trip", "request and response payloads", payloads, results[len(cases):])...)
			} else if sub != "graph-v1.0-metadata" { // the metadata has no examples
				t.Error("no request or response payloads: the payload round trip did not run")
			}
			if file := os.Getenv("GENGO_RT_DUMP"); file != "" {
				os.WriteFile(file, []byte(strings.Join(dump, "\n")), 0o644)
			}
		})
	}
}

// reportRoundTrip classifies the differences of a round trip, logs the
// count of each class, fails on a difference of no known class, and
// returns every difference found.
func reportRoundTrip(t *testing.T, m *model.Model, title, what string, cases []*rtCase, results []rtResult) []string {
	t.Helper()
	classes := map[string]int{}
	failed, pages := 0, 0
	var unexplained, all []string
	for i, r := range results {
		c := cases[i]
		if c.page {
			pages++
		}
		kinds := classify(m, c, r)
		if len(kinds) > 0 {
			failed++
		}
		for _, k := range kinds {
			all = append(all, fmt.Sprintf("%s: %s %s: %s", c.pos, c.Type, k.class, k.detail))
			classes[k.class]++
			if !knownClasses[k.class] {
				unexplained = append(unexplained, fmt.Sprintf("%s: %s %s: %s", c.pos, c.Type, k.class, k.detail))
			}
		}
	}
	var names []string
	for k := range classes {
		names = append(names, k)
	}
	sort.Strings(names)
	var sb strings.Builder
	for _, k := range names {
		fmt.Fprintf(&sb, " %s=%d", k, classes[k])
	}
	rate := 0.0
	if len(cases) > 0 {
		rate = 100 * float64(len(cases)-failed) / float64(len(cases))
	}
	pageNote := ""
	if pages > 0 {
		pageNote = fmt.Sprintf(" (%d pages)", pages)
	}
	t.Logf("%s: %d %s%s, %d exact or equivalent (%.1f%%), %d with differences:%s", title, len(cases), what, pageNote, len(cases)-failed, rate, failed, sb.String())
	for i, u := range unexplained {
		if i == 30 {
			t.Errorf("... and %d more", len(unexplained)-30)
			break
		}
		t.Errorf("unexplained %s difference: %s", title, u)
	}
	return all
}

// The classes of round-trip differences that are doc defects: the example
// value does not match the type the docs give the property.
var knownClasses = map[string]bool{
	"placeholder":      true, // a type placeholder ("String (timestamp)", "Int32") where a typed value belongs
	"bad-datetime":     true, // not an RFC 3339 date-time (no zone, wrong separators)
	"bad-date":         true, // not YYYY-MM-DD
	"bad-timeofday":    true,
	"bad-duration":     true, // not ISO 8601
	"bad-decimal":      true,
	"bad-base64":       true,
	"wrong-json-type":  true, // e.g. a string where the docs say Int32, an object where they say a collection
	"not-an-object":    true, // a non-object value for an entity or complex type
	"null-collection":  true, // null for a collection (collections are never null)
	"null-not-null":    true, // null for a property the docs say is not nullable
	"duplicate-member": true, // the example repeats a member name
	// Payload round trip only: the body is not the operation's payload.
	"not-a-page":    true, // a collection example without a "value" array (a bare array, a single object)
	"wrapped-value": true, // a single value wrapped as {"value": {...}}
}

type finding struct{ class, detail string }

var reErrPath = regexp.MustCompile(`^(?:"((?:[^"\\]|\\.)*)": |\[(\d+)\]: )`)

// classify explains the differences of one round trip.
func classify(m *model.Model, c *rtCase, r rtResult) []finding {
	var out []finding
	if r.DecodeErr != "" {
		out = append(out, classifyDecodeErr(c, r.DecodeErr))
	}
	if r.EncodeErr != "" {
		out = append(out, finding{"encode-error", r.EncodeErr})
		return out
	}
	if hasDuplicates(c.val) {
		return append(out, finding{"duplicate-member", ""})
	}
	dec := json.NewDecoder(bytes.NewReader(r.Output))
	dec.UseNumber()
	var got any
	if err := dec.Decode(&got); err != nil {
		return append(out, finding{"bad-output", err.Error()})
	}
	cmp := &comparer{m: m}
	switch {
	case c.page:
		cmp.page(c.val.Interface(), got, c.typ, c.elem)
	case c.elem != nil && c.typ != nil && wrapsValue(c.val, c.typ):
		// A single value wrapped as {"value": {...}} (docs input-format
		// §13.34), where the type has no "value" property: not the payload
		// of the operation, though it decodes (into AdditionalData).
		out = append(out, finding{"wrapped-value", "a single value wrapped in \"value\""})
	default:
		cmp.value("", c.val.Interface(), got, c.typ, nil)
	}
	if r.DecodeErr != "" {
		// The bad value was kept in AdditionalData; anything else that
		// changed is reported too.
		return append(out, cmp.out...)
	}
	return append(out, cmp.out...)
}

// wrapsValue reports whether v is {"value": {...}} with only "@..."
// members besides, and typ has no property "value".
func wrapsValue(v *jsonx.Value, typ *model.Type) bool {
	if v.Kind != jsonx.Object || typ.Property("value") != nil {
		return false
	}
	inner := v.Get("value")
	if inner == nil || inner.Kind != jsonx.Object {
		return false
	}
	for _, m := range v.Members {
		if m.Key != "value" && !strings.HasPrefix(m.Key, "@") {
			return false
		}
	}
	return true
}

func hasDuplicates(v *jsonx.Value) bool {
	if v == nil {
		return false
	}
	seen := map[string]bool{}
	for _, m := range v.Members {
		if seen[m.Key] || hasDuplicates(m.Value) {
			return true
		}
		seen[m.Key] = true
	}
	for _, e := range v.Elems {
		if hasDuplicates(e) {
			return true
		}
	}
	return false
}

// classifyDecodeErr locates the member an error names and says why it did
// not decode.
func classifyDecodeErr(c *rtCase, msg string) finding {
	v := c.val
	rest := msg
	for {
		sm := reErrPath.FindStringSubmatch(rest)
		if sm == nil {
			break
		}
		rest = rest[len(sm[0]):]
		switch {
		case sm[2] != "":
			i, _ := strconv.Atoi(sm[2])
			if v != nil && v.Kind == jsonx.Array && i < len(v.Elems) {
				v = v.Elems[i]
			} else {
				v = nil
			}
		default:
			key, err := strconv.Unquote(`"` + sm[1] + `"`)
			if err != nil {
				key = sm[1]
			}
			v = v.Get(key)
		}
	}
	if _, ok := model.Placeholder(v); ok {
		return finding{"placeholder", msg}
	}
	switch {
	case strings.Contains(rest, "parsing time"):
		return finding{"bad-datetime", msg}
	case strings.Contains(rest, "invalid date"):
		return finding{"bad-date", msg}
	case strings.Contains(rest, "invalid time of day"):
		return finding{"bad-timeofday", msg}
	case strings.Contains(rest, "invalid duration"):
		return finding{"bad-duration", msg}
	case strings.Contains(rest, "invalid decimal"):
		return finding{"bad-decimal", msg}
	case strings.Contains(rest, "base64"):
		return finding{"bad-base64", msg}
	case strings.Contains(rest, "cannot unmarshal"), strings.Contains(rest, "cannot decode"):
		if rest == msg && c.val.Kind != jsonx.Object {
			return finding{"not-an-object", msg}
		}
		return finding{"wrong-json-type", msg}
	}
	return finding{"decode-error", msg}
}

// A comparer compares an example with its re-encoding, knowing the model
// type at each place.
type comparer struct {
	m   *model.Model
	out []finding
}

func (c *comparer) add(class, path string, format string, args ...any) {
	c.out = append(c.out, finding{class, path + ": " + fmt.Sprintf(format, args...)})
}

// value compares in (from the docs) with got (re-encoded). typ is the model
// type expected there (nil when unknown: compared exactly), p the property
// holding it (nil at the top).
func (c *comparer) value(path string, in, got any, typ *model.Type, p *model.Property) {
	switch iv := in.(type) {
	case map[string]any:
		gv, ok := got.(map[string]any)
		if !ok {
			c.add("changed", path, "object became %T", got)
			return
		}
		if typ != nil {
			if s, ok := iv["@odata.type"].(string); ok {
				if d := c.m.Lookup(strings.TrimPrefix(s, "#")); d != nil && (d == typ || isDescendant(d, typ)) {
					typ = d
				}
			}
		}
		keys := make([]string, 0, len(iv))
		for k := range iv {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			var prop *model.Property
			var sub *model.Type
			if typ != nil {
				prop = typ.Property(k)
				if prop != nil {
					sub = prop.Type.Type
				}
			}
			g, ok := gv[k]
			if !ok {
				c.missing(path+"/"+k, iv[k], prop)
				continue
			}
			c.value(path+"/"+k, iv[k], g, sub, prop)
		}
		for k := range gv {
			if _, ok := iv[k]; !ok {
				c.add("added", path+"/"+k, "member added")
			}
		}
	case []any:
		gv, ok := got.([]any)
		if !ok {
			c.add("changed", path, "array became %T", got)
			return
		}
		if len(gv) != len(iv) {
			c.add("changed", path, "array of %d became %d", len(iv), len(gv))
			return
		}
		for i := range iv {
			c.value(path+"/"+strconv.Itoa(i), iv[i], gv[i], typ, p)
		}
	default:
		if in == got || equivalent(in, got, p) {
			return
		}
		if s, ok := in.(string); ok {
			if _, ph := model.Placeholder(&jsonx.Value{Kind: jsonx.String, Str: s}); ph {
				c.add("placeholder", path, "placeholder %q became %v", s, got)
				return
			}
			if p != nil && (p.Type.Name == model.EdmBinary || p.Type.Name == model.EdmStream) && nonCanonicalBase64(s) {
				c.add("bad-base64", path, "non-canonical base64 %q became %v", s, got)
				return
			}
		}
		c.add("changed", path, "%v became %v", in, got)
	}
}

func isDescendant(d, t *model.Type) bool {
	for _, a := range d.Ancestors() {
		if a == t {
			return true
		}
	}
	return false
}

// page compares a page of a collection: "value" element by element (each
// of typ, or, for primitives, of elem's type), the other members exactly.
// A body that is no page (no "value" array) is a doc defect.
func (c *comparer) page(in, got any, typ *model.Type, elem *model.Property) {
	iv, ok := in.(map[string]any)
	if _, isArr := iv["value"].([]any); !ok || !isArr {
		c.add("not-a-page", "", "a collection example whose body has no \"value\" array")
		return
	}
	gv, ok := got.(map[string]any)
	if !ok {
		c.add("changed", "", "page became %T", got)
		return
	}
	for k, x := range iv {
		if k == "value" {
			c.value("/value", x, gv[k], typ, elem)
			continue
		}
		g, ok := gv[k]
		if !ok {
			c.missing("/"+k, x, nil)
			continue
		}
		c.value("/"+k, x, g, nil, nil)
	}
	for k := range gv {
		if _, ok := iv[k]; !ok {
			c.add("added", "/"+k, "member added")
		}
	}
}

// missing explains a member of the example that was not written back.
func (c *comparer) missing(path string, in any, p *model.Property) {
	switch {
	case p != nil && in == nil && p.Type.Collection:
		c.add("null-collection", path, "null collection left out")
	case p != nil && in == nil && !p.IsNullable():
		c.add("null-not-null", path, "null for a non-nullable property left out")
	default:
		c.add("missing", path, "member %v lost", in)
	}
}

// equivalent reports whether two scalars mean the same for the property's
// type: numbers by value, date-times by instant, GUIDs case-insensitively,
// times of day and durations by value.
func equivalent(in, got any, p *model.Property) bool {
	if p != nil && (p.Type.Name == model.EdmDouble || p.Type.Name == model.EdmSingle) {
		bits := 64
		if p.Type.Name == model.EdmSingle {
			bits = 32
		}
		a, err1 := strconv.ParseFloat(fmt.Sprint(in), bits)
		b, err2 := strconv.ParseFloat(fmt.Sprint(got), bits)
		if err1 == nil && err2 == nil && a == b {
			return true
		}
	}
	if a, ok := numberOf(in); ok {
		if b, ok := numberOf(got); ok {
			return a.Cmp(b) == 0
		}
	}
	is, ok1 := in.(string)
	gs, ok2 := got.(string)
	if !ok1 || !ok2 || p == nil {
		return false
	}
	switch p.Type.Name {
	case model.EdmDateTimeOffset:
		a, err1 := time.Parse(time.RFC3339Nano, is)
		b, err2 := time.Parse(time.RFC3339Nano, gs)
		return err1 == nil && err2 == nil && a.Equal(b)
	case model.EdmGuid:
		return strings.EqualFold(is, gs)
	case model.EdmTimeOfDay:
		return normTime(is) == normTime(gs)
	case model.EdmDuration:
		a, ok1 := durSeconds(is)
		b, ok2 := durSeconds(gs)
		return ok1 && ok2 && a.Cmp(b) == 0
	case model.EdmBinary, model.EdmStream:
		return strings.TrimRight(strings.NewReplacer("-", "+", "_", "/").Replace(is), "=") == strings.TrimRight(gs, "=")
	}
	return false
}

// nonCanonicalBase64 reports whether s decodes as base64 (leniently, as the
// generated Binary does) but is not what an encoder writes: trailing bits
// set, or a truncated value.
func nonCanonicalBase64(s string) bool {
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding, base64.RawStdEncoding, base64.RawURLEncoding} {
		if b, err := enc.DecodeString(s); err == nil {
			return enc.EncodeToString(b) != s
		}
	}
	return false
}

func numberOf(v any) (*big.Float, bool) {
	var s string
	switch x := v.(type) {
	case json.Number:
		s = string(x)
	case string:
		s = x // a decimal sent as a string
	default:
		return nil, false
	}
	f, ok := new(big.Float).SetPrec(200).SetString(s)
	return f, ok
}

func normTime(s string) string {
	if strings.Count(s, ":") == 1 {
		s += ":00"
	}
	if i := strings.IndexByte(s, '.'); i >= 0 {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

var reDur = regexp.MustCompile(`^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$`)

// durSeconds sums an ISO 8601 duration in seconds (a year as 365 days, a
// month as 30: only used to compare two spellings of one duration).
func durSeconds(s string) (*big.Float, bool) {
	sm := reDur.FindStringSubmatch(s)
	if sm == nil {
		return nil, false
	}
	total := new(big.Float)
	for i, mult := range []float64{0, 0, 365 * 86400, 30 * 86400, 7 * 86400, 86400, 3600, 60, 1} {
		if i < 2 || sm[i] == "" {
			continue
		}
		f, ok := new(big.Float).SetString(strings.Replace(sm[i], ",", ".", 1))
		if !ok {
			return nil, false
		}
		total.Add(total, f.Mul(f, big.NewFloat(mult)))
	}
	if sm[1] == "-" {
		total.Neg(total)
	}
	return total, true
}

// TestWriteCorpusModule writes the package generated from graph-v1.0, with
// the speed test and its files (speed_test.go), as a module into
// $GENGO_WRITE_MODULE (for scripts/bench-gengo.sh); skipped when unset.
// $GENGO_SOURCE=metadata generates it from graph-v1.0's metadata instead.
// $GENGO_VALIDATORS=0 leaves the validators out (and the speed test, which
// needs them); $GENGO_PART_TYPES sets Options.PartTypes.
func TestWriteCorpusModule(t *testing.T) {
	dir := os.Getenv("GENGO_WRITE_MODULE")
	if dir == "" {
		t.Skip("GENGO_WRITE_MODULE not set")
	}
	var m *model.Model
	if os.Getenv("GENGO_SOURCE") == "metadata" {
		m, _ = metadataCorpus(t)
	} else {
		m = compileCorpus(t, "graph-v1.0")
	}
	opts := Options{Package: "graph", ImportPath: "example.com/corpus", Validators: os.Getenv("GENGO_VALIDATORS") != "0"}
	if n, err := strconv.Atoi(os.Getenv("GENGO_PART_TYPES")); err == nil {
		opts.PartTypes = n
	}
	res, err := Generate(m, opts)
	if err != nil {
		t.Fatal(err)
	}
	files := append(output.Files{}, res.Files...)
	var gomod []byte
	if opts.Validators {
		var speed output.Files
		speed, gomod = speedModule(t, m, opts)
		files = append(files, speed...)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	writeModule(t, dir, opts.ImportPath, files)
	if gomod != nil {
		writeSpeedModule(t, dir, gomod)
	}
}
