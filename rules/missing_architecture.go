package rules

import (
	"strings"

	"github.com/planlint/planlint/lint"
)

// MissingArchitecture finds plans that do not describe the instance's layout.
var MissingArchitecture = &lint.Rule{
	ID:       "missing-architecture",
	Title:    "the plan does not say whether GitLab runs on one node or several, and what runs where",
	Severity: lint.Error,
	Category: lint.RequiredInfo,
	Doc: `A single-node instance and a multi-node one are upgraded differently: node order, a
deploy node for migrations, ` + "`skip-auto-reconfigure`" + `, PostgreSQL and Gitaly handled first. Support asks
for up-to-date architecture documentation with every upgrade request.

The rule is satisfied when the plan states a single-node instance, or names the components of a
multi-node or Geo instance (Rails/Puma, Sidekiq, Gitaly, Praefect, PostgreSQL/Patroni, PgBouncer,
Redis, Consul). It reports a multi-node or Geo plan that does not say which components run where.

Fix: add an architecture section: "single node, all components on gitlab01" or a table of nodes and
the components on each.`,
	Run: func(p *lint.Pass) {
		pl := p.Plan
		n := components(pl)
		m := method(pl)
		if pl.Topology == nil {
			if l := p.Doc.LabelledLine(lint.TermArchitecture); l != nil && vagueArchitecture(l) && !lint.QuestionAt(l.Text, l.Value.Start) {
				// ("Architectuur: welke componenten draaien waar?" asks;
				// the answer follows.)
				// "Architettura: la solita configurazione": the question
				// is answered with nothing, whatever components the
				// plan names elsewhere.
				p.Reportf(l, l.Value, "architecture %s does not say whether GitLab runs on a single node or on several. say which, and for several nodes which components (Rails, Sidekiq, Gitaly, PostgreSQL, Redis) run where", quote(l.ValueText()))
				return
			}
			if n >= 2 || (m == "helm" || m == "operator") && n >= 1 {
				return
			}
			if l := p.Doc.LabelledLine(lint.TermArchitecture); l != nil {
				p.Reportf(l, l.Value, "architecture %s does not say whether GitLab runs on a single node or on several. say which, and for several nodes which components (Rails, Sidekiq, Gitaly, PostgreSQL, Redis) run where", quote(l.ValueText()))
				return
			}
			for _, sec := range p.Doc.Sections {
				// "### Architecture" over "GitLab runs on our GitLab
				// server": the section is there but says too little.
				if sec.Heading != nil && !sec.IsTitle && sec.Names(lint.TermArchitecture) && !sec.Empty() {
					p.ReportLinef(sec.Heading, "the architecture section does not say whether GitLab runs on a single node or on several. say which, and for several nodes which components (Rails, Sidekiq, Gitaly, PostgreSQL, Redis) run where")
					return
				}
			}
			p.ReportDocumentf("plan does not describe the architecture. say whether GitLab runs on a single node or on several, and for several nodes which components (Rails, Sidekiq, Gitaly, PostgreSQL, Redis) run where")
			return
		}
		if pl.Topology.Value != "single-node" && n < 2 {
			p.Reportf(pl.Topology.Line, pl.Topology.Span, "plan says the instance is %s but not which components run on which nodes. list the nodes and what runs on each (Rails, Sidekiq, Gitaly, PostgreSQL, Redis, ...)", pl.Topology.Value)
		}
	},
}

// vagueArchitecture reports whether an architecture label's value names
// no node, component, count or host: "the usual setup", "la solita
// configurazione, come negli aggiornamenti precedenti".
func vagueArchitecture(l *lint.Line) bool {
	v := l.LowerValue()
	if v == "" || lint.PointsElsewhere(v) || strings.ContainsAny(v, "0123456789`") {
		return false
	}
	for _, m := range l.Matches {
		if m.Start < l.Value.Start {
			continue
		}
		switch m.Term {
		case lint.TermComponent, lint.TermSingleNode, lint.TermMultiNode, lint.TermGeo, lint.TermNodeWord, lint.TermArchitecture, lint.TermPlaceholderWord:
			return false
		}
	}
	return len(l.Placeholders()) == 0
}
