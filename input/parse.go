package input

import (
	"bytes"
	"strings"
	"sync"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// The Markdown parser: goldmark's CommonMark block parsers and our
// paragraph transformer (link reference definitions, then pipe tables). No
// inline parsers are registered: inline text is read by our own scanner
// (inline.go), once, when the blocks are known.
var mdParser = parser.NewParser(
	parser.WithBlockParsers(parser.DefaultBlockParsers()...),
	parser.WithParagraphTransformers(util.Prioritized(paragraphTransformer{}, 100)),
)

// stateKey holds the *parseState of one Parse in the goldmark context.
var stateKey = parser.NewContextKey()

// parseState collects what the paragraph transformer finds.
type parseState struct {
	defs []*ast.LinkReferenceDefinition
}

// kindTable is the node kind of a pipe table found by paragraphTransformer.
var kindTable = ast.NewNodeKind("apidocgenTable")

// tableNode is a pipe table: its lines are the header, the alignment row
// and the body rows, split later by buildTable.
type tableNode struct {
	ast.BaseBlock
}

func (n *tableNode) Kind() ast.NodeKind { return kindTable }
func (n *tableNode) IsRaw() bool        { return true }
func (n *tableNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, nil, nil)
}

// kindPara is the node kind of a paragraph once transformed: the same lines,
// but raw, so that goldmark does not split it into inline nodes we would not
// use (inline text is read by our own scanner).
var kindPara = ast.NewNodeKind("apidocgenParagraph")

// paraNode is a paragraph that goldmark leaves alone after block parsing.
type paraNode struct {
	ast.BaseBlock
}

func (n *paraNode) Kind() ast.NodeKind { return kindPara }
func (n *paraNode) IsRaw() bool        { return true }
func (n *paraNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, nil, nil)
}

// paragraphTransformer extracts link reference definitions (with goldmark's
// own transformer) and then turns the rest of a paragraph into a table when
// a line after its first is an alignment row. Unlike GFM it does not require
// the header and the alignment row to have the same number of cells.
type paragraphTransformer struct{}

func (paragraphTransformer) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	st, _ := pc.Get(stateKey).(*parseState)
	parent, prev := node.Parent(), node.PreviousSibling()
	// Definitions can only open a paragraph: skip goldmark's transformer
	// unless the first line starts with '['.
	if first := node.Lines(); first.Len() > 0 {
		seg := first.At(0)
		s, e := trimSpaceRange(reader.Source(), seg.Start, seg.Stop)
		if s < e && reader.Source()[s] == '[' {
			parser.LinkReferenceParagraphTransformer.Transform(node, reader, pc)
		}
	}
	if st != nil && parent != nil {
		c := parent.FirstChild()
		if prev != nil {
			c = prev.NextSibling()
		}
		for ; c != nil; c = c.NextSibling() {
			d, ok := c.(*ast.LinkReferenceDefinition)
			if !ok {
				break
			}
			st.defs = append(st.defs, d)
		}
	}
	if node.Parent() == nil {
		return
	}
	lines := node.Lines()
	src := reader.Source()
	split := false // a table was split off the end of the paragraph
	for i := 1; i < lines.Len(); i++ {
		seg := lines.At(i)
		s, e := trimSpaceRange(src, seg.Start, seg.Stop)
		if !isDelimiterRow(src, s, e) {
			continue
		}
		hs := lines.At(i - 1)
		h0, h1 := trimSpaceRange(src, hs.Start, hs.Stop)
		if bytes.IndexByte(src[s:e], '|') < 0 && bytes.IndexByte(src[h0:h1], '|') < 0 {
			continue
		}
		t := &tableNode{}
		t.Lines().AppendAll(lines.Sliced(i-1, lines.Len()))
		t.SetPos(h0)
		node.Parent().InsertAfter(node.Parent(), node, t)
		if i == 1 {
			node.Parent().RemoveChild(node.Parent(), node)
			return
		}
		node.Lines().SetSliced(0, i-1)
		split = true
		break
	}
	if !split && atSetextUnderline(src, reader) {
		// goldmark asks for the paragraph to be transformed before it
		// turns it into a setext heading: leave it a paragraph. When a
		// table was split off its end, the underline follows the table,
		// not the text, and is read as what it is on its own (a thematic
		// break), as after a table that opens a paragraph.
		return
	}
	raw := &paraNode{}
	raw.SetLines(node.Lines())
	raw.SetBlankPreviousLines(node.HasBlankPreviousLines())
	node.Parent().ReplaceChild(node.Parent(), node, raw)
}

