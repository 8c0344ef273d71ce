package lint

import (
	"bytes"
	"html"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/planlint/planlint/internal/gfm"
	"github.com/planlint/planlint/internal/glversion"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"go.abhg.dev/goldmark/frontmatter"
)

// LineKind says what kind of markdown a Line came from.
type LineKind uint8

const (
	// KindText is a line of a paragraph (prose, list items, quotes).
	KindText LineKind = iota
	// KindHeading is a heading.
	KindHeading
	// KindCode is one line of a fenced or indented code block.
	KindCode
	// KindTableHeader is the header row of a table.
	KindTableHeader
	// KindTableRow is a body row of a table.
	KindTableRow
	// KindFrontMatter is one top-level key of the YAML front matter.
	KindFrontMatter
)

// Span is a byte range [Start, End) in a Line's Text.
type Span struct{ Start, End int }

// Len returns the length of the span.
func (s Span) Len() int { return s.End - s.Start }

// Line is one logical line of a plan: a heading, one line of a paragraph
// (split at line breaks), one line of a code block, or one table row.
// Text is plain text with markdown markup removed; every byte of Text maps
// back to its source offset.
type Line struct {
	Kind LineKind
	Text string
	// Lower is Text lower-cased with the same byte offsets.
	Lower string
	// Num is the 1-based source line number.
	Num int
	// Index is the position of the line in Document.Lines.
	Index int
	// Section is the section the line belongs to.
	Section *Section

	// Depth is the list nesting depth (0 outside lists). Item is true on
	// the first line of a list item; Ordered for numbered lists.
	Depth   int
	Item    bool
	Ordered bool
	// Task is -1 outside task lists, 0 for "[ ]", 1 for "[x]".
	Task int8
	// Quote is true inside a block quote; QuoteDepth counts the nested
	// quotes ("> >" is an older message quoted in a reply).
	Quote      bool
	QuoteDepth int8
	// Cited is true for a quote of the documentation or release notes,
	// which states GitLab's words, not the plan's, and for the
	// definitions of a glossary.
	Cited bool
	// Earlier is true in an older message quoted below a reply: a quote
	// within a quote, or the quote from its attribution line ("On 20
	// Nov, Rafael wrote:") on. Its drafts are superseded by the reply.
	Earlier bool
	// Footer is true on the few lines of prose after the document's last
	// rule ("---"), which close the plan rather than its last section.
	Footer bool
	// Strong is true when all of the line's text is bold or italic.
	Strong bool
	// Lang is the info string language of a code line.
	Lang string

	// Cells are the cell spans of a table row, in column order.
	Cells []Span
	// Header is the header row of a table row's table.
	Header *Line
	// Label and Value split "Label: value" lines, bold labels and two-
	// column table rows; Label is empty when the line has none.
	Label, Value Span
	// Code are spans of inline code; Links are spans of link text and
	// bare URLs.
	Code, Links []Span

	// Tokens are the words of the line; Matches the vocabulary found.
	Tokens  []Token
	Matches []Match
	terms   termSet
	// LabelTerms are the concepts of the label alone.
	LabelTerms termSet
	// Context are the concepts in force: the section's, an enclosing
	// list item label's, and the line's own label.
	Context termSet

	// Versions are the GitLab-looking versions in Text.
	Versions []glversion.Mention

	grams    gramSet
	gramsSet bool
	digit    bool
	// words is a 256-bit set of the tokens' keys (wordBit); HasWord asks it
	// first.
	words    [4]uint64
	wordsSet bool

	segs []textSeg
	doc  *Document
	// boldLabel is the end of a bold question or heading that opens the
	// line and labels what follows ("**Q13. Version cible ?** 18.8.11",
	// "**P6. Versão atual**" over "18.8.11-ee"), or 0.
	boldLabel int
}

// textSeg maps Text[text:text+n] to source[src:src+n].
type textSeg struct{ text, src, n int }

// Has reports whether the line contains the vocabulary term t.
func (l *Line) Has(t Term) bool { return l.terms.has(t) }

// In reports whether the line is in a context of concept t: its section,
// an enclosing labelled list item, or its own label.
func (l *Line) In(t Term) bool { return l.Context.has(t) }

// LabelIs reports whether the line's label names concept t.
func (l *Line) LabelIs(t Term) bool { return l.LabelTerms.has(t) }

// Find returns the first match of term t, if any.
func (l *Line) Find(t Term) (Match, bool) {
	if !l.terms.has(t) {
		return Match{}, false
	}
	for _, m := range l.Matches {
		if m.Term == t {
			return m, true
		}
	}
	return Match{}, false
}

// FindAll returns every match of term t.
func (l *Line) FindAll(t Term) []Match {
	if !l.terms.has(t) {
		return nil
	}
	var out []Match
	for _, m := range l.Matches {
		if m.Term == t {
			out = append(out, m)
		}
	}
	return out
}

// InCode reports whether byte offset off of Text lies in inline code, or
// the whole line is code.
func (l *Line) InCode(off int) bool {
	if l.Kind == KindCode {
		return true
	}
	for _, s := range l.Code {
		if off >= s.Start && off < s.End {
			return true
		}
	}
	return false
}

// InLink reports whether byte offset off of Text lies in link text or a URL.
func (l *Line) InLink(off int) bool {
	for _, s := range l.Links {
		if off >= s.Start && off < s.End {
			return true
		}
	}
	return false
}

// IsCommand reports whether the line is, or contains, a shell command:
// a code line or a line with inline code.
func (l *Line) IsCommand() bool { return l.Kind == KindCode || len(l.Code) > 0 }

// LabelText returns the label text, trimmed.
func (l *Line) LabelText() string { return strings.TrimSpace(l.Text[l.Label.Start:l.Label.End]) }

// LowerLabel returns the label text lower-cased, trimmed.
func (l *Line) LowerLabel() string { return strings.TrimSpace(l.Lower[l.Label.Start:l.Label.End]) }

// LowerValue returns the value text lower-cased, trimmed.
func (l *Line) LowerValue() string { return strings.TrimSpace(l.Lower[l.Value.Start:l.Value.End]) }

// ValueText returns the value text, trimmed.
func (l *Line) ValueText() string { return strings.TrimSpace(l.Text[l.Value.Start:l.Value.End]) }

// Offset returns the source byte offset of Text[off].
func (l *Line) Offset(off int) int {
	if len(l.segs) == 0 {
		return 0
	}
	for i := len(l.segs) - 1; i >= 0; i-- {
		s := l.segs[i]
		if off >= s.text {
			d := off - s.text
			if d > s.n {
				d = s.n
			}
			return s.src + d
		}
	}
	return l.segs[0].src
}

// Section is a heading and everything under it up to the next heading of
// the same or a higher level. The document's preamble is a Section of
// level 0 without a heading.
type Section struct {
	Title   string
	Level   int
	Heading *Line // nil for the preamble
	Parent  *Section
	// Own are the concepts of the heading; Concepts include those
	// inherited from enclosing sections.
	Own, Concepts termSet
	// Lines are the section's own lines, not those of subsections, and
	// not the heading.
	Lines []*Line
	// Subsections in document order.
	Subsections []*Section
	// Pseudo is true for a bold label paragraph acting as a heading.
	Pseudo bool
	// Title is true for the document's title heading.
	IsTitle bool
}

// Names reports whether the section's own heading names concept t.
func (s *Section) Names(t Term) bool { return s.Own.has(t) }

// Is reports whether the section's heading, or an enclosing one, names
// concept t.
func (s *Section) Is(t Term) bool { return s.Concepts.has(t) }

// Empty reports whether the section and its subsections hold no content.
func (s *Section) Empty() bool {
	if len(s.Lines) > 0 {
		return false
	}
	for _, c := range s.Subsections {
		if !c.Empty() {
			return false
		}
	}
	return true
}

// NotApplicable reports whether the section answers its heading with
// "not applicable": "### 3.1 Geo" / "Sans objet : pas de site
// secondaire", "## Zero downtime" / "N/A – downtime accepted". Template
// guidance before the answer does not count.
func (s *Section) NotApplicable() bool {
	l := s.Answer()
	// ("Test evidence: N/A": the answer after the form's label.)
	return l != nil && (notApplicableStart(l.Lower) || l.Label.Len() > 0 && notApplicableStart(l.LowerValue()))
}

// Answer returns the section's first line that is not template guidance,
// or nil.
func (s *Section) Answer() *Line {
	for _, l := range s.Lines {
		if !TemplateHint(l) {
			return l
		}
	}
	return nil
}

// Unfilled reports whether the section holds nothing but template
// guidance: its heading was never answered.
func (s *Section) Unfilled() bool {
	if s.Answer() != nil {
		return false
	}
	for _, c := range s.Subsections {
		if !c.Unfilled() {
			return false
		}
	}
	return true
}

// AllLines returns the section's lines and those of its subsections, in
// document order, without headings.
func (s *Section) AllLines() []*Line {
	var out []*Line
	var walk func(*Section)
	walk = func(x *Section) {
		out = append(out, x.Lines...)
		for _, c := range x.Subsections {
			walk(c)
		}
	}
	walk(s)
	sortLines(out)
	return out
}

func sortLines(ls []*Line) {
	for i := 1; i < len(ls); i++ {
		for j := i; j > 0 && ls[j].Index < ls[j-1].Index; j-- {
			ls[j], ls[j-1] = ls[j-1], ls[j]
		}
	}
}

// Document is a parsed plan.
type Document struct {
	// Path is the file's path as given.
	Path string
	// Source is the normalised text (no byte-order mark, LF line ends).
	Source []byte
	// Root is the goldmark AST.
	Root ast.Node
	// Lines are all logical lines in document order.
	Lines []*Line
	// Sections are all sections in document order; Sections[0] is the
	// preamble.
	Sections []*Section
	// FrontMatter holds the front matter keys, lower-cased; nil without
	// front matter.
	FrontMatter map[string]*FrontMatterField
	// FrontMatterProblem describes front matter planlint could not read;
	// the document is then read as plain markdown.
	FrontMatterProblem *Problem
	// Directives are planlint comments found in HTML nodes.
	Directives []Directive
	// Plan is what planlint understood of the plan.
	Plan *Plan

	index  lineIndex
	arenas *arenas
	// corrections are the indexes of the lines that correct an earlier
	// statement (CorrectedBetween), found on first use.
	corrections     []int
	correctionsDone bool
	// shared holds the values of Shared computed for this document.
	shared map[any]any
}

// arenas are the first token and match arrays of a document, handed to
// the next document once the lint of this one is done.
type arenas struct {
	toks    []Token
	matches []Match
}

var arenaPool sync.Pool

// release gives the document's arrays to the next document. The document
// must not be used afterwards; LintSource calls it when only the findings
// and the plan summary are left.
func (d *Document) release() {
	if a := d.arenas; a != nil {
		d.arenas = nil
		a.toks, a.matches = a.toks[:0], a.matches[:0]
		arenaPool.Put(a)
	}
}

// Problem is a located issue found while reading the document.
type Problem struct {
	Line    int
	Message string
}

// Position returns the 1-based line and column of a source offset.
func (d *Document) Position(off int) (line, col int) { return d.index.position(off) }

// SourceLine returns source line n without its newline.
func (d *Document) SourceLine(n int) string { return d.index.text(n) }

// LabelledLine returns the first line outside code and the rollback whose
// label names term t and gives it a value ("Installation: the usual
// way"), or nil. A rule that finds a fact missing reports on that line:
// the plan answered, but not with the fact.
func (d *Document) LabelledLine(t Term) *Line {
	for _, l := range d.Lines {
		switch l.Kind {
		case KindCode, KindHeading, KindTableHeader:
			continue
		}
		if l.LabelIs(t) && l.ValueText() != "" && !l.In(TermRollback) {
			return l
		}
	}
	return nil
}

// LineCount returns the number of source lines.
func (d *Document) LineCount() int { return d.index.count() }

// Title returns the first heading line, or nil.
func (d *Document) Title() *Line {
	for _, l := range d.Lines {
		if l.Kind == KindHeading {
			return l
		}
	}
	return nil
}

