package rules

import (
	"strings"

	"github.com/planlint/planlint/internal/glversion"

	"github.com/planlint/planlint/lint"
)

// StopNotLatestPatch finds required stops installed at an old patch.
var StopNotLatestPatch = &lint.Rule{
	ID:       "stop-not-latest-patch",
	Title:    "a required stop is installed at an older patch than the latest one",
	Severity: lint.Warning,
	Category: lint.VersionPath,
	Doc: `Patch releases of a required stop carry fixes to the upgrade itself: migrations that failed,
timeouts, data fixes. GitLab's upgrade path always uses the latest patch of each stop's minor (14.9.5,
not 14.9.0), and so does Support's Upgrade Path tool. The rule also reports a plan that starts on an
old patch of a stop's minor (16.3.4) and goes on without moving to that minor's latest patch first.

Fix: install the latest patch of each stop (` + "`planlint path FROM TO`" + ` prints them).`,
	Run: func(p *lint.Pass) {
		pl := p.Plan
		rel := p.Knowledge.Releases
		isStop := func(h lint.VersionRef) bool {
			if p.Knowledge.IsRequiredStop(h.Version) {
				return true
			}
			_, ok := p.Knowledge.Conditional[h.Version.MinorString()]
			return ok
		}
		for _, h := range pl.Hops {
			if !h.Version.HasPatch || !isStop(h.VersionRef) {
				continue
			}
			if pl.Target != nil && h.Version.CompareMinor(pl.Target.Version) >= 0 {
				// The destination, not a stop on the way; a hop past it
				// ("17.11.7 → 18.8.2 → 18.5.7") is no stop of this path,
				// and downgrade-or-same-version reports the order.
				continue
			}
			latest, ok := rel.Latest(h.Version)
			if !ok || h.Version.Patch >= latest.Patch || installsLatestToo(pl, latest) {
				// (A path that installs the latest patch and also an
				// older one goes backwards; downgrade-or-same-version
				// says so.)
				continue
			}
			// The command that installs this patch ("apt-get install
			// gitlab-ee=17.8.5-ee.0") rather than a path row "17.8.x".
			at := h.VersionRef
			if !strings.Contains(at.Line.Text[at.Span.Start:at.Span.End], h.Version.String()) {
				for _, o := range pl.Installs {
					if o.Pinned && o.Version.Compare(h.Version) == 0 {
						at = o.VersionRef
						break
					}
				}
			}
			p.Reportf(at.Line, at.Span, "required stop %s is installed as %s, not its latest patch %s. install %s: the patches of a stop fix the upgrade itself", h.Version.MinorString(), quote(h.Version.String()), latest, latest)
		}
		// A start on an old patch of a stop's minor.
		cur, tgt := pl.Current, pl.Target
		if cur == nil || tgt == nil || !cur.Version.HasPatch || !p.Knowledge.IsRequiredStop(cur.Version) || tgt.Version.CompareMinor(cur.Version) == 0 {
			return
		}
		latest, ok := rel.Latest(cur.Version)
		if !ok || cur.Version.Patch >= latest.Patch {
			return
		}
		for _, h := range pl.Hops {
			if h.Version.CompareMinor(cur.Version) == 0 {
				return // the path moves to a later patch first
			}
		}
		p.Reportf(cur.Line, cur.Span, "the path starts from %s, an old patch of required stop %s, and goes on without its latest patch. upgrade to %s first, then continue", quote(cur.Version.String()), cur.Version.MinorString(), latest)
	},
}

// installsLatestToo reports whether the plan's path installs latest, or a
// later patch of its minor.
func installsLatestToo(pl *lint.Plan, latest glversion.Version) bool {
	for _, h := range pl.Hops {
		if h.Version.HasPatch && h.Version.CompareMinor(latest) == 0 && h.Version.Patch >= latest.Patch {
			return true
		}
	}
	return false
}
