package rules

import (
	"fmt"
	"time"

	"github.com/planlint/planlint/internal/knowledge"
	"github.com/planlint/planlint/lint"
)

// UnknownVersion finds versions GitLab never released.
var UnknownVersion = &lint.Rule{
	ID:       "unknown-version",
	Title:    "a version that GitLab never released",
	Severity: lint.Error,
	Category: lint.VersionPath,
	Doc: `A version that does not exist is a typo that breaks the plan: the package or image cannot be
installed, and the path planlint checks is not the one that will run. planlint reports:

- a minor past the end of a finished major (16.12, 15.12.3: GitLab 16 ended with 16.11);
- a patch past the last one of a minor that newer minors have long superseded (16.11.99), or well
  past it on a minor no longer among the three maintained ones (18.5.17 when 18.5 ended at 18.5.7);
- a patch number the release table skips (18.11.10: 18.11 went from 18.11.9 to 18.11.11, and the
  table lists every tag);
- a version further ahead of the newest release in planlint's data than one minor release a month
  can have reached by today.

A version that could exist but is newer than planlint's release data gets an info finding that says
how old the data is, instead of an error, once per version.

Fix: check the number against the GitLab releases page.`,
	Run: func(p *lint.Pass) {
		rel := p.Knowledge.Releases
		seen := map[string]bool{}
		check := func(v lint.VersionRef) {
			if v.Chart != nil && !v.Version.HasPatch {
				return
			}
			key := fmt.Sprint(v.Line.Index, v.Version)
			if seen[key] {
				return
			}
			seen[key] = true
			verdict := rel.Check(v.Version, p.Today)
			if verdict.Status == knowledge.NeverReleased && v.Chart == nil {
				// In a Helm or Operator plan, "9.11.11" written without the
				// word "chart" is the chart of GitLab 18.11.11.
				if m := method(p.Plan); m == "helm" || m == "operator" {
					if gl, _, ok := p.Knowledge.Charts.GitLab(v.Version); ok {
						if _, known := rel.Line(gl); known {
							return
						}
					}
				}
			}
			switch verdict.Status {
			case knowledge.NeverReleased:
				p.Reportf(v.Line, v.Span, "GitLab %s was never released: %s. check the version number", quote(v.Version.String()), verdict.Reason)
			case knowledge.TooFarAhead:
				p.Reportf(v.Line, v.Span, "GitLab %s does not exist yet: %s (newest release in planlint's data: %s). check the version number", quote(v.Version.String()), verdict.Reason, verdict.Newest.Version)
			case knowledge.NewerThanData:
				// Said once per version: the data's age is the same
				// wherever the plan names it.
				if seen[v.Version.String()] {
					return
				}
				seen[v.Version.String()] = true
				age := int(p.Today.Sub(rel.Date) / (24 * time.Hour))
				p.ReportfWith([]lint.ReportOption{lint.WithSeverity(lint.Info)}, v.Line, v.Span,
					"GitLab %s is newer than planlint's release data (newest known: %s; data from %s, %d days old), so planlint cannot check it. confirm the release exists", quote(v.Version.String()), verdict.Newest.Version, rel.Date.Format(time.DateOnly), age)
			}
		}
		for _, c := range p.Plan.CurrentClaims {
			check(c.VersionRef)
		}
		for _, c := range p.Plan.TargetClaims {
			check(c.VersionRef)
		}
		for _, h := range p.Plan.Installs {
			check(h.VersionRef)
		}
		for _, v := range p.Plan.Mentions {
			// Other versions only when they can only be GitLab versions:
			// "14.11" in a table of notes may be anything.
			if (v.Strong || v.Pinned) && !negatedVersion(v) && !supportLimit(v) && !v.Line.In(lint.TermOutOfScope) {
				// (Later work, "## Next steps" / "Q3 2027: 19.2.4 →
				// 19.5.x", installs nothing this plan must check.)
				check(v)
			}
		}
	},
}

// negatedVersion reports whether a mention follows a negation directly:
// "chart 8.11.8 deploys 17.11.7, not 17.11.8" names a version to rule it
// out.
func negatedVersion(v lint.VersionRef) bool {
	l := v.Line
	ti := tokenIndex(l, v.Span.Start)
	for _, n := range l.FindAll(lint.TermNeg) {
		if n.Tok+n.NTok == ti {
			return true
		}
	}
	return false
}

// supportLimit reports whether a mention states how far a platform is
// supported: "AlmaLinux 9 ... is supported up to 25.0.0".
func supportLimit(v lint.VersionRef) bool {
	l := v.Line
	ti := tokenIndex(l, v.Span.Start)
	if ti < 2 || !l.HasWord("supported", "support", "unterstützt", "soportado", "compatible", "supporté") {
		return false
	}
	a, b := l.Tokens[ti-2].Word, l.Tokens[ti-1].Word
	return a == "up" && b == "to" || b == "until" || b == "through" || b == "bis" || b == "hasta"
}
