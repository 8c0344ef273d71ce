package rules

import "github.com/planlint/planlint/lint"

// MissingTimezone finds window times without a zone or UTC offset.
var MissingTimezone = &lint.Rule{
	ID:       "missing-timezone",
	Title:    "the window's time has no time zone or UTC offset",
	Severity: lint.Error,
	Category: lint.RequiredInfo,
	Doc: `"22:00" means different instants to the customer and to a Support engineer in another region.
Support requires the timezone with the window.

Fix: write the zone next to the time: an IANA name ("Europe/Berlin"), a UTC offset ("UTC+1",
"+01:00") or a common abbreviation ("CET", "EST").`,
	Run: func(p *lint.Pass) {
		zoneless(p, p.Plan.Window)
		for _, w := range p.Plan.MoreWindows {
			zoneless(p, w)
		}
	},
}

// zoneless reports a window whose start time has no zone planlint can
// place.
func zoneless(p *lint.Pass, w *lint.Window) {
	if w == nil || !w.HasTime || w.Zoned || w.Placeholder && !w.HasDate {
		return
	}
	if w.Zone != "" {
		p.Reportf(w.Line, w.ZoneSpan, "time zone %s is not one planlint can place. use an IANA name such as \"Europe/Berlin\" or a UTC offset such as \"UTC+1\"", quote(w.Zone))
		return
	}
	at := w.TimeSpan
	p.Reportf(w.Line, at, "start time %s has no time zone. add a zone or UTC offset, for example \"%s Europe/Berlin\" or \"%s UTC+1\"", quote(w.Line.Text[at.Start:at.End]), w.Line.Text[at.Start:at.End], w.Line.Text[at.Start:at.End])
}