// stripCR returns a copy of src without the '\r' of each "\r\n", and which
// lines (0-based) ended in "\r\n".
func stripCR(src []byte) ([]byte, []bool) {
	out := make([]byte, 0, len(src))
	var cr []bool
	line := 0
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c == '\r' && i+1 < len(src) && src[i+1] == '\n' {
			for len(cr) <= line {
				cr = append(cr, false)
			}
			cr[line] = true
			continue
		}
		if c == '\n' {
			line++
		}
		out = append(out, c)
	}
	for len(cr) <= line {
		cr = append(cr, false)
	}
	return out, cr
}

// atSetextUnderline reports whether the reader is on a line of only '-' or
// only '=' (after up to 3 spaces), which makes the open paragraph a setext
// heading.
func atSetextUnderline(src []byte, reader text.Reader) bool {
	_, seg := reader.Position()
	off := seg.Start
	if off < 0 || off >= len(src) {
		return false
	}
	s := bytes.LastIndexByte(src[:off], '\n') + 1
	e := bytes.IndexByte(src[off:], '\n')
	if e < 0 {
		e = len(src)
	} else {
		e += off
	}
	ls, le := trimSpaceRange(src, s, e)
	if ls-s > 3 || le == ls || (src[ls] != '-' && src[ls] != '=') {
		return false
	}
	return runLen(src, ls, le, src[ls]) == le-ls
}

// Parse reads one Markdown page. path is the slash path relative to the
// docs root; it is copied into every Pos. Parse never fails: problems are
// recorded on the elements concerned.
func Parse(path string, src []byte) *Page {
	p := &Page{Path: path, Blocks: []*Block{}}
	ix, crlf, lf := newLineIndex(src)
	p.CRLF, p.Mixed = crlf, crlf && lf
	// goldmark does not read every construct the same with "\r\n" line
	// ends, so a CRLF page is read from a copy without the '\r's. Lines and
	// columns are the same in both (a '\r' before '\n' is not counted).
	var crLines []bool
	if crlf {
		src, crLines = stripCR(src)
		ix, _, _ = newLineIndex(src)
	}
	str := string(src)
	fmEnd, front := frontMatter(src, str, &ix, path)
	p.Front = front
	w := newWalker()
	defer w.release()
	w.page, w.src, w.str, w.ix, w.file, w.st, w.crLines = p, src, str, &ix, path, &parseState{}, crLines
	w.in.src, w.in.str, w.in.file, w.in.ix = src, str, path, &ix

	// Parse, restarting after each comment that is never closed: goldmark
	// lets such a comment swallow the rest of the page.
	var nodes []ast.Node
	cuts := map[ast.Node]int{}
	from := fmEnd
	for {
		doc := w.parse(from)
		restart := -1
		for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
			nodes = append(nodes, c)
			if h, ok := c.(*ast.HTMLBlock); ok && h.HTMLBlockType == ast.HTMLBlockType2 {
				if cut := w.commentCut(h); cut >= 0 {
					cuts[c] = cut
					restart = cut
					break
				}
			}
		}
		if restart < 0 {
			break
		}
		from = restart
	}

	w.collectDefs()
	w.in.defs = p.LinkDefs
	w.ends = make([]int, 0, len(nodes)+8)
	for _, n := range nodes {
		w.block(n, cuts)
	}
	w.setBlocks()
	w.linkAnnotations()
	return p
}

// A walker builds the blocks of one page.
type walker struct {
	page *Page
	src  []byte // the page with its front matter masked
	str  string // src as a string: block texts are slices of it
	ix   *lineIndex
	file string
	st   *parseState
	in   inliner
	ends []int // per block: offset of its last byte

	blockBuf []Block // reusable: the blocks read so far (see add)

	nested  []ast.Node // code and HTML blocks inside the container being read
	crLines []bool     // per 0-based line: it ended in "\r\n" (nil for LF pages)

	pieceBuf []piece      // reusable
	cellBuf  []piece      // reusable
	rowBuf   []pendingRow // reusable

	rowLine int // 0-based line of the table row being built

	tabText string // the source of the table being built
	tabBase int    // offset of tabText in src
}

