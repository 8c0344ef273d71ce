package gfm

import (
	gast "github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// strikeParser pushes runs of one or two '~' as delimiters; goldmark's
// delimiter processing later pairs an opener with a closer of the same
// character and wraps what lies between in an east.Strikethrough. Runs of
// three or more tildes, and a tilde run that directly follows another
// tilde, stay plain text.
type strikeParser struct{}

func (strikeParser) Trigger() []byte { return []byte{'~'} }

func (strikeParser) Parse(parent gast.Node, block text.Reader, pc parser.Context) gast.Node {
	prev := block.PrecendingCharacter()
	if prev == '~' {
		return nil
	}
	line, seg := block.PeekLine()
	d := parser.ScanDelimiter(line, prev, 1, tildes{})
	if d == nil || d.OriginalLength > 2 {
		return nil
	}
	d.Segment = seg.WithStop(seg.Start + d.OriginalLength)
	block.Advance(d.OriginalLength)
	pc.PushDelimiter(d)
	return d
}

// tildes is the parser.DelimiterProcessor for strikethrough.
type tildes struct{}

func (tildes) IsDelimiter(c byte) bool { return c == '~' }

func (tildes) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char
}

func (tildes) OnMatch(int) gast.Node { return east.NewStrikethrough() }
