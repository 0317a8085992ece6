package model

// PathSegments splits a URL template at the slashes outside parentheses,
// braces and quotes, without the query string: "/users/{id}/chats" is
// "users", "{id}", "chats"; "/range(address='A1:B2')/format" is
// "range(address='A1:B2')", "format".
func PathSegments(p string) []string {
	var segs []string
	depth, quote, start := 0, byte(0), 0
	for i := 0; i < len(p); i++ {
		ch := p[i]
		switch {
		case quote != 0:
			if ch == quote {
				quote = 0
			}
		case ch == '\'' || ch == '"':
			quote = ch
		case ch == '(' || ch == '{':
			depth++
		case ch == ')' || ch == '}':
			depth--
		case ch == '?' && depth == 0:
			p = p[:i]
		case ch == '/' && depth == 0:
			if i > start {
				segs = append(segs, p[start:i])
			}
			start = i + 1
		}
	}
	if start < len(p) {
		segs = append(segs, p[start:])
	}
	return segs
}
