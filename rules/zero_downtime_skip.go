package rules

import (
	"github.com/planlint/planlint/internal/glversion"
	"github.com/planlint/planlint/lint"
)

// ZeroDowntimeSkip finds zero-downtime plans that cannot be zero-downtime.
var ZeroDowntimeSkip = &lint.Rule{
	ID:       "zero-downtime-skip",
	Title:    "a zero-downtime upgrade that cannot run without downtime",
	Severity: lint.Error,
	Category: lint.VersionPath,
	Doc: `Zero-downtime upgrades have hard limits: they go one minor release at a time (16.1 to 16.2,
not to 16.3), only multi-node Linux package instances with at least two Rails nodes behind the load balancer can
do them (a single node, or a single Rails node, always shows "Deploy in progress" or a 502), and a PostgreSQL major upgrade is a separate process with downtime.
A plan that promises users no downtime and breaks one of these limits will have downtime anyway,
unannounced.

Fix: go one minor at a time (` + "`planlint path --zero-downtime FROM TO`" + `), or plan and announce downtime.`,
	Run: func(p *lint.Pass) {
		pl := p.Plan
		z := pl.ZeroDowntime
		if z == nil || z.Value != "true" {
			return
		}
		if t := pl.Topology; t != nil && t.Value == "single-node" {
			p.Reportf(z.Line, z.Span, "a single-node instance cannot be upgraded without downtime: users see a 502 while it restarts. plan and announce downtime, or use a multi-node setup")
			return
		}
		if r := pl.RailsNodes; r != nil && r.N == 1 && r.Line.HasWord("only", "single", "sole", "unico", "unica", "único", "única", "seul", "seule", "einzige", "einziger", "einzigen", "enige") {
			// ("| app01 | Rails (Puma) e Sidekiq – unico nodo applicativo |")
			p.Reportf(z.Line, z.Span, "only one node runs Rails (line %d), and users see a 502 while it restarts: a zero-downtime upgrade needs at least two Rails nodes behind the load balancer. plan and announce downtime, or add a Rails node", r.Line.Num)
			return
		}
		prev := glversion.Version{}
		if pl.Current != nil {
			prev = pl.Current.Version
		}
		for _, h := range pl.Hops {
			if !prev.IsZero() && minorsApart(prev, h.Version) > 1 {
				p.Reportf(h.Line, h.Span, "zero-downtime upgrades go one minor release at a time, but this hop goes from %s to %s. add every minor in between (\"planlint path --zero-downtime %s %s\"), or plan downtime", quote(prev.String()), quote(h.Version.String()), prev, h.Version)
			}
			prev = h.Version
		}
		for _, l := range p.Doc.Lines {
			if i := l.IndexOf("pg-upgrade"); i >= 0 && l.IsCommand() && !l.In(lint.TermRollback) && !separateWindow(l) {
				p.Reportf(l, lint.Span{Start: i, End: i + len("pg-upgrade")}, "a PostgreSQL major upgrade is not part of a zero-downtime upgrade: it needs downtime of its own. do it in a separate, announced window")
				break
			}
		}
	},
}

// separateWindow reports whether a line puts the database upgrade in a
// window of its own ("in a separate maintenance window with downtime").
func separateWindow(l *lint.Line) bool {
	for _, w := range []string{"separate", "own window", "own maintenance", "with downtime", "eigenen", "separado", "séparée", "distinct"} {
		if l.Contains(w) {
			return true
		}
	}
	return false
}

// minorsApart counts minor releases between two versions, where a new
// major follows X.11 (from 16 on; earlier majors ended at 13.12, 14.10,
// 15.11).
func minorsApart(a, b glversion.Version) int {
	if a.Major == b.Major {
		return b.Minor - a.Minor
	}
	last := map[int]int{12: 10, 13: 12, 14: 10, 15: 11}
	end := 11
	if v, ok := last[a.Major]; ok {
		end = v
	}
	n := end - a.Minor + 1 + b.Minor
	for m := a.Major + 1; m < b.Major; m++ {
		n += 12
	}
	return n
}
