package schematest

// A Case is one payload with its expected verdict against the fixture.
type Case struct {
	Name    string
	Type    string // qualified
	Mode    string // "read", "create" or "update"
	Payload string
	Valid   bool
}

// W is the qualified name of the fixture's widget type.
const W = ns + ".widget"

// Cases holds a passing and a failing payload for each constraint kind.
var Cases = []Case{
	{"empty object", W, "read", `{}`, true},
	{"not an object", W, "read", `[]`, false},
	{"extra property allowed", W, "read", `{"whatever": [1, {"x": null}]}`, true},

	{"date-time ok", W, "read", `{"created": "2014-01-01T00:00:00Z"}`, true},
	{"date-time fraction and offset ok", W, "read", `{"created": "2017-01-01T00:02:43.5775965-08:00"}`, true},
	{"date-time without offset", W, "read", `{"created": "2014-01-01T00:00:00"}`, false},
	{"date-time bad day", W, "read", `{"created": "2014-02-30T00:00:00Z"}`, false},
	{"date ok", W, "read", `{"born": "2020-02-29"}`, true},
	{"date bad", W, "read", `{"born": "2021-02-29"}`, false},
	{"date with time", W, "read", `{"born": "2020-02-29T00:00:00Z"}`, false},
	{"time of day ok", W, "read", `{"opens": "08:30:00.5"}`, true},
	{"time of day short ok", W, "read", `{"opens": "23:59"}`, true},
	{"time of day with offset", W, "read", `{"opens": "08:30:00Z"}`, false},
	{"time of day hour 24", W, "read", `{"opens": "24:00:00"}`, false},
	{"duration ok", W, "read", `{"ttl": "P1DT2H30M1.5S"}`, true},
	{"duration negative ok", W, "read", `{"ttl": "-PT5M"}`, true},
	{"duration empty T", W, "read", `{"ttl": "P1DT"}`, false},
	{"duration bare P", W, "read", `{"ttl": "P"}`, false},
	{"duration words", W, "read", `{"ttl": "1 day"}`, false},
	{"uuid ok", W, "read", `{"ref": "0177548a-548a-0177-8a54-77018a547701"}`, true},
	{"uuid bad", W, "read", `{"ref": "0177548a-548a-0177-8a54-77018a54770"}`, false},
	{"base64 ok", W, "read", `{"blob": "dmFsdWU="}`, true},
	{"base64 bad length", W, "read", `{"blob": "dmFsdWU"}`, false},
	{"base64 bad char", W, "read", `{"blob": "dmFs dWU="}`, false},
	{"base64 two pads ok", W, "read", `{"blob": "YQ=="}`, true},
	{"base64 non-canonical two pads", W, "read", `{"blob": "YR=="}`, false},
	{"base64 non-canonical one pad", W, "read", `{"blob": "YWJ="}`, false},
	{"base64 unpadded", W, "read", `{"blob": "YQ"}`, false},
	{"base64 url alphabet", W, "read", `{"blob": "_-8="}`, false},
	{"base64 line break", W, "read", `{"blob": "YQ==\n"}`, false},
	{"stream base64 ok", W, "read", `{"media": "AAEC"}`, true},
	{"stream not base64", W, "read", `{"media": "stream"}`, false},

	{"byte max ok", W, "read", `{"small": 255}`, true},
	{"byte over", W, "read", `{"small": 256}`, false},
	{"sbyte min ok", W, "read", `{"signed": -128}`, true},
	{"sbyte under", W, "read", `{"signed": -129}`, false},
	{"int16 over", W, "read", `{"short": 32768}`, false},
	{"int32 max ok", W, "read", `{"count": 2147483647}`, true},
	{"int32 over", W, "read", `{"count": 2147483648}`, false},
	{"int32 as 1.0 ok", W, "read", `{"count": 1.0}`, true},
	{"int32 exponent ok", W, "read", `{"count": 1e3}`, true},
	{"int32 fraction", W, "read", `{"count": 1.5}`, false},
	{"int32 string", W, "read", `{"count": "1"}`, false},
	{"int64 max ok", W, "read", `{"big": 9223372036854775807}`, true},
	{"int64 over", W, "read", `{"big": 9223372036854775808}`, false},
	{"double ok", W, "read", `{"ratio": -1.5e-3}`, true},
	{"double string", W, "read", `{"ratio": "4.2"}`, false},
	{"decimal ok", W, "read", `{"price": 10}`, true},
	{"boolean ok", W, "read", `{"enabled": true}`, true},
	{"boolean string", W, "read", `{"enabled": "true"}`, false},
	{"untyped anything", W, "read", `{"extra": {"a": [1, "b", null]}}`, true},

	{"nullable null ok", W, "read", `{"born": null, "home": null, "color": null}`, true},
	{"non-nullable null", W, "read", `{"count": null}`, false},
	{"non-nullable enum-string null", W, "read", `{"state": null}`, false},
	{"collection null", W, "read", `{"tags": null}`, false},
	{"collection element null", W, "read", `{"tags": ["a", null]}`, false},
	{"collection ok", W, "read", `{"tags": ["a", "b"], "addresses": [{"street": "x"}]}`, true},
	{"collection not array", W, "read", `{"tags": "a"}`, false},
	{"collection element wrong", W, "read", `{"addresses": [{"street": 1}]}`, false},

	{"enum ok", W, "read", `{"color": "green"}`, true},
	{"enum evolvable sentinel ok", W, "read", `{"color": "unknownFutureValue"}`, true},
	{"enum unknown", W, "read", `{"color": "purple"}`, false},
	{"enum wrong case", W, "read", `{"color": "Green"}`, false},
	{"flags one ok", W, "read", `{"days": "monday"}`, true},
	{"flags many ok", W, "read", `{"days": "monday,wednesday"}`, true},
	{"flags with space", W, "read", `{"days": "monday, wednesday"}`, false},
	{"flags unknown", W, "read", `{"days": "monday,sunday"}`, false},
	{"string values ok", W, "read", `{"state": "on"}`, true},
	{"string values unknown", W, "read", `{"state": "dim"}`, false},
	{"nullable string values null ok", ns + ".address", "read", `{"country": null}`, true},
	{"string values on complex", ns + ".address", "read", `{"country": "es"}`, false},

	{"maxLength ok", W, "read", `{"title": "abcde"}`, true},
	{"maxLength counts runes ok", W, "read", `{"title": "ééééé"}`, true},
	{"maxLength over", W, "read", `{"title": "abcdef"}`, false},
	{"nested maxLength over", W, "read", `{"home": {"street": "12345678901"}}`, false},
	{"inherited property checked", W, "read", `{"id": "nope"}`, false},

	{"read-only allowed in read", W, "read", `{"id": "0177548a-548a-0177-8a54-77018a547701"}`, true},
	{"read-only in create", W, "create", `{"id": "0177548a-548a-0177-8a54-77018a547701", "color": "red"}`, false},
	{"read-only in update", W, "update", `{"created": "2014-01-01T00:00:00Z"}`, false},
	{"update partial ok", W, "update", `{"title": "a"}`, true},
	{"create with required ok", W, "create", `{"color": "red"}`, true},
	{"create missing required", W, "create", `{"title": "a"}`, false},
	{"create nested required missing", W, "create", `{"color": "red", "home": {"zip": "1"}}`, false},
	{"update nested required not enforced", W, "update", `{"home": {"zip": "1"}}`, true},
	{"read required not enforced", W, "read", `{"home": {"zip": "1"}}`, true},
	{"create required null ok", W, "create", `{"color": null}`, true},

	{"polymorphic base ok", W, "read", `{"items": [{"title": "a"}]}`, true},
	{"polymorphic derived ok", W, "read", `{"items": [{"@odata.type": "#test.api.task", "due": "2020-01-01"}]}`, true},
	{"polymorphic derived checked", W, "read", `{"items": [{"@odata.type": "#test.api.task", "due": "soon"}]}`, false},
	{"polymorphic derived without hash", W, "read", `{"items": [{"@odata.type": "test.api.task", "due": null}]}`, false},
	{"polymorphic unknown type as base", W, "read", `{"items": [{"@odata.type": "#test.api.other", "due": "soon"}]}`, true},
	{"polymorphic unknown type base checked", W, "read", `{"items": [{"@odata.type": "#test.api.other", "title": "toolong"}]}`, false},
	{"polymorphic odata.type not string", W, "read", `{"items": [{"@odata.type": 1, "title": "a"}]}`, true},
	{"polymorphic grandchild through child", W, "read", `{"pinned": {"@odata.type": "#test.api.task", "effort": "x"}}`, false},
	{"polymorphic element not object", W, "read", `{"items": ["a"]}`, false},
	{"polymorphic create checks required", W, "create", `{"color": "red", "items": [{"@odata.type": "#test.api.task", "due": "2020-01-01"}]}`, false},
	{"polymorphic create ok", W, "create", `{"color": "red", "items": [{"@odata.type": "#test.api.task", "due": "2020-01-01", "body": "b"}]}`, true},
	{"top-level polymorphic", ns + ".item", "read", `{"@odata.type": "#test.api.widget", "count": null}`, false},
	{"top-level polymorphic ok", ns + ".item", "read", `{"@odata.type": "#test.api.widget", "count": 3}`, true},
	{"enum type top-level ok", ns + ".color", "read", `"red"`, true},
	{"enum type top-level bad", ns + ".color", "read", `"pink"`, false},

	{"page ok", Items, "read", `{"@odata.nextLink": "https://x/next", "@odata.count": 2, "value": [{"title": "a"}, {"@odata.type": "#test.api.task", "due": "2020-01-01"}]}`, true},
	{"page empty ok", Items, "read", `{"value": []}`, true},
	{"page other members ok", Items, "read", `{"value": [], "@odata.context": "x", "extra": 1}`, true},
	{"page without value", Items, "read", `{"@odata.nextLink": "https://x/next"}`, false},
	{"page value not array", Items, "read", `{"value": {"title": "a"}}`, false},
	{"page bare array", Items, "read", `[{"title": "a"}]`, false},
	{"page next link not string", Items, "read", `{"value": [], "@odata.nextLink": 1}`, false},
	{"page count not integer", Items, "read", `{"value": [], "@odata.count": "2"}`, false},
	{"page element checked", Items, "read", `{"value": [{"title": "toolong"}]}`, false},
	{"page element polymorphic", Items, "read", `{"value": [{"@odata.type": "#test.api.task", "due": "soon"}]}`, false},
	{"page element null", Items, "read", `{"value": [null]}`, false},
	{"page mode ignored", Items, "create", `{"value": [{"id": "0177548a-548a-0177-8a54-77018a547701"}]}`, true},
	{"page of strings ok", "Collection(Edm.String)", "read", `{"value": ["a", "b"]}`, true},
	{"page of strings number", "Collection(Edm.String)", "read", `{"value": ["a", 1]}`, false},
	{"page of a struct type", "Collection(test.api.address)", "read", `{"value": [{"street": "12345678901"}]}`, false},
	{"body ok", PolishBody, "create", `{"level": 2, "finish": "red", "items": [{"@odata.type": "#test.api.note", "body": "b"}]}`, true},
	{"body missing required", PolishBody, "create", `{"finish": "red"}`, false},
	{"body required not enforced in read", PolishBody, "read", `{"finish": "red"}`, true},
	{"body enum", PolishBody, "create", `{"level": 1, "finish": "pink"}`, false},
	{"body null parameter ok", PolishBody, "create", `{"level": 1, "finish": null}`, true},
	{"body polymorphic element", PolishBody, "create", `{"level": 1, "items": [{"@odata.type": "#test.api.task", "body": "b", "due": "soon"}]}`, false},
	{"response ok", ns + ".polishResponse", "read", `{"value": 3, "@odata.context": "x"}`, true},
	{"response wrong type", ns + ".polishResponse", "read", `{"value": "3"}`, false},
	{"response null", ns + ".polishResponse", "read", `{"value": null}`, false},
}

// Items is the payload name of a page of the fixture's items; PolishBody
// is the request body of its polish action.
const (
	Items      = "Collection(" + ns + ".item)"
	PolishBody = ns + ".polishBody"
)