var (
	mdWithFM = goldmark.New(goldmark.WithExtensions(gfm.GFM, &frontmatter.Extender{
		Formats: []frontmatter.Format{{Name: "YAML", Delim: '-', Unmarshal: captureRaw}},
	}))
	mdPlain = goldmark.New(goldmark.WithExtensions(gfm.GFM))
)

// captureRaw hands the raw front matter bytes to the caller, which parses
// them itself to keep line numbers.
func captureRaw(b []byte, dst any) error {
	*(dst.(*[]byte)) = b
	return nil
}

// Parse reads a plan. path is used in messages only; today is the day the
// plan is read, used to complete dates written without a year. The error
// is an *InputError when the content cannot be a markdown plan.
func Parse(path string, src []byte, today time.Time) (*Document, error) {
	norm, err := normalize(src)
	if err != nil {
		return nil, &InputError{Path: path, Err: err}
	}
	d := &Document{Path: path, Source: norm, index: newLineIndex(norm)}

	md := mdPlain
	fmState := frontMatterState(norm)
	if fmState == fmClosed {
		md = mdWithFM
	} else if fmState == fmUnclosed {
		d.FrontMatterProblem = &Problem{Line: 1, Message: "front matter opened with \"---\" on line 1 is never closed. add a line \"---\" after the last key, or remove the first line if it is not front matter"}
	}
	pc := parser.NewContext()
	root := md.Parser().Parse(text.NewReader(norm), parser.WithContext(pc))
	if fmState == fmClosed {
		var raw []byte
		if fm := frontmatter.Get(pc); fm != nil {
			_ = fm.Decode(&raw)
		}
		if prob := d.readFrontMatter(raw); prob != nil {
			// Unreadable front matter: read the whole file as markdown.
			d.FrontMatterProblem = prob
			d.FrontMatter = nil
			d.Lines = nil
			root = mdPlain.Parser().Parse(text.NewReader(norm))
		}
	}
	d.Root = root
	b := builder{doc: d}
	a, _ := arenaPool.Get().(*arenas)
	if a == nil {
		a = &arenas{}
	}
	if cap(a.toks) < len(norm)/6+16 {
		a.toks = make([]Token, 0, len(norm)/6+16)
	}
	if cap(a.matches) < len(norm)/10+16 {
		a.matches = make([]Match, 0, len(norm)/10+16)
	}
	d.arenas = a
	b.toks, b.matches = a.toks, a.matches
	b.build(root)
	d.finish()
	d.Plan = extractPlan(d, today)
	return d, nil
}

type fmStateKind int

const (
	fmNone fmStateKind = iota
	fmClosed
	fmUnclosed
)

// frontMatterState tells whether the text opens front matter on its first
// line and whether it is closed, using the same delimiter rule as the
// front-matter extension (a line of three or more dashes, closed by a line
// of the same length).
func frontMatterState(src []byte) fmStateKind {
	first, rest, _ := bytes.Cut(src, []byte("\n"))
	if len(first) < 3 || strings.Trim(string(first), "-") != "" {
		return fmNone
	}
	for len(rest) > 0 {
		var line []byte
		line, rest, _ = bytes.Cut(rest, []byte("\n"))
		if len(line) == len(first) && strings.Trim(string(line), "-") == "" {
			return fmClosed
		}
	}
	return fmUnclosed
}

// builder walks the AST and fills the document's lines and sections.
type builder struct {
	doc     *Document
	section *Section
	// item context for list items: concepts of labelled items in force.
	ctx   []termSet
	lead  termSet
	depth int
	quote int
	// Arenas shared by all lines of the document.
	toks     []Token
	matches  []Match
	versions []glversion.Mention
	slab     []Line
	text     stringArena
}

// newLine returns a zeroed Line from the builder's slab.
func (b *builder) newLine() *Line {
	if len(b.slab) == cap(b.slab) {
		b.slab = make([]Line, 0, 64)
	}
	b.slab = append(b.slab, Line{Task: -1, doc: b.doc})
	return &b.slab[len(b.slab)-1]
}

func (b *builder) build(root ast.Node) {
	pre := &Section{Level: 0}
	b.doc.Sections = append(b.doc.Sections, pre)
	b.section = pre
	for _, l := range b.doc.Lines {
		l.Section = pre
		pre.Lines = append(pre.Lines, l)
	}
	rule := -1 // the first line after the last rule with no heading after it
	for c := root.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.(type) {
		case *ast.ThematicBreak:
			rule = len(b.doc.Lines)
		case *ast.Heading:
			rule = -1
		}
		b.block(c)
	}
	b.markFooter(rule)
	markRejectedOptions(b.doc.Lines)
}

// optionWords name the alternatives a plan weighs: "Path A", "Rota B",
// "Option 2", "Variante A".
var optionWords = map[string]bool{"path": true, "route": true, "option": true, "variant": true, "scenario": true, "pfad": true, "weg": true, "variante": true, "szenario": true,
	"ruta": true, "opción": true, "opcion": true, "escenario": true, "rota": true, "opção": true, "opcao": true, "cenário": true, "chemin": true, "voie": true, "scénario": true,
	"percorso": true, "opzione": true, "pad": true, "optie": true}

// optionAt returns the alternative a line opens with ("- **Path A** (row
// returned): ...", "└──> Rota A: ..."), lower-case, or "".
func optionAt(l *Line) string {
	if len(l.Tokens) < 2 || l.Tokens[0].Start > 24 || l.Kind == KindHeading {
		return ""
	}
	name, id := l.Tokens[0], l.Tokens[1]
	if !optionWords[name.Word] || len(id.Word) != 1 || !(id.Word[0] >= 'a' && id.Word[0] <= 'd' || id.Word[0] >= '1' && id.Word[0] <= '4') {
		return ""
	}
	rest := strings.TrimLeft(l.Text[id.End:], "*_ ")
	if rest != "" && rest[0] != ':' && rest[0] != '(' {
		return ""
	}
	return name.Word + " " + id.Word
}

// optionNames returns the alternatives a line names: those of the
// option lines, and others of the same kind ("Rota B" beside a "Rota A:"
// line).
func optionNames(l *Line, options map[string][]*Line) []string {
	var out []string
	seen := map[string]bool{}
	for o := range options {
		word := o[:strings.IndexByte(o, ' ')]
		for k := 0; k+1 < len(l.Tokens); k++ {
			if t := l.Tokens[k+1].Word; l.Tokens[k].Word == word && len(t) == 1 && !seen[word+" "+t] {
				seen[word+" "+t] = true
				out = append(out, word+" "+t)
			}
		}
	}
	return out
}

// chooseWords pick one of several alternatives.
var chooseWords = map[string]bool{"go": true, "choose": true, "chose": true, "chosen": true, "pick": true, "take": true, "follow": true, "wählen": true, "nehmen": true, "folgen": true,
	"elegimos": true, "seguimos": true, "tomamos": true, "optamos": true, "choisissons": true, "retenons": true, "suivons": true, "scegliamo": true, "seguiamo": true, "prendiamo": true,
	"kiezen": true, "volgen": true, "nemen": true, "escolhemos": true}

// markRejectedOptions marks the lines of an alternative the plan turns
// down as not the plan's ("Path B ... so we go with **Path B**. Path A is
// not executed.", "seguimos a **Rota B**"): they read like steps, but do
// not run.
func markRejectedOptions(lines []*Line) {
	options := map[string][]*Line{}
	for _, l := range lines {
		if o := optionAt(l); o != "" {
			options[o] = append(options[o], l)
		}
	}
	if len(options) == 0 {
		return
	}
	chosen := ""
	for _, l := range lines {
		if optionAt(l) != "" {
			continue
		}
		for _, o := range optionNames(l, options) {
			// "so we go with **Path B**", "seguimos a **Rota B**": a
			// choosing verb a few words before the option's name.
			i := l.IndexOf(o)
			if i < 0 {
				continue
			}
			k := tokenAt(l, i)
			for j := k - 1; j >= 0 && j >= k-4 && !l.Tokens[j+1].Break; j-- {
				if chooseWords[l.Tokens[j].Word] {
					chosen = o
					break
				}
			}
		}
	}
	if chosen == "" {
		return
	}
	for o, ls := range options {
		if o == chosen {
			continue
		}
		for _, l := range ls {
			l.Cited = true
		}
	}
}

// markFooter marks the few lines of prose after a document's last rule,
// under no heading of their own, as its footer: "---" / "_Prepared by
// Dana Whitfield, ... (on call for the whole window)_" closes the plan;
// it is not part of the rollback section above the rule.
func (b *builder) markFooter(from int) {
	lines := b.doc.Lines
	if from <= 0 || from >= len(lines) || len(lines)-from > 6 {
		return
	}
	for _, l := range lines[from:] {
		if l.Kind != KindText || l.Item || l.Section != lines[from-1].Section {
			return
		}
	}
	for _, l := range lines[from:] {
		l.Footer = true
	}
}

func (b *builder) block(n ast.Node) {
	src := b.doc.Source
	switch n := n.(type) {
	case *ast.Heading:
		l := b.inlineLines(n, KindHeading)
		var hl *Line
		if len(l) > 0 {
			hl = l[0]
		} else {
			hl = b.emptyLine(n, KindHeading)
		}
		b.openSection(hl, n.Level, false)
	case *ast.Paragraph, *ast.TextBlock:
		lines := b.inlineLines(n, KindText)
		if len(lines) > 0 && b.depth == 0 && b.quote == 0 && commentHeader(lines[0].Text) {
			// "**lwalsh** commented on Nov 18, 2026" opens a comment of an
			// issue: what follows belongs to no section of the plan above
			// it.
			lines[0].Kind = KindHeading
			level := 1
			for s := b.section; s != nil; s = s.Parent {
				if s.Heading != nil && discussionHeading(s.Heading) {
					// (Under "### Activity" the comments are its own.)
					level = s.Level + 1
					break
				}
			}
			b.openSection(lines[0], level, true)
			lines = lines[1:]
		}
		if len(lines) == 1 && b.depth == 0 && b.quote == 0 {
			if level := wikiHeading(lines[0].Text); level > 0 {
				// Jira and Confluence wiki markup pasted as it is:
				// "h3. Onderhoudsvenster".
				lines[0].Kind = KindHeading
				b.openSection(lines[0], level, false)
				return
			}
		}
		if len(lines) == 1 && b.isPseudoHeading(lines[0], n) {
			lines[0].Kind = KindHeading
			b.openSection(lines[0], b.pseudoLevel(), true)
			return
		}
		if len(lines) == 1 && b.section.Pseudo && b.depth == 0 && speakerLine(lines[0]) {
			// "**Customer (2026-11-23):**" starts the next message of a
			// thread; the bold heading before it no longer applies.
			b.closePseudo()
		}
		for _, l := range lines {
			b.add(l)
		}
		// A lead-in ("Notes:", "Relevant version notes:") gives its
		// concepts to the list that follows it.
		if len(lines) > 0 {
			last := lines[len(lines)-1]
			if t := strings.TrimSpace(last.Text); strings.HasSuffix(t, ":") {
				switch n.NextSibling().(type) {
				case *ast.List, *extast.Table:
					b.lead = leadTerms(last)
				}
			}
		}
	case *ast.List:
		lead := b.lead
		b.lead = termSet{}
		if !lead.empty() {
			b.ctx = append(b.ctx, lead)
		}
		b.depth++
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			b.listItem(c, n.IsOrdered())
		}
		b.depth--
		if !lead.empty() {
			b.ctx = b.ctx[:len(b.ctx)-1]
		}
	case *ast.Blockquote:
		b.quote++
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			b.block(c)
		}
		b.quote--
	case *ast.FencedCodeBlock:
		lang := ""
		if n.Info != nil {
			lang = strings.ToLower(strings.TrimSpace(string(n.Language(src))))
		}
		b.codeLines(n, lang)
	case *ast.CodeBlock:
		b.codeLines(n, "")
	case *extast.Table:
		// ("Points relevés dans les notes de version 18.3 à 18.8 :" over
		// a table of notes.)
		lead := b.lead
		b.lead = termSet{}
		if !lead.empty() {
			b.ctx = append(b.ctx, lead)
		}
		b.table(n)
		if !lead.empty() {
			b.ctx = b.ctx[:len(b.ctx)-1]
		}
	case *ast.ThematicBreak:
		// A rule ends a part of the document: a bold pseudo heading
		// above it no longer applies below it.
		b.closePseudo()
	case *ast.HTMLBlock:
		b.htmlDirectives(n)
		b.htmlSummary(n)
		b.htmlText(n)
	default:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			b.block(c)
		}
	}
}

