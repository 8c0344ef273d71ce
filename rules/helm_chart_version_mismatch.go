package rules

import (
	"strings"

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
8.8.6 (GitLab 17.8.6)" installs something other than the hop it reviews. The same holds for a
step that names the GitLab version and runs a chart under it ("Upgrade to GitLab 18.2.8:" over
` + "`helm upgrade ... --version 9.2.6`" + `).

planlint maps chart versions through the chart's own version table; for charts newer than its table
it checks the major and minor only.

Fix: take the chart version from ` + "`helm search repo -l gitlab/gitlab`" + `, which lists the GitLab version of
every chart.`,
	Run: func(p *lint.Pass) {
		for _, l := range p.Doc.Lines {
			if l.In(lint.TermChangelog) || l.Contains("helm search") {
				// Past upgrades are history, not this plan's charts.
				continue
			}
			var refs []lint.VersionRef
			nChart, nGL := 0, 0
			for _, v := range p.Plan.Mentions {
				if v.Line != l || v.Chart == nil && !v.Version.HasPatch {
					continue
				}
				if v.Chart == nil && v.Version.Major < 10 {
					// "from 9.3.6 to 9.6.6" in a Helm plan names charts;
					// GitLab 9.x predates the chart.
					continue
				}
				refs = append(refs, v)
				if v.Chart != nil {
					nChart++
				} else {
					nGL++
				}
			}
			if nChart > 0 && nGL == 0 && (l.Kind == lint.KindCode || l.Item) {
				// "4. Upgrade auf GitLab 18.2.8:" over "helm upgrade ...
				// --version 9.2.6": the step's lead-in names the version.
				if g, ok := leadInGitLab(p, l); ok {
					for _, c := range refs {
						checkChart(p, l, c, g)
					}
				}
				continue
			}
			if nChart == 0 || nGL == 0 {
				continue
			}
			if nChart == nGL && nChart > 1 {
				// "chart 8.3.7 → 8.11.8 (GitLab 17.3.7 → 17.11.7)": the
				// charts pair with the versions in the order written.
				var charts, gls []lint.VersionRef
				for _, r := range refs {
					if r.Chart != nil {
						charts = append(charts, r)
					} else {
						gls = append(gls, r)
					}
				}
				for i := range charts {
					c, g := *charts[i].Chart, gls[i].Version
					if c.Major+9 != g.Major || c.Minor != g.Minor {
						// "de 17.6.5 vers 17.11.7 (charts 8.8.7 puis
						// 8.11.8)": the charts are the hops, not the two
						// ends; only a chart of the same minor is its pair.
						continue
					}
					if !namesVersion(l, charts[i].Version) {
						checkChart(p, l, charts[i], gls[i])
					}
				}
				continue
			}
			for i, c := range refs {
				if c.Chart == nil {
					continue
				}
				g, ok := pairedGitLab(l, refs, i, nChart == 1 && nGL == 1)
				if !ok || namesVersion(l, c.Version) {
					// ("from GitLab 17.11.7 (chart 8.11.8) to GitLab 18.2.8
					// (chart 9.2.8)": the chart's own GitLab version is on
					// the line.)
					continue
				}
				checkChart(p, l, c, g)
			}
		}
	},
}

// pairedGitLab finds the GitLab version a chart mention is paired with: the
// only one on the line when the line names one of each (a table row, "chart
// 8.8.7 deploys 17.8.7"), otherwise a neighbour separated from the chart by
// no more than a few connecting words ("chart 8.11.7 (GitLab 17.11.6)").
func pairedGitLab(l *lint.Line, refs []lint.VersionRef, i int, single bool) (lint.VersionRef, bool) {
	if single {
		for _, r := range refs {
			// In prose, the one GitLab version must be named as GitLab's
			// ("GitLab 17.8.7"), not be part of a tag ("pre-18.2.8").
			if r.Chart == nil && (l.Kind == lint.KindTableRow || namedGitLab(l, r) || stepTarget(l, r) || commentOnCommand(l, refs[i], r)) {
				return r, true
			}
		}
	}
	best, bestGap := lint.VersionRef{}, -1
	try := func(j int) {
		if j < 0 || j >= len(refs) || refs[j].Chart != nil {
			return
		}
		a, b := refs[i].Span, refs[j].Span
		if a.Start > b.Start {
			a, b = b, a
		}
		if a.End > b.Start {
			return
		}
		gap := l.Text[a.End:b.Start]
		if !connecting(gap) {
			return
		}
		if j < i && strings.Contains(gap, "(") && chainGoesOn(l.Text[refs[i].Span.End:]) {
			// "17.11.7 → 18.5.7 (Helm-Chart 8.11.8 → 9.5.7)": the charts
			// are a chain of their own beside the GitLab chain.
			return
		}
		if bestGap < 0 || len(gap) < bestGap {
			best, bestGap = refs[j], len(gap)
		}
	}
	try(i - 1)
	try(i + 1)
	if bestGap < 0 && i+1 < len(refs) && refs[i+1].Chart == nil && refs[i].Chart != nil && refs[i+1].Version.Major == refs[i].Chart.Major+9 && commentOnCommand(l, refs[i], refs[i+1]) {
		// "targetRevision: 9.2.6   # GitLab 18.2.8 ; étape 2 : 9.3.6":
		// the comment right after the chart names its GitLab version.
		return refs[i+1], true
	}
	return best, bestGap >= 0
}

// commentOnCommand reports whether the GitLab version g stands in the
// shell comment after the command that installs chart c: "helm upgrade
// ... --version 8.11.7   # étape 1 → 17.11.7".
func commentOnCommand(l *lint.Line, c, g lint.VersionRef) bool {
	return l.Kind == lint.KindCode && c.Span.End <= g.Span.Start && commentedBefore(l.Text[:g.Span.Start]) && !commentedBefore(l.Text[:c.Span.Start])
}

// leadInGitLab returns the one GitLab version named as GitLab's, or as
// the version a step goes to, by the text line that leads into the code
// block holding line l ("4. Upgrade auf GitLab 18.2.8:").
func leadInGitLab(p *lint.Pass, l *lint.Line) (lint.VersionRef, bool) {
	lines := p.Doc.Lines
	for i := l.Index - 1; i >= 0 && i >= l.Index-12; i-- {
		o := lines[i]
		if o.Section != l.Section {
			break
		}
		var found lint.VersionRef
		n := 0
		for _, v := range p.Plan.Mentions {
			if v.Line != o {
				continue
			}
			if v.Chart != nil {
				return lint.VersionRef{}, false
			}
			if o.Kind != lint.KindCode && v.Version.HasPatch && v.Version.Major >= 10 && (namedGitLab(o, v) || stepTarget(o, v)) && !chainGoesOn(o.Text[v.Span.End:]) {
				// (Not where the step starts: "GitLab 18.11.11 → 19.2.4".)
				if n > 0 && !found.Version.Matches(v.Version) {
					return lint.VersionRef{}, false
				}
				found = v
				n++
			} else if o.Kind == lint.KindCode {
				// Another command's version stands between.
				return lint.VersionRef{}, false
			}
		}
		if o.Kind == lint.KindCode || n == 0 && o.Item && l.Item || n == 0 && o.Kind == lint.KindText && !o.Item && !o.Strong {
			// (A sentence without a version between the heading and the
			// command: "Na de migratiecontrole hierboven (0 rijen):".)
			// (The other items of the step: "1. Controle
			// achtergrondmigraties." over "2. ... spec.chart.version:
			// 8.11.7".)
			continue
		}
		// A lead-in sentence ends in a colon; a step's heading or bold
		// label leads into its commands as it is ("### 10.1 Upgrade to
		// GitLab 18.2.8", "**Étape 1 — GitLab 17.11.7**").
		return found, n > 0 && (strings.HasSuffix(strings.TrimRight(o.Text, " *_"), ":") || o.Kind == lint.KindHeading || o.Strong && o.Kind == lint.KindText)
	}
	return lint.VersionRef{}, false
}

// chainGoesOn reports whether text starts with an arrow to a next
// version.
func chainGoesOn(text string) bool {
	t := strings.TrimLeft(text, " *_`")
	for _, a := range []string{"→", "->", "=>", "⇒", "➜", ">"} {
		if strings.HasPrefix(t, a) {
			return true
		}
	}
	return false
}

