package lint

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"

	"github.com/apidocgen/apidocgen/generator/model"
)

// JUnit XML, the test-report format most CI systems show (GitLab merge
// request widgets, Jenkins, Azure Pipelines, CircleCI, the JUnit report
// actions of GitHub). CI UIs group test cases by suite and show each
// failure's message and text, so the report has one <testsuite> per file
// with findings (named by its path, as repository-relative as the other
// CI formats) and one <testcase> per finding:
//
//	<testcase classname="api/x.md" name="broken-link at 14:15" file="api/x.md" line="14">
//	  <failure type="broken-link" message="link target ...">api/x.md:14:15: error: link target ... [broken-link]</failure>
//	</testcase>
//
// Findings of severity error and warning are failures; info findings are
// passing test cases whose text is in <system-out>, so they are visible
// without turning the report red (the exit status ignores them too). A run
// without findings writes one passing test case, so the CI shows that the
// lint ran. The output holds no times and is deterministic: suites in
// file order, test cases in finding order (the order of Run). Text is
// escaped by encoding/xml; characters XML 1.0 cannot hold (control
// characters other than tab and line ends) are written as U+FFFD.

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	ClassName string        `xml:"classname,attr"`
	Name      string        `xml:"name,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Line      string        `xml:"line,attr,omitempty"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitFailure struct {
	Type    string `xml:"type,attr"`
	Message string `xml:"message,attr"`
	Text    string `xml:",chardata"`
}

func junitReport(ds []model.Diagnostic, prefix string) junitSuites {
	out := junitSuites{Name: "apidocgen-lint"}
	index := map[string]int{}
	for _, d := range ds {
		file := prefix + d.Pos.File
		i, ok := index[file]
		if !ok {
			i = len(out.Suites)
			index[file] = i
			out.Suites = append(out.Suites, junitSuite{Name: file})
		}
		s := &out.Suites[i]
		c := junitCase{ClassName: file, Name: fmt.Sprintf("%s at %d:%d", d.Rule, d.Pos.Line, d.Pos.Col), File: file}
		if d.Pos.Line > 0 {
			c.Line = strconv.Itoa(d.Pos.Line)
		}
		text := fmt.Sprintf("%s:%d:%d: %s: %s [%s]", file, d.Pos.Line, d.Pos.Col, d.Severity, d.Message, d.Rule)
		if d.Severity == model.SevInfo {
			c.SystemOut = text
		} else {
			c.Failure = &junitFailure{Type: d.Rule, Message: d.Message, Text: text}
			s.Failures++
			out.Failures++
		}
		s.Tests++
		out.Tests++
		s.Cases = append(s.Cases, c)
	}
	if len(out.Suites) == 0 {
		out.Suites = []junitSuite{{Name: "apidocgen-lint", Tests: 1, Cases: []junitCase{{ClassName: "apidocgen-lint", Name: "no findings"}}}}
		out.Tests = 1
	}
	return out
}

func writeJUnit(w io.Writer, ds []model.Diagnostic, opts ReportOptions) error {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(junitReport(ds, opts.Prefix)); err != nil {
		return err
	}
	b.WriteByte('\n')
	_, err := w.Write(b.Bytes())
	return err
}
