package jsonx

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/apidocgen/apidocgen/input/inputtest"
)

// A corpusBlock is a piece of JSON cut out of a corpus page.
type corpusBlock struct {
	kind string // "json-fence", "comment" or "http-body"
	file string
	line int
	src  []byte
}

// extractBlocks is a crude scanner for the JSON in a Markdown page: the
// bodies of ```json fences, HTML comments whose text starts with "{", and
// the JSON bodies of ```http fences (the part after the first blank line,
// when it starts with "{" or "["). Unclosed fences and comments run to the
// end of the page.
func extractBlocks(file string, page []byte) []corpusBlock {
	var blocks []corpusBlock
	lines := bytes.SplitAfter(page, []byte("\n"))
	inFence, lang, fenceStart := false, "", 0
	var body []byte
	flushFence := func() {
		switch {
		case lang == "json":
			blocks = append(blocks, corpusBlock{"json-fence", file, fenceStart + 1, body})
		case lang == "http" || lang == "":
			// The body of an HTTP message follows the first blank line.
			sep := bytes.Index(body, []byte("\n\n"))
			if crlf := bytes.Index(body, []byte("\r\n\r\n")); crlf >= 0 && (sep < 0 || crlf < sep) {
				sep = crlf
			}
			if sep < 0 {
				return
			}
			rest := body[sep:]
			trimmed := bytes.TrimLeft(rest, " \t\r\n")
			if len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[') {
				line := fenceStart + 1 + bytes.Count(body[:sep], []byte("\n")) + bytes.Count(rest[:len(rest)-len(trimmed)], []byte("\n"))
				blocks = append(blocks, corpusBlock{"http-body", file, line + 1, trimmed})
			}
		}
	}
	for n := 0; n < len(lines); n++ {
		line := lines[n]
		text := strings.TrimSpace(string(line))
		if inFence {
			if strings.HasPrefix(text, "```") && strings.Trim(text, "`") == "" {
				flushFence()
				inFence = false
				continue
			}
			body = append(body, line...)
			continue
		}
		if strings.HasPrefix(text, "```") {
			inFence, lang, fenceStart, body = true, strings.ToLower(strings.TrimSpace(strings.TrimLeft(text, "`"))), n, nil
			continue
		}
		if i := bytes.Index(line, []byte("<!--")); i >= 0 {
			// Join lines until the comment closes.
			var comment []byte
			comment = append(comment, line[i+4:]...)
			start := n
			for !bytes.Contains(comment, []byte("-->")) && n+1 < len(lines) {
				n++
				comment = append(comment, lines[n]...)
			}
			if j := bytes.Index(comment, []byte("-->")); j >= 0 {
				// Keep what follows "-->" on its line, as in "}-->s".
				end := j + 3
				for end < len(comment) && comment[end] != '\n' {
					end++
				}
				tail := comment[j+3 : end]
				comment = append(comment[:j:j], tail...)
			}
			if t := bytes.TrimLeft(comment, " \t\r\n"); len(t) > 0 && t[0] == '{' {
				blocks = append(blocks, corpusBlock{"comment", file, start + 1, t})
			}
		}
	}
	if inFence {
		flushFence()
	}
	return blocks
}

func TestExtractBlocks(t *testing.T) {
	page := "# Title\n\n<!-- {\n  \"blockType\": \"resource\"\n}-->s\n```json\n{\"a\": 1}\n```\n" +
		"<!-- uuid: 1 -->\n``` http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n{\"b\": 2}\n```\n"
	blocks := extractBlocks("x.md", []byte(page))
	var got []string
	for _, b := range blocks {
		got = append(got, fmt.Sprintf("%s:%d:%s", b.kind, b.line, strings.TrimSpace(string(b.src))))
	}
	want := []string{
		"comment:3:{\n  \"blockType\": \"resource\"\n}s",
		"json-fence:6:{\"a\": 1}",
		"http-body:14:{\"b\": 2}",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("extractBlocks:\n got %q\nwant %q", got, want)
	}
}

// TestCorpus parses every JSON block of the corpus and logs how many are
// strict, need repairs, or cannot be read.
func TestCorpus(t *testing.T) {
	for _, sub := range []string{"graph-v1.0", "seed-family"} {
		t.Run(sub, func(t *testing.T) {
			dir := inputtest.CorpusDir(t, sub)
			var blocks []corpusBlock
			err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
					return err
				}
				page, err := os.ReadFile(path)
				if err != nil {
					return err
				}
				rel, _ := filepath.Rel(dir, path)
				blocks = append(blocks, extractBlocks(filepath.ToSlash(rel), page)...)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			type count struct{ strict, lenient, failed int }
			counts := map[string]*count{}
			fixKinds := map[string]int{}
			var failures []string
			for _, b := range blocks {
				group := b.kind + " " + strings.SplitN(b.file, "/", 2)[0]
				c := counts[group]
				if c == nil {
					c = &count{}
					counts[group] = c
				}
				v, fixes, perr := Parse(b.src)
				switch {
				case perr != nil:
					c.failed++
					line, col := LineCol(b.src, perr.Offset)
					failures = append(failures, fmt.Sprintf("%s %s:%d:%d: %s", b.kind, b.file, b.line+line-1, col, perr.Msg))
				case len(fixes) > 0:
					c.lenient++
					seen := map[string]bool{}
					for _, f := range fixes {
						if !seen[f.Kind] {
							fixKinds[b.kind+" "+f.Kind]++
							seen[f.Kind] = true
						}
					}
				default:
					c.strict++
					// Real shapes written with the usual mistakes must read
					// back to the same value.
					checkLenientStyles(t, b.src, v, false)
				}
				if v != nil && perr == nil {
					if out := v.Marshal(); len(out) == 0 {
						t.Errorf("%s:%d: empty Marshal", b.file, b.line)
					}
				}
			}
			kinds := make([]string, 0, len(counts))
			for k := range counts {
				kinds = append(kinds, k)
			}
			sort.Strings(kinds)
			total, strict := 0, 0
			for _, k := range kinds {
				c := counts[k]
				t.Logf("%-20s blocks %5d: strict %5d, lenient-ok %4d, failed %4d", k, c.strict+c.lenient+c.failed, c.strict, c.lenient, c.failed)
				if !strings.HasPrefix(k, "http-body ") {
					total += c.strict + c.lenient + c.failed
					strict += c.strict
				}
			}
			fk := make([]string, 0, len(fixKinds))
			for k := range fixKinds {
				fk = append(fk, k)
			}
			sort.Strings(fk)
			for _, k := range fk {
				t.Logf("blocks with fix %-28s %4d", k, fixKinds[k])
			}
			for _, f := range failures {
				t.Logf("failed: %s", f)
			}
			if total == 0 {
				t.Fatal("no JSON blocks found")
			}
			share := float64(strict) / float64(total)
			t.Logf("json fences and comments: %d of %d strict (%.1f%%)", strict, total, 100*share)
			if share < 0.95 {
				t.Errorf("only %.1f%% of json fences and comments are strict JSON, want > 95%%", 100*share)
			}
		})
	}
}