func (b *builder) listItem(item ast.Node, ordered bool) {
	first := true
	pushed := false
	task := int8(-1)
	for c := item.FirstChild(); c != nil; c = c.NextSibling() {
		if first {
			first = false
			if isParagraph(c) {
				if cb, ok := c.FirstChild().(*extast.TaskCheckBox); ok {
					task = 0
					if cb.IsChecked {
						task = 1
					}
				}
				lines := b.inlineLines(c, KindText)
				cont := false
				for i, l := range lines {
					if i == 0 {
						l.Item = true
						l.Ordered = ordered
						l.Task = task
					}
					b.add(l)
					if i == 0 && len(lines) > 1 && !l.LabelTerms.empty() && labelWords(l) <= 4 {
						// The item's label is in force on the lines that
						// continue it ("1. **Staging (done):** ..." /
						// "... Tiempos: paso 1 con job de migraciones").
						b.ctx = append(b.ctx, intersect(l.LabelTerms, sectionTerms))
						cont = true
					}
				}
				if cont {
					b.ctx = b.ctx[:len(b.ctx)-1]
				}
				// A labelled item gives its concepts to nested items.
				if len(lines) > 0 && item.ChildCount() > 1 {
					l := lines[0]
					var t termSet
					t.union(l.LabelTerms)
					if l.Label.Len() == 0 && len(l.Tokens) <= 6 {
						t.union(l.terms)
						t = intersect(t, sectionTerms)
					} else if l.Label.Len() == 0 {
						// "9. Rollback (restores the backup taken on 18.8.4
						// in step 7)" heads its nested steps by its first
						// word.
						for _, m := range l.Matches {
							if m.Tok == 0 && sectionTerms.has(m.Term) {
								t.add(m.Term)
							}
						}
					}
					if last := lines[len(lines)-1]; strings.HasSuffix(strings.TrimSpace(last.Text), ":") {
						// "... New rollback, replacing the one in my
						// first mail:" leads into the nested steps.
						t.union(leadTerms(last))
					}
					b.ctx = append(b.ctx, t)
					pushed = true
				}
				continue
			}
		}
		b.block(c)
	}
	if pushed {
		b.ctx = b.ctx[:len(b.ctx)-1]
	}
}

// leadTerms returns the section concepts of the last sentence of a
// lead-in line ("Each hop goes to the newest patch. Notes we act on:").
func leadTerms(l *Line) termSet {
	if l.Label.Start == 0 && l.Label.Len() > 0 && l.LabelTerms.intersects(sectionTerms) {
		// "**Backout plan:** Back to 17.3.7 with the backup from step
		// 2:" over the steps: the label names the part.
		return intersect(l.LabelTerms, sectionTerms)
	}
	start := 0
	for i, t := range l.Tokens {
		if t.Break && i > 0 && l.Text[l.Tokens[i-1].End] == '.' {
			start = t.Start
		}
	}
	n := 0
	var out termSet
	for _, t := range l.Tokens {
		if t.Start >= start {
			n++
		}
	}
	if n > 12 {
		return out
	}
	for _, m := range l.Matches {
		if m.Start >= start {
			out.add(m.Term)
		}
	}
	return intersect(out, sectionTerms)
}

func isParagraph(n ast.Node) bool {
	switch n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		return true
	}
	return false
}

func intersect(a, b termSet) termSet {
	return termSet{a[0] & b[0], a[1] & b[1], a[2] & b[2], a[3] & b[3]}
}

// isPseudoHeading reports whether a one-line paragraph works as a heading:
// short, all bold, and naming a section concept ("**Rollback plan**",
// "**Backout:**"). Bold labels followed by a value are label lines, not
// headings.
func (b *builder) isPseudoHeading(l *Line, n ast.Node) bool {
	limit := 10
	if t := strings.TrimSpace(l.Text); strings.HasSuffix(t, "?") || len(l.Tokens) > 0 && questionNumber(l.Tokens[0].Word) {
		// A questionnaire's question heads its answer: "**Q1.
		// Organisation and primary contact for the upgrade (name,
		// e-mail, phone).**"
		limit = 20
	}
	words := 0
	for _, t := range l.Tokens {
		// (Version numbers are several tokens each: "(per hop, versions
		// 17.5.5, 17.8.7, 17.11.7)" is a short heading.)
		if !isDigitWord(t.Word) {
			words++
		}
	}
	if !l.Strong || b.depth > 0 || len(l.Tokens) == 0 || words > limit {
		return false
	}
	if l.Label.Len() > 0 && strings.TrimSpace(l.Text[l.Value.Start:l.Value.End]) != "" {
		return false
	}
	if b.section != nil && b.section.IsTitle && len(b.section.Lines) == 0 && l.terms.has(TermRollback) && (l.terms.has(TermProcedure) || l.terms.has(TermSummary) || l.HasWord("plan", "piano", "plano", "planning")) {
		// "# GitLab upgrade" / "**Richiesta di assistenza all'upgrade –
		// piano e rollback**": a subtitle naming the whole document, not
		// a rollback section.
		return false
	}
	return l.terms.intersects(sectionTerms) || l.terms.intersects(factTerms) && len(l.Tokens) <= 3 || StepLead(l)
}

// StepLead reports whether a line opens with a step word and its number,
// perhaps after its time, as a step's title does: "**10:15 – Passo 1:
// 18.5.7**", "Stap 1 – secondary site eerst", "Phase 2: primary".
func StepLead(l *Line) bool {
	toks := l.Tokens
	if len(toks) >= 2 && isDigitWord(toks[0].Word) && isDigitWord(toks[1].Word) && strings.HasPrefix(l.Text[toks[0].End:], ":") {
		// "10:15 –"
		toks = toks[2:]
	}
	return len(toks) >= 2 && stepWords[toks[0].Word] && isDigitWord(toks[1].Word)
}

// wikiHeading returns the level of a Jira or Confluence wiki heading,
// "h3. Rollback", or 0.
func wikiHeading(text string) int {
	if len(text) < 5 || text[0] != 'h' || text[1] < '1' || text[1] > '6' || text[2] != '.' || text[3] != ' ' {
		return 0
	}
	return int(text[1] - '0')
}

// attribution reports whether a line introduces a quoted email, as mail
// clients write it: "On Fri, 20 Nov 2026 at 09:05, Rafael wrote:", "Em
// sex., 20 de nov. de 2026, Rafael escreveu:", "Am 20.11.2026 schrieb
// Rafael:".
func attribution(l *Line) bool {
	t := strings.TrimSpace(l.Lower)
	if !strings.HasSuffix(t, ":") || len(t) > 200 {
		return false
	}
	return l.HasWord("wrote", "escreveu", "schrieb", "escribió", "schreef", "skrev") || l.ContainsAny("a écrit", "ha scritto")
}

