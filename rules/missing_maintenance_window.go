package rules

import "github.com/planlint/planlint/lint"

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

Fix: add "Window: <date> <start>-<end> <time zone>", for example "Window: 2026-12-12 22:00-04:00
Europe/Berlin".`,
	Run: func(p *lint.Pass) {
		w := p.Plan.Window
		switch {
		case w == nil:
			p.ReportDocumentf("plan gives no maintenance window. add the date and start time of the upgrade with its time zone, for example \"Window: 2026-12-12 22:00-04:00 Europe/Berlin\"")
		case w.HasDate && w.HasTime:
		case w.Placeholder:
			// placeholder-text reports the unfilled value.
		case !w.HasDate:
			p.ReportLinef(w.Line, "maintenance window has no date. add the calendar date of the upgrade, for example \"2026-12-12 22:00 Europe/Berlin\"")
		default:
			p.ReportLinef(w.Line, "maintenance window has no start time. add the time the upgrade starts, with its time zone, for example \"22:00 Europe/Berlin\"")
		}
	},
}
