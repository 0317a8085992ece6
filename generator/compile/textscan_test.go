package compile

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
)

// The scanners of textscan.go stand in for regular expressions and
// strings.ToLower comparisons; these tests check that they agree with what
// they replace, on hand-picked text and on random text built from the
// pieces that matter (words of the expressions, case variants, the runes
// U+017F, U+212A and U+0130, spaces, punctuation).

var scanSamples = []string{
	"", " ", "Required", "Required.", "Required on create", "Required  on created", ". Required", ">Required.", "xRequired.",
	"Not Required ", "Required\t", "Optional. Required on create.", "Key.", "The `200 OK` response", "a 200 OK.",
	"returns a `201 Created` response code", "x200 OK", "returns 204 No Content", "200 ok", "599 Z", "600 OK",
	"code `200 OK`` and", "200 OK then 404 Not Found", "Read-only. Nullable.", "readonly", "Maximum length is 64.",
	"up to 10 characters", "max 5 chars", "day type values", "Color Enum", "dayOfWeek values ", "a.b members",
	"enumeration", "foo enumeration  ", "x valueſ", "x MEMBERS", "List users", "  Get user", "GETTING", "poſt x",
	"Post", "listé", "get-x", "user: delta", "Namespace: microsoft.graph", " Namespace:x", "namespace: x",
	"Possible values are: `a`, `b`, ``c``, `` `d`.", "a ``b`` c", "`x", "K", "İ", "ſ", "String collection",
	"Edm.String  collection", "string\tcollection", "[x](x.md) enum", "Unknown type", "\u00a0x", "a  b", " a", "a ",
}

var scanPieces = []string{"the ", "The", "possible", "Supported", "allowed", "valid", " values ", "are", "include", "supply", "provide", " a JSON representation of", " a json representation", "string", "Int32", "edm.", "Edm.", "json object", "GUID",
	"Required", "required", "on create", "Key", ".", ">", " ", "  ", "\t", "\n", "`", "``", "200", "404", "1000", "OK",
	"Not", "Found", "ok", "x", "_", "-", ":", "(", ")", "values", "Values", "enum", "ENUMERATION", "members", "flags",
	"ſ", "K", "İ", "é", "list", "Get", "post", "put", "patch", "Namespace:", "collection", "Collection", "of",
	"unknown", "type", "a.b", "9", "max", "length", "chars", "characters", "default", "nullable", "not", "is never null",
}

func randomScanText(r *rand.Rand) string {
	var b strings.Builder
	for n := r.Intn(8); n >= 0; n-- {
		b.WriteString(scanPieces[r.Intn(len(scanPieces))])
	}
	return b.String()
}

func scanTexts() []string {
	r := rand.New(rand.NewSource(1))
	out := append([]string(nil), scanSamples...)
	for range 20000 {
		out = append(out, randomScanText(r))
	}
	return out
}

