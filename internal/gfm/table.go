package gfm

import (
	gast "github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// tableTransformer turns a paragraph into a table when one of its lines (not
// the first) is a delimiter row such as "| --- | :-: |" and the line before
// it, the header row, has no more cells than the delimiter row has columns.
// Lines before the header stay in the paragraph; every line after the
// delimiter row becomes a body row.
type tableTransformer struct{}

// pipeEscapes remembers, for one table cell, where a backslash escapes a pipe
// after a backtick was seen in the cell: such a "\|" may end up inside a code
// span, where the backslash has to be dropped once inlines are parsed.
type pipeEscapes struct {
	cell        *east.TableCell
	backslashes []int // source offsets of the backslashes
	done        bool
}

var pipeEscapesKey = parser.NewContextKey()

func (tableTransformer) Transform(para *gast.Paragraph, reader text.Reader, pc parser.Context) {
	lines := para.Lines()
	if lines.Len() < 2 {
		return
	}
	source := reader.Source()
	for i := 1; i < lines.Len(); i++ {
		delim := lines.At(i)
		aligns := delimiterRow(delim.Value(source))
		if aligns == nil {
			continue
		}
		header := splitRow(lines.At(i-1), aligns, true, source, pc)
		if header.ChildCount() != len(aligns) {
			return
		}
		table := east.NewTable()
		table.Alignments = aligns
		table.SetPos(para.Pos())
		table.AppendChild(table, east.NewTableHeader(header))
		for j := i + 1; j < lines.Len(); j++ {
			table.AppendChild(table, splitRow(lines.At(j), aligns, false, source, pc))
		}

		// The paragraph keeps the lines before the header row.
		lines.SetSliced(0, i-1)
		parent := para.Parent()
		parent.InsertAfter(parent, para, table)
		if lines.Len() == 0 {
			parent.RemoveChild(parent, para)
		} else {
			// The last kept line loses its final byte (the newline).
			last := lines.At(lines.Len() - 1)
			last.Stop--
			lines.Set(lines.Len()-1, last)
		}
		return
	}
}

// isSpace reports the bytes goldmark treats as white space: tab, LF, CR and
// space.
func isSpace(c byte) bool { return util.IsSpace(c) }

// delimiterRow returns the column alignments if line is a table delimiter
// row, nil otherwise.
func delimiterRow(line []byte) []east.Alignment {
	if w, _ := util.IndentWidth(line, 0); w > 3 {
		return nil
	}
	onlyDashes := true
	for _, c := range line {
		if c != '-' {
			onlyDashes = false
			if c != '|' && c != ':' && !isSpace(c) {
				return nil
			}
		}
	}
	if onlyDashes { // also true for an empty line
		return nil
	}

	// Split on every '|'; a blank first or last piece is dropped (the
	// optional outer pipes).
	var cols [][2]int
	start := 0
	for k := 0; k <= len(line); k++ {
		if k == len(line) || line[k] == '|' {
			cols = append(cols, [2]int{start, k})
			start = k + 1
		}
	}
	if util.IsBlank(line[cols[0][0]:cols[0][1]]) {
		cols = cols[1:]
	}
	if n := len(cols); n > 0 && util.IsBlank(line[cols[n-1][0]:cols[n-1][1]]) {
		cols = cols[:n-1]
	}

	var aligns []east.Alignment
	for _, col := range cols {
		a, ok := columnAlignment(line[col[0]:col[1]])
		if !ok {
			return nil
		}
		aligns = append(aligns, a)
	}
	return aligns
}

// columnAlignment reads one cell of a delimiter row: optional spaces, an
// optional ':', one or more '-', an optional ':', optional spaces.
func columnAlignment(col []byte) (east.Alignment, bool) {
	lo, hi := 0, len(col)
	for lo < hi && isSpace(col[lo]) {
		lo++
	}
	for hi > lo && isSpace(col[hi-1]) {
		hi--
	}
	left := lo < hi && col[lo] == ':'
	if left {
		lo++
	}
	right := hi > lo && col[hi-1] == ':'
	if right {
		hi--
	}
	if lo == hi {
		return 0, false
	}
	for _, c := range col[lo:hi] {
		if c != '-' {
			return 0, false
		}
	}
	switch {
	case left && right:
		return east.AlignCenter, true
	case left:
		return east.AlignLeft, true
	case right:
		return east.AlignRight, true
	}
	return east.AlignNone, true
}

// splitRow builds a table row from one paragraph line. Body rows drop cells
// beyond the number of columns; the header keeps them so that the caller can
// reject the table. Missing cells are added empty, without alignment or
// position.
func splitRow(raw text.Segment, aligns []east.Alignment, header bool,
	source []byte, pc parser.Context) *east.TableRow {
	trimmed := raw.TrimLeftSpace(source)
	trimmed = trimmed.TrimRightSpace(source)
	line := trimmed.Value(source)

	row := east.NewTableRow(aligns)
	row.SetPos(raw.Start)
	pos, end := 0, len(line)
	if end > 0 && line[0] == '|' {
		pos++
	}
	if end > 0 && line[end-1] == '|' {
		end--
	}
	col := 0
	for ; pos < end; col++ {
		align := east.AlignNone
		if col < len(aligns) {
			align = aligns[col]
		} else if !header {
			return row
		}
		cell := east.NewTableCell()
		// goldmark measures the cell start from the untrimmed line.
		cell.SetPos(raw.Start + pos - raw.Padding)
		cell.Alignment = align

		var esc *pipeEscapes
		sawBacktick := false
		stop := pos
		for ; stop < end; stop++ {
			c := line[stop]
			if c == '`' {
				sawBacktick = true
				continue
			}
			if c != '|' {
				continue
			}
			if stop == 0 || line[stop-1] != '\\' {
				break
			}
			if sawBacktick {
				if esc == nil {
					esc = &pipeEscapes{cell: cell}
					rememberEscapes(pc, esc)
				}
				esc.backslashes = append(esc.backslashes, trimmed.Start+stop-1)
			}
		}
		content := text.NewSegment(trimmed.Start+pos, trimmed.Start+stop)
		content = content.TrimLeftSpace(source)
		content = content.TrimRightSpace(source)
		cell.Lines().Append(content)
		row.AppendChild(row, cell)
		pos = stop + 1
	}
	for ; col < len(aligns); col++ {
		row.AppendChild(row, east.NewTableCell())
	}
	return row
}

func rememberEscapes(pc parser.Context, e *pipeEscapes) {
	list, _ := pc.Get(pipeEscapesKey).([]*pipeEscapes)
	pc.Set(pipeEscapesKey, append(list, e))
}

// escapedPipeTransformer runs after inline parsing. Inside code spans the
// backslash of an escaped pipe is literal text, but in a table cell "\|" only
// protects the pipe from splitting the row, so the backslash is cut out of
// the code span's text (which becomes two raw text segments).
type escapedPipeTransformer struct{}

func (escapedPipeTransformer) Transform(doc *gast.Document, reader text.Reader, pc parser.Context) {
	all, _ := pc.Get(pipeEscapesKey).([]*pipeEscapes)
	if all == nil {
		return
	}
	pc.Set(pipeEscapesKey, nil)
	for _, e := range all {
		if e.done {
			continue
		}
		_ = gast.Walk(e.cell, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
			if entering && n.Kind() == gast.KindCodeSpan {
				cutBackslashes(n, all)
			}
			return gast.WalkContinue, nil
		})
	}
}

// cutBackslashes splits every text child of span that contains one of the
// remembered backslashes, dropping the backslash.
func cutBackslashes(span gast.Node, all []*pipeEscapes) {
	for c := span.FirstChild(); c != nil; {
		next := c.NextSibling()
		t, ok := c.(*gast.Text)
		if !ok {
			c = next
			continue
		}
		orig := t.Segment
		cur := t
		for _, e := range all {
			for _, at := range e.backslashes {
				if at < orig.Start || at >= orig.Stop {
					continue
				}
				before := gast.NewRawTextSegment(cur.Segment.WithStop(at))
				after := gast.NewRawTextSegment(cur.Segment.WithStart(at + 1))
				span.InsertAfter(span, cur, before)
				span.InsertAfter(span, before, after)
				span.RemoveChild(span, cur)
				cur = after
				e.done = true
			}
		}
		c = next
	}
}
