package rules

import (
	"github.com/planlint/planlint/internal/glversion"
	"time"

	"github.com/planlint/planlint/internal/when"
	"github.com/planlint/planlint/lint"
)

// NoStagingTest finds plans that were not rehearsed on a copy.
var NoStagingTest = &lint.Rule{
	ID:       "no-staging-test",
	Title:    "the upgrade is not rehearsed on a non-production copy",
	Severity: lint.Warning,
	Category: lint.RequiredInfo,
	Doc: `A rehearsal on a staging instance restored from a production backup finds failing migrations,
removed settings and missing prerequisites before the window, and gives real timings for each hop and
for the restore. Support asks whether the upgrade was tested, and "no issues when simulated in
staging" is one of the facts it wants with the request.

planlint accepts a staging or test environment, a dry run or a rehearsal named in the plan, or
` + "`staging_tested: true`" + ` in front matter. "We have no staging environment" is reported, and so is a
rehearsal dated after the maintenance window, or one on an instance that runs another minor than
production before it starts (it does not take the production path).

Fix: rehearse on a copy restored from a production backup and note the result and timings.`,
	Run: func(p *lint.Pass) {
		s := p.Plan.StagingTested
		switch {
		case s == nil:
			p.ReportDocumentf("plan does not mention a rehearsal on a non-production copy. test the upgrade on a staging instance restored from a production backup first, and note the result and timings")
		case s.Value == "false":
			p.Reportf(s.Line, s.Span, "plan says the upgrade is not tested on a non-production copy. rehearse it on a staging instance restored from a production backup first: it shows problems and real timings before the window")
		default:
			rehearsalAfterWindow(p, s)
			rehearsalFromOtherVersion(p)
		}
	},
}

// rehearsalFromOtherVersion reports a rehearsal instance that runs another
// minor than production before the upgrade: it skips (or adds) the
// migrations between the two, so it does not test the production path.
func rehearsalFromOtherVersion(p *lint.Pass) {
	st, cur, tgt := p.Plan.StagingVersion, p.Plan.Current, p.Plan.Target
	if st == nil || cur == nil || tgt == nil || st.Version.CompareMinor(cur.Version) == 0 || st.Version.CompareMinor(tgt.Version) >= 0 {
		return
	}
	for _, h := range p.Plan.Hops {
		if h.Version.CompareMinor(st.Version) == 0 {
			if stagingNames(p.Doc, cur.Version) {
				// Staging already on one of the stops, and the rehearsal
				// started from production's version: a state after part
				// of the rehearsal.
				return
			}
			// "gitlab-hml já está no 18.8.11 desde outubro; nele o salto
			// 18.8.11 → 18.11.11": the hops before that stop were never
			// rehearsed.
			p.Reportf(st.Line, st.Span, "the rehearsal instance runs %s, but production runs %s, so the hops from %s to %s were not rehearsed. restore a current production backup on %s and rehearse the whole path", quote(st.Version.String()), quote(cur.Version.String()), cur.Version, st.Version, cur.Version)
			return
		}
	}
	p.Reportf(st.Line, st.Span, "the rehearsal instance runs %s, but production runs %s, so the rehearsal does not take the production path. restore a current production backup on %s and rehearse from there", quote(st.Version.String()), quote(cur.Version.String()), cur.Version)
}

// rehearsalAfterWindow reports a rehearsal planned for a day after the
// maintenance window: it cannot inform the production upgrade.
func rehearsalAfterWindow(p *lint.Pass, s *lint.Fact) {
	w := p.Plan.Window
	if w == nil || !w.HasDate {
		return
	}
	wy, wm, wd := w.Start.Date()
	day := time.Date(wy, wm, wd, 0, 0, 0, 0, time.UTC)
	for _, l := range p.Doc.Lines {
		if l.Kind == lint.KindCode || l.Kind == lint.KindFrontMatter || l == w.Line || l == w.DateLine || !(l.In(lint.TermStaging) || l == s.Line) {
			continue
		}
		// "... will be upgraded with this runbook on Monday 2026-12-21":
		// the date after the words that plan the rehearsal.
		at := -1
		for _, f := range []string{"will be", "scheduled", "planned for", "we will", "geplant", "wird am", "programad", "prévu", "sera ", "aura lieu", "será", "se hará", "se realizará", "sarà", "verrà", "wordt", "findet am"} {
			if i := l.IndexOf(f); i >= 0 && (at < 0 || i < at) {
				at = i
			}
		}
		if at < 0 {
			continue
		}
		sc := when.Scan(l.Text[at:], p.Today)
		if sc.Date == nil || sc.Date.YearInferred {
			continue
		}
		d := sc.Date.At(0, 0, time.UTC)
		if !d.After(day) {
			return
		}
		p.Reportf(l, lint.Span{Start: at + sc.Date.Span.Start, End: at + sc.Date.Span.End}, "the rehearsal on %s comes after the maintenance window on %s, so it cannot show problems or timings before the upgrade. rehearse before the window, or move the window", d.Format(time.DateOnly), day.Format(time.DateOnly))
		return
	}
}

// stagingNames reports whether the rehearsal's lines name a version.
func stagingNames(d *lint.Document, v glversion.Version) bool {
	for _, l := range d.Lines {
		if !l.In(lint.TermStaging) && !l.Has(lint.TermStaging) {
			continue
		}
		for _, m := range l.Versions {
			if m.Version.Matches(v) {
				return true
			}
		}
	}
	return false
}