// chatMessage reports whether a paragraph opens with who wrote it and
// when, as a chat export does: "Priya Raman · 10:22 Saturday ...".
func chatMessage(l *Line) bool {
	head := l.Text
	if len(head) > 48 {
		head = head[:48]
	}
	i := strings.Index(head, "·")
	if i < 0 || l.Kind != KindText || l.Item {
		return false
	}
	t := strings.TrimSpace(head[i+len("·"):])
	return len(t) >= 5 && t[2] == ':' && isDigitByte(t[0]) && isDigitByte(t[1]) && isDigitByte(t[3]) && isDigitByte(t[4])
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// questionNumber reports whether a word numbers a question: "q1", "f3".
func questionNumber(w string) bool {
	if len(w) < 2 || w[0] != 'q' && w[0] != 'f' && w[0] != 'p' {
		return false
	}
	for i := 1; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// speakerLine reports whether a one-line paragraph is only a bold label
// with nothing after it: "**Customer (2026-11-23):**".
func speakerLine(l *Line) bool {
	return l.Strong && l.Label.Len() > 0 && strings.TrimSpace(l.Text[l.Value.Start:l.Value.End]) == ""
}

// closePseudo ends the pseudo sections in force: the lines that follow
// belong to the nearest real section again.
func (b *builder) closePseudo() {
	for b.section.Pseudo && b.section.Parent != nil {
		b.section = b.section.Parent
	}
}

func (b *builder) pseudoLevel() int {
	s := b.section
	for s.Pseudo && s.Parent != nil {
		s = s.Parent
	}
	return s.Level + 1
}

func (b *builder) openSection(h *Line, level int, pseudo bool) {
	parent := b.section
	for parent.Parent != nil && parent.Level >= level {
		parent = parent.Parent
	}
	s := &Section{Title: strings.TrimSpace(h.Text), Level: level, Heading: h, Parent: parent, Pseudo: pseudo}
	own := headingConcepts(h)
	if own.empty() && timeHeading(h) {
		// "## When", "## Time", "## Datum und Uhrzeit": the window.
		own.add(TermWindow)
	}
	if rel := windowRelative(h); own.has(TermWindow) && rel != TermNone {
		// "Before the window", "In the window": preparation or steps,
		// not the window itself.
		own[TermWindow>>6] &^= 1 << (TermWindow & 63)
		if own.empty() {
			own.add(rel)
		}
	}
	if own.has(TermPath) && (h.Has(TermNeg) || h.Has(TermSkipWord) || h.Contains("conditional")) {
		// "Conditional stops we do not take": not the path.
		own[TermPath>>6] &^= 1 << (TermPath & 63)
	}
	s.Own = refineConcepts(h, own)
	// The first heading is the title when it is a "#" heading, or any
	// heading that opens the document ("## Upgrade 15.4.6 → 15.11.13" as
	// an issue description starts).
	s.IsTitle = !pseudo && len(b.doc.Sections) == 1 && (level == 1 || len(b.doc.Sections[0].Lines) == 0)
	if !s.IsTitle {
		s.Concepts = s.Own
	}
	if parent.Heading != nil && !parent.IsTitle && !discussionHeading(h) && !commentHeader(h.Text) {
		// ("### Activity" under "## Rollback" holds an issue's comments:
		// the window and the contact, not more of the rollback.)
		s.Concepts.union(parent.Concepts)
	}
	parent.Subsections = append(parent.Subsections, s)
	b.doc.Sections = append(b.doc.Sections, s)
	b.section = s
	h.Section = s
	b.addLine(h)
}

// discussionHeading reports whether a heading opens the comments of an
// issue or a page: "Activity", "Comments", "Discussion".
func discussionHeading(h *Line) bool {
	switch strings.Trim(h.Lower, " :*_") {
	case "activity", "comments", "discussion", "activity log", "thread", "replies", "aktivität", "kommentare", "diskussion", "actividad", "comentarios", "discusión", "activité", "commentaires":
		return true
	}
	return false
}

// commentHeader reports whether a line is the header of a comment in an
// exported issue: "lwalsh commented on Nov 18, 2026", "@lena.hartmann
// commented 8 days ago".
func commentHeader(text string) bool {
	if len(text) > 100 || len(text) < 10 || !strings.Contains(text, "omment") && !strings.Contains(text, "eplied") && !strings.Contains(text, "ntwortete") && !strings.Contains(text, "omentó") && !strings.Contains(text, "espondió") {
		// (Most lines say nothing of the kind: no need to split them.)
		return false
	}
	f := strings.Fields(text)
	if len(f) < 2 || len(f) > 10 {
		return false
	}
	for i := 1; i < len(f) && i <= 3; i++ {
		switch strings.ToLower(strings.Trim(f[i], "*_")) {
		case "commented", "replied", "kommentierte", "antwortete", "comentó", "respondió", "commenté":
			return true
		}
	}
	return false
}

// headingConcepts returns the section concepts a heading names, ignoring
// a word inside a longer phrase of another concept: "Upgrade path" is
// the path, not the upgrade steps.
func headingConcepts(h *Line) termSet {
	// Concepts named inside parentheses qualify the heading ("Upgrade
	// (each window; <ver> = 18.5.7 in window 1)"); they count only when
	// nothing outside them does.
	var out, aside termSet
	for i, m := range h.Matches {
		if !sectionTerms.has(m.Term) {
			continue
		}
		set := &out
		if InParens(h.Text[:m.Start]) {
			set = &aside
		}
		inside := false
		for j, o := range h.Matches {
			if i != j && sectionTerms.has(o.Term) && o.Term != m.Term && o.Start <= m.Start && m.End <= o.End && o.End-o.Start > m.End-m.Start {
				inside = true
				break
			}
		}
		if !inside {
			set.add(m.Term)
		}
	}
	if len(h.Tokens) > 1 && stepWords[h.Tokens[0].Word] && isDigitWord(h.Tokens[1].Word) {
		// "### Paso 1: 17.8.7 → 17.11.7", "### Étape 2 — 18.2.8": a
		// numbered step of the procedure.
		out.add(TermProcedure)
	}
	if out.empty() {
		return aside
	}
	return out
}

// NumberedWindow reports whether the section's heading names one window
// of a programme by its number ("## 6. Finestra 1 — sabato 12 dicembre
// 2026", "### Window 2"): the steps in it are done in that window.
func (s *Section) NumberedWindow() bool {
	h := s.Heading
	if h == nil || !s.Own.has(TermWindow) {
		return false
	}
	m, ok := h.Find(TermWindow)
	return ok && m.Tok+m.NTok < len(h.Tokens) && isDigitWord(h.Tokens[m.Tok+m.NTok].Word)
}

// timeHeading reports whether a heading is only a word for the time of
// the upgrade ("When", "Time", "Date and time"), which in a plan heads
// the window even though the words mean less elsewhere.
func timeHeading(h *Line) bool {
	switch strings.Trim(strings.Join(strings.Fields(h.Lower), " "), " :#*0123456789.") {
	case "when", "time", "timing", "date", "dates", "date and time", "date & time", "date/time", "when and how long",
		"wann", "zeit", "termin", "datum", "datum und uhrzeit", "zeitpunkt",
		"cuándo", "cuando", "fecha", "fecha y hora", "horario",
		"quand", "date et heure", "horaire", "quando", "data", "data e ora", "data e hora", "wanneer", "datum en tijd":
		return true
	}
	return false
}

// windowRelative reports whether a heading speaks of a time relative to
// the window ("Before the window", "Während des Wartungsfensters").
func windowRelative(h *Line) Term {
	win, ok := h.Find(TermWindow)
	for i, t := range h.Tokens {
		if i >= 3 || ok && i >= win.Tok {
			// ("Onderhoudsvensters en contact": the word after the
			// window joins another subject.)
			break
		}
		switch t.Word {
		case "before", "vor", "antes", "avant":
			return TermPrereq
		case "after", "nach", "después", "après":
			return TermVerify
		case "during", "in", "within", "während", "im", "durante", "en", "pendant", "dans":
			return TermProcedure
		}
	}
	return TermNone
}

// refineConcepts drops the generic "upgrade" reading of a heading when the
// heading names something more specific: "Pre-upgrade checks" is
// preparation, "Post-upgrade verification" is verification.
func refineConcepts(h *Line, s termSet) termSet {
	if !s.has(TermProcedure) {
		return s
	}
	if s.has(TermRollback) && upgradeAndRollback(h) {
		// "M4 – Upgrade- und Rückfallplan GitLab", "Upgrade and rollback
		// plan": the whole plan, its rollback one part of it.
		s[TermRollback>>6] &^= 1 << (TermRollback & 63)
		return s
	}
	for _, m := range h.Matches {
		if m.Term == TermProcedure && !genericUpgradeWord(h.Lower[m.Start:m.End]) {
			// "Procedure (with downtime)": the steps, named as such.
			return s
		}
	}
	other := s
	other[TermProcedure>>6] &^= 1 << (TermProcedure & 63)
	if other.empty() {
		return s
	}
	if only := (termSet{}); true {
		only.add(TermPath)
		if other == only {
			// "Hops", "Upgrade path and steps": both the path and the steps.
			return s
		}
	}
	return other
}

// upgradeAndRollback reports whether a heading names the upgrade and
// then, joined by "and", its rollback.
func upgradeAndRollback(h *Line) bool {
	pm, ok := h.Find(TermProcedure)
	if !ok {
		return false
	}
	for _, m := range h.Matches {
		if m.Term != TermRollback || m.Start < pm.End {
			continue
		}
		switch strings.Trim(h.Lower[pm.End:m.Start], " -") {
		case "and", "und", "y", "et", "e", "en", "&", "/", "+", "and the", "und der", "y el", "et le", "e il", "en het":
			return true
		}
	}
	return false
}

// whyHeading reports whether a heading asks why ("Why we are upgrading",
// "Warum wir aktualisieren", "Pourquoi cette mise à jour").
func whyHeading(h *Line) bool {
	if len(h.Tokens) == 0 {
		return false
	}
	switch h.Tokens[0].Word {
	case "why", "warum", "wieso", "weshalb", "pourquoi", "perché", "perche", "waarom", "porquê", "porque":
		return true
	case "por":
		return len(h.Tokens) > 1 && h.Tokens[1].Word == "qué"
	}
	return false
}

// riskOnlyAsNotes reports whether a heading's risk concept comes from the
// word "notes" alone ("Path and notes"), not from risks or known issues.
func riskOnlyAsNotes(h *Line) bool {
	// The path must come first: "Path and notes", not "Notes for this
	// path".
	pm, ok := h.Find(TermPath)
	if rm, ok2 := h.Find(TermRisk); !ok || !ok2 || rm.Start < pm.Start {
		return false
	}
	for _, m := range h.Matches {
		if m.Term != TermRisk {
			continue
		}
		switch h.Lower[m.Start:m.End] {
		case "notes", "note", "hinweise", "notas", "remarques", "version notes", "versionshinweise", "notas de versión", "notas de la versión", "notes de version":
			// ("Ruta y notas de versión": the notes of the path's
			// versions.)
		default:
			return false
		}
	}
	return true
}

// genericUpgradeWord reports whether a procedure match is only the word
// "upgrade", which many headings use for other things ("Pre-upgrade
// checks").
func genericUpgradeWord(w string) bool {
	switch w {
	case "upgrade", "upgrades", "upgrading", "update", "updates", "aktualisierung", "actualización", "actualizacion", "mise à jour", "aggiornamento", "atualização", "atualizacao", "bijwerking":
		// ("Verifiche dopo l'aggiornamento" checks; it does not upgrade.)
		return true
	}
	return false
}

// add appends a content line to the current section.
func (b *builder) add(l *Line) {
	l.Section = b.section
	b.section.Lines = append(b.section.Lines, l)
	b.addLine(l)
}

func (b *builder) addLine(l *Line) {
	if n := len(b.doc.Lines); n > 0 && answerLabel(l) {
		// "**Q: When?**" / "A: Saturday 2026-12-19, 07:00–13:00": the
		// answer is labelled by its question.
		// ("**15. Maintenance window (date, time, timezone):**" asks as
		// well.)
		if q := strings.TrimSpace(b.doc.Lines[n-1].Text); strings.HasSuffix(q, "?") || strings.HasSuffix(q, ":") {
			l.LabelTerms.union(intersect(b.doc.Lines[n-1].terms, askedTerms))
		}
	}
	if n := len(b.doc.Lines); n > 0 && !answerLabel(l) && chatMessage(l) {
		// "**Daniel** · 10:20 / what's the window?" then "**Priya** ·
		// 10:22 / Saturday 16 Jan 2027, 21:00 – 01:00": in a chat, the
		// message after a question answers it.
		if q := b.doc.Lines[n-1]; chatMessage(q) && strings.HasSuffix(strings.TrimSpace(q.Text), "?") {
			l.LabelTerms.union(intersect(q.terms, askedTerms))
		}
	}
	if n := len(b.doc.Lines); n > 0 && b.quote == 0 && b.doc.Lines[n-1].Quote && b.doc.Lines[n-1].Kind != KindCode {
		// (Not a quoted code block: "> + Zielversion: 18.11.11" shows a
		// change, and asks nothing.)
		// "> 1. The window is only 'Saturday evening': we need the date,
		// time and time zone." / "Saturday 12 December 2026, 20:00 to
		// 04:00, Rome time (CET, UTC+1).": an e-mail reply answers the
		// quoted question right above it.
		l.LabelTerms.union(intersect(b.doc.Lines[n-1].terms, askedTerms))
	}
	if l.Item && l.Ordered && b.depth > 0 {
		// "Support: 1. What OS ...? 2. Which path? 3. What time and
		// time zone?" / "Customer: 1. AlmaLinux 8.10 ... 3. Saturday
		// 2026-12-12, 07:00–19:00 CET": each answer is labelled by the
		// question of its number.
		if q := b.numberedQuestion(); q != nil {
			l.LabelTerms.union(intersect(q.terms, askedTerms))
		}
	}
	l.Index = len(b.doc.Lines)
	l.Depth = b.depth
	l.Quote = b.quote > 0
	l.QuoteDepth = int8(min(b.quote, 100))
	if n := len(b.doc.Lines); l.Quote && n > 0 {
		// A quote of the documentation: "Uit de 18.2-opmerkingen in de
		// documentatie[^18]:" over "> When upgrading from 18.1 ...".
		if prev := b.doc.Lines[n-1]; prev.Quote {
			l.Cited = prev.Cited
			l.Earlier = prev.Earlier
		} else {
			l.Cited = citesDocs(prev)
		}
		// "> **Support (2026-11-13):** The backup step does not keep
		// gitlab-secrets.json" / "> **A:** we keep this step as is":
		// Support's words, quoted in a revision, are not the plan; the
		// customer's answer below them is.
		switch {
		case reviewerLabel(l):
			l.Cited = true
		case answerLabel(l) || customerLabel(l):
			l.Cited = false
		}
		l.Earlier = l.Earlier || l.QuoteDepth >= 2 || attribution(l)
	}
	if l.Kind != KindHeading && glossary(l.Section) {
		// "- **Migrations d'arrière-plan (BBM)** : migrations de données
		// exécutées par Sidekiq après le job de migration." defines a
		// word; it states nothing the plan does.
		l.Cited = true
	}
	var ctx termSet
	if l.Section != nil {
		ctx = l.Section.Concepts
		if l.Kind == KindHeading && l.Section.IsTitle {
			ctx = termSet{}
		}
	}
	for _, c := range b.ctx {
		ctx.union(c)
	}
	if labelWords(l) <= 4 {
		ctx.union(l.LabelTerms)
	}
	l.Context = ctx
	b.doc.Lines = append(b.doc.Lines, l)
}

func (b *builder) emptyLine(n ast.Node, kind LineKind) *Line {
	off := n.Pos()
	if off < 0 {
		off = 0
	}
	l := b.newLine()
	l.Kind = kind
	l.segs = []textSeg{{text: 0, src: off, n: 0}}
	l.Num = b.doc.index.lineOf(off)
	return l
}

// codeLines adds one line per code block line.
func (b *builder) codeLines(n ast.Node, lang string) {
	if lang == "suggestion" {
		// A review's suggested change still in the file was not applied:
		// the plan is the text it would replace.
		return
	}
	src := b.doc.Source
	segs := n.Lines()
	for i := 0; i < segs.Len(); i++ {
		seg := segs.At(i)
		raw := seg.Value(src)
		raw = bytes.TrimRight(raw, "\n")
		l := b.newLine()
		l.Kind, l.Text, l.Lang = KindCode, string(raw), lang
		if plainLang(lang) && leaderAt(l.Text) > 0 {
			// "Topology ....... single node, all on gitlab01" in a
			// text block is a fact sheet set in monospace, not a
			// command.
			l.Kind = KindText
		}
		l.segs = []textSeg{{text: 0, src: seg.Start, n: len(raw)}}
		if seg.Padding > 0 {
			// Tabs expanded into padding have no source bytes of their own.
			l.Text = strings.Repeat(" ", seg.Padding) + l.Text
			l.segs = []textSeg{{text: 0, src: seg.Start, n: 0}, {text: seg.Padding, src: seg.Start, n: len(raw)}}
		}
		b.finishLine(l)
		b.add(l)
	}
}

func (b *builder) table(t *extast.Table) {
	var header *Line
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		kind := KindTableRow
		if _, ok := row.(*extast.TableHeader); ok {
			kind = KindTableHeader
		}
		l := b.newLine()
		l.Kind = kind
		var tb textBuilder
		tb.doc = b.doc
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			if cell != row.FirstChild() {
				tb.literal(" | ", tb.lastSrc())
			}
			start := len(tb.buf)
			tb.inline(cell)
			l.Cells = append(l.Cells, Span{start, len(tb.buf)})
		}
		l.Text = string(tb.buf)
		l.segs = tb.segs
		l.Code, l.Links = tb.code, tb.links
		off := row.Pos()
		if off < 0 && len(tb.segs) > 0 {
			off = tb.segs[0].src
		}
		if off < 0 {
			off = 0
		}
		if len(l.segs) == 0 {
			l.segs = []textSeg{{0, off, 0}}
		}
		l.Num = b.doc.index.lineOf(off)
		if kind == KindTableHeader {
			header = l
		} else {
			l.Header = header
		}
		b.finishLine(l)
		b.add(l)
	}
}

