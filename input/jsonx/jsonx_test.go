package jsonx

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
)

// strictCases are inputs on which Parse must agree with encoding/json: the
// valid ones parse with no fixes to the same value, the invalid ones give
// a fix or an error.
var strictCases = []string{
	`{}`, `[]`, `null`, `true`, `false`, `0`, `-0`, `1`, `-1`, `1024`, `1024.13`,
	`1e5`, `1E+5`, `1e-05`, `-0.0e0`, `123456789012345678901234567890`,
	`""`, `"a"`, `"\"\\\/\b\f\n\r\t"`, `"\u00e9\u20AC"`, `"\ud83d\ude00"`,
	`"\ud800"`, `"\udc00\ud800"`, `"\ud800\u0041"`, "\"caf\xc3\xa9\"", "\"bad\xff\xfeutf8\"",
	`  {"a" : 1 , "b":[true,false,null]}  `, "\r\n\t[1]\n",
	`{"a":{"b":{"c":[[],[{}]]}}}`, `{"a":1,"a":2}`, `{"":""}`,
	`{"@odata.type":"#microsoft.graph.user","id":"String (identifier)","n":1024}`,
	`[1,2,3,"x",{"y":null}]`, `"<>&\u2028"`,
	// invalid in strict JSON
	``, ` `, `{`, `[`, `]`, `}`, `{"a"}`, `{"a":}`, `{"a" 1}`, `[1,]`, `{"a":1,}`,
	`[,]`, `[1,,2]`, `01`, `+1`, `.5`, `1.`, `1e`, `-`, `--1`, `1-2`, `0x10`, `NaN`,
	`tru`, `nul`, `True`, `'a'`, `{a:1}`, "\"a\nb\"", "\"a\x01\"", `"\x"`, `"\u12"`,
	`"abc`, `[1 2]`, "[1\n2]", `{"a":1 "b":2}`, "{\"a\":1\n\"b\":2}", `[1] x`, `{} {}`,
	`// c` + "\n1", `/* c */ 1`, "\xc2\xa01", "\xef\xbb\xbf{}", `[...]`, `[…]`,
	`{"a":1}}`, `[1]]`, `"\'"`, `[1,2`, `{"a":[1,2}`,
}

func TestStrictAgreesWithEncodingJSON(t *testing.T) {
	for _, src := range strictCases {
		checkAgainstEncodingJSON(t, []byte(src))
	}
}

// checkAgainstEncodingJSON asserts the properties every input must have:
// strict input parses with no fixes to what encoding/json decodes, other
// input gives a fix or an error, offsets are in bounds and Marshal writes
// valid JSON.
func checkAgainstEncodingJSON(t *testing.T, src []byte) {
	t.Helper()
	v, fixes, err := Parse(src)
	if json.Valid(src) {
		if err != nil && !(strings.Contains(err.Msg, "nesting") && depthOf(src) > MaxDepth) {
			t.Errorf("Parse(%q): valid JSON gave error %v", src, err)
			return
		}
		if err == nil && len(fixes) != 0 {
			t.Errorf("Parse(%q): valid JSON gave fixes %v", src, fixes)
		}
		if err == nil {
			var want any
			d := json.NewDecoder(bytes.NewReader(src))
			d.UseNumber()
			if e := d.Decode(&want); e != nil {
				t.Fatalf("encoding/json decode of %q: %v", src, e)
			}
			if got := v.Interface(); !reflect.DeepEqual(got, want) {
				t.Errorf("Parse(%q).Interface() = %#v, want %#v", src, got, want)
			}
			if got := decodeAny(t, v.Marshal()); !reflect.DeepEqual(got, want) {
				t.Errorf("Parse(%q).Marshal() = %s, decodes to %#v, want %#v", src, v.Marshal(), got, want)
			}
		}
	} else if err == nil && len(fixes) == 0 {
		t.Errorf("Parse(%q): invalid JSON gave neither a fix nor an error", src)
	}
	if err != nil && (err.Offset < 0 || err.Offset > len(src)) {
		t.Errorf("Parse(%q): error offset %d out of range", src, err.Offset)
	}
	if err != nil && (err.Msg == "" || strings.ToLower(err.Msg[:1]) != err.Msg[:1] || strings.HasSuffix(err.Msg, ".")) {
		t.Errorf("Parse(%q): error message %q is not lower-case without a period", src, err.Msg)
	}
	for _, f := range fixes {
		if f.Offset < 0 || f.Offset > len(src) || f.Kind == "" {
			t.Errorf("Parse(%q): bad fix %+v", src, f)
		}
	}
	checkOffsets(t, src, v)
	if v != nil {
		if out := v.Marshal(); !json.Valid(out) {
			t.Errorf("Parse(%q).Marshal() = %q is not valid JSON", src, out)
		}
	}
}

