package rules

import (
	"github.com/planlint/planlint/internal/knowledge"
	"slices"

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
the stop's latest patch. When the path table lists every stop but the steps that install the versions
leave one out (the commands go from 18.5.7 straight to 18.11.11 although the table lists 18.8.11),
the finding is on the step that jumps over it. Conditional stops (15.1, 16.0, 16.1, 16.2, 17.1) are not reported here;
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
		if d := p.Plan.Done; d != nil && cur != nil && d.Version.Compare(cur.Version) > 0 {
			// A finished window already took the instance past the stated
			// current version (version-mismatch says so): the rest of the
			// path starts there.
			cur = &lint.Claim{VersionRef: *d}
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
		commandsSkipListedStop(p, cur)
	},
}

// missingListedStep compares the versions a plan lists (a path table or
// summary) with those its steps install, above the current version up to
// the target: it returns the one listed minor no step installs (nil when
// none, or more than one, is missing: steps that install only some of the
// listed versions are examples), the steps, and how many listed minors
// the steps do install. A line naming several versions ("chart 8.5.5,
// then 8.8.7") lists rather than installs, unless each is pinned in its
// own command.
func missingListedStep(pl *lint.Plan, cur *lint.Claim) (*lint.Hop, []*lint.Hop, int) {
	tgt := pl.Target
	inRange := func(h *lint.Hop) bool {
		return h.Version.Compare(cur.Version) > 0 && h.Version.CompareMinor(tgt.Version) <= 0
	}
	perLine := map[*lint.Line]int{}
	var steps, listed []*lint.Hop
	for i := range pl.Installs {
		h := &pl.Installs[i]
		switch {
		case !inRange(h):
		case h.Listed:
			listed = append(listed, h)
		case h.Line.In(lint.TermStaging) && !h.Line.In(lint.TermProcedure):
			// (The rehearsal's transcript is not the window's runbook.)
		case !h.Line.In(lint.TermRollback):
			if !slices.ContainsFunc(steps, func(o *lint.Hop) bool { return o.Line == h.Line && o.Version.Compare(h.Version) == 0 }) {
				perLine[h.Line]++
			}
			steps = append(steps, h)
		}
	}
	steps = slices.DeleteFunc(steps, func(h *lint.Hop) bool { return perLine[h.Line] > 1 && !(h.Pinned && h.Line.InCode(h.Span.Start)) })
	installed := func(minor *lint.Hop) bool {
		return slices.ContainsFunc(steps, func(h *lint.Hop) bool { return h.Version.CompareMinor(minor.Version) == 0 })
	}
	var missing *lint.Hop
	minors := 0
	for i, h := range listed {
		if slices.ContainsFunc(listed[:i], func(o *lint.Hop) bool { return o.Version.CompareMinor(h.Version) == 0 }) {
			continue
		}
		if installed(h) {
			minors++
			continue
		}
		if missing != nil {
			return nil, steps, minors
		}
		missing = h
	}
	return missing, steps, minors
}

// commandsSkipListedStop reports a required stop the plan lists (in a path
// table or summary) but that none of its steps installs, while the steps
// install every other listed version: the runbook someone follows in the
// window goes from 18.5 straight to 18.11 although the table says 18.8.
// Steps that install only some of the listed versions ("e.g. for row 1 and
// row 5: ...") are examples, and a line naming several versions ("chart
// 8.5.5, then 8.8.7, then 8.11.8") lists rather than installs, unless each
// is pinned in its own command.
func commandsSkipListedStop(p *lint.Pass, cur *lint.Claim) {
	tgt := p.Plan.Target
	missing, steps, minors := missingListedStep(p.Plan, cur)
	// One installed minor is enough when it is the target and the stop
	// the only other one listed: "| 1 | 18.8.11 |", "| 2 | 18.11.11 |" and
	// a runbook that installs 18.11.11 alone.
	direct := minors == 1 && slices.ContainsFunc(steps, func(h *lint.Hop) bool { return h.Version.CompareMinor(tgt.Version) == 0 }) &&
		!slices.ContainsFunc(steps, func(h *lint.Hop) bool { return h.Version.CompareMinor(tgt.Version) != 0 })
	if direct && missing != nil && namedInSteps(p.Doc, missing) {
		// ("### 5.2 Passo 1 – 18.11.11" over an unpinned install: the
		// step is there.)
		direct = false
	}
	if missing == nil || minors < 2 && !direct || !slices.ContainsFunc(p.Knowledge.RequiredStops(cur.Version, tgt.Version), func(s knowledge.Stop) bool { return s.Line().CompareMinor(missing.Version) == 0 }) {
		return
	}
	// The first step past the stop is the one that jumps it.
	var at *lint.Hop
	prev := cur.Version
	for _, h := range steps {
		switch {
		case h.Version.CompareMinor(missing.Version) < 0:
			if h.Version.Compare(prev) > 0 {
				prev = h.Version
			}
		case at == nil || h.Line.Index < at.Line.Index:
			at = h
		}
	}
	if at == nil {
		return
	}
	p.Reportf(at.Line, at.Span, "the steps go from %s to %s and skip required stop %s, although the path on line %d lists %s. add the step that installs %s before %s", quote(prev.String()), quote(at.Version.String()), missing.Version.MinorString(), missing.Line.Num, missing.Version, missing.Version, at.Version)
}

// namedInSteps reports whether a line of the procedure, outside the path
// listing, the rehearsal and the rollback, names the minor of stop.
func namedInSteps(d *lint.Document, stop *lint.Hop) bool {
	for _, l := range d.Lines {
		if l == stop.Line || l.In(lint.TermRollback) || l.In(lint.TermStaging) && !l.In(lint.TermProcedure) || l.In(lint.TermPath) || l.In(lint.TermRisk) {
			continue
		}
		for _, v := range l.Versions {
			if v.Version.CompareMinor(stop.Version) == 0 {
				return true
			}
		}
	}
	return false
}
