package when

import (
	"math/rand"
	"os"
	"sync/atomic"
	"testing"
	"time"
)

func TestStress(t *testing.T) {
	if os.Getenv("STRESS") == "" {
		t.Skip()
	}
	alphabet := []string{"12", "2026", ".", "-", "/", ":", " ", "h", "Uhr", "am", "pm", "a", ".", "m", "Dec", "de", "UTC", "+", "−", "Europe", "/", "Berlin", "T", "Z", "–", "bis", "and", "between", "heure", "de", "Paris", "time", "1", "0", "00", "30", "'", "à", "jusqu", "las", "midnight", "hours", "Stunden", ",", "5", "min", "m", "CET", "(", ")", "é", "\xff", "İ", "24", "7"}
	var cur atomic.Value
	done := make(chan bool)
	go func() {
		for {
			select {
			case <-done:
				return
			case <-time.After(3 * time.Second):
				t.Errorf("stuck on %q", cur.Load())
				os.Exit(1)
			}
		}
	}()
	r := rand.New(rand.NewSource(1))
	deadline := time.Now().Add(20 * time.Second)
	n := 0
	for time.Now().Before(deadline) {
		k := 1 + r.Intn(12)
		s := ""
		for i := 0; i < k; i++ {
			s += alphabet[r.Intn(len(alphabet))]
		}
		cur.Store(s)
		Scan(s, today)
		ParseDuration(s)
		n++
		if n%100000 == 0 {
			done <- true
			go func() {
				for {
					select {
					case <-done:
						return
					case <-time.After(3 * time.Second):
						t.Errorf("stuck on %q", cur.Load())
						os.Exit(1)
					}
				}
			}()
		}
	}
	close(done)
	t.Logf("%d inputs", n)
}
