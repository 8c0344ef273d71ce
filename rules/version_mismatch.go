package rules

import (
	"fmt"
	"slices"

	"github.com/planlint/planlint/internal/glversion"
	"github.com/planlint/planlint/lint"
)

// VersionMismatch finds a plan that states different versions for the same thing.
var VersionMismatch = &lint.Rule{
	ID:       "version-mismatch",
	Title:    "the plan states different versions for the same thing",
	Severity: lint.Error,
	Category: lint.VersionPath,
	Doc: `When the summary says one version and the steps another, nobody knows which one will be
installed, and the review checks the wrong path. planlint compares:

- every statement of the current version (front matter, labels, tables, prose);
- every statement of the target version;
- the last version the steps install with the target;
- a step heading that names a version with the command under it;
- the patch a rollback reinstalls with the current version, on which the backup is taken;
- the current version with the newest version of a window the plan ticks off as done
  ("- [x] Window 2 — 2026-11-14: 17.5.5 → 17.11.7"); the whole programme's start beside a current
  version that such a window reached is not a conflict.

Under a later window's heading, the version that window starts from (a stop of the path that the
window before reached) is not a second current version.

Fix: decide on one version and use it everywhere.`,
	Run: func(p *lint.Pass) {
		pl := p.Plan
		reported := map[*lint.Line]bool{}
		conflicts := func(what string, primary *lint.Claim, claims []lint.Claim) {
			if primary == nil {
				return
			}
			seen := map[string]bool{}
			for _, c := range claims {
				if c.Line == primary.Line || c.Version.Matches(primary.Version) {
					continue
				}
				if what == "current" && pl.Done != nil && primary.Version.Compare(pl.Done.Version) == 0 && c.Version.Compare(primary.Version) < 0 {
					// "from 17.1.8 to 18.11.11 in five windows" beside
					// "now 17.11.7", where window 2 left it: the start of
					// the whole programme.
					continue
				}
				if what == "current" && windowStart(pl, c) {
					// "### Finestra 2" / "-e gitlab_current=18.8.11": where
					// a later window starts, a stop the first one reached.
					continue
				}
				if lint.CorrectedBetween(p.Doc, c.Line, primary.Line) {
					// "Correctie t.o.v. bericht 1: we gaan door naar 19.2.4":
					// a later message replaces what the first one said.
					continue
				}
				if (c.Chart != nil || primary.Chart != nil) && !primary.Version.Matches(c.Version) && c.Version.CompareMinor(primary.Version) == 0 {
					// "chart 8.11.7" beside 17.11.7 deploys 17.11.6:
					// helm-chart-version-mismatch says so.
					continue
				}
				key := c.Version.String()
				if seen[key] {
					continue
				}
				seen[key] = true
				p.Reportf(c.Line, c.Span, "%s version %s here differs from %s on line %d. state the %s version once and use the same number everywhere", what, quote(c.Version.String()), quote(primary.Version.String()), primary.Line.Num, what)
			}
		}
		if d := pl.Done; d != nil && pl.Current != nil && pl.Current.Version.Compare(d.Version) < 0 {
			// "Version actuelle 17.5.5" while window 2 is ticked off as
			// done on 17.8.7.
			p.Reportf(pl.Current.Line, pl.Current.Span, "current version %s here, but line %d records %s as already installed by a finished window. state the version the instance runs now, and start the path from it", quote(pl.Current.Version.String()), d.Line.Num, quote(d.Version.String()))
		}
		conflicts("current", pl.Current, pl.CurrentClaims)
		conflicts("target", pl.Target, pl.TargetClaims)

		// The last hop must be the target.
		if tgt := pl.Target; tgt != nil && tgt.From != lint.FromInferred && len(pl.Hops) > 0 {
			last := pl.Hops[len(pl.Hops)-1]
			chartSlip := last.Chart != nil && last.Version.CompareMinor(tgt.Version) == 0 && slices.ContainsFunc(pl.Mentions, func(v lint.VersionRef) bool {
				return v.Line == last.Line && v.Chart == nil && v.Version.Matches(tgt.Version)
			})
			if !last.Version.Matches(tgt.Version) && !targetInstalled(pl, tgt.Version) && !sectionMismatch(pl, last) && !chartSlip {
				// (A chart beside the target's own number on the same line,
				// "17.11.7 | chart 8.11.7", deploys another patch:
				// helm-chart-version-mismatch says so.)
				ml, known := p.Knowledge.Releases.Line(last.Version)
				if last.Version.CompareMinor(tgt.Version) == 0 && last.Version.Compare(tgt.Version) > 0 && known && last.Version.Matches(ml.Latest) {
					// "Target: 18.5.5" over steps that install 18.5.7, the
					// latest patch: the target is the slip.
					p.Reportf(tgt.Line, tgt.Span, "target version %s, but the steps install %s (line %d), the latest patch of %s. make the target %s", quote(tgt.Version.String()), quote(last.Version.String()), last.Line.Num, last.Version.MinorString(), last.Version)
				} else if last.Version.Compare(tgt.Version) > 0 {
					p.Reportf(last.Line, last.Span, "the last step installs %s, past the target version %s on line %d. end the path at the target, or correct the target", quote(last.Version.String()), quote(tgt.Version.String()), tgt.Line.Num)
				} else {
					p.Reportf(last.Line, last.Span, "the last step installs %s, but the target version is %s (line %d). add the final hop to %s, or correct the target", quote(last.Version.String()), quote(tgt.Version.String()), tgt.Line.Num, tgt.Version)
				}
			}
		}

		// A step that names one version and a command in the same section
		// that pins another patch of the same minor: "Hop 2: upgrade to
		// 18.8.11" over "gitlab_version: 18.8.10-ee.0".
		for _, h := range pl.Stated {
			if !h.Pinned || h.Listed || reported[h.Line] || h.Chart != nil {
				// A chart that deploys another patch is
				// helm-chart-version-mismatch.
				continue
			}
			for _, o := range pl.Stated {
				if o.Pinned || o.Line.Section != h.Line.Section || o.Version.CompareMinor(h.Version) != 0 || o.Version.Matches(h.Version) || !o.Version.HasPatch {
					continue
				}
				reported[h.Line] = true
				where := "the same step"
				if o.Line != h.Line {
					where = fmt.Sprintf("line %d", o.Line.Num)
				}
				p.Reportf(h.Line, h.Span, "command installs %s but %s says %s. make the step and the command name the same version%s", quote(h.Version.String()), where, quote(o.Version.String()), latestHint(p, h.Version, o.Version))
				break
			}
		}
		// A rollback that reinstalls another version than the one the
		// backup is taken on: the restore refuses it.
		if cur := pl.Current; cur != nil && cur.Version.HasPatch {
			for _, l := range rollbackLines(p.Doc) {
				for _, m := range pl.Mentions {
					// Another patch of the current minor, or an older release
					// (the pair of the plan this one was copied from): a
					// rollback to a newer minor may go to an intermediate
					// stop and restore the backup taken there.
					if m.Line != l || !m.Pinned || !m.Version.HasPatch || m.Version.CompareMinor(cur.Version) > 0 || m.Version.Compare(cur.Version) == 0 || reported[l] {
						continue
					}
					if slices.ContainsFunc(pl.CurrentClaims, func(c lint.Claim) bool { return c.Version.Matches(m.Version) }) {
						// The plan states this version as the current one
						// too: the current-version conflict above is the
						// finding, and the rollback may well be right.
						continue
					}
					if m.Chart != nil && slices.ContainsFunc(pl.CurrentClaims, func(c lint.Claim) bool { return chartOnLine(pl, *m.Chart, c.Line) }) {
						// "Aktuell installiert: Chart 9.6.5 = GitLab 18.6.6",
						// then a rollback to chart 9.6.5: the chart that
						// runs today; helm-chart-version-mismatch reports
						// the pair that does not match.
						continue
					}
					reported[l] = true
					p.Reportf(l, m.Span, "rollback reinstalls %s, but the instance runs %s (line %d), where the backup is taken; a backup restores only on the version and edition that created it. reinstall %s", quote(m.Version.String()), cur.Version, cur.Line.Num, cur.Version)
				}
			}
		}
		// A step heading and the command under it.
		for _, s := range p.Doc.Sections {
			if s.Heading == nil || s.IsTitle {
				continue
			}
			hv := headingVersion(pl, s.Heading)
			if hv == nil {
				continue
			}
			var steps []lint.Hop // steps stated in prose under the heading so far
			for _, l := range s.Lines {
				for _, h := range pl.Stated {
					if h.Line != l || h.Listed || h.Chart != nil {
						continue
					}
					if !h.Pinned {
						if l.Kind != lint.KindCode {
							steps = append(steps, h)
						}
						continue
					}
					if stepFor(steps, h) {
						// "**Hop 2 → 16.7.10** (once the query is clean)"
						// stands between the heading and the command.
						continue
					}
					if !h.Version.Matches(hv.Version) && !reported[l] {
						p.Reportf(l, h.Span, "command installs %s but the heading on line %d says %s. make the heading and the command name the same version%s", quote(h.Version.String()), s.Heading.Num, quote(hv.Version.String()), latestHint(p, h.Version, hv.Version))
					}
				}
			}
		}
	},
}

