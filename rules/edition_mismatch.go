package rules

import (
	"strings"

	"github.com/planlint/planlint/lint"
)

// EditionMismatch finds commands that install the other edition.
var EditionMismatch = &lint.Rule{
	ID:       "edition-mismatch",
	Title:    "a command installs the other edition (CE or EE) than the instance runs",
	Severity: lint.Error,
	Category: lint.VersionPath,
	Doc: `Installing ` + "`gitlab-ce`" + ` on an Enterprise Edition instance (or ` + "`gitlab-ee`" + ` on Community Edition) changes the
edition as a side effect: paid features disappear, or the instance silently becomes EE. Plans drift
this way when a CE and an EE copy of a runbook exist. A restore also needs the same edition as the
backup, so a rollback that reinstalls the other edition fails.

The rule compares the edition the plan states (front matter, a label, or the description of the
instance) with the package names and image tags of its commands. A plan that says it changes edition
is out of scope for Upgrade Assistance and reported by ` + "`out-of-scope-request`" + ` instead.

Fix: install the package or image of the instance's edition: ` + "`gitlab-ee=17.8.7-ee.0`" + ` or
` + "`gitlab/gitlab-ce:17.8.7-ce.0`" + `.`,
	Run: func(p *lint.Pass) {
		st := p.Plan.EditionStated
		if st == nil {
			return
		}
		for _, l := range p.Doc.Lines {
			if l.Has(lint.TermEditionChange) {
				return
			}
		}
		seen := map[*lint.Line]bool{}
		for _, v := range p.Plan.Mentions {
			if !v.Pinned || v.Edition == "" || v.Edition == st.Value || v.Chart != nil || seen[v.Line] {
				continue
			}
			seen[v.Line] = true
			p.Reportf(v.Line, v.Span, "command installs GitLab %s (%s), but the instance runs %s (line %d). install the %s package or image, for example %q", strings.ToUpper(v.Edition), quote(v.Line.Text[v.Span.Start:v.Span.End]), strings.ToUpper(st.Value), st.Line.Num, strings.ToUpper(st.Value), example(st.Value, v))
		}
	},
}

func example(ed string, v lint.VersionRef) string {
	if strings.Contains(v.Line.Lower, "gitlab/gitlab-") {
		return "gitlab/gitlab-" + ed + ":" + v.Version.String() + "-" + ed + ".0"
	}
	return "gitlab-" + ed + "=" + v.Version.String() + "-" + ed + ".0"
}
