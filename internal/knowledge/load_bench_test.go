package knowledge

import (
	"testing"

	"github.com/planlint/planlint/internal/glversion"
)

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

// notesForPlans are plans of the shapes planlint lints, for the NotesFor
// benchmarks.
var notesForPlans = []struct {
	name            string
	current, target glversion.Version
	hops            []glversion.Version
	setup           Setup
}{
	{"multinode-18.2-18.11", glversion.New(18, 2, 8), glversion.New(18, 11, 11),
		[]glversion.Version{glversion.New(18, 5, 7), glversion.New(18, 8, 11), glversion.New(18, 11, 11)},
		Setup{InstallMethod: "linux-package", Topology: "multi-node", Edition: "ee"}},
	{"single-15.4-19.3", glversion.New(15, 4, 2), glversion.New(19, 3, 0),
		[]glversion.Version{glversion.New(15, 4, 6), glversion.New(15, 11, 13), glversion.New(16, 3, 9), glversion.New(16, 7, 10),
			glversion.New(16, 11, 10), glversion.New(17, 3, 7), glversion.New(17, 5, 5), glversion.New(17, 8, 7), glversion.New(17, 11, 7),
			glversion.New(18, 2, 8), glversion.New(18, 5, 7), glversion.New(18, 8, 11), glversion.New(18, 11, 11), glversion.New(19, 2, 4)},
		Setup{}},
}

// BenchmarkNotesFor measures NotesFor and Trigger on a Base that has
// answered before, as a long-running caller sees it.
func BenchmarkNotesFor(b *testing.B) {
	kb, err := load()
	if err != nil {
		b.Fatal(err)
	}
	for _, p := range notesForPlans {
		b.Run(p.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, n := range kb.NotesFor(p.current, p.target, p.hops, p.setup) {
					n.Trigger(p.current, p.target, p.hops)
				}
			}
		})
	}
}

// BenchmarkNotesForFirst measures a fresh Base answering its first
// NotesFor, as a planlint process does: the load and the one call.
func BenchmarkNotesForFirst(b *testing.B) {
	for _, p := range notesForPlans {
		b.Run(p.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				kb, err := load()
				if err != nil {
					b.Fatal(err)
				}
				for _, n := range kb.NotesFor(p.current, p.target, p.hops, p.setup) {
					n.Trigger(p.current, p.target, p.hops)
				}
			}
		})
	}
}
