package rules

import (
	"strings"
	"time"

	"github.com/planlint/planlint/lint"
)

// MissingMaintenanceWindow finds plans without a concrete window.
var MissingMaintenanceWindow = &lint.Rule{
	ID:       "missing-maintenance-window",
	Title:    "the plan does not give a concrete date and start time for the upgrade",
	Severity: lint.Error,
	Category: lint.RequiredInfo,
	Doc: `Support needs the time of the upgrade, with date, time and time zone, to review the plan in
time and to know when the customer may need help. "Saturday night" or "next week" is not a window.

planlint reads the window from front matter (` + "`window_start`" + `, ` + "`window_end`" + ` or ` + "`window_duration`" + `,
` + "`timezone`" + `), a window section or label ("Window: 2026-12-12 22:00-04:00 CET"), a schedule table, or a
sentence that gives a date and a time for the upgrade. Dates in English, German, Spanish and French
are understood.

A date whose weekday contradicts the one written beside it ("Friday, 16 January 2027", a Saturday)
leaves the day of the upgrade uncertain and is reported too.

Fix: add "Window: <date> <start>-<end> <time zone>", for example "Window: 2026-12-12 22:00-04:00
Europe/Berlin".`,
	Run: func(p *lint.Pass) {
		w := p.Plan.Window
		switch {
		case w == nil:
			p.ReportDocumentf("plan gives no maintenance window. add the date and start time of the upgrade with its time zone, for example \"Window: 2026-12-12 22:00-04:00 Europe/Berlin\"")
		case w.HasDate && w.HasTime:
			if said, ok := statedWeekday(w); ok && said != w.Start.AddDate(0, 0, w.DateBack).Weekday() {
				l := w.Line
				if w.DateLine != nil {
					l = w.DateLine
				}
				p.Reportf(l, w.DateSpan, "the window's date %s is a %s, but the plan calls it a %s. correct the date or the weekday, so the day of the upgrade is certain", quote(w.Start.AddDate(0, 0, w.DateBack).Format(time.DateOnly)), w.Start.AddDate(0, 0, w.DateBack).Weekday(), said)
			}
		case w.Placeholder:
			// placeholder-text reports the unfilled value.
		case !w.HasDate:
			p.ReportLinef(w.Line, "maintenance window has no date. add the calendar date of the upgrade, for example \"2026-12-12 22:00 Europe/Berlin\"")
		default:
			p.ReportLinef(w.Line, "maintenance window has no start time. add the time the upgrade starts, with its time zone, for example \"22:00 Europe/Berlin\"")
		}
	},
}

// statedWeekday returns the weekday the plan writes right before the
// window's date ("Freitag, 16. Januar 2027", "Sat 2027-01-16").
func statedWeekday(w *lint.Window) (time.Weekday, bool) {
	l := w.Line
	if w.DateLine != nil {
		l = w.DateLine
	}
	if l == nil || w.DateSpan.Start <= 0 || w.DateSpan.Start > len(l.Lower) {
		return 0, false
	}
	before := strings.TrimRight(l.Lower[:w.DateSpan.Start], " ,.*_(")
	for _, filler := range []string{" den", " le", " el", " de"} {
		before = strings.TrimRight(strings.TrimSuffix(before, filler), " ,")
	}
	i := strings.LastIndexAny(before, " \t|:(*")
	word := before[i+1:]
	d, ok := weekdayNames[word]
	return d, ok
}

// weekdayNames are the weekdays, in full and abbreviated, in the languages
// planlint reads.
var weekdayNames = func() map[string]time.Weekday {
	m := map[string]time.Weekday{}
	for d, names := range [7][]string{
		{"sunday", "sun", "sonntag", "domingo", "dimanche", "dim", "zondag", "domenica", "dom"},
		{"monday", "mon", "montag", "mo", "lunes", "lun", "lundi", "maandag", "lunedì", "segunda", "segunda-feira"},
		{"tuesday", "tue", "tues", "dienstag", "di", "martes", "mardi", "dinsdag", "martedì", "terça", "terça-feira"},
		{"wednesday", "wed", "mittwoch", "mi", "miércoles", "miercoles", "mié", "mercredi", "mer", "woensdag", "mercoledì", "quarta", "quarta-feira"},
		{"thursday", "thu", "thurs", "donnerstag", "jueves", "jue", "jeudi", "jeu", "donderdag", "giovedì", "quinta", "quinta-feira"},
		{"friday", "fri", "freitag", "fr", "viernes", "vie", "vendredi", "ven", "vrijdag", "venerdì", "sexta", "sexta-feira"},
		{"saturday", "sat", "samstag", "sa", "sonnabend", "sábado", "sabado", "sáb", "samedi", "sam", "zaterdag", "sabato"},
	} {
		for _, n := range names {
			m[n] = time.Weekday(d)
		}
	}
	return m
}()
