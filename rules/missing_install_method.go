package rules

import "github.com/planlint/planlint/lint"

// MissingInstallMethod finds plans that do not say how GitLab is installed.
var MissingInstallMethod = &lint.Rule{
	ID:       "missing-install-method",
	Title:    "the plan does not say how GitLab is installed",
	Severity: lint.Error,
	Category: lint.RequiredInfo,
	Doc: `The install method decides every command of the upgrade and the rollback: a Linux package
(Omnibus), a Docker container, the Helm chart, the GitLab Operator, a source install or the GitLab
Environment Toolkit. planlint reads it from front matter (` + "`install_method`" + `), a label
("Installation: Linux package"), or the commands the plan runs (` + "`apt-get install gitlab-ee=...`" + `,
` + "`docker pull gitlab/gitlab-ee:...`" + `, ` + "`helm upgrade ... --version`" + `).

Fix: state the method, for example "Install method: Linux package (Omnibus) on Ubuntu 22.04".`,
	Run: func(p *lint.Pass) {
		if p.Plan.InstallMethod != nil {
			return
		}
		if l := p.Doc.LabelledLine(lint.TermInstall); l != nil {
			p.Reportf(l, l.Value, "install method %s names no method. say which it is: Linux package (Omnibus), Docker, Helm chart, Operator or source", quote(l.ValueText()))
			return
		}
		p.ReportDocumentf("plan does not say how GitLab is installed. state the method: Linux package (Omnibus), Docker, Helm chart, Operator or source")
	},
}
