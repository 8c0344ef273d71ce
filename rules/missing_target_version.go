package rules

import (
	"github.com/planlint/planlint/lint"
)

// MissingTargetVersion finds plans without a concrete target version.
var MissingTargetVersion = &lint.Rule{
	ID:       "missing-target-version",
	Title:    "the plan does not name a concrete version to upgrade to",
	Severity: lint.Error,
	Category: lint.RequiredInfo,
	Doc: `The target version fixes the upgrade path and the notes that apply. "Latest" is not a version:
it changes every month, and a plan reviewed for one release is executed on another.

planlint reads the target from front matter (` + "`target_version`" + `), a label or table row
("Target version: 17.8.7"), prose ("from 16.3.4 to 17.8.7"), or, failing that, the last version the
steps install.

Fix: name the exact release, for example 17.8.7.`,
	Run: func(p *lint.Pass) {
		if p.Plan.Target != nil && p.Plan.Target.From != lint.FromInferred {
			return
		}
		if v := p.Plan.TargetVague; v != nil {
			if t := p.Plan.Target; t != nil && unpinnedInstallAfter(p.Doc, t.Line) {
				// "apt-get install gitlab-ee" after the last pin goes on to
				// whatever is newest: the pins do not end the path.
				p.Reportf(v.Line, v.Span, "target version %s is not a concrete version, and the last step installs whatever is newest. name the exact release to install and pin the last step to it", quote(v.Value))
				return
			}
			if t := p.Plan.Target; t != nil {
				p.Reportf(v.Line, v.Span, "target version %s is not a concrete version. name the exact release to install; the steps end at %s, so write \"Target version: %s\"", quote(v.Value), t.Version, t.Version)
				return
			}
			p.Reportf(v.Line, v.Span, "target version %s is not a concrete version. name the exact release to install, for example \"17.8.7\", so the path and the notes can be checked", quote(v.Value))
			return
		}
		if p.Plan.Target != nil {
			return
		}
		p.ReportDocumentf("plan does not name the GitLab version to upgrade to. add it, for example \"Target version: 17.8.7\"")
	},
}

// unpinnedInstallAfter reports whether a command after line at installs
// the GitLab package without a version.
func unpinnedInstallAfter(d *lint.Document, at *lint.Line) bool {
	for _, l := range d.Lines[at.Index+1:] {
		if l.IsCommand() && !l.In(lint.TermRollback) && l.Has(lint.TermPkgInstall) && len(l.Versions) == 0 && (l.Contains("gitlab-ee") || l.Contains("gitlab-ce")) {
			return true
		}
	}
	return false
}
