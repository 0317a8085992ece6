package model

import "bytes"

// QualifiedLess reports whether a.QualifiedName() < b.QualifiedName(),
// without building the two names: sorting types by name used to allocate
// both at every comparison.
func QualifiedLess(a, b *Type) bool {
	if a.Namespace == b.Namespace {
		return a.Name < b.Name
	}
	var ba, bb [128]byte
	return bytes.Compare(a.appendQualifiedName(ba[:0]), b.appendQualifiedName(bb[:0])) < 0
}

// appendQualifiedName appends t.QualifiedName() to dst.
func (t *Type) appendQualifiedName(dst []byte) []byte {
	if t.Namespace != "" {
		dst = append(append(dst, t.Namespace...), '.')
	}
	return append(dst, t.Name...)
}
