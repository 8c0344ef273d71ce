package lint

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/planlint/planlint/internal/knowledge"
)

// Severity is how much a finding matters. Rules declare a default; users
// may override it; the engine decides.
type Severity int

// Severities, ordered.
const (
	Info Severity = iota
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// MarshalText implements encoding.TextMarshaler.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err == nil {
		*s = v
	}
	return err
}

// ParseSeverity reads "info", "warning" or "error".
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "info":
		return Info, nil
	case "warning", "warn":
		return Warning, nil
	case "error":
		return Error, nil
	}
	return 0, fmt.Errorf("unknown severity %q: want info, warning or error", s)
}

// Category groups rules by what a failing plan needs, which decides the
// file's verdict.
type Category string

// Categories.
const (
	// RequiredInfo rules find information Support asks for before
	// anything else; their errors make the verdict needs-info.
	RequiredInfo Category = "required-information"
	// VersionPath rules check the versions and hops.
	VersionPath Category = "version-path"
	// Scope rules find requests Upgrade Assistance does not cover; they
	// make the verdict out-of-scope.
	Scope Category = "scope"
	// Hygiene rules find leftovers and risky content.
	Hygiene Category = "hygiene"
)

// Rule is one check. A rule is a value: its metadata feeds the registry,
// the generated docs and every output format. Run must not keep state
// between calls; it may run on many documents at once.
type Rule struct {
	// ID is stable forever, kebab-case.
	ID string
	// Title is one line, lower-case start, no trailing period.
	Title string
	// Doc is markdown: what the rule finds, why it matters to an
	// upgrade, and how to fix it.
	Doc string
	// Severity is the default severity.
	Severity Severity
	// Category decides the verdict.
	Category Category
	// Run reports findings through the pass.
	Run func(*Pass)
}

var ruleIDRe = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

// Validate checks a rule's metadata.
func (r *Rule) Validate() error {
	switch {
	case !ruleIDRe.MatchString(r.ID):
		return fmt.Errorf("rule ID %q is not kebab-case", r.ID)
	case r.Title == "" || strings.HasSuffix(r.Title, ".") || strings.ToLower(r.Title[:1]) != r.Title[:1]:
		return fmt.Errorf("rule %s: title %q must start lower-case and not end with a period", r.ID, r.Title)
	case strings.TrimSpace(r.Doc) == "":
		return fmt.Errorf("rule %s has no docs", r.ID)
	case r.Run == nil:
		return fmt.Errorf("rule %s has no Run function", r.ID)
	case r.Category == "":
		return fmt.Errorf("rule %s has no category", r.ID)
	}
	return nil
}

// DocsURL is where the generated page of a rule is published.
func DocsURL(id string) string {
	return "https://github.com/planlint/planlint/blob/main/docs/rules/" + id + ".md"
}

// Pass is what a rule sees while it runs on one document.
type Pass struct {
	Rule *Rule
	Doc  *Document
	Plan *Plan
	// Knowledge is the GitLab knowledge in use.
	Knowledge *knowledge.Base
	// Today is the day the plan is read.
	Today time.Time

	sink *[]Finding
}

// Shared is a value that several rules derive from a document, such as
// the background-migration checks it contains. Get computes it once per
// document and gives every later rule the same value, which callers must
// not modify. The rules of one document run one after another, so Get
// needs no lock.
type Shared[T any] struct {
	Compute func(p *Pass) T
}

// Get returns the value for the pass's document, computing it on first
// use.
func (s *Shared[T]) Get(p *Pass) T {
	if v, ok := p.Doc.shared[s]; ok {
		return v.(T)
	}
	v := s.Compute(p)
	if p.Doc.shared == nil {
		p.Doc.shared = map[any]any{}
	}
	p.Doc.shared[s] = v
	return v
}

// ReportOption adjusts one report.
type ReportOption func(*Finding)

// WithSeverity gives this finding a severity other than the rule's
// default, for rules whose findings differ in weight (a window in the
// past versus one starting too soon). A user's override still wins.
func WithSeverity(s Severity) ReportOption {
	return func(f *Finding) { f.hint = &s }
}

// Reportf reports a finding at a span of a line.
func (p *Pass) Reportf(l *Line, s Span, format string, args ...any) {
	p.report(l, s, fmt.Sprintf(format, args...), nil)
}

// ReportfWith is Reportf with options.
func (p *Pass) ReportfWith(opts []ReportOption, l *Line, s Span, format string, args ...any) {
	p.report(l, s, fmt.Sprintf(format, args...), opts)
}

// ReportLinef reports a finding at the start of a line's text.
func (p *Pass) ReportLinef(l *Line, format string, args ...any) {
	p.report(l, Span{0, len(l.Text)}, fmt.Sprintf(format, args...), nil)
}

// ReportDocumentf reports a finding about the whole plan, such as missing
// information. It is placed on the document's title (its first heading),
// or on line 1 when there is no heading.
func (p *Pass) ReportDocumentf(format string, args ...any) {
	p.ReportDocumentfWith(nil, format, args...)
}

// ReportDocumentfWith is ReportDocumentf with options.
func (p *Pass) ReportDocumentfWith(opts []ReportOption, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if t := p.Doc.Title(); t != nil {
		p.report(t, Span{0, 0}, msg, opts)
		return
	}
	f := Finding{Rule: p.Rule.ID, Line: 1, Column: 1, Message: msg}
	p.finish(&f, opts)
}

// ReportSourceLinef reports a finding at column 1 of source line n, for
// problems found while reading the file rather than on a logical line.
func (p *Pass) ReportSourceLinef(n int, format string, args ...any) {
	if n < 1 || n > p.Doc.LineCount() {
		n = 1
	}
	f := Finding{Rule: p.Rule.ID, Line: n, Column: 1, Message: fmt.Sprintf(format, args...)}
	p.finish(&f, nil)
}

func (p *Pass) report(l *Line, s Span, msg string, opts []ReportOption) {
	off := l.Offset(s.Start)
	line, col := p.Doc.Position(off)
	if l.Kind == KindHeading && s.Start == 0 {
		// Point at the heading marker, where the heading starts.
		line = l.Num
		col = 1
	}
	f := Finding{Rule: p.Rule.ID, Line: line, Column: col, Message: msg}
	p.finish(&f, opts)
}

func (p *Pass) finish(f *Finding, opts []ReportOption) {
	for _, o := range opts {
		o(f)
	}
	*p.sink = append(*p.sink, *f)
}
