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
			if s.Heading == nil || s.Pseudo || s.IsTitle || !s.Empty() || s.Names(lint.TermRollback) || pointsElsewhere(s.Heading) {
				continue
			}
			p.ReportLinef(s.Heading, "section %s is empty. fill it in, or remove the heading", quote(s.Title))
		}
	},
}

// pointsElsewhere reports whether a heading sends the reader to another
// part of the plan: "Step 2: backup (see above)", "Étape 4 (voir section
// suivante)".
func pointsElsewhere(h *lint.Line) bool {
	return containsAnyOf(h.Lower, "see above", "see below", "see section", "see the section", "see next", "see previous", "see step", "as above", "described above",
		"siehe oben", "siehe unten", "siehe abschnitt", "siehe schritt", "wie oben", "ver arriba", "ver abajo", "ver sección", "ver la sección", "ver paso", "véase",
		"voir ci-dessus", "voir ci-dessous", "voir section", "voir la section", "voir étape", "voir l'étape", "comme ci-dessus", "vedi sopra", "vedi sotto", "zie boven", "zie hieronder", "ver acima")
}