// inlineLines flattens a block's inline content into lines, split at line
// breaks.
func (b *builder) inlineLines(n ast.Node, kind LineKind) []*Line {
	tb := textBuilder{doc: b.doc, splitLines: true, arena: &b.text}
	tb.inline(n)
	tb.flush()
	var out []*Line
	for _, pl := range dropReplaced(joinWrapped(tb.lines)) {
		l := b.newLine()
		l.Kind, l.Text, l.segs, l.Code, l.Links, l.Strong, l.boldLabel = kind, pl.text, pl.segs, pl.code, pl.links, pl.strong, pl.boldLabel
		if len(l.segs) == 0 {
			off := n.Pos()
			if off < 0 {
				off = 0
			}
			l.segs = []textSeg{{0, off, 0}}
		}
		b.finishLine(l)
		out = append(out, l)
	}
	return out
}

// finishLine computes the derived fields of a line.
func (b *builder) finishLine(l *Line) {
	if l.Num == 0 {
		l.Num = b.doc.index.lineOf(l.segs[0].src)
	}
	l.setLower(b.text.lower(l.Text))
	// Tokens, matches and versions of all lines share a few large arrays:
	// one allocation for the document instead of several per line.
	// A line has at most one token per two bytes; start a new chunk
	// rather than let append copy the whole array.
	if need := len(l.Lower)/2 + 1; cap(b.toks)-len(b.toks) < need {
		b.toks = make([]Token, 0, max(need, len(b.doc.Source)/12+64))
	}
	start := len(b.toks)
	b.toks = tokenize(l.Lower, b.toks)
	l.Tokens = b.toks[start:len(b.toks):len(b.toks)]
	l.maskWords()
	if need := 2*len(l.Tokens) + 4; cap(b.matches)-len(b.matches) < need {
		b.matches = make([]Match, 0, max(need, len(b.doc.Source)/20+64))
	}
	mstart := len(b.matches)
	b.matches = lexi().match(l.Tokens, b.matches)
	// A command's option is not a word of the sentence:
	// "--non-interactive", "--no-cache" negate nothing.
	for i := len(b.matches) - 1; i >= mstart; i-- {
		m := b.matches[i]
		// "we go back to front, one node at a time" is an order, not a
		// way back.
		backToFront := m.Term == TermRollback && m.NTok > 1 && m.Tok+m.NTok < len(l.Tokens) && l.Tokens[m.Tok+m.NTok].Word == "front"
		// "Pre-upgrade health checks", "post-upgrade checks": a time
		// around the upgrade, not the upgrade.
		prePost := m.Term == TermUpgradeVerb && m.Tok > 0 && m.Start > 0 && l.Text[m.Start-1] == '-' && (l.Tokens[m.Tok-1].Word == "pre" || l.Tokens[m.Tok-1].Word == "post")
		// "./run-gitlab.sh 18.11.9" names a script, not what runs.
		scriptName := m.Term == TermCurrently && InName(l.Text, m.Start, m.End)
		if m.Term == TermNeg && m.Start >= 2 && l.Text[m.Start-2:m.Start] == "--" || backToFront || prePost || scriptName {
			b.matches = append(b.matches[:i], b.matches[i+1:]...)
		}
	}
	if m, ok := helmWithOptions(l); ok {
		// "helm -n gitlab-prod upgrade gitlab gitlab/gitlab": options
		// between the words.
		b.matches = insertMatch(b.matches, mstart, m)
	}
	l.Matches = b.matches[mstart:len(b.matches):len(b.matches)]
	for _, m := range l.Matches {
		l.terms.add(m.Term)
	}
	splitLabel(l)
	if l.Label.Len() > 0 && labelWords(l) <= 6 {
		for _, m := range l.Matches {
			if m.Start >= l.Label.Start && m.End <= l.Label.End {
				if m.Term == TermProcedure && upgradeProperty(l, m) {
					// "| Upgrade mode | zero downtime (18.9 → 18.10) |"
					// says how, not a step.
					continue
				}
				if m.Term == TermRollback && withoutBefore(l, m) {
					// "Total without the restore: 2 h 54 min" is a time.
					continue
				}
				l.LabelTerms.add(m.Term)
			}
		}
	}
	vstart := len(b.versions)
	b.versions = glversion.Scan(l.Text, b.versions)
	l.Versions = b.versions[vstart:len(b.versions):len(b.versions)]
	if len(l.Versions) == 0 {
		l.Versions = nil
	}
	if l.Kind == KindHeading && len(l.Versions) >= 2 && sectionNumber(l.Text, l.Versions[0]) {
		// "### 10.1 Aggiornamento a GitLab 18.2.8": the heading's number
		// in the document, then the version.
		l.Versions = l.Versions[1:]
	}
}

// InName reports whether the text at [start, end) is part of a file, path
// or command name ("./run-gitlab.sh", "long-running",
// "infra/ansible-inventory") rather than a word of the sentence.
func InName(text string, start, end int) bool {
	if start > 0 && strings.IndexByte("/-_.", text[start-1]) >= 0 {
		return true
	}
	if end < len(text) && strings.IndexByte("/-_", text[end]) >= 0 {
		return true
	}
	return end+1 < len(text) && text[end] == '.' && text[end+1] < utf8.RuneSelf && asciiClass[text[end+1]] == clWord
}

// helmWithOptions finds "helm upgrade" or "helm install" written with
// options before the subcommand ("helm -n gitlab upgrade ...").
func helmWithOptions(l *Line) (Match, bool) {
	if !l.Contains("helm -") {
		return Match{}, false
	}
	for i, t := range l.Tokens {
		if t.Word != "helm" {
			continue
		}
		for j := i + 1; j < len(l.Tokens) && j <= i+5; j++ {
			if w := l.Tokens[j].Word; w == "upgrade" || w == "install" {
				if strings.HasPrefix(l.Text[t.End:], " -") {
					return Match{Term: TermHelmUpgrade, Tok: i, NTok: j - i + 1, Start: t.Start, End: l.Tokens[j].End}, true
				}
				break
			}
		}
	}
	return Match{}, false
}

// insertMatch inserts m into the matches after index from, in token order.
func insertMatch(ms []Match, from int, m Match) []Match {
	i := from
	for i < len(ms) && ms[i].Tok <= m.Tok {
		i++
	}
	ms = append(ms, Match{})
	copy(ms[i+1:], ms[i:])
	ms[i] = m
	return ms
}

// splitLabel finds a "Label: value" split: a short prefix ending in a
// colon (also after bold markup, which is already gone from Text), or the
// first cell of a table row, or a column header.
func splitLabel(l *Line) {
	switch l.Kind {
	case KindTableRow, KindTableHeader:
		// Skip row numbers and IDs ("| 14a | Backup | Application | ... |"):
		// the label is the text cells before the last one, the value the
		// last cell.
		first := 0
		for first < len(l.Cells)-1 && !wordyCell(l.Text[l.Cells[first].Start:l.Cells[first].End]) {
			first++
		}
		rest := l.Cells[first:]
		if l.Kind == KindTableHeader && len(rest) > 2 {
			// "| Status | Owner | Window | Ticket |" names columns; only a
			// two-column header can be a fact ("| Current version | 16.3.4 |").
			return
		}
		switch {
		case len(rest) == 2:
			l.Label, l.Value = rest[0], rest[1]
		case len(rest) >= 3:
			// Wide tables: the first cell labels the row unless the row is
			// "area | item | detail", where the middle cells label it.
			if len(l.Cells) >= 4 || first > 0 {
				l.Label = Span{rest[0].Start, rest[len(rest)-2].End}
				l.Value = rest[len(rest)-1]
			} else {
				l.Label = rest[0]
				l.Value = Span{rest[1].Start, rest[len(rest)-1].End}
			}
		}
		return
	case KindCode:
		return
	}
	if e := l.boldLabel; e > 0 && e < len(l.Text) {
		if c := strings.IndexByte(l.Text, ':'); c < 0 || c > e {
			v := e
			for v < len(l.Text) && l.Text[v] == ' ' {
				v++
			}
			l.Label, l.Value = Span{0, e}, Span{v, len(l.Text)}
			return
		}
	}
	if i := leaderAt(l.Text); i > 0 {
		// "Current ........ 18.2.8-ee": a dotted leader.
		j := i
		for j < len(l.Text) && (l.Text[j] == '.' || l.Text[j] == ' ') {
			j++
		}
		l.Label = Span{0, i}
		l.Value = Span{j, len(l.Text)}
		return
	}
	// A label ends within the first 60 bytes; the full-width colon is
	// looked for separately (IndexAny with a non-ASCII set walks rune by
	// rune).
	head := l.Text[:min(len(l.Text), 64)]
	i := strings.IndexByte(head, ':')
	if j := strings.Index(head, "："); j >= 0 && (i < 0 || j < i) {
		i = j
	}
	if i <= 0 {
		parenLabel(l)
		return
	}
	// "https://..." or "16:00" are not labels.
	if i+1 < len(l.Text) && (l.Text[i+1] == '/' || l.Text[i+1] >= '0' && l.Text[i+1] <= '9') {
		parenLabel(l)
		return
	}
	words := 0
	for _, t := range l.Tokens {
		if t.End <= i {
			words++
		}
	}
	if words == 0 || words > 6 || i > 60 {
		parenLabel(l)
		return
	}
	for _, c := range l.Code {
		if c.Start < i && !(c.End <= i && strings.Trim(l.Text[:c.Start], " *_") == "" && strings.Trim(l.Text[c.End:i], " *_") == "" && !strings.ContainsAny(l.Text[c.Start:c.End], " =")) {
			// (A setting named as code is a label: "`mattermost[...]` :
			// aucune clé dans gitlab.rb"; a command or a key-value pair
			// is not.)
			return
		}
	}
	n := 1
	if l.Text[i] != ':' {
		_, n = utf8.DecodeRuneInString(l.Text[i:])
	}
	l.Label = Span{0, i}
	l.Value = Span{i + n, len(l.Text)}
}

// parenLabel finds a label whose aside makes it long: "Current version
// (Admin > Overview > Dashboard, checked 2026-11-24): 18.5.7", at most
// six words before the parenthesis. The aside stays in the label, as in
// "Window (CET = UTC+01:00): ...".
func parenLabel(l *Line) {
	p := strings.IndexByte(l.Text[:min(len(l.Text), 48)], '(')
	if p <= 0 {
		return
	}
	q := strings.Index(l.Text[p:min(len(l.Text), 160)], "):")
	if q < 0 || strings.ContainsAny(l.Text[p+1:p+q], "()@") {
		// (An address in the aside makes the line a speaker's signature:
		// "**Dev Ramanathan** (owner, dev@..., cell ...):".)
		return
	}
	end := len(strings.TrimRight(l.Text[:p], " "))
	words := 0
	for _, t := range l.Tokens {
		if t.End <= end {
			words++
		}
	}
	for _, c := range l.Code {
		if c.Start < end {
			return
		}
	}
	if words == 0 || words > 6 {
		return
	}
	l.Label = Span{0, p + q + 1}
	l.Value = Span{p + q + 2, len(l.Text)}
}

