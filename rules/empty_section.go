package rules

import (
	"slices"

	"github.com/planlint/planlint/lint"
)

// EmptySection finds headings with nothing under them.
var EmptySection = &lint.Rule{
	ID:       "empty-section",
	Title:    "a section has a heading but no content",
	Severity: lint.Warning,
	Category: lint.Hygiene,
	Doc: `An empty section is usually a template heading never filled in: "Post-upgrade checks" with
nothing under it reads as done when it is not. A heading that points to another part of the plan
("Backup (see above)") is not empty; one that holds only the template's guidance
("_Describe how the change was tested._") is, unless that guidance makes it optional ("_Fill in
only if Geo is used._"). Parts of a change record that are filled in after the change or only
hold attachments ("Closure notes", "Lessons learned", "Appendix") may stay empty. An empty rollback section is reported by
` + "`missing-rollback-plan`" + ` instead.

Fix: fill the section in, or remove the heading.`,
	Run: func(p *lint.Pass) {
		for _, s := range p.Doc.Sections {
			if s.Heading == nil || s.Pseudo || s.IsTitle || !s.Unfilled() || s.Names(lint.TermRollback) || lint.PointsElsewhere(s.Heading.Lower) || slices.ContainsFunc(s.Lines, lint.OptionalHint) || laterSection(s.Heading) {
				continue
			}
			p.ReportLinef(s.Heading, "section %s is empty. fill it in, or remove the heading", quote(s.Title))
		}
	},
}

// laterSection reports whether a heading names a part of a change record
// that stays empty until after the change, or holds only what is attached:
// "Closure notes", "Lessons learned", "12. Anexos".
func laterSection(h *lint.Line) bool {
	return h.HasWord("closure", "attachments", "attachment", "appendix", "appendices", "anexos", "anexo", "anhang", "anhänge", "annexes", "annexe", "allegati", "bijlagen", "bijlage") ||
		h.ContainsAny("lessons learned", "post-implementation review", "post implementation review")
}
