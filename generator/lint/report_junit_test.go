package lint

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/apidocgen/apidocgen/generator/model"
)

// TestJUnit parses the JUnit output with encoding/xml and checks its
// counts, grouping, escaping and determinism.
func TestJUnit(t *testing.T) {
	ds := append(sampleDiags(), model.Diagnostic{Pos: model.Pos{File: "api/a b.md", Line: 9, Col: 2}, Rule: "todo-placeholder",
		Severity: model.SevWarning, Message: "ctrl \x00\x01\x1b <&> \"q\" 'a' \ttab\r\nend \ufffe"})
	pages, m, files := fixturePages(t, "content-length-mismatch")
	real := Run(pages, m, Options{Files: files, Extra: noExtra})
	for _, ds := range [][]model.Diagnostic{ds, real, nil} {
		var b bytes.Buffer
		if err := Write(&b, "junit", ds, ReportOptions{Prefix: "docs/"}); err != nil {
			t.Fatal(err)
		}
		var again bytes.Buffer
		_ = Write(&again, "junit", ds, ReportOptions{Prefix: "docs/"})
		if !bytes.Equal(b.Bytes(), again.Bytes()) {
			t.Error("junit output is not deterministic")
		}
		if !strings.HasPrefix(b.String(), `<?xml version="1.0" encoding="UTF-8"?>`) {
			t.Errorf("no XML declaration:\n%s", b.String())
		}
		// Well-formed: the decoder reads every token without error.
		dec := xml.NewDecoder(bytes.NewReader(b.Bytes()))
		for {
			_, err := dec.Token()
			if err != nil {
				if err.Error() != "EOF" {
					t.Fatalf("not well-formed XML: %v\n%s", err, b.String())
				}
				break
			}
		}
		var got junitSuites
		if err := xml.Unmarshal(b.Bytes(), &got); err != nil {
			t.Fatalf("unmarshal: %v\n%s", err, b.String())
		}
		tests, failures, infos := 0, 0, 0
		for _, d := range ds {
			if d.Severity == model.SevInfo {
				infos++
			} else {
				failures++
			}
			tests++
		}
		if len(ds) == 0 {
			if got.Tests != 1 || got.Failures != 0 || len(got.Suites) != 1 {
				t.Errorf("empty report: %+v", got)
			}
			continue
		}
		if got.Tests != tests || got.Failures != failures || got.Errors != 0 {
			t.Errorf("testsuites counts tests=%d failures=%d, want %d %d", got.Tests, got.Failures, tests, failures)
		}
		sum, sumF, outs := 0, 0, 0
		files := map[string]bool{}
		for _, s := range got.Suites {
			if files[s.Name] {
				t.Errorf("file %s has two suites", s.Name)
			}
			files[s.Name] = true
			if s.Tests != len(s.Cases) {
				t.Errorf("suite %s: tests=%d but %d cases", s.Name, s.Tests, len(s.Cases))
			}
			f := 0
			for _, c := range s.Cases {
				if c.ClassName != s.Name || c.File != s.Name || !strings.HasPrefix(c.File, "docs/") {
					t.Errorf("case %+v in suite %s", c, s.Name)
				}
				if c.Failure != nil {
					f++
					if !strings.HasPrefix(c.Failure.Text, c.File+":"+c.Line+":") || !strings.HasSuffix(c.Failure.Text, "["+c.Failure.Type+"]") {
						t.Errorf("failure text %q", c.Failure.Text)
					}
				} else if c.SystemOut != "" {
					outs++
				}
			}
			if f != s.Failures {
				t.Errorf("suite %s: failures=%d but %d failed cases", s.Name, s.Failures, f)
			}
			sum += s.Tests
			sumF += s.Failures
		}
		if sum != tests || sumF != failures || outs != infos {
			t.Errorf("suites hold %d tests, %d failures, %d infos; want %d, %d, %d", sum, sumF, outs, tests, failures, infos)
		}
	}
	// Control characters are replaced, markup is escaped, and the message
	// survives a round trip otherwise.
	var b bytes.Buffer
	_ = Write(&b, "junit", ds, ReportOptions{})
	if bytes.ContainsAny(b.Bytes(), "\x00\x01\x1b") {
		t.Error("control characters written raw")
	}
	var got junitSuites
	_ = xml.Unmarshal(b.Bytes(), &got)
	var msg string
	for _, s := range got.Suites {
		for _, c := range s.Cases {
			if c.Line == "9" {
				msg = c.Failure.Message
			}
		}
	}
	if want := "ctrl \ufffd\ufffd\ufffd <&> \"q\" 'a' \ttab\r\nend \ufffd"; msg != want {
		t.Errorf("message after round trip = %q, want %q", msg, want)
	}
}