// windowStart reports whether a current-version claim stands under a
// window's heading and names a stop of the path short of the target: the
// version that window starts from.
func windowStart(pl *lint.Plan, c lint.Claim) bool {
	h := c.Line.Section.Heading
	if h == nil || !h.Has(lint.TermWindow) || pl.Target == nil || c.Version.Compare(pl.Target.Version) >= 0 {
		return false
	}
	return slices.ContainsFunc(pl.Hops, func(o lint.Hop) bool { return o.Version.Matches(c.Version) })
}

// latestHint says which of two patches of one minor to keep when the
// other one is its latest: ", the latest patch of 18.8 (18.8.11)".
func latestHint(p *lint.Pass, cmd, stated glversion.Version) string {
	if cmd.CompareMinor(stated) != 0 {
		return ""
	}
	latest, ok := p.Knowledge.Releases.Latest(cmd)
	if !ok || cmd.Matches(latest) {
		return ""
	}
	return fmt.Sprintf(": %s, the latest patch of %s", latest, cmd.MinorString())
}

// stepFor reports whether one of the steps states the version h installs.
func stepFor(steps []lint.Hop, h lint.Hop) bool {
	for _, st := range steps {
		if st.Version.Matches(h.Version) {
			return true
		}
	}
	return false
}

// sectionMismatch reports whether a pinned hop disagrees with a step of
// the same section, which is reported as that mismatch instead.
func sectionMismatch(p *lint.Plan, h lint.Hop) bool {
	for _, o := range p.Stated {
		if !o.Pinned && o.Line.Section == h.Line.Section && o.Version.CompareMinor(h.Version) == 0 && !o.Version.Matches(h.Version) && o.Version.HasPatch {
			return true
		}
	}
	return false
}

