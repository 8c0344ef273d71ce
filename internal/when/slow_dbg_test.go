package when

import (
	"strings"
	"testing"
	"time"
)

func TestSlowInput(t *testing.T) {
	s := "Aa!A!A\xb1A\xb1A!a" + strings.Repeat("\xb1a", 200) + strings.Repeat("\xb1", 500)
	for _, f := range []struct {
		name string
		fn   func()
	}{{"scan", func() { Scan(s, today) }}, {"pd", func() { ParseDuration(s) }}, {"go", func() { time.ParseDuration(s) }}} {
		start := time.Now()
		for k := 0; k < 100; k++ {
			f.fn()
		}
		t.Logf("%s %v", f.name, time.Since(start)/100)
	}
}

func BenchmarkSlowPD(b *testing.B) {
	s := "Aa!A!A\xb1A\xb1A!a" + strings.Repeat("\xb1a", 200) + strings.Repeat("\xb1", 500)
	for b.Loop() {
		ParseDuration(s)
	}
}
