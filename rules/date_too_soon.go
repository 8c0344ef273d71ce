package rules

import (
	"time"

	"github.com/planlint/planlint/lint"
)

// minLeadDays is how many days before the window a plan should be ready
// for review.
const minLeadDays = 7

// DateTooSoon finds windows that leave no time for a review.
var DateTooSoon = &lint.Rule{
	ID:       "date-too-soon",
	Title:    "the window starts too soon for a review, or is already past",
	Severity: lint.Warning,
	Category: lint.RequiredInfo,
	Doc: `Support reviews a plan before the window and may ask for changes or more information; a
window that starts within a week leaves no time for that round trip. A window in the past means
the plan is stale. The rule warns when the window starts less than 7 days after today, and reports
an error when it has already started. Today is the day planlint runs, or ` + "`--today`" + `.

Fix: move the window at least 7 days ahead, or update the plan's date.`,
	Run: func(p *lint.Pass) {
		w := p.Plan.Window
		if w == nil || !w.HasDate {
			return
		}
		y, m, d := w.Start.Date()
		start := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		today := p.Today
		days := int(start.Sub(today).Hours() / 24)
		at := w.DateSpan
		line := w.Line
		if w.DateLine != nil {
			line = w.DateLine
		}
		date := start.Format(time.DateOnly)
		switch {
		case start.Before(today):
			p.ReportfWith([]lint.ReportOption{lint.WithSeverity(lint.Error)}, line, at,
				"maintenance window on %s is in the past (today is %s). pick a new date at least %d days ahead and update the plan", date, today.Format(time.DateOnly), minLeadDays)
		case days < minLeadDays:
			p.Reportf(line, at, "maintenance window on %s starts in %d days. Support needs time to review the plan: schedule it on %s or later", date, days, today.AddDate(0, 0, minLeadDays).Format(time.DateOnly))
		}
	},
}
