package gengo

import (
	"strings"
	"unicode"
)

// initialisms are the words Go spells in upper case (as golint and the Go
// style guide do), keyed by lower case. "odata" is spelled "OData".
var initialisms = map[string]string{
	"acl": "ACL", "api": "API", "ascii": "ASCII", "cpu": "CPU", "css": "CSS", "dns": "DNS",
	"eof": "EOF", "guid": "GUID", "html": "HTML", "http": "HTTP", "https": "HTTPS", "id": "ID",
	"ip": "IP", "json": "JSON", "lhs": "LHS", "qps": "QPS", "ram": "RAM", "rhs": "RHS",
	"rpc": "RPC", "sla": "SLA", "smtp": "SMTP", "sql": "SQL", "ssh": "SSH", "tcp": "TCP",
	"tls": "TLS", "ttl": "TTL", "udp": "UDP", "ui": "UI", "uid": "UID", "uuid": "UUID",
	"uri": "URI", "url": "URL", "utf8": "UTF8", "utc": "UTC", "vm": "VM", "xml": "XML",
	"xmpp": "XMPP", "xsrf": "XSRF", "xss": "XSS", "odata": "OData",
	// plurals
	"ids": "IDs", "urls": "URLs", "uris": "URIs", "apis": "APIs", "ips": "IPs", "vms": "VMs",
}

// splitWords splits an identifier as written in the docs ("displayName",
// "@odata.type", "userPrincipalNameOTP", "x-ms-id", "3dModel") into words.
// Case changes start a new word; any character that is not a letter or a
// digit separates words; digits stay with the word before them.
func splitWords(s string) []string {
	var words []string
	rs := []rune(s)
	start := -1
	flush := func(end int) {
		if start >= 0 && end > start {
			words = append(words, string(rs[start:end]))
		}
		start = -1
	}
	for i, r := range rs {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush(i)
			continue
		}
		if start < 0 {
			start = i
			continue
		}
		prev := rs[i-1]
		switch {
		case unicode.IsUpper(r) && (unicode.IsLower(prev) || unicode.IsDigit(prev)):
			// fooBar, foo2Bar
			flush(i)
			start = i
		case unicode.IsUpper(r) && unicode.IsUpper(prev) && i+1 < len(rs) && unicode.IsLower(rs[i+1]):
			// HTTPServer -> HTTP Server
			flush(i)
			start = i
		}
	}
	flush(len(rs))
	return words
}

// exportedName turns a docs name into an exported Go identifier, with Go's
// initialisms ("webUrl" -> "WebURL", "@odata.nextLink" -> "ODataNextLink").
// It never returns "" or a name that starts with a digit.
func exportedName(s string) string {
	var b strings.Builder
	for _, w := range splitWords(s) {
		if up, ok := initialisms[strings.ToLower(w)]; ok {
			b.WriteString(up)
			continue
		}
		rs := []rune(w)
		b.WriteRune(unicode.ToUpper(rs[0]))
		// An all-caps word that is not an initialism ("ODATA", "SAML") keeps
		// its case; otherwise only the first letter changes.
		b.WriteString(string(rs[1:]))
	}
	out := b.String()
	if out == "" {
		return "X"
	}
	if r := []rune(out)[0]; !unicode.IsLetter(r) || !unicode.IsUpper(r) {
		out = "X" + out
	}
	return out
}

// nsPrefix returns the Go name prefix of a namespace: "" for the default
// namespace, else the exported name of the part after "microsoft.graph."
// ("microsoft.graph.callRecords" -> "CallRecords").
func nsPrefix(ns string) string {
	const def = "microsoft.graph"
	switch {
	case ns == "" || ns == def:
		return ""
	case strings.HasPrefix(ns, def+"."):
		return exportedName(ns[len(def)+1:])
	}
	return exportedName(ns)
}

// nsSlug returns the file name stem of a namespace: lower-case letters and
// digits only ("graph", "callrecords").
func nsSlug(ns string) string {
	p := strings.ToLower(nsPrefix(ns))
	if p == "" {
		return "graph"
	}
	var b strings.Builder
	for _, r := range p {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "ns"
	}
	return b.String()
}
