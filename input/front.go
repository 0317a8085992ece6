package input

import (
	"bytes"
	"strings"
)

// frontMatter finds the YAML front matter: a first line "---" and the next
// line "---", with at least one "key: value" line between them. It returns the offset just past the closing line (0 when the
// page has no front matter) and the fields in file order.
// str is src as a string: keys and values are slices of it.
func frontMatter(src []byte, str string, ix *lineIndex, file string) (end int, fields []FrontField) {
	if len(ix.starts) < 2 || !isDashLine(src, ix, 0) {
		return 0, nil
	}
	closing := -1
	for l := 1; l < len(ix.starts); l++ {
		if isDashLine(src, ix, l) {
			closing = l
			break
		}
	}
	if closing < 0 {
		return 0, nil
	}
	fields = make([]FrontField, 0, closing-1)
	for l := 1; l < closing; l++ {
		s, e := ix.lineBounds(src, l)
		line := src[s:e]
		ks := 0
		for ks < len(line) && (line[ks] == ' ' || line[ks] == '\t') {
			ks++
		}
		if ks == len(line) || line[ks] == '#' {
			continue
		}
		colon := bytes.IndexByte(line, ':')
		if colon < ks {
			continue
		}
		key := strings.TrimSpace(str[s+ks : s+colon])
		if key == "" {
			continue
		}
		value := unquote(strings.TrimSpace(str[s+colon+1 : e]))
		fields = append(fields, FrontField{
			Key:   key,
			Value: value,
			TODO:  isTODO(value),
			Pos:   ix.pos(file, s+ks),
		})
	}
	if len(fields) == 0 {
		// "---" lines around no "key: value" at all are thematic breaks.
		return 0, nil
	}
	_, e := ix.lineBounds(src, closing)
	for e < len(src) && src[e] != '\n' {
		e++
	}
	if e < len(src) {
		e++
	}
	return e, fields
}

// isDashLine reports whether 0-based line l is "---" (trailing white space allowed).
func isDashLine(src []byte, ix *lineIndex, l int) bool {
	s, e := ix.lineBounds(src, l)
	_, e = trimSpaceRange(src, s, e)
	return e-s == 3 && src[s] == '-' && src[s+1] == '-' && src[s+2] == '-'
}

// unquote removes one pair of surrounding YAML quotes, undoing the simple
// escapes of each style.
func unquote(v string) string {
	if len(v) >= 2 {
		switch {
		case v[0] == '"' && v[len(v)-1] == '"':
			v = v[1 : len(v)-1]
			if strings.IndexByte(v, '\\') >= 0 {
				v = strings.NewReplacer(`\"`, `"`, `\\`, `\`).Replace(v)
			}
		case v[0] == '\'' && v[len(v)-1] == '\'':
			v = strings.ReplaceAll(v[1:len(v)-1], "''", "'")
		}
	}
	return v
}

// isTODO reports whether a value is only a bold "**TODO…**" placeholder.
func isTODO(v string) bool {
	return len(v) >= 8 && strings.HasPrefix(v, "**") && strings.HasSuffix(v, "**") &&
		strings.HasPrefix(strings.ToUpper(strings.TrimSpace(v[2:])), "TODO")
}
