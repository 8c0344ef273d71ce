package gfm

import (
	gast "github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// checkboxParser reads "[ ]", "[x]" or "[X]" (the box may also hold a tab,
// CR, LF or form feed) at the very start of the first block of a list item,
// together with the white space after it, as an east.TaskCheckBox. It runs
// before goldmark's link parser, which also triggers on '['.
type checkboxParser struct{}

func (checkboxParser) Trigger() []byte { return []byte{'['} }

// isRegexpSpace reports the bytes of the \s class of Go regular expressions,
// which goldmark uses for task list items: tab, LF, form feed, CR, space.
func isRegexpSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

func (checkboxParser) Parse(parent gast.Node, block text.Reader, pc parser.Context) gast.Node {
	item := parent.Parent()
	if item == nil || item.FirstChild() != parent || parent.HasChildren() {
		return nil
	}
	if _, ok := item.(*gast.ListItem); !ok {
		return nil
	}
	line, _ := block.PeekLine()
	if len(line) < 3 || line[0] != '[' || line[2] != ']' {
		return nil
	}
	mark := line[1]
	checked := mark == 'x' || mark == 'X'
	if !checked && !isRegexpSpace(mark) {
		return nil
	}
	n := 3
	for n < len(line) && isRegexpSpace(line[n]) {
		n++
	}
	block.Advance(n)
	return east.NewTaskCheckBox(checked)
}