func decodeAny(t *testing.T, b []byte) any {
	t.Helper()
	var x any
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	if err := d.Decode(&x); err != nil {
		t.Fatalf("decode %q: %v", b, err)
	}
	return x
}

// depthOf returns the deepest bracket nesting of src outside strings.
func depthOf(src []byte) int {
	depth, maxd, inStr := 0, 0, false
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case inStr && c == '\\':
			i++
		case c == '"':
			inStr = !inStr
		case !inStr && (c == '[' || c == '{'):
			depth++
			maxd = max(maxd, depth)
		case !inStr && (c == ']' || c == '}'):
			depth--
		}
	}
	return maxd
}

// checkOffsets asserts every offset in v is inside src and points at a
// byte that can start that kind of value.
func checkOffsets(t *testing.T, src []byte, v *Value) {
	t.Helper()
	if v == nil {
		return
	}
	if v.Offset < 0 || v.Offset >= len(src) {
		t.Errorf("Parse(%q): value offset %d out of range", src, v.Offset)
		return
	}
	c := src[v.Offset]
	ok := true
	switch v.Kind {
	case Object:
		ok = c == '{'
	case Array:
		ok = c == '['
	case String:
		ok = c == '"' || c == '\''
	case Number:
		ok = strings.IndexByte("+-.0123456789", c) >= 0
	case Bool:
		ok = c == 't' || c == 'f'
	case Null:
		ok = c == 'n'
	}
	if !ok {
		t.Errorf("Parse(%q): %s value at offset %d starts with %q", src, v.Kind, v.Offset, c)
	}
	for _, e := range v.Elems {
		checkOffsets(t, src, e)
	}
	for _, m := range v.Members {
		if m.KeyOffset < 0 || m.KeyOffset >= len(src) || m.KeyOffset >= m.Value.Offset {
			t.Errorf("Parse(%q): key %q offset %d out of range", src, m.Key, m.KeyOffset)
		}
		checkOffsets(t, src, m.Value)
	}
}

