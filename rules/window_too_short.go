package rules

import (
	"fmt"
	"strings"
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
rollback out. A plan that names a cut-off time (a point after which it stops and rolls back) has
budgeted the rollback itself, so only the upgrade time is compared, unless the rollback the plan timed
does not fit between the cut-off and the window's end; that finding is on the cut-off. A plan split over several dated
windows is not checked against one of them.

Fix: lengthen the window, split the path over two windows at a required stop, or note why the timings
are shorter.`,
	Run: func(p *lint.Pass) {
		w := p.Plan.Window
		if w == nil || w.Duration <= 0 || !w.HasDate || len(p.Plan.Hops) == 0 {
			return
		}
		if windowsWithDates(p) >= 2 {
			// A plan split over several windows divides its hops among
			// them; one window is not meant to hold the whole path.
			return
		}
		upgrade, rollback, source := planTimings(p)
		if upgrade == 0 {
			upgrade = time.Duration(len(p.Plan.Hops)) * hourPerHop
			source = fmt.Sprintf("%d hops at about an hour each", len(p.Plan.Hops))
		}
		if cut, cutLine, rolls, ok := cutoffAt(p); ok {
			// A plan that stops at a stated time and rolls back from there
			// has budgeted the rollback itself, if the rollback fits
			// between the cut-off and the window's end.
			end := w.Start.Add(w.Duration)
			at := time.Date(w.Start.Year(), w.Start.Month(), w.Start.Day(), cut.Hour, cut.Minute, 0, 0, w.Start.Location())
			if at.Before(w.Start) {
				at = at.AddDate(0, 0, 1)
			}
			// (A rehearsal's timings vary; only a rollback that would
			// overrun by more than a quarter of its restore time is worth
			// a finding.)
			if restore := restoreTime(p); rolls && restore > 0 && !at.After(end) && 4*end.Sub(at) < 3*restore {
				// (On the cut-off: the window may be long enough, the
				// decision comes too late.)
				p.Reportf(cutLine, lint.Span{Start: cut.Span.Start, End: cut.Span.End}, "the window ends at %s, but the cut-off at %s leaves %s for a rollback whose restore took %s. move the cut-off earlier, or lengthen the window", end.Format("15:04"), at.Format("15:04"), human(end.Sub(at)), human(restore))
				return
			}
			rollback = 0
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
	if sum := rehearsalTable(p.Doc); sum > 0 {
		upgrade, source = sum, fmt.Sprintf("the rehearsal's steps took %s together", human(sum))
	}
	for _, l := range p.Doc.Lines {
		if l.Kind == lint.KindCode || len(l.Versions) > 0 && len(l.Tokens) < 4 {
			continue
		}
		staging := l.In(lint.TermStaging) || l.Has(lint.TermStaging)
		if !staging && !l.In(lint.TermRollback) || !l.Has(lint.TermTimeUnit) || l.LabelIs(lint.TermCutoff) {
			// ("Heure limite de décision : 12h30. ... (1 h 40 min en
			// recette)": the cut-off's clock time is no timing.)
			continue
		}
		d, span := durationIn(l)
		if d <= 0 || d > 72*time.Hour {
			continue
		}
		// The sentence that states the duration says what it measures:
		// "The restore took 1 h 15 min" is rollback time even on a
		// staging line, while "Staging (restored from the backup) ... The
		// rehearsal took 3 h" is upgrade time.
		a, b := lint.SentenceAt(l.Text, span.Start, span.Start)
		restore := false
		for _, m := range l.Matches {
			if (m.Term == lint.TermRestore || m.Term == lint.TermRestoreCmd) && m.Start >= a && m.End <= b && !provenance(l, m) &&
				!(staging && m.End < span.Start && strings.ContainsAny(l.Text[m.End:span.Start], ":)")) {
				// ("Generalprobe (Wiederherstellung des Produktiv-Backups):
				// beide Hops ohne Fehler, Gesamtdauer 4 h 30 min": a
				// restore that made the rehearsal's copy, closed off before
				// the timing, does not time a restore.)
				restore = true
			}
		}
		if parts, sum, restored := tookParts(l); parts >= 2 && staging && !l.In(lint.TermRollback) {
			// "hop to 18.5.7 took 45 min, its background migrations took
			// 6 h 40 min, hop to 18.8.11 took 40 min, full restore 5 h 50
			// min": the parts add up.
			if sum > upgrade {
				upgrade = sum
				source = fmt.Sprintf("the rehearsal's steps took %s together", human(sum))
			}
			rollback = max(rollback, restored)
			continue
		}
		switch {
		case restore:
			if d > rollback {
				rollback = d
			}
		case staging && !l.In(lint.TermRollback) && lastHopMigrations(p, l):
			// "Background migrations 18.8 | finished after 9 h", 18.8
			// being the target: they run after the window, with the
			// instance up; only the waits between hops take window time.
		case staging && !l.In(lint.TermRollback):
			if d > upgrade {
				upgrade = d
				source = fmt.Sprintf("the rehearsal took %s", human(d))
			}
		}
	}
	return upgrade, rollback, source
}

// lastHopMigrations reports whether a timing line is about the background
// migrations of the last hop: it names them and the target's minor, or the
// plan has one hop.
func lastHopMigrations(p *lint.Pass, l *lint.Line) bool {
	if !l.Has(lint.TermBBM) && !(l.Has(lint.TermMigrations) && l.ContainsAny("background", "arrière-plan", "hintergrund", "segundo plano", "background", "achtergrond", "in background", "em segundo plano")) {
		return false
	}
	tgt := p.Plan.Target
	if tgt == nil {
		return false
	}
	if len(p.Plan.Hops) <= 1 {
		return true
	}
	for _, v := range l.Versions {
		if v.Version.CompareMinor(tgt.Version) == 0 {
			return true
		}
	}
	return false
}

// restoreTime is the longest time the plan gives for a restore alone: a
// clause that times a restore and nothing else ("the restore to 18.8.11
// took 1 h 10 min", "Restore rehearsed on staging: 1 h 55 min"), not one
// that times the hops and the restore together.
func restoreTime(p *lint.Pass) time.Duration {
	var longest time.Duration
	for _, l := range p.Doc.Lines {
		if l.Kind == lint.KindCode || !l.Has(lint.TermTimeUnit) || !(l.Has(lint.TermRestore) || l.Has(lint.TermRestoreCmd)) {
			continue
		}
		for _, clause := range clauses(l.Lower) {
			at := indexAny(clause, "restore", "wiederherstell", "restaur")
			if at < 0 || participle(clause[at:]) || containsAnyOf(clause, "hop", "salto", "upgrade", "total", "both", "together", "incl", "with", "insgesamt", "gesamt", "restored from", "restaurado desde", "restauré depuis", "wiederhergestellt aus") {
				continue
			}
			// The duration follows the restore it times.
			if sc := when.Scan(clause, time.Time{}); sc.DurationSpan.Start > at && sc.Duration < 24*time.Hour {
				longest = max(longest, sc.Duration)
			}
		}
	}
	return longest
}

// participle reports whether a restore word is a past participle that
// says where a copy came from ("staging, restored onto gitlab-stg",
// "restaurée sur forge-preprod01") rather than timing a restore.
func participle(s string) bool {
	for _, w := range []string{"restored", "restaurée", "restauré", "restaurada", "restaurado", "wiederhergestellt"} {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// clauses splits a line at the punctuation that ends a clause, outside
// parentheses.
func clauses(s string) []string {
	var out []string
	start, depth := 0, 0
	for i := 0; i+1 < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth = max(0, depth-1)
		}
		if depth == 0 && (s[i] == ',' || s[i] == ';' || s[i] == '.') && s[i+1] == ' ' {
			out = append(out, s[start:i])
			start = i + 2
		}
	}
	return append(out, s[start:])
}

// rehearsalTable adds up a table of the rehearsal's timings, one row per
// step with a duration in each timed cell ("| 17.11.7 → 18.2.8 | 22 min |
// 4 h 40 min |"). The waits of the last row count only for their first
// cell: the background migrations after the last hop may run on after the
// window. Restores are rollback time, not upgrade time.
func rehearsalTable(d *lint.Document) time.Duration {
	var rows [][]time.Duration
	var header *lint.Line
	for _, l := range d.Lines {
		if l.Kind != lint.KindTableRow || !l.In(lint.TermStaging) || l.Header == nil {
			continue
		}
		if l.Header != header {
			// Only the first table of timings.
			if header != nil {
				break
			}
			header = l.Header
		}
		if l.Has(lint.TermRestore) || l.Has(lint.TermRestoreCmd) || l.Has(lint.TermRollback) || l.ContainsAny("total", "gesamt", "sum", "totaal", "totale", "insgesamt") {
			// (Totals and the rollback's row are not steps of the upgrade:
			// "| **Totaal upgrade** | **7 u 30 min** |", "| Terugval ... |".)
			continue
		}
		// Columns of parts of a step ("install", "background
		// migrations") add up; alternative estimates ("staging",
		// "budget") do not: then the first timed cell is the step's.
		var row []time.Duration
		for ci, c := range l.Cells {
			sc := when.Scan(l.Text[c.Start:c.End], time.Time{})
			if sc.DurationSpan == (when.Span{}) || sc.Duration <= 0 || sc.Duration >= 24*time.Hour {
				continue
			}
			if len(row) > 0 && !(ci < len(l.Header.Cells) && migrationColumn(l.Header, l.Header.Cells[ci])) {
				continue
			}
			row = append(row, sc.Duration)
		}
		if len(row) > 0 {
			rows = append(rows, row)
		}
	}
	if len(rows) < 2 {
		return 0
	}
	var sum time.Duration
	for i, row := range rows {
		for j, d := range row {
			if i == len(rows)-1 && j > 0 {
				break
			}
			sum += d
		}
	}
	return sum
}

// migrationColumn reports whether a header cell heads the background
// migrations' wait.
func migrationColumn(h *lint.Line, c lint.Span) bool {
	return containsAnyOf(h.Lower[c.Start:c.End], "migration", "bbm", "background")
}

// tookParts reads a line that times the parts of a rehearsal clause by
// clause, each with "took": how many parts, their sum, and the longest
// restore named in another clause. A line that also names a total
// ("total", "whole path") is left to the total.
func tookParts(l *lint.Line) (parts int, sum, restored time.Duration) {
	if l.ContainsAny("total", "whole", "full path", "overall", "altogether", "insgesamt", "gesamt", "including", "inklusive", "einschließlich", "incluyendo", "incluidas", "incluidos", "y compris") {
		return 0, 0, 0
	}
	text := l.Text
	start := 0
	for i := 0; i <= len(text); i++ {
		if i < len(text) && !((text[i] == ',' || text[i] == ';' || text[i] == '.') && i+1 < len(text) && text[i+1] == ' ') {
			continue
		}
		clause := strings.ToLower(text[start:i])
		start = i + 2
		if j := strings.LastIndex(clause, ": "); j >= 0 {
			// ("Rehearsal timings from the test restore: hop to 18.5.7
			// took 45 min": the label says where the timings come from.)
			clause = clause[j+2:]
		}
		sc := when.Scan(clause, time.Time{})
		if sc.DurationSpan == (when.Span{}) || sc.Duration <= 0 {
			continue
		}
		switch {
		case containsAnyOf(clause, "restore", "wiederherstell", "restaur"):
			restored = max(restored, sc.Duration)
		case containsAnyOf(clause, "took", "dauerte", "tardó", "duró", "levou", "duurde"):
			parts++
			sum += sc.Duration
		}
	}
	return parts, sum, restored
}

// windowsWithDates counts the lines that name a window with a date of its
// own ("Window 2: Saturday 2026-12-12, 07:00–15:00 CET").
func windowsWithDates(p *lint.Pass) int {
	n := 0
	seen := map[string]bool{}
	for _, l := range p.Doc.Lines {
		headed := l.Kind == lint.KindTableRow && l.Header != nil && l.Header.Has(lint.TermWindow)
		if l.Kind == lint.KindCode || !l.Has(lint.TermWindow) && !((l.Kind == lint.KindTableRow || l.Item) && l.In(lint.TermWindow)) && !headed {
			// (A row of the window section's table is a window: "| 2 |
			// Thu 2026-12-10, 19:00–23:00 CET | → 18.8.11 |", and so is
			// an item under "Proposed windows:".)
			continue
		}
		// "W1: 2026-12-15, 19:00–23:00 · W2: 2026-12-17, 19:00–23:00":
		// one line may list several windows.
		if l.Has(lint.TermStaging) && !l.HasWord("production", "prod", "produktion", "producción", "produção", "produzione", "productie") || l.In(lint.TermStaging) && !l.In(lint.TermWindow) {
			// "| Staging | Tue 2026-12-08 16:00 ... |": the rehearsal's
			// window holds none of production's hops.
			continue
		}
		// (A row under a "Window" column: "| 1 | 18.5.7 | 18.8.11 |
		// sábado 12 de diciembre de 2026, 07:00–15:00 CET |".)
		row := (l.Kind == lint.KindTableRow || l.Item) && l.In(lint.TermWindow) && !(l.Has(lint.TermComms) && !l.Has(lint.TermWindow)) || headed
		// (An item that tells when users were told, "Ankündigung ...
		// seit 2027-01-04", dates the announcement, not a window.)
		for text := l.Text; text != ""; {
			sc := when.Scan(text, p.Today)
			if sc.Date == nil || sc.Start == nil && !row {
				// (A row of a window table may leave the time to a line
				// that gives it for all windows.)
				break
			}
			key := fmt.Sprint(sc.Date.Year, sc.Date.Month, sc.Date.Day)
			if !seen[key] {
				seen[key] = true
				n++
			}
			end := sc.Date.Span.End
			if sc.Start != nil {
				end = max(end, sc.Start.Span.End)
			}
			if sc.End != nil {
				end = max(end, sc.End.Span.End)
			}
			if end <= 0 || end >= len(text) {
				break
			}
			text = text[end:]
		}
	}
	return n
}

// cutoffAt finds a time by which the plan stops: "cut-off 12:30", "if the
// gate has not passed by 12:30 UTC we stay on 18.8". rolls tells whether
// the plan rolls back from there, rather than only stopping on a version
// it has reached.
func cutoffAt(p *lint.Pass) (at when.Clock, line *lint.Line, rolls, ok bool) {
	for _, l := range p.Doc.Lines {
		if l.Kind == lint.KindCode {
			continue
		}
		by := l.Has(lint.TermConditional) && l.HasWord("by", "bis", "avant")
		if !l.Has(lint.TermCutoff) && !by {
			continue
		}
		if sc := when.Scan(l.Text, time.Time{}); sc.Start != nil {
			return *sc.Start, l, l.Has(lint.TermRollback) || l.In(lint.TermRollback), true
		}
	}
	return when.Clock{}, nil, false, false
}

// durationIn returns a duration stated on a line ("3 h 20 min", "took 2
// hours") and where it is, or 0.
func durationIn(l *lint.Line) (time.Duration, when.Span) {
	sc := when.Scan(l.Text, time.Time{})
	if sc.DurationSpan != (when.Span{}) {
		return sc.Duration, sc.DurationSpan
	}
	return 0, when.Span{}
}

// provenance reports whether a restore word only says where a system came
// from ("staging, restored from the production backup") rather than
// timing a restore.
func provenance(l *lint.Line, m lint.Match) bool {
	w := l.Tokens[m.Tok].Word
	next := m.Tok + m.NTok
	return strings.HasSuffix(w, "ed") && next < len(l.Tokens) && l.Tokens[next].Word == "from"
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

// indexAny returns the offset of the first of words found in s, or -1.
func indexAny(s string, words ...string) int {
	at := -1
	for _, w := range words {
		if i := strings.Index(s, w); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	return at
}