// numberedQuestion returns, for the numbered list item being added, the
// item of the same number in the list of questions just before its list,
// or nil.
func (b *builder) numberedQuestion() *Line {
	lines, depth := b.doc.Lines, b.depth
	i, k := len(lines)-1, 0
	for ; i >= 0 && lines[i].Depth >= depth; i-- {
		if lines[i].Depth == depth && lines[i].Item {
			k++
		}
	}
	// A few lines of prose ("**Customer (2026-11-20):**") may stand
	// between the questions and the answers.
	for gap := 0; i >= 0 && lines[i].Depth < depth; i-- {
		if gap++; gap > 4 || lines[i].Kind == KindHeading && !lines[i].Section.Pseudo {
			return nil
		}
	}
	var items []*Line
	asked := 0
	for ; i >= 0 && lines[i].Depth >= depth; i-- {
		if l := lines[i]; l.Depth == depth && l.Item {
			items = append(items, l)
			if strings.HasSuffix(strings.TrimSpace(l.Text), "?") {
				asked++
			}
		}
	}
	if k >= len(items) || asked*2 < len(items) {
		return nil
	}
	q := items[len(items)-1-k]
	if !q.Ordered || !strings.HasSuffix(strings.TrimSpace(q.Text), "?") {
		return nil
	}
	return q
}

// answerLabel reports whether a line is labelled as the answer of a
// question-and-answer list: "A:", "Answer:", "Antwort:".
func answerLabel(l *Line) bool {
	if l.Label.Len() == 0 {
		return false
	}
	label := l.LabelText()
	if len(label) > 9 {
		return false
	}
	for _, w := range []string{"a", "answer", "antwort", "antwoord", "r", "respuesta", "réponse", "reponse", "risposta", "resposta"} {
		if strings.EqualFold(label, w) {
			return true
		}
	}
	return false
}

// reviewerLabel reports whether a line is labelled as GitLab Support's
// words: "Support (2026-11-13):", "GitLab Support:", "Supporto:".
func reviewerLabel(l *Line) bool {
	label := plainLabel(l)
	if label == "" {
		return false
	}
	for _, w := range []string{"support", "gitlab support", "supporto", "soporte", "suporte", "gitlab-support", "reviewer", "review comment", "kommentar support", "question from support", "frage vom support"} {
		if label == w || strings.HasPrefix(label, w+" (") || strings.HasPrefix(label, w+",") {
			return true
		}
	}
	return false
}

// customerLabel reports whether a line is labelled as the customer's
// words: "Customer:", "Unsere Antwort:", "Update:".
func customerLabel(l *Line) bool {
	switch plainLabel(l) {
	case "customer", "kunde", "cliente", "client", "klant", "our answer", "unsere antwort", "nuestra respuesta", "notre réponse", "update", "updated":
		return true
	}
	return false
}

// plainLabel returns a line's label, lower-case and without emphasis, or
// "" when it has none.
func plainLabel(l *Line) string {
	if l.Label.Len() == 0 {
		return ""
	}
	return strings.ToLower(strings.Trim(l.LabelText(), " *_"))
}

// askedTerms are the concepts a question can ask for.
var askedTerms = func() termSet {
	var s termSet
	for _, t := range []Term{TermWindow, TermContact, TermCurrent, TermTarget, TermEdition, TermInstall, TermOS, TermArchitecture, TermTimezone, TermBackup, TermRollback, TermStaging} {
		s.add(t)
	}
	return s
}()

// plainLang reports whether a code block's language marks plain text.
func plainLang(lang string) bool {
	switch lang {
	case "", "text", "txt", "plain", "plaintext":
		return true
	}
	return false
}

// leaderAt returns where a dotted leader starts in "Key ....... value":
// one to four words of letters, a run of at least four dots, then a
// value. It returns -1 when the line has none. ("Checking GitLab
// subtasks ... Finished" from gitlab:check has three.)
func leaderAt(s string) int {
	i := strings.Index(s, "....")
	if i <= 0 || i > 40 {
		return -1
	}
	key := strings.TrimSpace(s[:i])
	if key == "" || !unicode.IsLetter(rune(key[0])) || strings.ContainsAny(key, "?:=$/`'\"") {
		return -1
	}
	if n := len(strings.Fields(key)); n > 4 {
		return -1
	}
	if strings.TrimLeft(s[i:], ". ") == "" {
		return -1
	}
	return i
}

// citesDocs reports whether a line leads into a quote of GitLab's
// documentation or release notes: it ends with a colon and names the
// source ("From the 18.2 notes in the docs[^18]:", "Die Doku sagt:").
func citesDocs(l *Line) bool {
	t := strings.TrimSpace(l.Text)
	if !strings.HasSuffix(t, ":") {
		return false
	}
	return strings.Contains(t, "[^") || strings.Contains(t, "^") || l.ContainsAny("documentation", "docs", "doku", "dokumentation", "documentación", "documentação", "documentatie", "documentazione", "release note", "release post", "notas", "notes", "hinweise", "opmerkingen", "upgrade notes", "changes page", "gitlab_1")
}

// withoutBefore reports whether "without" stands right before a match:
// "without the restore", "ohne Restore", "sin la restauración".
func withoutBefore(l *Line, m Match) bool {
	for j := m.Tok - 1; j >= 0 && j >= m.Tok-2; j-- {
		switch l.Tokens[j].Word {
		case "without", "excluding", "excl", "ohne", "exklusive", "sin", "sans", "hors", "senza", "sem", "zonder", "exclusief":
			return true
		}
	}
	return false
}

// upgradeProperty reports whether a procedure match in a label is only
// the word "upgrade" naming a property of the upgrade: "Upgrade mode",
// "Upgrade type", "Upgrade strategy", "Modo de actualización".
func upgradeProperty(l *Line, m Match) bool {
	if !genericUpgradeWord(l.Lower[m.Start:m.End]) && l.Lower[m.Start:m.End] != "actualización" && l.Lower[m.Start:m.End] != "mise" {
		return false
	}
	near := func(j int) bool {
		if j < 0 || j >= len(l.Tokens) || l.Tokens[j].End > l.Label.End || l.Tokens[j].Start < l.Label.Start {
			return false
		}
		switch l.Tokens[j].Word {
		case "mode", "type", "method", "strategy", "approach", "kind", "style", "art", "modus", "strategie", "modo", "tipo", "método", "estrategia", "méthode", "stratégie", "modalità", "metodo", "strategia", "soort", "manier", "wijze":
			return true
		}
		return false
	}
	return near(m.Tok+m.NTok) || near(m.Tok-1) || near(m.Tok-2)
}

// sectionNumber reports whether a heading starts with version-like
// section numbering ("10.1 ", "3.2.1 ") rather than with a version.
func sectionNumber(text string, m glversion.Mention) bool {
	if strings.TrimSpace(text[:m.Start]) != "" || m.Form != glversion.FormPlain || m.End >= len(text) || text[m.End] != ' ' && text[m.End] != '.' {
		return false
	}
	return !m.Version.HasPatch || m.Version.Minor < 10
}

// labelWords counts the words of a line's label.
func labelWords(l *Line) int {
	// Words in parentheses explain the label ("Maintenance window (date,
	// time, time zone) (mandatory for vendor review)"); they do not make
	// it prose.
	// A label written in two languages counts as its longer half:
	// "Fecha de inicio planificada / Planned start date".
	// ("Go / no-go for rollback" has a one-word half: it is one label.)
	n, most, least, total, depth := 0, 0, 1<<30, 0, 0
	prev := l.Label.Start
	for _, t := range l.Tokens {
		if t.Start < l.Label.Start || t.End > l.Label.End {
			continue
		}
		gap := l.Text[prev:t.Start]
		depth += strings.Count(gap, "(") - strings.Count(gap, ")")
		if depth < 0 {
			depth = 0
		}
		if strings.Contains(gap, " / ") && depth == 0 && n > 0 {
			most, least, n = max(most, n), min(least, n), 0
		}
		prev = t.End
		if depth == 0 {
			n++
			total++
		}
	}
	if min(least, n) < 2 {
		return total
	}
	return max(most, n)
}

// wordyCell reports whether a table cell holds words, not just a row
// number or an ID.
func wordyCell(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 3
}

func (d *Document) finish() {
	for _, l := range d.Lines {
		l.doc = d
	}
}

// textBuilder flattens inline nodes into text with a source map.
type textBuilder struct {
	doc        *Document
	arena      *stringArena
	buf        []byte
	segs       []textSeg
	code       []Span
	links      []Span
	splitLines bool
	hard       bool
	lines      []plainLine
	allStrong  bool
	anyPlain   bool
	strong     int
	// lead is where bold text that opens the line ends, or 0.
	lead int
	// inCode counts the code spans being read: a backslash in code is
	// a character, elsewhere it escapes the punctuation after it.
	inCode int
}

type plainLine struct {
	text   string
	segs   []textSeg
	code   []Span
	links  []Span
	strong bool
	// hard is true when the line ended with a hard line break.
	hard bool
	// boldLabel: see Line.boldLabel.
	boldLabel int
}

// oldLabels and newLabels mark a line replaced by the one after it.
// ("Before:" over "After:" are two steps, not an old and a new value.)
var (
	oldLabels = map[string]bool{"old": true, "alt": true, "bisher": true, "vecchio": true, "vecchia": true, "anterior": true, "ancien": true, "ancienne": true, "oud": true, "oude": true, "antigo": true, "antiga": true, "previous": true, "previously": true}
	newLabels = map[string]bool{"new": true, "neu": true, "nuovo": true, "nuova": true, "nuevo": true, "nueva": true, "nouveau": true, "nouvelle": true, "nieuw": true, "nieuwe": true, "novo": true, "nova": true, "now": true, "after": true, "jetzt": true, "ahora": true, "maintenant": true, "agora": true}
)

// quickActions are GitLab's quick actions, written at the start of a line
// of an issue or merge request description.
var quickActions = map[string]bool{"label": true, "unlabel": true, "relabel": true, "assign": true, "unassign": true, "reassign": true, "assign_reviewer": true, "reviewer": true, "request_review": true,
	"unassign_reviewer": true, "due": true, "remove_due_date": true, "milestone": true, "remove_milestone": true, "weight": true, "estimate": true, "spend": true, "epic": true, "iteration": true,
	"close": true, "reopen": true, "approve": true, "unapprove": true, "merge": true, "draft": true, "ready": true, "title": true, "cc": true, "confidential": true, "lock": true, "unlock": true,
	"relate": true, "todo": true, "done": true, "severity": true, "health_status": true, "parent": true, "set_parent": true, "link": true, "copy_metadata": true, "duplicate": true, "move": true, "subscribe": true, "unsubscribe": true, "award": true, "shrug": true, "tableflip": true}

// quickAction reports whether a line is a GitLab quick action:
// "/assign @akim", "/label ~Status::Ready".
func quickAction(s string) bool {
	if !strings.HasPrefix(s, "/") {
		return false
	}
	name, _, _ := strings.Cut(s[1:], " ")
	return quickActions[name]
}

// dropReplaced leaves out a line labelled as the old value right above one
// labelled as the new: "VECCHIO: sabato 28/11/2026, 08:00–12:00 CET" /
// "NUOVO: sabato 12/12/2026, 08:00–14:00 CET". Only the new one stands.
// It leaves out quick actions too.
func dropReplaced(lines []plainLine) []plainLine {
	label := func(s string) string {
		k, _, ok := strings.Cut(s[:min(len(s), 16)], ":")
		if !ok {
			return ""
		}
		return strings.ToLower(strings.Trim(k, " *_~"))
	}
	out := lines[:0:0]
	for i, pl := range lines {
		if quickAction(pl.text) || i+1 < len(lines) && oldLabels[label(pl.text)] && newLabels[label(lines[i+1].text)] {
			// ("/label ~Change::Standard" and "/assign @akim" are
			// GitLab quick actions: commands to the issue, not its text.)
			continue
		}
		out = append(out, pl)
	}
	if len(out) == len(lines) {
		return lines
	}
	return out
}