// fixCases show each kind of repair: the input, the value it reads as
// (compact JSON), and the fixes with their offsets.
var fixCases = []struct {
	src   string
	want  string
	fixes []Fix
}{
	{`[1, 2,]`, `[1,2]`, []Fix{{5, FixTrailingComma}}},
	{`{"blockType": "response",}`, `{"blockType":"response"}`, []Fix{{24, FixTrailingComma}}},
	{"{\"a\": 1, // note\n\"b\": 2}", `{"a":1,"b":2}`, []Fix{{9, FixComment}}},
	{`{"a": 1, /* relationships */ "b": 2}`, `{"a":1,"b":2}`, []Fix{{9, FixComment}}},
	{"[1, // last\n]", `[1]`, []Fix{{2, FixTrailingComma}, {4, FixComment}}},
	{`{"blockType": "response", isCollection: true}`, `{"blockType":"response","isCollection":true}`, []Fix{{26, FixUnquotedKey}}},
	{`{@odata.type: "#x.y"}`, `{"@odata.type":"#x.y"}`, []Fix{{1, FixUnquotedKey}}},
	{`{'title': "a", "b": 'c\'d'}`, `{"title":"a","b":"c'd"}`, []Fix{{1, FixSingleQuote}, {20, FixSingleQuote}}},
	{"{\"s\": \"line one\nline two\ttab\"}", `{"s":"line one\nline two\ttab"}`, []Fix{{15, FixRawNewline}}},
	{"{\"a\": 1\n \"b\": 2}", `{"a":1,"b":2}`, []Fix{{7, FixMissingComma}}},
	{"[\n {\"a\": 1}\n {\"a\": 2}\n]", `[{"a":1},{"a":2}]`, []Fix{{11, FixMissingComma}}},
	{`{"value": [{"id": "1"}, ...]}`, `{"value":[{"id":"1"}]}`, []Fix{{24, FixEllipsis}}},
	{"{\n  \"a\": 1,\n  …\n}", `{"a":1}`, []Fix{{14, FixEllipsis}}},
	{`[..., 1]`, `[1]`, []Fix{{1, FixEllipsis}}},
	{`{"a": ..., "b": 2}`, `{"b":2}`, []Fix{{6, FixEllipsis}}},
	{`{"notAfter": 0000000000}`, `{"notAfter":0}`, []Fix{{13, FixBadNumber}}},
	{`[+1, .5, 1., 007.50e+01]`, `[1,0.5,1,7.50e+01]`, []Fix{{1, FixBadNumber}, {5, FixBadNumber}, {9, FixBadNumber}, {13, FixBadNumber}}},
	{"{\u202f\"a\": 1}", `{"a":1}`, []Fix{{1, FixSpace}}},
	{"\ufeff{\"a\":\u00a0\u00a01}", `{"a":1}`, []Fix{{0, FixSpace}, {8, FixSpace}}},
	{"[1,\u200b2]", `[1,2]`, []Fix{{3, FixSpace}}},
	{"{\"a\": 1}\n```\n", `{"a":1}`, []Fix{{9, FixTrailingText}}},
	{`{"a": 1}-->s`, `{"a":1}`, []Fix{{8, FixTrailingText}}},
	{"{\"a\": 1} // done", `{"a":1}`, []Fix{{9, FixComment}}},
	{"{\"a\": 1,\n// the rest\n}", `{"a":1}`, []Fix{{7, FixTrailingComma}, {9, FixComment}}},
	{"{\n\"a\": 1\n/* x */\n\"b\": 2\n}", `{"a":1,"b":2}`, []Fix{{8, FixMissingComma}, {9, FixComment}}},
	{"{…}", `{}`, []Fix{{1, FixEllipsis}}},
	{"[1,\n  ...\n]", `[1]`, []Fix{{6, FixEllipsis}}},
	{"{ключ: 'a\\\"b'}", `{"ключ":"a\"b"}`, []Fix{{1, FixUnquotedKey}, {11, FixSingleQuote}}},
	{"{\"a\": 1}}", `{"a":1}`, []Fix{{8, FixTrailingText}}},
	{"{\"a\": \"x\r\ny\"}", `{"a":"x\r\ny"}`, []Fix{{8, FixRawNewline}}},
	{"{\"a\": 1},\n```", `{"a":1}`, []Fix{{8, FixTrailingText}}},
}

func TestFixes(t *testing.T) {
	for _, tc := range fixCases {
		v, fixes, err := Parse([]byte(tc.src))
		if err != nil {
			t.Errorf("Parse(%q): unexpected error %v", tc.src, err)
			continue
		}
		if got := string(v.Marshal()); got != tc.want {
			t.Errorf("Parse(%q).Marshal() = %s, want %s", tc.src, got, tc.want)
		}
		if !reflect.DeepEqual(fixes, tc.fixes) {
			t.Errorf("Parse(%q) fixes = %v, want %v", tc.src, fixes, tc.fixes)
		}
		checkAgainstEncodingJSON(t, []byte(tc.src))
	}
}

