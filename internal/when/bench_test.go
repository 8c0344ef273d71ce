package when

import (
	"testing"
	"time"
)

var benchLines = []struct{ name, line string }{
	{"prose", "Before the upgrade, make sure every runner is paused and the team is notified."},
	{"version", "Upgrade GitLab from 16.11.10 to 17.8.1 on the 3K reference architecture"},
	{"window-en", "Maintenance window: Saturday, 12 December 2026, 22:00–04:00 CET (6 hours)"},
	{"window-de", "Die Wartung ist am Samstag, 12.12.2026, von 22:00 bis 04:00 Uhr (MEZ)."},
	{"window-fr", "Fenêtre : samedi 12 décembre 2026 de 22h à 4h (heure de Paris), durée : 6 heures"},
	{"iso", "Start: 2026-12-12T22:00:00+01:00, end 2026-12-13T04:00:00+01:00"},
	{"iana", "All times are in Europe/Berlin: 12/12/2026 10:00 PM until 2 AM"},
}

var sink Window

func BenchmarkScan(b *testing.B) {
	today := time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC)
	for _, bl := range benchLines {
		b.Run(bl.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sink = Scan(bl.line, today)
			}
		})
	}
}
