package gfm

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
	"go.abhg.dev/goldmark/frontmatter"
)

// The two parsers under comparison, with and without front matter as
// planlint's lint/document.go configures them.
var (
	refPlain = goldmark.New(goldmark.WithExtensions(extension.GFM))
	ourPlain = goldmark.New(goldmark.WithExtensions(GFM))
	refFM    = goldmark.New(goldmark.WithExtensions(extension.GFM, fmExtender()))
	ourFM    = goldmark.New(goldmark.WithExtensions(GFM, fmExtender()))
)

func fmExtender() goldmark.Extender {
	return &frontmatter.Extender{Formats: []frontmatter.Format{{
		Name: "YAML", Delim: '-',
		Unmarshal: func(b []byte, dst any) error {
			*(dst.(*[]byte)) = b
			return nil
		},
	}}}
}

// parse parses src with md, turning a panic into an error value so that both
// parsers can be compared on inputs that make goldmark panic.
func parse(md goldmark.Markdown, src []byte) (root gast.Node, panicked any) {
	defer func() { panicked = recover() }()
	return md.Parser().Parse(text.NewReader(src)), nil
}

// diffParse parses src with the reference and with our extension and
// returns the first difference between the trees, or "".
func diffParse(ref, ours goldmark.Markdown, src []byte) string {
	a, pa := parse(ref, src)
	b, pb := parse(ours, src)
	if pa != nil || pb != nil {
		if (pa == nil) != (pb == nil) {
			return fmt.Sprintf("panic: goldmark %v, gfm %v", pa, pb)
		}
		return ""
	}
	return diffNodes(a, b, "")
}

// diffNodes compares two trees node by node: the concrete type and kind,
// every field of the node struct (segments, lines, positions, line break and
// raw flags, alignments, checkbox state, autolink type, protocol and text,
// attributes...) except the tree links, then the children in order.
func diffNodes(a, b gast.Node, path string) string {
	if path == "" {
		path = a.Kind().String()
	}
	if reflect.TypeOf(a) != reflect.TypeOf(b) {
		return fmt.Sprintf("%s: type %T vs %T", path, a, b)
	}
	if a.Kind() != b.Kind() {
		return fmt.Sprintf("%s: kind %v vs %v", path, a.Kind(), b.Kind())
	}
	if a.ChildCount() != b.ChildCount() {
		return fmt.Sprintf("%s: %d vs %d children", path, a.ChildCount(), b.ChildCount())
	}
	if a.Pos() != b.Pos() {
		return fmt.Sprintf("%s: Pos %d vs %d", path, a.Pos(), b.Pos())
	}
	if d := diffValues(reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem(), path); d != "" {
		return d
	}
	i := 0
	for ca, cb := a.FirstChild(), b.FirstChild(); ca != nil; ca, cb = ca.NextSibling(), cb.NextSibling() {
		if d := diffNodes(ca, cb, fmt.Sprintf("%s/%d:%s", path, i, ca.Kind())); d != "" {
			return d
		}
		i++
	}
	return ""
}

var nodeType = reflect.TypeFor[gast.Node]()

// treeLinks are the BaseNode fields that link a node into the tree; the
// tree is compared through the children instead.
var treeLinks = map[string]bool{
	"firstChild": true, "lastChild": true, "parent": true, "next": true, "prev": true,
}

func diffValues(a, b reflect.Value, path string) string {
	if a.Type() != b.Type() {
		return fmt.Sprintf("%s: type %v vs %v", path, a.Type(), b.Type())
	}
	switch a.Kind() {
	case reflect.Struct:
		for i := range a.NumField() {
			f := a.Type().Field(i)
			if treeLinks[f.Name] && f.Type == nodeType {
				continue
			}
			if d := diffValues(a.Field(i), b.Field(i), path+"."+f.Name); d != "" {
				return d
			}
		}
	case reflect.Pointer, reflect.Interface:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return fmt.Sprintf("%s: nil %v vs %v", path, a.IsNil(), b.IsNil())
			}
			return ""
		}
		if a.Kind() == reflect.Interface {
			return diffValues(a.Elem(), b.Elem(), path)
		}
		if a.Type().Implements(nodeType) {
			// A node held outside the tree, such as the text of an AutoLink.
			return diffNodes(nodeOf(a), nodeOf(b), path)
		}
		return diffValues(a.Elem(), b.Elem(), path)
	case reflect.Slice:
		if a.IsNil() != b.IsNil() || a.Len() != b.Len() {
			return fmt.Sprintf("%s: slice nil=%v len=%d vs nil=%v len=%d",
				path, a.IsNil(), a.Len(), b.IsNil(), b.Len())
		}
		fallthrough
	case reflect.Array:
		for i := range a.Len() {
			if d := diffValues(a.Index(i), b.Index(i), fmt.Sprintf("%s[%d]", path, i)); d != "" {
				return d
			}
		}
	case reflect.Bool:
		if a.Bool() != b.Bool() {
			return fmt.Sprintf("%s: %v vs %v", path, a.Bool(), b.Bool())
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if a.Int() != b.Int() {
			return fmt.Sprintf("%s: %d vs %d", path, a.Int(), b.Int())
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if a.Uint() != b.Uint() {
			return fmt.Sprintf("%s: %d vs %d", path, a.Uint(), b.Uint())
		}
	case reflect.String:
		if a.String() != b.String() {
			return fmt.Sprintf("%s: %q vs %q", path, a.String(), b.String())
		}
	case reflect.Map:
		if a.Len() != b.Len() {
			return fmt.Sprintf("%s: map len %d vs %d", path, a.Len(), b.Len())
		}
	default:
		return fmt.Sprintf("%s: cannot compare %v", path, a.Kind())
	}
	return ""
}

// nodeOf returns the node a (possibly unexported) pointer field holds.
func nodeOf(v reflect.Value) gast.Node {
	return reflect.NewAt(v.Type().Elem(), v.UnsafePointer()).Interface().(gast.Node)
}

// shortDump renders a tree for failure messages.
func shortDump(md goldmark.Markdown, src []byte) string {
	root, p := parse(md, src)
	if p != nil {
		return fmt.Sprint("panic: ", p)
	}
	var sb strings.Builder
	_ = gast.Walk(root, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if !entering {
			return gast.WalkContinue, nil
		}
		depth := 0
		for p := n.Parent(); p != nil; p = p.Parent() {
			depth++
		}
		fmt.Fprintf(&sb, "%s%s pos=%d", strings.Repeat("  ", depth), n.Kind(), n.Pos())
		if t, ok := n.(*gast.Text); ok {
			fmt.Fprintf(&sb, " %q [%d,%d) soft=%v hard=%v raw=%v", t.Segment.Value(src),
				t.Segment.Start, t.Segment.Stop, t.SoftLineBreak(), t.HardLineBreak(), t.IsRaw())
		}
		if n.Type() == gast.TypeBlock && n.Lines().Len() > 0 {
			for i := range n.Lines().Len() {
				s := n.Lines().At(i)
				fmt.Fprintf(&sb, " [%d,%d)+%d", s.Start, s.Stop, s.Padding)
			}
		}
		sb.WriteByte('\n')
		return gast.WalkContinue, nil
	})
	return sb.String()
}