func TestBadNumberKeepsLiteral(t *testing.T) {
	v, _, err := Parse([]byte(`{"notAfter": 0000000000}`))
	if err != nil {
		t.Fatal(err)
	}
	n := v.Get("notAfter")
	if n == nil || n.Kind != Number || n.Num != "0000000000" {
		t.Fatalf("notAfter = %+v, want number literal 0000000000", n)
	}
	if got := n.Interface(); got != json.Number("0") {
		t.Errorf("Interface() = %#v, want json.Number(\"0\")", got)
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		src    string
		offset int
		msg    string
	}{
		{``, 0, "unexpected end of input"},
		{`   `, 3, "unexpected end of input"},
		{`{"a": 1`, 7, "unexpected end of input in object"},
		{`[1, 2`, 5, "unexpected end of input in array"},
		{`{"a": "abc`, 6, "unterminated string"},
		{`{"a" 1}`, 5, "unexpected character '1', expected ':' after object key"},
		{`[1 2]`, 3, "unexpected character '2', expected ',' or ']' after array element"},
		{`{"a": 1 "b": 2}`, 8, `unexpected character '"', expected ',' or '}' after object member`},
		{`{"a": 00:00:00}`, 8, "unexpected character ':', expected ',' or '}' after object member"},
		{`{"a": String}`, 6, "unexpected character 'S'"},
		{`{"a": 1-2}`, 6, `invalid number "1-2"`},
		{`["\x"]`, 2, `invalid escape "\\x" in string`},
		{`["\u12"]`, 2, "invalid unicode escape in string"},
		{"[\"a\x01\"]", 3, `invalid control character '\x01' in string`},
		{`[1,,2]`, 3, "unexpected character ',' in array"},
		{`{,}`, 1, "unexpected character ',' in object"},
		{`{'title': 'it''s'}`, 14, "unexpected character '\\'', expected ',' or '}' after object member"},
		{`{"a": [1, 2}`, 11, "unexpected character '}', expected ',' or ']' after array element"},
		{"{\"a\":\n1,\n\"b\" =\n 2}", 13, "unexpected character '=', expected ':' after object key"},
		{`tru`, 0, "unexpected character 't'"},
		{"{\"d\": \"no end,\n  \"k\": \"\"}", 14, "line break in string, probably a missing closing quote"},
		{"[\"a\tb\"  x]", 8, "unexpected character 'x', expected ',' or ']' after array element"},
		{"\"description\": \"String\",\n\"name\": \"x\"", 13, "object members without enclosing braces"},
		{`{"a": 1}, {"b": 2}`, 8, "several values without enclosing brackets"},
		{`{"a": …}`, 0, ""}, // not an error: the member is dropped
		{strings.Repeat("[", 10000), MaxDepth, "nesting deeper than 1000 levels"},
		{strings.Repeat(`{"a":`, 10000), 5 * MaxDepth, "nesting deeper than 1000 levels"},
	}
	for _, tc := range tests {
		_, _, err := Parse([]byte(tc.src))
		if tc.msg == "" {
			if err != nil {
				t.Errorf("Parse(%.40q): unexpected error %v", tc.src, err)
			}
			continue
		}
		if err == nil {
			t.Errorf("Parse(%.40q): no error, want %q at %d", tc.src, tc.msg, tc.offset)
			continue
		}
		if err.Offset != tc.offset || err.Msg != tc.msg {
			t.Errorf("Parse(%.40q): error %d %q, want %d %q", tc.src, err.Offset, err.Msg, tc.offset, tc.msg)
		}
	}
}

func TestPartialValue(t *testing.T) {
	v, _, err := Parse([]byte(`{"a": 1, "b": [true, "x`))
	if err == nil {
		t.Fatal("no error")
	}
	if v == nil || v.Kind != Object || len(v.Members) != 2 {
		t.Fatalf("partial value = %s, want object with a and b", v.Marshal())
	}
	if got := string(v.Marshal()); got != `{"a":1,"b":[true,"x"]}` {
		t.Errorf("partial value = %s", got)
	}
}

