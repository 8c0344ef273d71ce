package when

import (
	"testing"
	"time"
)

func FuzzScan(f *testing.F) {
	seeds := []string{
		"",
		"2026-12-12T22:00:00+01:00",
		"2026-12-12 22:00Z",
		"Samstag, 12. Dez. 2026, 22:00–04:00 Uhr MEZ",
		"sábado 12 de diciembre de 2026, entre las 22:00 y las 02:00 (hora de Madrid)",
		"samedi 12 décembre 2026 de 22h à 4h (heure de Paris), durée : 6 heures",
		"Saturday, December 12th, 2026 at 10 PM PST (6 hours)",
		"Sat 12/12, 10pm-2am ET",
		"22:00 UTC+01:00 Europe/Berlin America/Argentina/Buenos_Aires",
		"gitlab-ee=16.11.10-ee.0 10.0.0.5:8080 1h30 1,5 Stunden 4-6 hours",
		"22:00 -0500 GMT−05:00 T22:00:00.000Z 12am 10 a. m.",
		"de 22h00 jusqu'à 02h00 12.12. 31/12 24 Uhr bis Mitternacht",
		"\xff\xfe 12\u00a0h 30 \u202fUhr İSTANBUL ǅ 9–11pm",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	today := time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, text string) {
		w := Scan(text, today)
		span := func(what string, s Span) {
			if s.Start < 0 || s.End > len(text) || s.Start > s.End {
				t.Fatalf("%s span %v out of range for %q", what, s, text)
			}
		}
		if d := w.Date; d != nil {
			span("date", d.Span)
			if d.Span.Start == d.Span.End {
				t.Fatalf("empty date span in %q", text)
			}
			if !validDate(d.Year, d.Month, d.Day) {
				t.Fatalf("invalid date %d-%d-%d in %q", d.Year, d.Month, d.Day, text)
			}
		}
		for _, c := range []*Clock{w.Start, w.End} {
			if c == nil {
				continue
			}
			span("clock", c.Span)
			if c.Hour < 0 || c.Hour > 23 || c.Minute < 0 || c.Minute > 59 {
				t.Fatalf("invalid clock %d:%d in %q", c.Hour, c.Minute, text)
			}
		}
		if w.End != nil && w.Start == nil {
			t.Fatalf("end without start in %q", text)
		}
		if z := w.Zone; z != nil {
			span("zone", z.Span)
			if z.Text != text[z.Span.Start:z.Span.End] {
				t.Fatalf("zone text %q is not its span in %q", z.Text, text)
			}
			if z.Fixed && (z.Offset < -14*3600 || z.Offset > 14*3600) {
				t.Fatalf("zone offset %d in %q", z.Offset, text)
			}
		}
		if w.Duration < 0 || w.Duration > maxDuration {
			t.Fatalf("duration %v in %q", w.Duration, text)
		}
		span("duration", w.DurationSpan)
		if _, _, ok := w.StartTime(); ok != (w.Date != nil && w.Start != nil) {
			t.Fatalf("StartTime ok=%v in %q", ok, text)
		}
		if d, ok := ParseDuration(text); ok && (d <= 0 || d > maxDuration) {
			t.Fatalf("ParseDuration(%q) = %v", text, d)
		}
	})
}
