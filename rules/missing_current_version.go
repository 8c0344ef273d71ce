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
or prose ("upgrading from 16.3.4 to 17.8.7", "we currently run 16.3.4"). A current version without
its patch number ("16.3", "16.3.x") is reported too: the path starts from the exact release (on a
required stop's minor below its latest patch, the first hop is that latest patch).

Fix: state the exact version, as shown under **Admin > Overview > Dashboard** or by
` + "`sudo gitlab-rake gitlab:env:info`" + `.`,
	Run: func(p *lint.Pass) {
		if c := p.Plan.Current; c != nil {
			if c.From != lint.FromInferred && c.Line != nil && (!c.Version.HasPatch || c.Version.Wildcard) {
				v := c.Version
				p.Reportf(c.Line, c.Span, "current version %s has no patch number. state the exact version the instance runs, for example \"%d.%d.<patch>\" as shown by \"sudo gitlab-rake gitlab:env:info\"; the path starts from it", quote(c.Line.Text[c.Span.Start:c.Span.End]), v.Major, v.Minor)
			}
			return
		}
		if l := p.Doc.LabelledLine(lint.TermCurrent); l != nil && !l.LabelIs(lint.TermTarget) {
			p.Reportf(l, l.Value, "current version %s is not a version. state the exact version the instance runs, for example \"16.3.4\", as shown by \"sudo gitlab-rake gitlab:env:info\"", quote(l.ValueText()))
			return
		}
		p.ReportDocumentf("plan does not state the GitLab version the instance runs now. add it, for example \"Current version: 16.3.4\", as shown by \"sudo gitlab-rake gitlab:env:info\"")
	},
}