// stepTarget reports whether a version is the one a step label goes to:
// "Hop 2 → 17.11.7: `helm upgrade ... --version 8.11.7`".
func stepTarget(l *lint.Line, r lint.VersionRef) bool {
	before := strings.TrimRight(l.Text[:r.Span.Start], " *_`")
	after := strings.TrimLeft(l.Text[r.Span.End:], " *_`")
	if !strings.HasPrefix(after, ":") {
		return false
	}
	for _, a := range []string{"→", "->", "=>", " to", " auf", " a", " à", " naar"} {
		if strings.HasSuffix(before, a) {
			return true
		}
	}
	return false
}

// namedGitLab reports whether "GitLab" stands right before a version.
func namedGitLab(l *lint.Line, r lint.VersionRef) bool {
	before := strings.ToLower(strings.TrimRight(l.Text[:r.Span.Start], " (:"))
	return strings.HasSuffix(before, "gitlab") || strings.HasSuffix(before, "gitlab ee") || strings.HasSuffix(before, "gitlab ce") || strings.HasSuffix(before, "appversion")
}

// connecting reports whether the text between a chart and a GitLab version
// only ties the two together.
func connecting(gap string) bool {
	words := strings.FieldsFunc(strings.ToLower(gap), func(r rune) bool {
		return !(r >= 'a' && r <= 'z')
	})
	if len(words) > 3 {
		return false
	}
	for _, w := range words {
		switch w {
		case "gitlab", "ee", "ce", "chart", "helm", "for", "deploys", "deploy", "is", "app", "appversion", "version", "with", "v":
		default:
			return false
		}
	}
	return true
}

