package rules

import (
	"strings"

	"github.com/planlint/planlint/lint"
)

// MissingRollbackPlan finds plans without a rollback plan.
var MissingRollbackPlan = &lint.Rule{
	ID:       "missing-rollback-plan",
	Title:    "the plan has no rollback plan",
	Severity: lint.Error,
	Category: lint.RequiredInfo,
	Doc: `Support reviews the rollback plan together with the upgrade plan: what happens if the
upgrade fails halfway through the window. planlint accepts a rollback section under any common name
("Rollback", "Backout plan", "Fallback", "Rückfallplan", "Plan de reversión", "Retour arrière", ...),
a rollback label, or prose that says what to do if the upgrade fails. An empty rollback section is
reported on its heading.

Fix: add a rollback section: stop GitLab, reinstall the old version, restore the backup taken
before the upgrade and its secrets, reconfigure, and check.`,
	Run: func(p *lint.Pass) {
		lines := rollbackLines(p.Doc)
		for _, l := range lines {
			if l.Label.Len() > 0 && l.LabelIs(lint.TermRollback) && !l.LabelIs(lint.TermCutoff) {
				// ("Punto de no retorno: 12:00" is the cut-off.)
				v := l.ValueText()
				if v == "" {
					continue
				}
				if negated(l, lint.TermRollback) || isNone(v) {
					p.ReportLinef(l, "rollback plan is %s. describe how to return to the old version if the upgrade fails: reinstall it and restore the backup taken before the upgrade", quote(v))
					return
				}
			}
			return
		}
		if ref := rollbackReference(p.Doc); ref != nil {
			if h := ref.Section.Heading; h != nil && ref.Section.Names(lint.TermRollback) {
				ref = h
			}
			p.ReportLinef(ref, "rollback plan only points to another document. Support reviews the plan it is sent and cannot open internal links: write the steps here: reinstall the old version and restore the backup taken before the upgrade, with its secrets")
			return
		}
		if h := rollbackHeading(p.Doc); h != nil {
			p.ReportLinef(h, "rollback section %s is empty. describe how to return to the old version if the upgrade fails: reinstall it and restore the backup taken before the upgrade, with its secrets", quote(h.Text))
			return
		}
		p.ReportDocumentf("plan has no rollback plan. add the steps to go back if the upgrade fails: %s", rollbackSteps(p))
	},
}

func isNone(v string) bool {
	switch strings.Trim(strings.ToLower(v), " .!*_") {
	case "none", "n/a", "-", "keine", "ninguno", "aucun", "no", "nein", "not planned", "not needed",
		"to follow", "follows", "will follow", "later", "pending", "folgt", "kommt noch", "wird nachgereicht", "pendiente", "sigue", "à venir", "à suivre":
		return true
	}
	return false
}

// rollbackSteps says, for the plan's install method, how a rollback goes.
func rollbackSteps(p *lint.Pass) string {
	switch method(p.Plan) {
	case "helm", "operator":
		return "roll the release back to the old chart, restore the backup taken before the upgrade with \"backup-utility --restore -t <id>\" and the saved rails secret, and check"
	case "docker":
		return "stop the container, start the old image on the saved configuration volume, restore the backup taken before the upgrade inside it, and check"
	case "source":
		return "stop GitLab, check out and build the old version with the saved config/secrets.yml, restore the backup taken before the upgrade, and check"
	}
	return "stop GitLab, reinstall the old version, restore the backup taken before the upgrade with gitlab-secrets.json and gitlab.rb, and check"
}