// walkers keeps walkers between pages for their scratch buffers.
var walkers = sync.Pool{New: func() any { return new(walker) }}

// newWalker returns a walker with no page, reusing the scratch buffers of
// an earlier one when there is one.
func newWalker() *walker { return walkers.Get().(*walker) }

// release forgets the page and returns w to the pool; only the scratch
// buffers, which no page refers to, are kept.
func (w *walker) release() {
	clear(w.blockBuf) // the page's texts and tables
	*w = walker{
		pieceBuf: w.pieceBuf[:0],
		cellBuf:  w.cellBuf[:0],
		rowBuf:   w.rowBuf[:0],
		blockBuf: w.blockBuf[:0],
		in: inliner{
			bufStarts: w.in.bufStarts[:0],
			srcStarts: w.in.srcStarts[:0],
			joined:    w.in.joined[:0],
			scratch:   w.in.scratch,
			dscratch:  w.in.dscratch,
			dels:      w.in.dels[:0],
		},
	}
	walkers.Put(w)
}

// parse runs goldmark over the page from offset from (a line start): the
// lines before it (front matter, or text already read) are skipped, not
// copied, so offsets stay those of the page.
func (w *walker) parse(from int) ast.Node {
	pc := parser.NewContext()
	pc.Set(stateKey, w.st)
	r := text.NewReader(w.src)
	for {
		_, seg := r.Position()
		if seg.Start >= from || seg.Start >= len(w.src) {
			break
		}
		r.AdvanceLine()
	}
	return mdParser.Parse(r, parser.WithContext(pc))
}

func (w *walker) pos(off int) Pos { return w.ix.pos(w.file, off) }

// collectDefs fills Page.LinkDefs; the first definition of a label wins.
func (w *walker) collectDefs() {
	for _, d := range w.st.defs {
		label := util.ToLinkReference(d.Label)
		if _, dup := w.page.LinkDefs[label]; dup {
			continue
		}
		off := d.Pos()
		if off < 0 {
			continue
		}
		for off < len(w.src) && w.src[off] != '[' && w.src[off] != '\n' {
			off++
		}
		if w.page.LinkDefs == nil {
			w.page.LinkDefs = map[string]LinkDef{}
		}
		w.page.LinkDefs[label] = LinkDef{Target: unescape(d.Destination), Pos: w.pos(off)}
	}
}

// add appends a block ending at offset end (its last byte) to the blocks
// read so far; setBlocks gives them to the page.
func (w *walker) add(b Block, end int) {
	w.blockBuf = append(w.blockBuf, b)
	w.ends = append(w.ends, end)
}

// setBlocks stores the blocks read in the page: one array holds them all,
// rather than one allocation each.
func (w *walker) setBlocks() {
	blocks := make([]Block, len(w.blockBuf))
	copy(blocks, w.blockBuf)
	w.page.Blocks = make([]*Block, len(blocks))
	for i := range blocks {
		w.page.Blocks[i] = &blocks[i]
	}
}

// linePieces converts goldmark line segments to trimmed pieces.
func (w *walker) linePieces(lines *text.Segments, ps []piece) []piece {
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		s, e := trimSpaceRange(w.src, seg.Start, seg.Stop)
		ps = append(ps, piece{s, e})
	}
	return ps
}

// skipSpace returns the first offset at or after off that is not a space or
// tab.
func (w *walker) skipSpace(off int) int {
	for off < len(w.src) && (w.src[off] == ' ' || w.src[off] == '\t') {
		off++
	}
	return off
}

func lastStop(lines *text.Segments, def int) int {
	if lines.Len() == 0 {
		return def
	}
	return lines.At(lines.Len()-1).Stop - 1
}

