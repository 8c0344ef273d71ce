// Package gfm provides the GitHub Flavored Markdown syntax extensions that
// planlint needs (tables, strikethrough, extended autolinks and task list
// items) as a drop-in replacement for goldmark's extension.GFM.
//
// goldmark's extension package compiles several regular expressions when the
// program starts (the linkify URL patterns with their {1,256} repeats, the
// table delimiter patterns and the task list pattern), which costs a few
// milliseconds on every planlint run. This package recognises the same syntax
// with hand-written scanners and no package-level regular expressions, and it
// produces exactly the node types of github.com/yuin/goldmark/extension/ast
// (Table, TableHeader, TableRow, TableCell, Strikethrough, TaskCheckBox) and
// *ast.AutoLink, so code that walks the tree does not notice the switch.
//
// The parsers are registered with the same kinds of hooks and the same
// priorities as goldmark v1.8.7 uses for extension.GFM:
//
//   - linkify: inline parser, priority 999, triggered by white space, line
//     starts, '*', '_', '~' and '(';
//   - table: paragraph transformer, priority 200, plus an AST transformer,
//     priority 0, that removes the backslash of "\|" inside code spans in
//     table cells;
//   - strikethrough: inline parser, priority 500, on '~';
//   - task list: inline parser, priority 0, on '['.
//
// The resulting trees (node kinds, nesting, segments, positions, line breaks,
// table alignments, checkbox states and autolink fields) are identical to
// those of goldmark's extension.GFM with default options; the tests in this
// package compare both parsers on planlint's test plans, on hand-written edge
// cases and under fuzzing.
//
// There are no real HTML renderers: planlint only parses. So that
// goldmark.Markdown.Convert does not panic on the extension's node kinds,
// they are registered with a pass-through renderer that outputs their
// children only (no <table>, <del> or checkbox markup).
package gfm

import (
	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// GFM adds tables, strikethrough, extended autolinks and task list items to
// a goldmark.Markdown, like goldmark's extension.GFM with default options.
var GFM goldmark.Extender = extender{}

// Extension returns the GFM extender.
func Extension() goldmark.Extender { return GFM }

type extender struct{}

// Extend registers the parsers in the order and with the priorities goldmark
// uses (Linkify, Table, Strikethrough, TaskList), so that the sorting of
// parsers with equal priorities also comes out the same.
func (extender) Extend(m goldmark.Markdown) {
	p := m.Parser()
	p.AddOptions(parser.WithInlineParsers(util.Prioritized(autolinkParser{}, 999)))
	p.AddOptions(
		parser.WithParagraphTransformers(util.Prioritized(tableTransformer{}, 200)),
		parser.WithASTTransformers(util.Prioritized(escapedPipeTransformer{}, 0)),
	)
	p.AddOptions(parser.WithInlineParsers(util.Prioritized(strikeParser{}, 500)))
	p.AddOptions(parser.WithInlineParsers(util.Prioritized(checkboxParser{}, 0)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(passThrough{}, 500)))
}

// passThrough renders the extension's nodes as their children only.
type passThrough struct{}

func (passThrough) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	for _, k := range []gast.NodeKind{east.KindTable, east.KindTableHeader, east.KindTableRow,
		east.KindTableCell, east.KindStrikethrough, east.KindTaskCheckBox} {
		reg.Register(k, children)
	}
}

func children(util.BufWriter, []byte, gast.Node, bool) (gast.WalkStatus, error) {
	return gast.WalkContinue, nil
}
