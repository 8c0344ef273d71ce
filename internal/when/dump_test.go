package when

import (
	"fmt"
	"os"
	"bufio"
	"testing"
	"time"
)

func fmtW(line string, w Window) string {
	out := ""
	if w.Date != nil {
		out += fmt.Sprintf(" D=%04d-%02d-%02d%s[%s]", w.Date.Year, w.Date.Month, w.Date.Day, map[bool]string{true: "?", false: ""}[w.Date.YearInferred], line[w.Date.Span.Start:w.Date.Span.End])
	}
	if w.Start != nil {
		out += fmt.Sprintf(" S=%02d:%02d[%s]", w.Start.Hour, w.Start.Minute, line[w.Start.Span.Start:w.Start.Span.End])
	}
	if w.End != nil {
		out += fmt.Sprintf(" E=%02d:%02d[%s]", w.End.Hour, w.End.Minute, line[w.End.Span.Start:w.End.Span.End])
	}
	if w.Zone != nil {
		out += fmt.Sprintf(" Z=%q iana=%q fixed=%v off=%d", w.Zone.Text, w.Zone.IANA, w.Zone.Fixed, w.Zone.Offset)
	}
	if w.Duration != 0 {
		out += fmt.Sprintf(" dur=%v[%s]", w.Duration, line[w.DurationSpan.Start:w.DurationSpan.End])
	}
	return out
}

func TestDump(t *testing.T) {
	f, err := os.Open(os.Getenv("DUMP"))
	if err != nil {
		t.Skip()
	}
	today := time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		fmt.Printf("%-50s =>%s\n", line, fmtW(line, Scan(line, today)))
	}
}
