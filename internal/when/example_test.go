package when_test

import (
	"fmt"
	"time"

	"github.com/planlint/planlint/internal/when"
)

func ExampleScan() {
	line := "Samstag, 12. Dez. 2026, 22:00–04:00 Uhr MEZ"
	w := when.Scan(line, time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC))

	at := func(s when.Span) string { return line[s.Start:s.End] }
	fmt.Printf("date  %d-%02d-%02d %q\n", w.Date.Year, w.Date.Month, w.Date.Day, at(w.Date.Span))
	fmt.Printf("start %02d:%02d %q\n", w.Start.Hour, w.Start.Minute, at(w.Start.Span))
	fmt.Printf("end   %02d:%02d %q\n", w.End.Hour, w.End.Minute, at(w.End.Span))
	fmt.Printf("zone  %s fixed=%v offset=%d\n", w.Zone.Text, w.Zone.Fixed, w.Zone.Offset)
	fmt.Println("duration", w.Duration)

	start, zoned, _ := w.StartTime()
	fmt.Println(start.UTC(), zoned)
	// Output:
	// date  2026-12-12 "12. Dez. 2026"
	// start 22:00 "22:00"
	// end   04:00 "04:00 Uhr"
	// zone  MEZ fixed=true offset=3600
	// duration 6h0m0s
	// 2026-12-12 21:00:00 +0000 UTC true
}

func ExampleParseDuration() {
	for _, s := range []string{"6h", "1h30", "1,5 Stunden", "360 minutes", "6 horas", "16.11.10"} {
		d, ok := when.ParseDuration(s)
		fmt.Println(s, d, ok)
	}
	// Output:
	// 6h 6h0m0s true
	// 1h30 1h30m0s true
	// 1,5 Stunden 1h30m0s true
	// 360 minutes 6h0m0s true
	// 6 horas 6h0m0s true
	// 16.11.10 0s false
}
