package rules

import "github.com/planlint/planlint/lint"

// EmptySection finds headings with nothing under them.
var EmptySection = &lint.Rule{
	ID:       "empty-section",
	Title:    "a section has a heading but no content",
	Severity: lint.Warning,
	Category: lint.Hygiene,
	Doc: `An empty section is usually a template heading never filled in: "Post-upgrade checks" with
nothing under it reads as done when it is not. A heading that points to another part of the plan
("Backup (see above)") is not empty. An empty rollback section is reported by
` + "`missing-rollback-plan`" + ` instead.

Fix: fill the section in, or remove the heading.`,
	Run: func(p *lint.Pass) {
		for _, s := range p.Doc.Sections {
			if s.Heading == nil || s.Pseudo || s.IsTitle || !s.Empty() || s.Names(lint.TermRollback) || lint.PointsElsewhere(s.Heading.Lower) {
				continue
			}
			p.ReportLinef(s.Heading, "section %s is empty. fill it in, or remove the heading", quote(s.Title))
		}
	},
}
