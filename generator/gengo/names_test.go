package gengo

import (
	"strings"
	"testing"
)

func TestExportedName(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"displayName", "DisplayName"},
		{"id", "ID"},
		{"userIds", "UserIDs"},
		{"webUrl", "WebURL"},
		{"webURL", "WebURL"},
		{"ipAddress", "IPAddress"},
		{"htmlBody", "HTMLBody"},
		{"apiVersion", "APIVersion"},
		{"uriTemplate", "URITemplate"},
		{"utcOffset", "UTCOffset"},
		{"onPremisesSamAccountName", "OnPremisesSamAccountName"},
		{"@odata.type", "ODataType"},
		{"@odata.nextLink", "ODataNextLink"},
		{"@microsoft.graph.downloadUrl", "MicrosoftGraphDownloadURL"},
		{"type", "Type"},
		{"func", "Func"},
		{"3dModel", "X3dModel"},
		{"x-ms-id", "XMsID"},
		{"HTTPServer", "HTTPServer"},
		{"userPrincipalNameOTP", "UserPrincipalNameOTP"},
		{"ipv4Range", "Ipv4Range"},
		{"", "X"},
		{"--", "X"},
	} {
		if got := exportedName(c.in); got != c.want {
			t.Errorf("exportedName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestNamespaceNames(t *testing.T) {
	for _, c := range []struct{ ns, prefix, slug string }{
		{"microsoft.graph", "", "graph"},
		{"", "", "graph"},
		{"microsoft.graph.callRecords", "CallRecords", "callrecords"},
		{"microsoft.graph.externalConnectors", "ExternalConnectors", "externalconnectors"},
		{"contoso.api", "ContosoAPI", "contosoapi"},
	} {
		if p := nsPrefix(c.ns); p != c.prefix {
			t.Errorf("nsPrefix(%q) = %q, want %q", c.ns, p, c.prefix)
		}
		if s := nsSlug(c.ns); s != c.slug {
			t.Errorf("nsSlug(%q) = %q, want %q", c.ns, s, c.slug)
		}
	}
}

func TestDocLines(t *testing.T) {
	in := "The **name** shown in [the address book](../x.md) and `mail`.<br/>TODO: fill in. " +
		"Supports $filter (eq, ne). A long sentence that goes on and on so that it has to be wrapped onto a second line of the comment."
	got := docLines(in)
	want := []string{
		"The name shown in the address book and mail. Supports $filter (eq, ne). A",
		"long sentence that goes on and on so that it has to be wrapped onto a second",
		"line of the comment.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("docLines:\n got %q\nwant %q", got, want)
	}
	for _, l := range got {
		if len(l) > 76 || strings.Contains(l, "\n") {
			t.Errorf("bad line %q", l)
		}
	}
	if d := docLines("TBD"); d != nil {
		t.Errorf("a placeholder-only description must give no lines, got %q", d)
	}
}

func TestParseGoType(t *testing.T) {
	for in, ok := range map[string]bool{
		"string": true, "[]int64": true, "*time.Time": true, "encoding/json.RawMessage": true,
		"json.RawMessage": true, "map[string]any": true, "Date": true, "not a type": false,
		"lower": false, "pkg.lower": false, "": false,
	} {
		if _, got := parseGoType(in); got != ok {
			t.Errorf("parseGoType(%q) ok = %v, want %v", in, got, ok)
		}
	}
}

func TestBadPackageName(t *testing.T) {
	for _, pkg := range []string{"my-pkg", "type", "_", "1x"} {
		if _, err := Generate(showcaseModel(), Options{Package: pkg}); err == nil {
			t.Errorf("package %q: want an error", pkg)
		}
	}
}
