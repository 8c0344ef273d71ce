package rules

import (
	"slices"
	"strings"

	"github.com/planlint/planlint/lint"
)

// MissingUpgradePath finds multi-hop upgrades written as a single jump.
var MissingUpgradePath = &lint.Rule{
	ID:       "missing-upgrade-path",
	Title:    "several hops are needed but the plan names no intermediate version",
	Severity: lint.Error,
	Category: lint.VersionPath,
	Doc: `Between the current and the target version lie required upgrade stops: versions every
instance must be upgraded to, with their background migrations finished, before going further. A
plan that jumps straight to the target fails in the package's pre-install check at best, and
corrupts data at worst.

The rule reports a plan whose steps install no version between the current and the target version
when at least one required stop lies between them, and lists the stops at their latest patch. When
the plan does name intermediate versions, ` + "`skipped-required-stop`" + ` checks each stop instead.

Fix: add one step per required stop, each at the latest patch of its minor (` + "`planlint path FROM TO`" + `
prints them).`,
	Run: func(p *lint.Pass) {
		cur, tgt := p.Plan.Current, p.Plan.Target
		if cur != nil && tgt == nil && p.Plan.TargetVague != nil && len(p.Plan.Hops) == 0 {
			// "to the latest version": the stops up to the newest release
			// still have to be in the plan.
			newest := p.Knowledge.Releases.Newest().Version
			stops := p.Knowledge.RequiredStops(cur.Version, newest)
			if len(stops) > 0 {
				v := p.Plan.TargetVague
				p.Reportf(v.Line, v.Span, "upgrade from %s to the newest release (%s) must pass %d required stops, but the plan names no version in between. choose the target, then add a step for each stop at its latest patch (\"planlint path %s %s\" lists them)", quote(cur.Version.String()), newest, len(stops), cur.Version, newest)
			}
			return
		}
		if cur == nil || tgt == nil {
			return
		}
		stops := p.Knowledge.RequiredStops(cur.Version, tgt.Version)
		if len(stops) == 0 || len(intermediateHops(p.Plan)) > 0 || slices.ContainsFunc(p.Plan.Hops, func(h lint.Hop) bool { return h.Version.CompareMinor(tgt.Version) > 0 }) {
			// (A hop past the target, "17.11.7 → 18.8.2 → 18.5.7", names
			// a version; downgrade-or-same-version reports the order.)
			return
		}
		var list []string
		for _, s := range stops {
			if l, ok := p.Knowledge.Releases.Latest(s.Line()); ok {
				list = append(list, l.String())
			} else {
				// Newer than the release table.
				list = append(list, s.Line().MinorString()+".x")
			}
		}
		noun := "required stops"
		if len(list) == 1 {
			noun = "required stop"
		}
		at := tgt.VersionRef
		for _, h := range p.Plan.Hops {
			// The path line or step that goes straight to the target
			// ("18.2.8 → 18.8.11 en un solo salto") is where the stops
			// are missing.
			if h.Version.Compare(tgt.Version) == 0 && (h.Line.In(lint.TermPath) || h.Line.LabelIs(lint.TermPath) || h.Line.In(lint.TermProcedure)) && h.Line.Kind != lint.KindHeading {
				at = h.VersionRef
				break
			}
		}
		p.Reportf(at.Line, at.Span, "upgrade from %s to %s must pass %d %s, but the plan names no version in between. add a step for each, at its latest patch: %s", quote(cur.Version.String()), quote(tgt.Version.String()), len(list), noun, strings.Join(list, ", "))
	},
}

// intermediateHops returns the hops below the target's minor.
func intermediateHops(p *lint.Plan) []lint.Hop {
	if p.Target == nil {
		return nil
	}
	var out []lint.Hop
	for _, h := range p.Hops {
		if h.Version.CompareMinor(p.Target.Version) < 0 {
			out = append(out, h)
		}
	}
	return out
}