func TestOffsets(t *testing.T) {
	src := []byte("{\n  \"a\": [1, \"two\", null],\n  b: {'c': false}\n}")
	v, _, err := Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	check := func(ptr string, want string) {
		t.Helper()
		x := v.Lookup(ptr)
		if x == nil {
			t.Fatalf("Lookup(%q) = nil", ptr)
		}
		if !bytes.HasPrefix(src[x.Offset:], []byte(want)) {
			t.Errorf("Lookup(%q).Offset = %d (%q), want the start of %q", ptr, x.Offset, src[x.Offset:], want)
		}
	}
	check("", "{")
	check("/a", "[1,")
	check("/a/0", "1,")
	check("/a/1", `"two"`)
	check("/a/2", "null")
	check("/b", "{'c'")
	check("/b/c", "false")
	if m := v.Members[1]; m.Key != "b" || !bytes.HasPrefix(src[m.KeyOffset:], []byte("b:")) {
		t.Errorf("key b offset %d", m.KeyOffset)
	}
	if m := v.Lookup("/b").Members[0]; !bytes.HasPrefix(src[m.KeyOffset:], []byte("'c'")) {
		t.Errorf("key c offset %d", m.KeyOffset)
	}
	if line, col := LineCol(src, v.Lookup("/b/c").Offset); line != 3 || col != 12 {
		t.Errorf("LineCol = %d:%d, want 3:12", line, col)
	}
}

func TestLineCol(t *testing.T) {
	src := []byte("ab\ncd\n\nef")
	tests := []struct{ off, line, col int }{
		{-5, 1, 1}, {0, 1, 1}, {1, 1, 2}, {2, 1, 3}, {3, 2, 1}, {5, 2, 3}, {6, 3, 1}, {7, 4, 1}, {8, 4, 2}, {9, 4, 3}, {99, 4, 3},
	}
	for _, tc := range tests {
		if l, c := LineCol(src, tc.off); l != tc.line || c != tc.col {
			t.Errorf("LineCol(%d) = %d:%d, want %d:%d", tc.off, l, c, tc.line, tc.col)
		}
	}
}

func TestPointer(t *testing.T) {
	if got := Pointer(); got != "" {
		t.Errorf("Pointer() = %q", got)
	}
	if got := Pointer("a/b", "m~n", "0", ""); got != "/a~1b/m~0n/0/" {
		t.Errorf("Pointer = %q", got)
	}
	v, _, err := Parse([]byte(`{"a/b": {"m~n": [10, {"": "empty"}]}, "d": 1, "d": 2, "~1": "lit"}`))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		ptr  string
		want string // Marshal of the result, "" for nil
	}{
		{"", `{"a/b":{"m~n":[10,{"":"empty"}]},"d":1,"d":2,"~1":"lit"}`},
		{Pointer("a/b", "m~n", "0"), `10`},
		{"/a~1b/m~0n/1/", `"empty"`},
		{"/d", `2`},
		{"/~01", `"lit"`},
		{"/a~1b/m~0n/2", ``},
		{"/a~1b/m~0n/01", ``},
		{"/a~1b/m~0n/-", ``},
		{"/a~1b/m~0n/0/x", ``},
		{"/nope", ``},
		{"/nope/deeper", ``},
		{"a", ``},
	}
	for _, tc := range tests {
		x := v.Lookup(tc.ptr)
		got := ""
		if x != nil {
			got = string(x.Marshal())
		}
		if got != tc.want {
			t.Errorf("Lookup(%q) = %s, want %s", tc.ptr, got, tc.want)
		}
	}
	var nilv *Value
	if nilv.Lookup("/a") != nil || nilv.Lookup("") != nil {
		t.Error("nil Lookup")
	}
}

