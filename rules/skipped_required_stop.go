package rules

import (
	"github.com/planlint/planlint/lint"
)

// SkippedRequiredStop finds required stops the path jumps over.
var SkippedRequiredStop = &lint.Rule{
	ID:       "skipped-required-stop",
	Title:    "the upgrade path jumps over a required upgrade stop",
	Severity: lint.Error,
	Category: lint.VersionPath,
	Doc: `Required stops are versions every instance must install, and whose background migrations must
finish, before going further (GitLab's ` + "`config/upgrade_path.yml`" + `; from 17.5 on they fall on the X.2,
X.5, X.8 and X.11 minors). Skipping one leaves migrations the next version depends on unfinished.

The rule reports one finding per skipped stop, on the line of the hop that jumps over it, naming
the stop's latest patch. Conditional stops (15.1, 16.0, 16.1, 16.2, 17.1) are not reported here;
they apply only to some instances.

Fix: add a step that installs the stop's latest patch, and wait for its background migrations.`,
	Run: func(p *lint.Pass) {
		// Conditional stops whose condition the plan's own facts meet,
		// also on a path of one hop.
		for _, cs := range conditionalStops(p) {
			if cs.state != condApplies {
				continue
			}
			p.Reportf(cs.at.Line, cs.at.Span, "upgrade from %s to %s skips conditional stop %s, which this instance needs: %s. add a step that installs %s before %s", quote(cs.prev), quote(cs.at.Version.String()), cs.stop.Stop.MinorString(), cs.stop.Condition, cs.latest, cs.at.Version)
		}
		cur, tgt := p.Plan.Current, p.Plan.Target
		hops := p.Plan.Hops
		if tgt == nil || len(intermediateHops(p.Plan)) == 0 {
			return
		}
		if cur == nil {
			// Without a current version the path can still skip stops
			// between its own hops.
			first := hops[0]
			cur = &lint.Claim{VersionRef: first.VersionRef}
			hops = hops[1:]
		}
		for _, s := range p.Knowledge.RequiredStops(cur.Version, tgt.Version) {
			line := s.Line()
			covered := false
			for _, h := range hops {
				if h.Version.CompareMinor(line) == 0 {
					covered = true
					break
				}
			}
			if covered {
				continue
			}
			patch := line.MinorString() + ".x"
			if latest, ok := p.Knowledge.Releases.Latest(line); ok {
				patch = latest.String()
			}
			prev := cur.Version
			var at *lint.Hop
			for i := range hops {
				h := &hops[i]
				if h.Version.CompareMinor(line) < 0 {
					prev = h.Version
					continue
				}
				at = h
				break
			}
			if at == nil {
				p.Reportf(tgt.Line, tgt.Span, "upgrade from %s to %s skips required stop %s. add a step that installs %s (latest patch of %s) before %s", quote(prev.String()), quote(tgt.Version.String()), line.MinorString(), patch, line.MinorString(), tgt.Version)
				continue
			}
			p.Reportf(at.Line, at.Span, "upgrade from %s to %s skips required stop %s. add a step that installs %s (latest patch of %s) before %s", quote(prev.String()), quote(at.Version.String()), line.MinorString(), patch, line.MinorString(), at.Version)
		}
	},
}
