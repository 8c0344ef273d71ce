package lint

import (
	"strings"
)

// DirectiveKind is what a planlint comment asks for.
type DirectiveKind string

// Directive kinds, written as HTML comments in the plan:
//
//	<!-- planlint-disable-file rule-id -- reason -->
//	<!-- planlint-disable rule-id -->  ...  <!-- planlint-enable rule-id -->
//	<!-- planlint-disable-next-line rule-id -- reason -->
//	<!-- planlint-disable-line rule-id -->  (at the end of the line it applies to)
const (
	DisableFile     DirectiveKind = "disable-file"
	Disable         DirectiveKind = "disable"
	Enable          DirectiveKind = "enable"
	DisableNextLine DirectiveKind = "disable-next-line"
	DisableLine     DirectiveKind = "disable-line"
)

// Directive is one planlint comment. Directives are read only from HTML
// comment nodes of the AST, so a directive shown inside a code block is
// not obeyed.
type Directive struct {
	Kind   DirectiveKind
	Rules  []string
	Reason string
	// Line is the line of the comment's start; EndLine of its end.
	Line, EndLine int
	Col           int
}

// addDirective reads every planlint comment in an HTML fragment starting
// at source offset off.
func (d *Document) addDirective(raw string, off int) {
	for {
		i := strings.Index(raw, "<!--")
		if i < 0 {
			return
		}
		if k := strings.Index(raw[i:], ">"); k == 4 || k == 5 && raw[i+4] == '-' {
			// "<!-->" and "<!--->" are empty comments.
			raw = raw[i+k+1:]
			off += i + k + 1
			continue
		}
		j := strings.Index(raw[i+4:], "-->")
		if j < 0 {
			return
		}
		j += 4
		body := strings.TrimSpace(raw[i+4 : i+j])
		start := off + i
		end := off + i + j
		raw = raw[i+j+3:]
		off = end + 3
		rest, ok := strings.CutPrefix(body, "planlint-")
		if !ok {
			continue
		}
		kindWord, args, _ := strings.Cut(rest, " ")
		kind := DirectiveKind(kindWord)
		switch kind {
		case DisableFile, Disable, Enable, DisableNextLine, DisableLine:
		default:
			continue
		}
		rules, reason, _ := strings.Cut(args, "--")
		line, col := d.index.position(start)
		endLine, _ := d.index.position(end)
		d.Directives = append(d.Directives, Directive{
			Kind:    kind,
			Rules:   strings.Fields(rules),
			Reason:  strings.TrimSpace(reason),
			Line:    line,
			EndLine: endLine,
			Col:     col,
		})
	}
}
