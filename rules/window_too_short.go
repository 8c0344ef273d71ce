package rules

import (
	"fmt"
	"time"

	"github.com/planlint/planlint/internal/when"
	"github.com/planlint/planlint/lint"
)

// hourPerHop is the time planlint assumes for one hop when the plan gives
// no timings of its own: the install, the reconfigure and the wait for
// background migrations. GitLab's zero-downtime docs note that a
// database under 10 GB usually finished its migrations within an hour.
const hourPerHop = time.Hour

// WindowTooShort checks that the window can hold the upgrade and a rollback.
var WindowTooShort = &lint.Rule{
	ID:       "window-too-short",
	Title:    "the maintenance window cannot hold the hops, the migration waits and a rollback",
	Severity: lint.Warning,
	Category: lint.VersionPath,
	Doc: `A window that only just holds the upgrade leaves no time to roll back when the last hop fails,
and the background-migration waits are what usually runs long. planlint compares the window's length
with the plan's own timings: a rehearsal's total ("took 3 h 20 min"), per-hop estimates, and the time
a rehearsed restore took. Without timings it assumes one hour per hop (install, reconfigure and the
background-migration wait; a database under 10 GB usually finishes within the hour) and leaves the
rollback out.

Fix: lengthen the window, split the path over two windows at a required stop, or note why the timings
are shorter.`,
	Run: func(p *lint.Pass) {
		w := p.Plan.Window
		if w == nil || w.Duration <= 0 || !w.HasDate || len(p.Plan.Hops) == 0 {
			return
		}
		upgrade, rollback, source := planTimings(p)
		if upgrade == 0 {
			upgrade = time.Duration(len(p.Plan.Hops)) * hourPerHop
			source = fmt.Sprintf("%d hops at about an hour each", len(p.Plan.Hops))
		}
		need := upgrade + rollback
		if need <= w.Duration {
			return
		}
		what := source
		if rollback > 0 {
			what += fmt.Sprintf(" plus %s to roll back", human(rollback))
		}
		p.ReportLinef(w.Line, "the window is %s, but the upgrade needs about %s (%s). lengthen the window, or split the path over two windows at a required stop", human(w.Duration), human(need), what)
	},
}

// planTimings reads the plan's own durations: the longest one stated for
// the rehearsal, and the longest one stated for a restore.
func planTimings(p *lint.Pass) (upgrade, rollback time.Duration, source string) {
	for _, l := range p.Doc.Lines {
		if l.Kind == lint.KindCode || len(l.Versions) > 0 && len(l.Tokens) < 4 {
			continue
		}
		staging := l.In(lint.TermStaging) || l.Has(lint.TermStaging)
		if !staging && !l.In(lint.TermRollback) || !l.Has(lint.TermTimeUnit) {
			continue
		}
		d := durationIn(l)
		if d <= 0 || d > 72*time.Hour {
			continue
		}
		restore := l.Has(lint.TermRestore) || l.Has(lint.TermRestoreCmd)
		switch {
		case restore && l.In(lint.TermRollback) && !l.In(lint.TermStaging):
			// "The restore takes about 40 minutes."
			if d > rollback {
				rollback = d
			}
		case (l.In(lint.TermStaging) || l.Has(lint.TermStaging)) && !restore:
			if d > upgrade {
				upgrade = d
				source = fmt.Sprintf("the rehearsal took %s", human(d))
			}
		}
	}
	return upgrade, rollback, source
}

// durationIn returns a duration stated on a line ("3 h 20 min", "took 2
// hours"), or 0.
func durationIn(l *lint.Line) time.Duration {
	sc := when.Scan(l.Text, time.Time{})
	if sc.DurationSpan != (when.Span{}) {
		return sc.Duration
	}
	return 0
}

func human(d time.Duration) string {
	h := int(d.Hours())
	m := int(d.Minutes()) % 60
	switch {
	case h == 0:
		return fmt.Sprintf("%d min", m)
	case m == 0:
		return fmt.Sprintf("%d h", h)
	}
	return fmt.Sprintf("%d h %d min", h, m)
}
