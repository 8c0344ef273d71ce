package rules

import (
	"github.com/planlint/planlint/internal/glversion"
	"github.com/planlint/planlint/lint"
)

// HelmChartVersionMismatch finds chart versions that do not deploy the
// GitLab version named beside them.
var HelmChartVersionMismatch = &lint.Rule{
	ID:       "helm-chart-version-mismatch",
	Title:    "a Helm chart version that does not deploy the GitLab version stated beside it",
	Severity: lint.Error,
	Category: lint.VersionPath,
	Doc: `Helm installs pin the chart version, not the GitLab version. From chart 4.x on, the chart's
major is GitLab's major minus 9 and the minors match, but the patch numbers do not line up (chart
8.7.3 deploys GitLab 17.7.1; charts 8.11.5 and 8.11.6 both deploy 17.11.5). A plan that writes "chart
8.8.6 (GitLab 17.8.6)" installs something other than the hop it reviews.

planlint maps chart versions through the chart's own version table; for charts newer than its table
it checks the major and minor only.

Fix: take the chart version from ` + "`helm search repo -l gitlab/gitlab`" + `, which lists the GitLab version of
every chart.`,
	Run: func(p *lint.Pass) {
		charts := p.Knowledge.Charts
		for _, l := range p.Doc.Lines {
			var chartRefs, glRefs []lint.VersionRef
			for _, v := range p.Plan.Mentions {
				if v.Line != l {
					continue
				}
				if v.Chart != nil {
					chartRefs = append(chartRefs, v)
				} else if v.Version.HasPatch {
					glRefs = append(glRefs, v)
				}
			}
			if len(chartRefs) != 1 || len(glRefs) != 1 {
				// Only a line that pairs one chart with one GitLab version
				// says which GitLab the chart is meant to deploy.
				continue
			}
			c, g := chartRefs[0], glRefs[0]
			chart := *c.Chart
			mapped, exact, ok := charts.GitLab(chart)
			if !ok {
				continue
			}
			switch {
			case exact && mapped.Compare(g.Version) != 0:
				p.Reportf(l, c.Span, "chart %s deploys GitLab %s, not %s. use %s", quote(chart.String()), mapped, quote(g.Version.String()), chartFor(p, g.Version))
			case !exact && mapped.CompareMinor(g.Version) != 0:
				p.Reportf(l, c.Span, "chart %s deploys GitLab %s.x, not %s: the chart's major is GitLab's minus 9 and the minors match. use %s", quote(chart.String()), mapped.MinorString(), quote(g.Version.String()), chartFor(p, g.Version))
			}
		}
	},
}

// chartFor names the chart versions that deploy v, for a message.
func chartFor(p *lint.Pass, v glversion.Version) string {
	cs := p.Knowledge.Charts.Chart(v)
	if len(cs) == 0 {
		return "the chart that \"helm search repo -l gitlab/gitlab\" lists for GitLab " + v.String()
	}
	s := "chart " + cs[0].String()
	if len(cs) > 1 {
		s += " (or " + cs[len(cs)-1].String() + ")"
	}
	return s
}
