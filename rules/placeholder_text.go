package rules

import (
	"slices"
	"strings"

	"github.com/planlint/planlint/lint"
)

// PlaceholderText finds unfilled template text.
var PlaceholderText = &lint.Rule{
	ID:       "placeholder-text",
	Title:    "the plan still holds placeholders or blank fill-in values",
	Severity: lint.Error,
	Category: lint.RequiredInfo,
	Doc: `Templates leave fill-ins behind: TBD, TODO, "<name>", "[Your name]", "_______", "YYYY-MM-DD",
"x.y.z", lorem ipsum, or a blank value cell in a facts table. A placeholder where a plan fact should
be (the owner, the date, the contact, the version to install) is missing information.

Runtime variables inside commands are not placeholders: "BACKUP=<timestamp>" or "<container>" in
a command is filled in when the command runs.

Fix: replace each placeholder with the real value.`,
	Run: func(p *lint.Pass) {
		for _, l := range p.Doc.Lines {
			if phs := l.Placeholders(); len(phs) == 1 {
				p.Reportf(l, phs[0].Span, "placeholder %s left in the plan. replace it with the real value", quote(phs[0].Text))
			} else if len(phs) > 1 {
				var qs []string
				for _, ph := range phs {
					qs = append(qs, quote(ph.Text))
				}
				p.Reportf(l, phs[0].Span, "placeholders %s left in the plan. replace them with the real values", strings.Join(qs, ", "))
			}
			if h := l.Section.Heading; h != nil && l.Kind == lint.KindText && lint.NoResponse(l.Text) && slices.ContainsFunc(factLabels, h.Has) {
				// An issue form's required field left empty: "### Point of
				// contact" over "_No response_".
				p.Reportf(l, lint.Span{Start: 0, End: len(l.Text)}, "field %s has no answer. fill it in", quote(strings.TrimSpace(h.Text)))
			}
			if l.Kind == lint.KindTableRow && blankFactCell(l) {
				p.Reportf(l, l.Label, "value for %s is blank. fill it in", quote(l.LabelText()))
			}
		}
	},
}

// factLabels are labels whose values are plan facts.
var factLabels = []lint.Term{lint.TermCurrent, lint.TermTarget, lint.TermWindow, lint.TermContact, lint.TermOS, lint.TermInstall, lint.TermEdition, lint.TermTimezone, lint.TermDuration, lint.TermArchitecture, lint.TermStaging, lint.TermBackup, lint.TermRollback, lint.TermSignoff}

// blankFactCell reports whether a facts-table row has a fact label and an
// empty value.
func blankFactCell(l *lint.Line) bool {
	if len(l.Cells) < 2 || strings.TrimSpace(l.LabelText()) == "" {
		return false
	}
	if first := strings.TrimSpace(l.Text[l.Cells[0].Start:l.Cells[0].End]); strings.HasPrefix(first, "T+") || strings.HasPrefix(first, "T-") {
		// "| T+30 | end | |": a timeline, whose empty "Who" or notes
		// cell is no fact.
		return false
	}
	inLabel := 0
	for _, c := range l.Cells {
		if clockCell(strings.TrimSpace(l.Text[c.Start:c.End])) {
			// "| 19:00 | end | |", "| 1 | 06h00 | Sauvegarde, section 7
			// | |": a timed step, whose empty cell is no fact.
			return false
		}
		if c.Start >= l.Label.Start && c.End <= l.Label.End {
			inLabel++
			if strings.TrimSpace(l.Text[c.Start:c.End]) == "" {
				// "| 2 | 18.5.7 | required stop, target | | |": empty
				// cells on both sides are cells merged with the row
				// above, not a label and its missing value.
				return false
			}
		}
	}
	if inLabel > 2 {
		// A wide sheet ("| 0.4 | Info | Install method | Linux package
		// | Juho | – | | |") gives the fact in the cell after its name;
		// an empty last column is an optional comment.
		return false
	}
	if strings.TrimSpace(l.ValueText()) != "" {
		return false
	}
	for _, t := range factLabels {
		if l.LabelIs(t) {
			return true
		}
	}
	return false
}

// clockCell reports whether a table cell starts with a clock time:
// "06h00", "19:00", "9:30–10:15".
func clockCell(c string) bool {
	i := 0
	for i < len(c) && i < 2 && c[i] >= '0' && c[i] <= '9' {
		i++
	}
	return i > 0 && len(c) >= i+3 && (c[i] == ':' || c[i] == 'h') && c[i+1] >= '0' && c[i+1] <= '5' && c[i+2] >= '0' && c[i+2] <= '9' &&
		(len(c) == i+3 || c[i+3] < '0' || c[i+3] > '9')
}