func TestScannersAgreeWithRegexps(t *testing.T) {
	for _, s := range scanTexts() {
		if got, want := hasRequiredFact(s), reRequired.MatchString(s); got != want {
			t.Errorf("hasRequiredFact(%q) = %v, regexp says %v", s, got, want)
		}
		m := reStatusText.FindStringSubmatchIndex(s)
		end, d, ok := statusText(s)
		if ok != (m != nil) || ok && (end != m[1] || d != m[2] || d+3 != m[3]) {
			t.Errorf("statusText(%q) = %d, %d, %v; regexp gives %v", s, end, d, ok, m)
		}
		if reValuesHdg.MatchString(s) && !mayBeValuesHeading(s) {
			t.Errorf("mayBeValuesHeading(%q) = false, but the regexp matches", s)
		}
		if !reflect.DeepEqual(valuesHeading(s), reValuesHdg.FindStringSubmatch(s)) {
			t.Errorf("valuesHeading(%q) differs from the regexp", s)
		}
		for _, x := range []string{s, "Namespace:" + s, " \tNamespace: " + s} {
			ns, ok := namespaceLine(x)
			m := reNamespace.FindStringSubmatch(x)
			if ok != (m != nil) || ok && ns != m[1] {
				t.Errorf("namespaceLine(%q) = %q, %v; regexp gives %q", x, ns, ok, m)
			}
		}
		if reNamespace.MatchString(s) && !mayBeNamespaceLine(s) {
			t.Errorf("mayBeNamespaceLine(%q) = false, but the regexp matches", s)
		}
		if reH1Enum.MatchString(s) && !asciiContainsLower(s, "enum") {
			t.Errorf("asciiContainsLower(%q, enum) = false, but reH1Enum matches", s)
		}
		if reCollOf.MatchString(s) && !asciiContainsLower(s, "collection of") {
			t.Errorf("asciiContainsLower(%q, collection of) = false, but reCollOf matches", s)
		}
		if reTitleOp.MatchString(s) && !strings.Contains(s, ":") {
			t.Errorf("reTitleOp matches %q without a colon", s)
		}
		w, ok := titleKind(s)
		wantW, wantOK := "", false
		if m := reTitleKind.FindStringSubmatch(s); m != nil {
			wantW, wantOK = strings.ToLower(m[1]), true
		}
		if w != wantW || ok != wantOK {
			t.Errorf("titleKind(%q) = %q, %v; want %q, %v", s, w, ok, wantW, wantOK)
		}
		for _, x := range []string{s, "Supply a JSON representation of" + s, s + " provide a json Representation of", "The possible values are" + s,
			s + "the Allowed values include :" + s, "valid values are" + s} {
			wantEnd := -1
			if loc := reSupplyJSON.FindStringIndex(x); loc != nil {
				wantEnd = loc[1]
			}
			if got := supplyJSONEnd(x); got != wantEnd {
				t.Errorf("supplyJSONEnd(%q) = %d, want %d", x, got, wantEnd)
			}
			wantEnd = -1
			if loc := rePossible.FindStringIndex(x); loc != nil {
				wantEnd = loc[1]
			}
			if got := possibleValuesEnd(x); got != wantEnd {
				t.Errorf("possibleValuesEnd(%q) = %d, want %d", x, got, wantEnd)
			}
		}
		if got, want := isASCIIIdent(s), reIdent.MatchString(s); got != want {
			t.Errorf("isASCIIIdent(%q) = %v, want %v", s, got, want)
		}
		var want []string
		for _, m := range reBacktick.FindAllStringSubmatch(s, -1) {
			want = append(want, m[1])
		}
		if got := backtickSpans(s); !reflect.DeepEqual(got, want) {
			t.Errorf("backtickSpans(%q) = %q, want %q", s, got, want)
		}
		if got, want := fieldsJoined(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("fieldsJoined(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestLowerHelpersAgreeWithToLower(t *testing.T) {
	needles := []string{"enum", "collection", " collection", "request", "k", "is", "i", "unknown", "] collection", "x", "ok", "s"}
	for _, s := range scanTexts() {
		low := strings.ToLower(s)
		for _, n := range needles {
			if got, want := lowerEq(s, n), low == n; got != want {
				t.Errorf("lowerEq(%q, %q) = %v", s, n, got)
			}
			if got, want := lowerContains(s, n), strings.Contains(low, n); got != want {
				t.Errorf("lowerContains(%q, %q) = %v", s, n, got)
			}
			if got, want := lowerHasSuffix(s, n), strings.HasSuffix(low, n); got != want {
				t.Errorf("lowerHasSuffix(%q, %q) = %v", s, n, got)
			}
			if got, want := lowerHasPrefix(s, n), strings.HasPrefix(low, n); got != want {
				t.Errorf("lowerHasPrefix(%q, %q) = %v", s, n, got)
			}
			if isASCII(s) {
				if got, want := asciiIndexLower(s, n), strings.Index(low, n); got != want {
					t.Errorf("asciiIndexLower(%q, %q) = %d, want %d", s, n, got, want)
				}
			}
		}
		for _, w := range []string{s, s + "String", "Edm." + s, " eDm.InT32" + s, "KEY" + s} {
			if got, want := primitive(w), primitiveNames[strings.TrimPrefix(strings.ToLower(strings.TrimSpace(w)), "edm.")]; got != want {
				t.Errorf("primitive(%q) = %q, want %q", w, got, want)
			}
		}
		if b, _ := lowerBytes(nil, s); string(b) != low {
			t.Errorf("lowerBytes(%q) = %q, want %q", s, b, low)
		}
	}
}