// glossary reports whether a section, or one it belongs to, is a
// glossary.
func glossary(s *Section) bool {
	for ; s != nil; s = s.Parent {
		if s.Heading != nil && s.Heading.HasWord("glossary", "glossar", "glosario", "glossaire", "glossario", "woordenlijst", "glossário", "begriffe", "definitions", "definitionen", "definiciones", "terminology", "terminologie", "terminología") {
			return true
		}
	}
	return false
}

// joinWrapped joins the lines of a paragraph that were only wrapped by
// the author, and keeps apart lines that each state something of their
// own: "Key: value" lines, lines starting in bold, and lines ending with a
// hard line break.
func joinWrapped(lines []plainLine) []plainLine {
	if len(lines) < 2 {
		return lines
	}
	// A line that starts in lower case in the middle of a sentence
	// ("während des gesamten Wartungsfensters: Matthias Vogt, ...")
	// continues it, colon or not.
	labelledAt := func(i int) bool {
		return looksLabelled(lines[i]) && !(i > 0 && lowerStart(lines[i]) && !endsSentence(lines[i-1]))
	}
	labelled := 0
	for i := range lines {
		if labelledAt(i) {
			labelled++
		}
	}
	out := []plainLine{lines[0]}
	for i := 1; i < len(lines); i++ {
		prev := &out[len(out)-1]
		cur := lines[i]
		// (A line that goes on with a lower-case word in the middle of a
		// sentence continues a labelled one: "Antwort: Ja. Am 18.11.2026
		// auf git-stage01 (aus dem Produktions-Backup vom 16.11.2026" /
		// "wiederhergestellt, ...".)
		goesOn := lowerStart(cur) && !endsSentence(lines[i-1])
		if prev.hard || commentHeader(lines[i-1].text) || labelled >= 2 && (labelledAt(i) || labelledAt(i-1) && !goesOn) || endsSentence(lines[i-1]) && (factLabelled(cur) || factLabelled(lines[i-1]) || stepNumbered(cur)) {
			out = append(out, cur)
			continue
		}
		if prev.strong && prev.boldLabel == 0 && len(out) == 1 && !cur.strong && !strings.HasSuffix(prev.text, ":") && !strings.HasSuffix(prev.text, ".") && len(strings.Fields(prev.text)) <= 8 {
			// "**P6. Versão atual**" over "18.8.11-ee": a bold question
			// on a line of its own labels the answer below it.
			prev.boldLabel = len(prev.text)
		}
		shift := len(prev.text) + 1
		prev.segs = append(prev.segs, textSeg{text: len(prev.text), src: lastSrcOf(prev.segs), n: 0})
		prev.text += " " + cur.text
		for _, sg := range cur.segs {
			sg.text += shift
			prev.segs = append(prev.segs, sg)
		}
		for _, c := range cur.code {
			prev.code = append(prev.code, Span{c.Start + shift, c.End + shift})
		}
		for _, c := range cur.links {
			prev.links = append(prev.links, Span{c.Start + shift, c.End + shift})
		}
		prev.strong = prev.strong && cur.strong
		prev.hard = cur.hard
	}
	return out
}

// clampSpans cuts spans to a text of length n, dropping empty ones.
func clampSpans(spans []Span, n int) []Span {
	out := spans[:0]
	for _, s := range spans {
		if s.End > n {
			s.End = n
		}
		if s.Start < s.End {
			out = append(out, s)
		}
	}
	return out
}

func lastSrcOf(segs []textSeg) int {
	if len(segs) == 0 {
		return 0
	}
	s := segs[len(segs)-1]
	return s.src + s.n
}

// looksLabelled reports whether a line starts with a short label and a
// colon, or with bold text.
// endsSentence reports whether a line ends a sentence, so the next one
// may start a statement of its own.
func endsSentence(l plainLine) bool {
	t := strings.TrimRight(l.text, " ")
	return t != "" && strings.ContainsRune(".!?:;", rune(t[len(t)-1]))
}

// factLabels are the facts whose "Label: value" line stands on its own
// even in a paragraph of prose.
var factLabels = func() termSet {
	var s termSet
	for _, t := range []Term{TermWindow, TermContact, TermCurrent, TermTarget, TermOS, TermEdition, TermInstall, TermTimezone, TermDuration} {
		s.add(t)
	}
	return s
}()

// factLabelled reports whether a line starts with a short label naming a
// plan fact ("Window: Friday 2027-01-08, 19:00–00:00 CET").
func factLabelled(l plainLine) bool {
	t := strings.TrimSpace(l.text)
	i := strings.IndexByte(t, ':')
	if i <= 0 || i > 40 || len(strings.Fields(t[:i])) > 3 || i+1 < len(t) && t[i+1] != ' ' {
		return false
	}
	label := lowerSameLen(t[:i])
	for _, m := range lexi().match(tokenize(label, nil), nil) {
		if factLabels.has(m.Term) {
			return true
		}
	}
	return false
}

func looksLabelled(l plainLine) bool {
	t := strings.TrimSpace(l.text)
	i := strings.IndexByte(t, ':')
	if i > 0 && i < 60 && len(strings.Fields(t[:i])) <= 6 && (i+1 == len(t) || t[i+1] == ' ') {
		// "Mobil +49 ... (Vertretung: Sabine Krämer)": a colon inside
		// an aside does not end a label.
		return !InParens(t[:i])
	}
	return false
}

// stepNumbered reports whether a line starts with a step number that is
// not a markdown list marker: "7.5 PgBouncer, then Redis: ...".
func stepNumbered(l plainLine) bool {
	t := strings.TrimLeft(l.text, " ")
	i := 0
	for i < len(t) && (t[i] >= '0' && t[i] <= '9' || t[i] == '.') {
		i++
	}
	if i == 0 || i > 6 || i >= len(t) || t[i] != ' ' || !strings.Contains(t[:i], ".") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(t[i:], " "))
	return unicode.IsUpper(r)
}

// lowerStart reports whether a line's text starts with a lower-case
// letter.
func lowerStart(l plainLine) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(l.text, " "))
	return unicode.IsLower(r)
}

func (tb *textBuilder) lastSrc() int {
	if len(tb.segs) == 0 {
		return 0
	}
	s := tb.segs[len(tb.segs)-1]
	return s.src + s.n
}

func (tb *textBuilder) source(seg text.Segment) {
	v := seg.Value(tb.doc.Source)
	if len(v) == 0 {
		return
	}
	if tb.strong == 0 && len(bytes.TrimSpace(v)) > 0 {
		tb.anyPlain = true
	}
	if tb.segs == nil {
		tb.segs = make([]textSeg, 0, 6)
	}
	if tb.buf == nil {
		tb.buf = make([]byte, 0, 96)
	}
	tb.segs = append(tb.segs, textSeg{text: len(tb.buf), src: seg.Start, n: len(v)})
	tb.buf = append(tb.buf, v...)
}

// text adds a text node's bytes without the backslashes of markdown
// escapes ("17\.8\.7" from a Google Docs export reads "17.8.7") and with
// HTML entities read as the characters they stand for ("16.11.10 &rarr;
// 17.3.7", "07:00&nbsp;&ndash;&nbsp;13:00"), as markdown shows them; each
// piece keeps its own source offset.
func (tb *textBuilder) text(seg text.Segment) {
	v := seg.Value(tb.doc.Source)
	if tb.inCode > 0 || seg.Padding != 0 || bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, '&') < 0 {
		tb.source(seg)
		return
	}
	start := seg.Start
	for i := 0; i+1 < len(v); i++ {
		switch {
		case v[i] == '\\' && util.IsPunct(v[i+1]):
			tb.source(text.NewSegment(start, seg.Start+i))
			start = seg.Start + i + 1
			i++
		case v[i] == '&':
			dec, n := entityAt(v[i:])
			if n == 0 {
				continue
			}
			tb.source(text.NewSegment(start, seg.Start+i))
			tb.literal(dec, seg.Start+i)
			start = seg.Start + i + n
			i += n - 1
		}
	}
	tb.source(text.NewSegment(start, seg.Stop))
}

// entityAt reads the HTML entity that b starts with ("&rarr;", "&#8594;")
// and returns the text it stands for and its length in b, or 0. A
// non-breaking space reads as a space.
func entityAt(b []byte) (string, int) {
	end := bytes.IndexByte(b[:min(len(b), 12)], ';')
	if end < 0 {
		return "", 0
	}
	ent := string(b[:end+1])
	dec := html.UnescapeString(ent)
	if dec == ent {
		return "", 0
	}
	if dec == "\u00a0" {
		dec = " "
	}
	return dec, end + 1
}

func (tb *textBuilder) literal(s string, src int) {
	tb.segs = append(tb.segs, textSeg{text: len(tb.buf), src: src, n: 0})
	tb.buf = append(tb.buf, s...)
}

func (tb *textBuilder) flush() {
	var text string
	if tb.arena != nil {
		text = tb.arena.copy(tb.buf)
	} else {
		text = string(tb.buf)
	}
	// Trim trailing spaces (hard line breaks) without moving offsets.
	text = strings.TrimRight(text, " \t")
	tb.code = clampSpans(tb.code, len(text))
	tb.links = clampSpans(tb.links, len(text))
	if strings.TrimSpace(text) != "" || len(tb.lines) == 0 && len(tb.segs) > 0 {
		pl := plainLine{text: text, segs: tb.segs, code: tb.code, links: tb.links, strong: !tb.anyPlain && strings.TrimSpace(text) != "", hard: tb.hard}
		if q := strings.TrimRight(text[:min(tb.lead, len(text))], " "); tb.lead > 0 && tb.lead < len(text) && strings.HasSuffix(q, "?") {
			// "**Q13. Version cible ?** GitLab EE 18.8.11": the question
			// labels its answer.
			pl.boldLabel = len(q)
		}
		tb.lines = append(tb.lines, pl)
	}
	// The text was copied; the buffer serves the next line.
	tb.buf, tb.segs, tb.code, tb.links = tb.buf[:0], nil, nil, nil
	tb.anyPlain = false
	tb.hard = false
	tb.lead = 0
}

func (tb *textBuilder) inline(n ast.Node) {
	src := tb.doc.Source
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			tb.text(c.Segment)
			if c.SoftLineBreak() || c.HardLineBreak() {
				if tb.splitLines {
					tb.hard = c.HardLineBreak()
					tb.flush()
				} else {
					tb.literal(" ", c.Segment.Stop)
				}
			}
		case *ast.String:
			tb.literal(string(c.Value), tb.lastSrc())
		case *ast.CodeSpan:
			start := len(tb.buf)
			if tb.strong == 0 {
				tb.anyPlain = true
			}
			tb.strong++
			tb.inCode++
			tb.inline(c)
			tb.inCode--
			tb.strong--
			tb.code = append(tb.code, Span{start, len(tb.buf)})
		case *ast.Emphasis:
			opens := tb.strong == 0 && len(bytes.TrimSpace(tb.buf)) == 0
			tb.strong++
			tb.inline(c)
			tb.strong--
			if opens {
				tb.lead = len(tb.buf)
			}
		case *ast.Link:
			start := len(tb.buf)
			tb.inline(c)
			tb.links = append(tb.links, Span{start, len(tb.buf)})
		case *ast.AutoLink:
			start := len(tb.buf)
			label := c.Label(src)
			off := c.Pos()
			if off < 0 {
				off = tb.lastSrc()
			} else if off < len(src) && src[off] == '<' {
				off++
			}
			tb.anyPlain = true
			tb.segs = append(tb.segs, textSeg{text: len(tb.buf), src: off, n: len(label)})
			tb.buf = append(tb.buf, label...)
			tb.links = append(tb.links, Span{start, len(tb.buf)})
		case *ast.Image:
			// Alt text of images is not plan content.
		case *ast.RawHTML:
			tb.rawHTML(c)
		case *extast.TaskCheckBox:
			// Recorded on the list item.
		case *extast.Strikethrough:
			// Struck-out text is withdrawn content.
		default:
			tb.inline(c)
		}
	}
}

