package knowledge

import "testing"

// BenchmarkDefaultLoad measures what Default pays once per process: turning
// the embedded data into a Base.
func BenchmarkDefaultLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := load(); err != nil {
			b.Fatal(err)
		}
	}
}