// block converts one top-level node.
func (w *walker) block(n ast.Node, cuts map[ast.Node]int) {
	switch n := n.(type) {
	case *ast.Heading:
		w.pieceBuf = w.linePieces(n.Lines(), w.pieceBuf[:0])
		r := w.in.text(w.pieceBuf, false)
		start := w.skipSpace(n.Pos())
		w.add(Block{Kind: KindHeading, Pos: w.pos(start), Level: n.Level, Text: r.text, Links: r.links},
			lastStop(n.Lines(), start))
	case *ast.Paragraph, *paraNode:
		ps := w.linePieces(n.Lines(), w.pieceBuf[:0])
		w.pieceBuf = ps
		if len(ps) == 0 {
			return
		}
		r := w.in.text(ps, false)
		w.add(Block{Kind: KindParagraph, Pos: w.pos(ps[0].start), Text: r.text, Links: r.links}, ps[len(ps)-1].end-1)
	case *ast.List:
		b := Block{Kind: KindList, Pos: w.pos(w.skipSpace(n.Pos())), Items: []string{}}
		end := n.Pos()
		for it := n.FirstChild(); it != nil; it = it.NextSibling() {
			ps := w.containerPieces(it, w.pieceBuf[:0], &end)
			w.pieceBuf = ps
			r := w.in.text(ps, false)
			b.Items = append(b.Items, r.text)
			b.Links = append(b.Links, r.links...)
		}
		w.add(b, end)
		w.addNested()
	case *ast.Blockquote:
		end := n.Pos()
		ps := w.containerPieces(n, nil, &end)
		r := w.in.text(ps, false)
		w.add(Block{Kind: KindQuote, Pos: w.pos(w.skipSpace(n.Pos())), Text: r.text, Links: r.links}, end)
		w.addNested()
	case *tableNode:
		w.table(n)
	case *ast.FencedCodeBlock:
		w.fenced(n)
	case *ast.CodeBlock:
		w.indented(n)
	case *ast.HTMLBlock:
		w.html(n, cuts)
	case *ast.ThematicBreak:
		start := w.skipSpace(n.Pos())
		_, e := w.ix.lineBounds(w.src, w.ix.line(start))
		w.add(Block{Kind: KindBreak, Pos: w.pos(start)}, e-1)
	case *ast.LinkReferenceDefinition:
	default:
		ps := w.containerPieces(n, nil, new(int))
		if len(ps) == 0 {
			return
		}
		r := w.in.text(ps, false)
		w.add(Block{Kind: KindParagraph, Pos: w.pos(ps[0].start), Text: r.text, Links: r.links}, ps[len(ps)-1].end-1)
	}
}

// table converts a pipe table.
func (w *walker) table(n *tableNode) {
	lines := make([]tableLine, 0, n.Lines().Len())
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		s, e := trimSpaceRange(w.src, seg.Start, seg.Stop)
		lines = append(lines, tableLine{s, e})
	}
	w.add(Block{Kind: KindTable, Pos: w.pos(lines[0].start), Table: w.buildTable(lines)}, lines[len(lines)-1].end-1)
}

// indented converts an indented code block.
func (w *walker) indented(n *ast.CodeBlock) {
	c := &CodeBlock{Lines: w.codeLines(n.Lines())}
	start := n.Pos()
	if n.Lines().Len() > 0 {
		start = n.Lines().At(0).Start
	}
	w.add(Block{Kind: KindCode, Pos: w.pos(start), Code: c}, lastStop(n.Lines(), start))
}

// addNested adds the code blocks and HTML blocks found inside the last
// list or block quote, after it: an annotation inside a list item keeps
// the fence it describes.
func (w *walker) addNested() {
	nested := w.nested
	w.nested = nil
	for _, n := range nested {
		switch n := n.(type) {
		case *ast.FencedCodeBlock:
			w.fenced(n)
		case *ast.CodeBlock:
			w.indented(n)
		case *ast.HTMLBlock:
			w.html(n, nil)
		case *tableNode:
			w.table(n)
		}
	}
}

// containerPieces gathers the text lines of the blocks inside a list item
// or block quote, in order, and sets aside its code and HTML blocks in
// w.nested; end is raised to the last byte seen.
func (w *walker) containerPieces(n ast.Node, ps []piece, end *int) []piece {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock, *tableNode:
			w.nested = append(w.nested, c)
			if c.Lines().Len() > 0 {
				*end = max(*end, lastStop(c.Lines(), 0))
			}
		case *ast.LinkReferenceDefinition, *ast.ThematicBreak:
			if c.Lines().Len() > 0 {
				*end = max(*end, lastStop(c.Lines(), 0))
			}
		case *ast.Paragraph, *paraNode, *ast.TextBlock, *ast.Heading:
			ps = w.linePieces(c.Lines(), ps)
			if c.Lines().Len() > 0 {
				*end = max(*end, lastStop(c.Lines(), 0))
			}
		default:
			ps = w.containerPieces(c, ps, end)
		}
	}
	return ps
}