// checkChart reports a chart that does not deploy the GitLab version
// paired with it.
func checkChart(p *lint.Pass, l *lint.Line, c, g lint.VersionRef) {
	chart := *c.Chart
	mapped, exact, ok := p.Knowledge.Charts.GitLab(chart)
	if !ok {
		return
	}
	switch {
	case exact && mapped.Compare(g.Version) > 0 && mapped.CompareMinor(g.Version) == 0 && latestPatch(p, mapped):
		// "| 17.8.6 | chart 8.8.7 |": the chart deploys the latest patch
		// of the minor, which is what the step should install.
		p.Reportf(l, c.Span, "chart %s deploys GitLab %s, not %s. %s is the latest patch of %s: keep the chart and write GitLab %s for this step", quote(chart.String()), mapped, quote(g.Version.String()), mapped, mapped.MinorString(), mapped)
	case exact && mapped.Compare(g.Version) != 0:
		p.Reportf(l, c.Span, "chart %s deploys GitLab %s, not %s. use %s", quote(chart.String()), mapped, quote(g.Version.String()), chartFor(p, g.Version))
	case !exact && mapped.CompareMinor(g.Version) != 0:
		p.Reportf(l, c.Span, "chart %s deploys GitLab %s.x, not %s: the chart's major is GitLab's minus 9 and the minors match. use %s", quote(chart.String()), mapped.MinorString(), quote(g.Version.String()), chartFor(p, g.Version))
	}
}

// latestPatch reports whether v is the latest released patch of its minor.
func latestPatch(p *lint.Pass, v glversion.Version) bool {
	latest, ok := p.Knowledge.Releases.Latest(v)
	return ok && latest.Compare(v) == 0
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

// namesVersion reports whether the line writes GitLab version v as such,
// outside any chart version.
func namesVersion(l *lint.Line, v glversion.Version) bool {
	for _, m := range l.Versions {
		if m.Version.Compare(v) == 0 && m.Version.HasPatch {
			return true
		}
	}
	return false
}