func TestMarshalRoundTrip(t *testing.T) {
	tests := []struct{ src, want string }{
		{` { "b" : 1 , "a" : [ ] , "b" : { } } `, `{"b":1,"a":[],"b":{}}`},
		{`"\u0000\u001f\"\\\/<>&\u2028\u00e9"`, `"\u0000\u001f\"\\/<>&\u2028é"`},
		{"\"bad\xff\"", "\"bad\ufffd\""},
		{`[1.50, -0, 1E3]`, `[1.50,-0,1E3]`},
		{`[true,false,null]`, `[true,false,null]`},
	}
	for _, tc := range tests {
		v, _, err := Parse([]byte(tc.src))
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.src, err)
			continue
		}
		out := v.Marshal()
		if string(out) != tc.want {
			t.Errorf("Marshal(%q) = %s, want %s", tc.src, out, tc.want)
		}
		v2, fixes, err := Parse(out)
		if err != nil || len(fixes) != 0 {
			t.Errorf("reparse %s: %v %v", out, fixes, err)
			continue
		}
		if out2 := v2.Marshal(); !bytes.Equal(out, out2) {
			t.Errorf("round trip %s -> %s", out, out2)
		}
	}
	var nilv *Value
	if got := string(nilv.Marshal()); got != "null" {
		t.Errorf("nil Marshal = %s", got)
	}
	if got := (&Value{Kind: String, Str: "\x7f\x00"}).Marshal(); !json.Valid(got) {
		t.Errorf("Marshal control chars = %q", got)
	}
}

func TestKindString(t *testing.T) {
	if Object.String() != "object" || Kind(9).String() != "Kind(9)" {
		t.Error("Kind.String")
	}
}

// TestLenientDocument reads a block with many mistakes at once and checks
// each fix by line and column.
func TestLenientDocument(t *testing.T) {
	src := []byte(benchLenientDoc)
	v, fixes, err := Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range fixes {
		l, c := LineCol(src, f.Offset)
		got = append(got, fmt.Sprintf("%d:%d %s", l, c, f.Kind))
	}
	want := []string{
		"4:3 single-quote", "4:18 single-quote", "5:3 unquoted-key", "6:18 bad-number",
		"8:3 comment", "9:20 trailing-comma", "10:61 missing-comma", "11:35 ellipsis",
		"12:17 trailing-comma", "14:1 trailing-text",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("fixes:\n got %q\nwant %q", got, want)
	}
	keys := []string{}
	for _, m := range v.Members {
		keys = append(keys, m.Key)
	}
	if k := strings.Join(keys, " "); k != "@odata.type id displayName isEnabled sizeInBytes owner tags limits settings parent" {
		t.Errorf("member order %s", k)
	}
	if l, c := LineCol(src, v.Lookup("/settings/color").Offset); l != 11 || c != 25 {
		t.Errorf("/settings/color at %d:%d", l, c)
	}
}

// TestEveryFixKindShown keeps fixCases covering each kind of Fix.
func TestEveryFixKindShown(t *testing.T) {
	shown := map[string]bool{}
	for _, tc := range fixCases {
		for _, f := range tc.fixes {
			shown[f.Kind] = true
		}
	}
	for _, k := range []string{FixTrailingComma, FixComment, FixUnquotedKey, FixSingleQuote, FixRawNewline,
		FixMissingComma, FixEllipsis, FixBadNumber, FixSpace, FixTrailingText} {
		if !shown[k] {
			t.Errorf("no fixCases entry shows fix %q", k)
		}
	}
}

// TestParseConcurrent parses in parallel (Parse reuses scratch memory
// between calls) and expects the results of a sequential run.
func TestParseConcurrent(t *testing.T) {
	inputs := append([]string{benchDoc, benchLenientDoc}, strictCases...)
	for _, tc := range fixCases {
		inputs = append(inputs, tc.src)
	}
	want := make([]string, len(inputs))
	render := func(src string) string {
		v, fixes, err := Parse([]byte(src))
		return fmt.Sprintf("%s %v %v", v.Marshal(), fixes, err)
	}
	for i, src := range inputs {
		want[i] = render(src)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8*len(inputs))
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range inputs {
				j := (i + g*7) % len(inputs)
				if got := render(inputs[j]); got != want[j] {
					errs <- fmt.Sprintf("Parse(%q) = %s, want %s", inputs[j], got, want[j])
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