// codeLines converts the body lines of a code block.
func (w *walker) codeLines(lines *text.Segments) []Line {
	out := make([]Line, 0, lines.Len())
	if lines.Len() == 0 {
		return out
	}
	// One string for the whole body; each line's Text is a slice of it.
	base := lines.At(0).Start
	all := w.str[base:lines.At(lines.Len()-1).Stop]
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		s, e := seg.Start, seg.Stop
		if e > s && w.src[e-1] == '\n' {
			e--
		}
		cr := false
		if w.crLines != nil {
			cr = w.crLines[w.ix.line(s)]
		}
		var t string
		if s >= base && e-base <= len(all) {
			t = all[s-base : e-base]
		} else {
			t = w.str[s:e]
		}
		if seg.Padding > 0 {
			t = strings.Repeat(" ", seg.Padding) + t
		}
		out = append(out, Line{Text: t, Pos: w.pos(s), CR: cr})
	}
	return out
}

// fenced converts a fenced code block and finds whether it was closed.
func (w *walker) fenced(n *ast.FencedCodeBlock) {
	start := w.skipSpace(n.Pos())
	c := &CodeBlock{Lines: w.codeLines(n.Lines())}
	if n.Info != nil {
		if seg := n.Info.Segment; seg.Padding == 0 && seg.Start <= seg.Stop && seg.Stop <= len(w.str) {
			c.Info = strings.TrimSpace(w.str[seg.Start:seg.Stop])
		} else {
			c.Info = strings.TrimSpace(string(n.Info.Value(w.src)))
		}
		lang := c.Info
		if i := strings.IndexAny(lang, " \t{"); i >= 0 {
			lang = lang[:i]
		}
		c.Lang = strings.ToLower(lang)
	}
	fch := byte('`')
	fn := 0
	if start < len(w.src) {
		fch = w.src[start]
		fn = runLen(w.src, start, len(w.src), fch)
	}
	// The line after the body (or after the opening line) must be a
	// closing fence.
	openLine := w.ix.line(start)
	next := openLine + 1
	if k := n.Lines().Len(); k > 0 {
		next = w.ix.line(n.Lines().At(k-1).Start) + 1
	}
	end := 0
	c.Unclosed = true
	if next < len(w.ix.starts) {
		s, e := w.ix.lineBounds(w.src, next)
		// Skip indentation and, inside a block quote, its '>' markers.
		ls, le := trimSpaceRange(w.src, s, e)
		for ls < le && (w.src[ls] == '>' || w.src[ls] == ' ' || w.src[ls] == '\t') {
			ls++
		}
		if le > ls && runLen(w.src, ls, le, fch) >= fn && runLen(w.src, ls, le, fch) == le-ls {
			c.Unclosed = false
			end = le - 1
		}
	}
	if c.Unclosed {
		end = lastStop(n.Lines(), start)
	}
	w.add(Block{Kind: KindCode, Pos: w.pos(start), Code: c}, end)
}

// htmlRange returns the source range of an HTML block: its first byte and
// the end of its last line.
func htmlRange(n *ast.HTMLBlock) (start, end int) {
	start, end = n.Pos(), n.Pos()
	if n.Lines().Len() > 0 {
		start = n.Lines().At(0).Start
		end = n.Lines().At(n.Lines().Len() - 1).Stop
	}
	if n.HasClosure() {
		end = n.ClosureLine.Stop
	}
	return start, end
}

