package rules

import "github.com/planlint/planlint/lint"

// MissingCurrentVersion finds plans that do not say which version runs now.
var MissingCurrentVersion = &lint.Rule{
	ID:       "missing-current-version",
	Title:    "the plan does not state the GitLab version the instance runs now",
	Severity: lint.Error,
	Category: lint.RequiredInfo,
	Doc: `Support starts every review from the version the instance runs today: it decides the
required stops, the PostgreSQL upgrades and the version-specific notes that apply. planlint reads
it from front matter (` + "`current_version`" + `), a label or table row ("Current version: 16.3.4"),
or prose ("upgrading from 16.3.4 to 17.8.7", "we currently run 16.3.4").

Fix: state the exact version, as shown under **Admin > Overview > Dashboard** or by
` + "`sudo gitlab-rake gitlab:env:info`" + `.`,
	Run: func(p *lint.Pass) {
		if p.Plan.Current != nil {
			return
		}
		if l := p.Doc.LabelledLine(lint.TermCurrent); l != nil && !l.LabelIs(lint.TermTarget) {
			p.Reportf(l, l.Value, "current version %s is not a version. state the exact version the instance runs, for example \"16.3.4\", as shown by \"sudo gitlab-rake gitlab:env:info\"", quote(l.ValueText()))
			return
		}
		p.ReportDocumentf("plan does not state the GitLab version the instance runs now. add it, for example \"Current version: 16.3.4\", as shown by \"sudo gitlab-rake gitlab:env:info\"")
	},
}