// targetInstalled reports whether some hop installs the target.
func targetInstalled(p *lint.Plan, v glversion.Version) bool {
	for _, h := range p.Hops {
		if h.Version.Matches(v) {
			return true
		}
	}
	return false
}

// headingVersion returns the single hop a step heading names, nil when it
// names none or a range of versions.
func headingVersion(p *lint.Plan, h *lint.Line) *lint.Hop {
	var found *lint.Hop
	for i := range p.Stated {
		in := &p.Stated[i]
		if in.Line != h {
			continue
		}
		if found != nil && !found.Version.Matches(in.Version) {
			return nil
		}
		found = in
	}
	if found != nil {
		for _, m := range p.Mentions {
			if m.Line == h && m.Chart == nil && m.Version.CompareMinor(found.Version) != 0 {
				// "### F1 (12.12.2026): 14.6.2 → 15.4.6" heads the hops
				// of a range, each installed under it.
				return nil
			}
		}
	}
	return found
}

// chartOnLine reports whether a line names a chart version.
func chartOnLine(p *lint.Plan, chart glversion.Version, l *lint.Line) bool {
	return slices.ContainsFunc(p.Mentions, func(v lint.VersionRef) bool {
		return v.Line == l && v.Chart != nil && v.Chart.Compare(chart) == 0
	})
}
