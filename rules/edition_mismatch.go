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
			if _, ok := l.EditionChange(); ok {
				return
			}
		}
		seen := map[*lint.Line]bool{}
		for _, v := range p.Plan.Mentions {
			if !v.Pinned || v.Edition == "" || v.Edition == st.Value || v.Chart != nil || seen[v.Line] {
				continue
			}
			if named := nameEdition(v); named != "" && named != v.Edition {
				// "gitlab/gitlab-ce:16.11.10-ee.0" does not exist and
				// installs nothing; wrong-package-name reports it.
				continue
			}
			seen[v.Line] = true
			p.Reportf(v.Line, v.Span, "command installs GitLab %s (%s), but the instance runs %s (line %d). install the %s package or image, for example %s", strings.ToUpper(v.Edition), quote(v.Line.Text[v.Span.Start:v.Span.End]), strings.ToUpper(st.Value), st.Line.Num, strings.ToUpper(st.Value), quote(packageExample(v.Line, st.Value, v.Version, writtenEL(v.Line.Text[v.Span.Start:v.Span.End], elMajor(p.Plan)))))
		}
	},
}

// writtenEL returns the Enterprise Linux major written in an RPM version
// ("17.8.7-ce.0.el8.x86_64.rpm" gives "8"), or def.
func writtenEL(written, def string) string {
	low := strings.ToLower(written)
	if i := strings.Index(low, ".el"); i >= 0 {
		el := low[i+3:]
		if j := strings.IndexAny(el, "._"); j >= 0 {
			el = el[:j]
		}
		if isNumber(el) {
			return el
		}
	}
	return def
}

// nameEdition returns the edition of the package or image name written
// right before a pinned version ("gitlab-ce=", "gitlab/gitlab-ee:",
// "gitlab-ee-"), or "".
func nameEdition(v lint.VersionRef) string {
	before := strings.ToLower(v.Line.Text[:v.Span.Start])
	for _, ed := range []string{"ee", "ce"} {
		for _, sep := range []string{"=", ":", "-", "_"} {
			if strings.HasSuffix(before, "gitlab-"+ed+sep) {
				return ed
			}
		}
	}
	return ""
}