// commentCut decides whether the comment block n is never closed (no
// "-->" before the end of the page, or another "<!--" line first). It
// returns the offset of the line where the comment is cut off (the next
// blank line, or that "<!--" line) or -1 when n is a proper comment.
func (w *walker) commentCut(n *ast.HTMLBlock) int {
	start, end := htmlRange(n)
	open := bytes.Index(w.src[start:end], []byte("<!--"))
	if open < 0 {
		return -1
	}
	open += start
	closeAt := commentClose(w.src, open, end)
	limit := end
	if closeAt >= 0 {
		limit = closeAt
	}
	// Look for a blank line or a nested "<!--" line before the close.
	first := w.ix.line(open)
	blank := -1
	for l := first + 1; l < len(w.ix.starts); l++ {
		s, e := w.ix.lineBounds(w.src, l)
		if s >= limit {
			break
		}
		if blank < 0 && w.ix.isBlankLine(w.src, l) {
			blank = s
			if closeAt < 0 {
				return blank
			}
			continue
		}
		ls, le := trimSpaceRange(w.src, s, e)
		if ls-s <= 3 && bytes.HasPrefix(w.src[ls:le], []byte("<!--")) {
			if blank >= 0 {
				return blank
			}
			return s
		}
	}
	if closeAt < 0 && end < len(w.src) {
		return end
	}
	return -1
}

// commentClose returns the offset of the "-->" closing the comment opened
// at open (also in "<!-->" and "<!--->"), or -1 before end.
func commentClose(src []byte, open, end int) int {
	if open+2 > end {
		return -1
	}
	k := bytes.Index(src[open+2:end], []byte("-->"))
	if k < 0 {
		return -1
	}
	return open + 2 + k
}

// html converts an HTML block: a comment (with its annotation) or raw HTML.
func (w *walker) html(n *ast.HTMLBlock, cuts map[ast.Node]int) {
	start, end := htmlRange(n)
	if cut, ok := cuts[n]; ok {
		end = cut
	}
	s := w.skipSpace(start)
	if n.HTMLBlockType != ast.HTMLBlockType2 || !bytes.HasPrefix(w.src[s:end], []byte("<!--")) {
		t := w.str[s:end]
		if bytes.IndexByte(w.src[s:end], '\r') >= 0 {
			t = strings.ReplaceAll(t, "\r\n", "\n")
		}
		w.add(Block{Kind: KindHTML, Pos: w.pos(s), Text: strings.TrimRight(t, " \t\r\n")}, lastNonSpace(w.src, s, end))
		return
	}
	c := &Comment{}
	bodyStart := s + 4
	bodyEnd := end
	closeAt := commentClose(w.src, s, end)
	if _, cut := cuts[n]; cut || closeAt < 0 {
		c.Unclosed = true
	} else {
		bodyEnd = max(closeAt, bodyStart)
		le := closeAt + 3
		for le < end && w.src[le] != '\n' {
			le++
		}
		c.Trailing = strings.TrimSpace(w.str[closeAt+3 : le])
		end = le
	}
	bs, be := trimSpaceRange(w.src, bodyStart, bodyEnd)
	if bs == be {
		bs, be = bodyStart, bodyStart
	}
	c.Body = w.str[bs:be]
	if bytes.IndexByte(w.src[bs:be], '\r') >= 0 {
		c.Body = strings.ReplaceAll(c.Body, "\r\n", "\n")
	}
	c.BodyPos = w.pos(bs)
	if strings.HasPrefix(c.Body, "{") {
		if len(c.Body) == be-bs {
			c.Annotation = annotate(w.src[bs:be], c.Body)
		} else {
			c.Annotation = annotate([]byte(c.Body), c.Body)
		}
	}
	w.add(Block{Kind: KindComment, Pos: w.pos(s), Comment: c}, lastNonSpace(w.src, s, end))
}

// lastNonSpace returns the offset of the last byte in [s, e) that is not
// white space (s when there is none).
func lastNonSpace(src []byte, s, e int) int {
	_, e = trimSpaceRange(src, s, e)
	if e > s {
		return e - 1
	}
	return s
}

// linkAnnotations sets Annotation.Next: the block right after the comment
// when only blank lines separate them.
func (w *walker) linkAnnotations() {
	blocks := w.page.Blocks
	for i, b := range blocks {
		if b.Comment == nil || b.Comment.Annotation == nil {
			continue
		}
		a := b.Comment.Annotation
		a.Next = -1
		if i+1 >= len(blocks) {
			continue
		}
		from := w.ix.line(w.ends[i]) + 1
		to := blocks[i+1].Pos.Line - 1 // 0-based line of the next block
		ok := from <= to
		for l := from; ok && l < to; l++ {
			ok = w.ix.isBlankLine(w.src, l)
		}
		if ok {
			a.Next = i + 1
		}
	}
}
