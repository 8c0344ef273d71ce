package rules

import (
	"github.com/planlint/planlint/internal/glversion"
	"github.com/planlint/planlint/lint"
)

// DowngradeOrSameVersion finds targets that are not newer than the current version.
var DowngradeOrSameVersion = &lint.Rule{
	ID:       "downgrade-or-same-version",
	Title:    "the target version is not newer than the current version, or a hop goes back to an older release",
	Severity: lint.Error,
	Category: lint.VersionPath,
	Doc: `GitLab does not support downgrades in place: going back to an older version needs a restore of
a backup taken on that version. A target equal to the current version is no upgrade at all. Both
usually mean the versions were swapped or mistyped. The same holds inside the path: a hop that
installs an older release than the hop before it ("18.8.11", then "18.8.7") is a downgrade the
database, already migrated by the newer release, cannot take.

Fix: check the current and target versions, and list the hops in ascending order.`,
	Run: func(p *lint.Pass) {
		backwardHops(p)
		cur, tgt := p.Plan.Current, p.Plan.Target
		if cur == nil || tgt == nil || tgt.From == lint.FromInferred {
			return
		}
		switch {
		case tgt.Version.CompareMinor(cur.Version) < 0 || tgt.Version.HasPatch && cur.Version.HasPatch && tgt.Version.Compare(cur.Version) < 0:
			p.Reportf(tgt.Line, tgt.Span, "target version %s is older than the current version %s. GitLab does not support downgrades in place; going back needs a restore of a backup taken on %s. check the versions", quote(tgt.Version.String()), quote(cur.Version.String()), tgt.Version)
		case tgt.Version.HasPatch && cur.Version.HasPatch && tgt.Version.Compare(cur.Version) == 0,
			!tgt.Version.HasPatch && !cur.Version.HasPatch && tgt.Version.CompareMinor(cur.Version) == 0:
			p.Reportf(tgt.Line, tgt.Span, "target version %s is the version the instance already runs. check the target version", quote(tgt.Version.String()))
		}
	},
}

// backwardHops reports a hop that installs an older release than an
// earlier hop, once per version. Install commands are compared with each
// other, and the rows of one path table with each other, in document
// order. A version installed before ("node 2: 18.8.11, then 18.11.11"
// after node 1 did the same), one not newer than the current version (a
// way back) and the steps of a rollback, rehearsal or failure branch are
// not hops forward.
func backwardHops(p *lint.Pass) {
	cur := p.Plan.Current
	reported := map[glversion.Version]bool{}
	type seq struct {
		max  glversion.Version
		seen map[glversion.Version]bool
	}
	seqs := map[any]*seq{}
	// The last command that installs each version: an earlier one ("6.
	// OS move: reinstall 16.11.10 on Ubuntu 22.04" before the runbook
	// that lists every hop, node 1's hops before node 2's) does not set
	// the order of the hops.
	lastCmd := map[glversion.Version]int{}
	for _, h := range p.Plan.Installs {
		if !h.Listed && installsHere(h.Line) {
			lastCmd[h.Version] = h.Line.Index
		}
	}
	for _, h := range p.Plan.Installs {
		l := h.Line
		if !h.Version.HasPatch || l.In(lint.TermRollback) || l.In(lint.TermStaging) || l.In(lint.TermRisk) || l.FailureBranch() {
			continue
		}
		var key any
		switch {
		case !h.Listed && installsHere(l):
			key = "commands"
		case h.Listed && l.Kind == lint.KindTableRow && l.Header != nil:
			key = l.Header
		default:
			continue
		}
		if cur != nil && cur.Version.HasPatch && h.Version.Compare(cur.Version) <= 0 || cur != nil && l.Reverts(cur.Version) {
			continue
		}
		s := seqs[key]
		if s == nil {
			s = &seq{seen: map[glversion.Version]bool{}}
			seqs[key] = s
		}
		v := h.Version
		if h.Chart != nil && v.CompareMinor(s.max) == 0 {
			// A chart that deploys another patch of the hop's minor than
			// the packages beside it ("Gitaly VMs: 17.11.7", then chart
			// 8.11.7, which deploys 17.11.6) is a wrong chart, which
			// helm-chart-version-mismatch reports, not a downgrade.
			continue
		}
		if len(s.seen) > 0 && v.Compare(s.max) < 0 && !s.seen[v] && !reported[v] {
			reported[v] = true
			p.Reportf(l, h.Span, "hop %s installs an older release than the hop before it, %s. a downgrade needs a restore of a backup taken on the older version; list the hops in ascending order", quote(h.Version.String()), quote(s.max.String()))
		}
		s.seen[v] = true
		if key == "commands" && lastCmd[v] > l.Index {
			// (Installed again later: this one does not set the order.)
			continue
		}
		if v.Compare(s.max) > 0 || s.max.IsZero() {
			s.max = v
		}
	}
}