// rawHTML keeps line breaks of <br> tags as spaces and reads directives
// from comments.
func (tb *textBuilder) rawHTML(n *ast.RawHTML) {
	src := tb.doc.Source
	var raw []byte
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		raw = append(raw, seg.Value(src)...)
	}
	if bytes.HasPrefix(raw, []byte("<!--")) {
		if n.Segments.Len() > 0 {
			tb.doc.addDirective(string(raw), n.Segments.At(0).Start)
		}
		return
	}
	if n.Segments.Len() == 0 {
		return
	}
	if htmlTag(raw) {
		if bytes.HasPrefix(bytes.ToLower(raw), []byte("<br")) {
			tb.literal(" ", n.Segments.At(0).Start)
		}
		return
	}
	// "<name>" or "<YYYY-MM-DD>" parse as HTML tags but are fill-ins the
	// author meant as text: keep them.
	for i := 0; i < n.Segments.Len(); i++ {
		tb.source(n.Segments.At(i))
	}
}

// knownHTML are element names people use inside markdown.
var knownHTML = map[string]bool{
	"a": true, "abbr": true, "b": true, "br": true, "center": true, "code": true, "del": true, "details": true, "div": true,
	"em": true, "font": true, "h1": true, "h2": true, "h3": true, "h4": true, "hr": true, "i": true, "img": true, "ins": true,
	"kbd": true, "li": true, "mark": true, "ol": true, "p": true, "pre": true, "s": true, "samp": true, "small": true, "span": true,
	"strike": true, "strong": true, "sub": true, "summary": true, "sup": true, "table": true, "tbody": true, "td": true, "th": true,
	"thead": true, "tr": true, "u": true, "ul": true, "var": true, "picture": true, "source": true, "video": true, "section": true,
}

// htmlTag reports whether raw inline HTML is a real element (or closing
// tag), not a "<fill-in>".
func htmlTag(raw []byte) bool {
	s := strings.TrimPrefix(string(raw), "<")
	if strings.HasPrefix(s, "/") || strings.HasPrefix(s, "!") || strings.HasPrefix(s, "?") {
		return true
	}
	end := strings.IndexAny(s, " \t\n/>")
	if end < 0 {
		end = len(s)
	}
	return knownHTML[strings.ToLower(s[:end])]
}

// htmlSummary reads "<details><summary>Rollback</summary>" as a heading:
// the collapsible block is a section of the plan.
func (b *builder) htmlSummary(n *ast.HTMLBlock) {
	src := b.doc.Source
	segs := n.Lines()
	for i := 0; i < segs.Len(); i++ {
		seg := segs.At(i)
		raw := seg.Value(src)
		low := bytes.ToLower(raw)
		open := bytes.Index(low, []byte("<summary>"))
		end := bytes.Index(low, []byte("</summary>"))
		if open < 0 || end < open+len("<summary>") {
			continue
		}
		inner := raw[open+len("<summary>") : end]
		if len(bytes.TrimSpace(inner)) == 0 {
			continue
		}
		// ("<summary><b>Version-specific items we checked</b> (17.0
		// &ndash; 17.5)</summary>": formatting and entities inside.)
		text, tsegs := htmlLineText(inner, seg.Start+open+len("<summary>"))
		if strings.TrimSpace(text) == "" || len(tsegs) == 0 {
			continue
		}
		l := b.newLine()
		l.Kind = KindHeading
		l.Text = strings.TrimRight(text, " ")
		l.segs = tsegs
		b.finishLine(l)
		b.openSection(l, b.pseudoLevel(), true)
		return
	}
}

// htmlText reads the text of an HTML block ("<table><tr><td>2</td><td>sudo
// cp /etc/gitlab/gitlab-secrets.json ...</td></tr>") as plan lines, one per
// source line, with the tags blanked out so every byte keeps its place.
func (b *builder) htmlText(n *ast.HTMLBlock) {
	if n.HTMLBlockType == ast.HTMLBlockType2 {
		// Comments: directives, not content.
		return
	}
	src := b.doc.Source
	segs := n.Lines()
	var header *Line
	// lists are the HTML lists open at the line, innermost last; true for
	// an ordered one. A list right after an item that ends with a colon
	// ("5. Aggiornare i nodi nell'ordine seguente:") is nested in it.
	var lists []bool
	base := b.depth
	if n := len(b.doc.Lines); n > 0 {
		if prev := b.doc.Lines[n-1]; prev.Item && strings.HasSuffix(strings.TrimSpace(prev.Text), ":") {
			base = prev.Depth
		}
	}
	for i := 0; i < segs.Len(); i++ {
		seg := segs.At(i)
		raw := seg.Value(src)
		lowRaw := bytes.ToLower(raw)
		if bytes.Contains(lowRaw, []byte("<summary>")) {
			continue
		}
		if k := bytes.Index(lowRaw, []byte("<tr")); k >= 0 && (k+3 == len(raw) || raw[k+3] == '>' || raw[k+3] == ' ') {
			// A row of a raw HTML table, over as many source lines as
			// its cells take, reads as a table row.
			j := i
			for j+1 < segs.Len() {
				if end := segs.At(j); bytes.Contains(bytes.ToLower(end.Value(src)), []byte("</tr")) {
					break
				}
				j++
			}
			if l := b.htmlRow(seg.Start+k, segs.At(j).Stop); l != nil {
				if l.Kind == KindTableHeader {
					header = l
				} else {
					l.Header = header
				}
				b.finishLine(l)
				b.add(l)
				i = j
				continue
			}
		}
		low := bytes.TrimSpace(lowRaw)
		item := bytes.HasPrefix(low, []byte("<li"))
		for _, tag := range [][]byte{[]byte("<ol"), []byte("<ul")} {
			if k := bytes.Index(low, tag); k >= 0 && (item || k == 0) {
				lists = append(lists, tag[2] == 'o')
			}
		}
		text, tsegs := htmlLineText(raw, seg.Start)
		t := strings.TrimRight(text, " \t")
		if strings.TrimSpace(t) != "" {
			l := b.newLine()
			l.Kind = KindText
			l.Text = t
			l.segs = tsegs
			if item && len(lists) > 0 {
				// "<li><code>gitaly01</code> (Gitaly)</li>": an item of
				// the list, as deep as the HTML lists are nested.
				l.Item, l.Ordered = true, lists[len(lists)-1]
			}
			b.finishLine(l)
			saved := b.depth
			b.depth = base + len(lists)
			b.add(l)
			b.depth = saved
		}
		for _, tag := range [][]byte{[]byte("</ol"), []byte("</ul")} {
			if bytes.Contains(low, tag) && len(lists) > 0 {
				lists = lists[:len(lists)-1]
			}
		}
	}
}

// htmlRow reads the HTML table row in source[start:stop] ("<tr><td>Current
// version</td><td>18.5.7-ee</td></tr>") as a table row line with one cell
// per <td> or <th>; a row of <th> cells is a header. It returns nil for a
// row without cells.
func (b *builder) htmlRow(start, stop int) *Line {
	raw := b.doc.Source[start:stop]
	low := bytes.ToLower(raw)
	th := false
	var buf []byte
	var cells []Span
	var tsegs []textSeg
	for at := 0; ; {
		td, th1 := bytes.Index(low[at:], []byte("<td")), bytes.Index(low[at:], []byte("<th"))
		if th1 >= 0 && (td < 0 || th1 < td) && th1+3 < len(low[at:]) && (low[at+th1+3] == '>' || low[at+th1+3] == ' ') {
			td, th = th1, true
		}
		if td < 0 {
			break
		}
		open := at + td
		gt := bytes.IndexByte(low[open:], '>')
		if gt < 0 {
			break
		}
		from := open + gt + 1
		end := len(low)
		for _, closer := range [][]byte{[]byte("</td"), []byte("</th"), []byte("<td"), []byte("<th"), []byte("</tr")} {
			if k := bytes.Index(low[from:], closer); k >= 0 && from+k < end {
				end = from + k
			}
		}
		text, segs := htmlLineText(raw[from:end], start+from)
		trimmed := strings.TrimSpace(text)
		lead := strings.Index(text, trimmed)
		if len(cells) > 0 {
			tsegs = append(tsegs, textSeg{text: len(buf), src: start + from, n: 0})
			buf = append(buf, " | "...)
		}
		cell := Span{len(buf), len(buf) + len(trimmed)}
		for _, sg := range segs {
			// Keep the segments of the trimmed text only.
			a, z := max(sg.text, lead), min(sg.text+sg.n, lead+len(trimmed))
			if a >= z && !(sg.n == 0 && sg.text >= lead && sg.text <= lead+len(trimmed)) {
				continue
			}
			n := max(0, z-a)
			tsegs = append(tsegs, textSeg{text: len(buf) + a - lead, src: sg.src + a - sg.text, n: n})
		}
		buf = append(buf, trimmed...)
		cells = append(cells, cell)
		at = end
	}
	if len(cells) == 0 {
		return nil
	}
	l := b.newLine()
	l.Kind = KindTableRow
	if th {
		l.Kind = KindTableHeader
	}
	l.Text, l.Cells, l.segs = string(buf), cells, tsegs
	if len(l.segs) == 0 {
		l.segs = []textSeg{{0, start, 0}}
	}
	l.Num = b.doc.index.lineOf(start)
	return l
}

// inlineHTML are the elements that format text inside a run of words:
// "1<sup>er</sup> décembre" reads "1er décembre".
var inlineHTML = map[string]bool{"sup": true, "sub": true, "b": true, "i": true, "em": true, "strong": true, "span": true, "u": true,
	"small": true, "mark": true, "code": true, "a": true, "font": true, "abbr": true, "kbd": true, "s": true, "del": true, "ins": true, "var": true, "samp": true}

// htmlLineText turns a line of an HTML block into text: element tags
// become a space, formatting tags inside words vanish, and line ends
// become spaces. The segments map the text back to the source line,
// which starts at src.
func htmlLineText(raw []byte, src int) (string, []textSeg) {
	var buf []byte
	var segs []textSeg
	emit := func(from int, b []byte) {
		if n := len(segs); n > 0 && segs[n-1].src+segs[n-1].n == src+from && segs[n-1].text+segs[n-1].n == len(buf) {
			segs[n-1].n += len(b)
		} else {
			segs = append(segs, textSeg{text: len(buf), src: src + from, n: len(b)})
		}
		buf = append(buf, b...)
	}
	for j := 0; j < len(raw); {
		c := raw[j]
		if c == '<' {
			if k := bytes.IndexByte(raw[j:], '>'); k > 0 {
				name := strings.ToLower(strings.TrimLeft(string(raw[j+1:j+k]), "/"))
				if i := strings.IndexAny(name, " \t/"); i >= 0 {
					name = name[:i]
				}
				if !inlineHTML[name] {
					emit(j, []byte{' '})
				}
				j += k + 1
				continue
			}
		}
		if c == '\n' || c == '\r' {
			emit(j, []byte{' '})
			j++
			continue
		}
		if c == '&' {
			// "09:00&nbsp;&ndash;&nbsp;11:30" reads "09:00 – 11:30".
			if dec, n := entityAt(raw[j:]); n > 0 {
				segs = append(segs, textSeg{text: len(buf), src: src + j, n: 0})
				buf = append(buf, dec...)
				j += n
				continue
			}
		}
		k := j + 1
		for k < len(raw) && raw[k] != '<' && raw[k] != '&' && raw[k] != '\n' && raw[k] != '\r' {
			k++
		}
		emit(j, raw[j:k])
		j = k
	}
	return string(buf), segs
}

func (b *builder) htmlDirectives(n *ast.HTMLBlock) {
	if n.HTMLBlockType != ast.HTMLBlockType2 {
		return
	}
	var raw []byte
	segs := n.Lines()
	for i := 0; i < segs.Len(); i++ {
		seg := segs.At(i)
		raw = append(raw, seg.Value(b.doc.Source)...)
	}
	if n.HasClosure() {
		cl := n.ClosureLine
		raw = append(raw, cl.Value(b.doc.Source)...)
	}
	if segs.Len() > 0 {
		b.doc.addDirective(string(raw), segs.At(0).Start)
	}
}
