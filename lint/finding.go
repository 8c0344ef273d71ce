package lint

import (
	"cmp"
	"slices"
)

// Finding is one problem found in a plan.
type Finding struct {
	// Rule is the ID of the rule that found it.
	Rule string `json:"rule"`
	// Severity is resolved by the engine: a user override, else the
	// rule's hint for this finding, else the rule's default.
	Severity Severity `json:"severity"`
	// Path is the file, set by the engine.
	Path string `json:"-"`
	// Line and Column are 1-based; Column counts characters.
	Line   int `json:"line"`
	Column int `json:"column"`
	// Message says what was found, what is expected and how to fix it.
	Message string `json:"message"`
	// URL is the rule's documentation.
	URL string `json:"url"`
	// Category is the rule's category, set by the engine.
	Category Category `json:"-"`
	// SourceLine is the text of the source line, for display.
	SourceLine string `json:"-"`

	hint *Severity
}

// compareFindings orders findings by position, then rule, then message.
func compareFindings(a, b Finding) int {
	return cmp.Or(
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Column, b.Column),
		cmp.Compare(a.Rule, b.Rule),
		cmp.Compare(a.Message, b.Message),
	)
}

// sortFindings sorts and removes exact duplicates.
func sortFindings(fs []Finding) []Finding {
	slices.SortFunc(fs, compareFindings)
	return slices.CompactFunc(fs, func(a, b Finding) bool {
		return a.Rule == b.Rule && a.Line == b.Line && a.Column == b.Column && a.Message == b.Message
	})
}

// Verdict is the outcome of a review of one plan.
type Verdict string

// Verdicts, as Support would decide them.
const (
	// Ready: nothing stands in the way.
	Ready Verdict = "ready"
	// NeedsInfo: Support would ask for missing information first.
	NeedsInfo Verdict = "needs-info"
	// Postpone: the plan is complete but unsafe; Support would recommend
	// postponing until it is fixed.
	Postpone Verdict = "postpone"
	// OutOfScope: the request bundles changes Upgrade Assistance does not
	// cover.
	OutOfScope Verdict = "out-of-scope"
)

// verdictOf decides a verdict from resolved findings.
func verdictOf(fs []Finding) Verdict {
	v := Ready
	for _, f := range fs {
		switch {
		case f.Category == Scope:
			return OutOfScope
		case f.Severity == Error && f.Category == RequiredInfo:
			v = NeedsInfo
		case f.Severity == Error && v == Ready:
			v = Postpone
		}
	}
	return v
}
